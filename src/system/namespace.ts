/** `stash.system`: the server's version, status, statistics and logs. */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  LatestVersionDocument,
  LogsDocument,
  StatsDocument,
  SystemStatusDocument,
  type LatestVersionQuery,
  type LogsQuery,
  type StatsQuery,
  type SystemStatusQuery,
} from "../../generated/graphql";
import { version, type StashVersion } from "./version";

/** Counts and sizes of the library. */
export type StashStats = StatsQuery["stats"];
/** Whether the server is set up, its database and config paths. */
export type SystemStatus = SystemStatusQuery["systemStatus"];
/** The newest release Stash knows about (it asks GitHub). */
export type LatestVersion = LatestVersionQuery["latestversion"];
/** One line of the server's log buffer. */
export type LogEntry = LogsQuery["logs"][number];

/**
 * The `stash.system` namespace.
 *
 * @group Namespaces
 */
export interface SystemNamespace {
  /** The server's version, e.g. `{ version: "v0.30.1", hash, build_time }`. */
  version(options?: CallOptions): Promise<StashVersion>;
  /** Setup state, paths and database schema version. */
  status(options?: CallOptions): Promise<SystemStatus>;
  /** Library counts and sizes. */
  stats(options?: CallOptions): Promise<StashStats>;
  /** The newest release (Stash asks GitHub, so this needs the server online). */
  latestVersion(options?: CallOptions): Promise<LatestVersion>;
  /** The server's recent log lines. */
  logs(options?: CallOptions): Promise<LogEntry[]>;
}

/** Builds `stash.system` over a core. */
export function createSystem(core: StashCoreApi): SystemNamespace {
  return {
    version: (options) => version(core, options),
    status: async (options) => (await core.request(SystemStatusDocument, {}, options)).systemStatus,
    stats: async (options) => (await core.request(StatsDocument, {}, options)).stats,
    latestVersion: async (options) => (await core.request(LatestVersionDocument, {}, options)).latestversion,
    logs: async (options) => (await core.request(LogsDocument, {}, options)).logs,
  };
}

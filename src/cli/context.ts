/**
 * What every command gets: the io, writers, and a client built from
 * `--url`/`--api-key`/`--timeout` or `STASH_URL`/`STASH_API_KEY`/`STASH_TIMEOUT_MS`.
 */
import type { Command } from "commander";
import type { CallOptions } from "../core/client";
import { StashClient } from "../stash-client";
import { writeWithBackpressure, type CliIo } from "./io";
import { wholeNumber } from "./parse";

/** The connection flags every server command accepts. */
export interface ConnectionFlags {
  url?: string;
  apiKey?: string;
  timeout?: number;
}

/** Shared by all commands of one program. */
export interface CliContext {
  readonly io: CliIo;
  /** Writes to stdout, waiting when the pipe is full. */
  out(text: string): Promise<void>;
  /** Writes to stderr. */
  err(text: string): void;
  /** A client for the flags, falling back to the environment. */
  client(flags: ConnectionFlags): StashClient;
  /** The API key the flags or environment give, if any (e.g. to fetch screenshots). */
  apiKey(flags: ConnectionFlags): string | undefined;
  /** Per-call options: the interrupt signal. */
  readonly call: CallOptions;
}

/** Adds `--url`, `--api-key` and `--timeout` to a command that talks to Stash. */
export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option("--url <url>", "Stash URL, base or /graphql (default: $STASH_URL or http://localhost:9999)")
    .option("--api-key <key>", "API key (default: $STASH_API_KEY)")
    .option("--timeout <ms>", "per-request timeout in ms (default: $STASH_TIMEOUT_MS or 30000)", wholeNumber(0));
}

/** Builds the context for one program run. */
export function createContext(io: CliIo): CliContext {
  const apiKey = (flags: ConnectionFlags) => flags.apiKey?.trim() || io.env.STASH_API_KEY?.trim() || undefined;
  return {
    io,
    out: (text) => writeWithBackpressure(io.stdout, text),
    err: (text) => void io.stderr.write(text),
    apiKey,
    client: (flags) => {
      const key = apiKey(flags);
      return StashClient.fromEnv(io.env, {
        ...(flags.url ? { url: flags.url } : {}),
        ...(key ? { apiKey: key } : {}),
        ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
        logger: { warn: (message) => void io.stderr.write(`stash-gql: warning: ${message}\n`) },
      });
    },
    call: io.signal ? { signal: io.signal } : {},
  };
}

/** The server's version. */
import type { CallOptions, StashCoreApi } from "../core/client";
import { VersionDocument, type VersionQuery } from "../../generated/graphql";

/** `{ version, hash, build_time }`; `version` is like `v0.30.1`, or empty for unofficial builds. */
export type StashVersion = VersionQuery["version"];

/** The server's version, as it reports it. */
export async function version(core: StashCoreApi, options?: CallOptions): Promise<StashVersion> {
  return (await core.request(VersionDocument, {}, options)).version;
}

/**
 * The server version that version-dependent checks (sort names, input fields) judge
 * against: what the capability probe saw, or "the newest" when the client does not
 * probe or the build reports no release number.
 */
import type { CallOptions, StashCoreApi } from "./client";
import { compareSemver, parseStashVersion, type StashSemver } from "./capabilities";

/** A server as the version-dependent checks see it; `semver` null means "use the newest lists". */
export interface ServerVersion {
  /** The reported version string, `""` when unknown. */
  readonly version: string;
  readonly semver: StashSemver | null;
}

/** The newest lists: for a client that does not probe, and for dev or unofficial builds. */
export const NEWEST_SERVER: ServerVersion = { version: "", semver: null };

/**
 * The connected server's version from the (cached) capability probe; without
 * compatibility checks, `NEWEST_SERVER` and no request.
 */
export async function serverVersion(core: StashCoreApi, options?: CallOptions): Promise<ServerVersion> {
  if (!core.checksCompatibility || !core.capabilities) return NEWEST_SERVER;
  const caps = await core.capabilities(options?.signal ? { signal: options.signal } : {});
  return { version: caps.version, semver: caps.semver };
}

const minorOf = (v: StashSemver): StashSemver => ({ major: v.major, minor: v.minor, patch: 0 });

/**
 * The committed release (of `releases`, oldest first) that stands for `server`: the newest
 * whose minor version is not newer than the server's, else the oldest; the newest for
 * unknown versions. Stash's lists do not change within a minor version.
 */
export function releaseFor(server: ServerVersion, releases: readonly string[]): string {
  const newest = releases[releases.length - 1];
  if (newest === undefined) throw new Error("releaseFor: no releases");
  if (!server.semver) return newest;
  const target = minorOf(server.semver);
  let chosen = releases[0]!;
  for (const release of releases) {
    const parsed = parseStashVersion(release);
    if (parsed && compareSemver(minorOf(parsed), target) <= 0) chosen = release;
  }
  return chosen;
}

/** True when `a` is an older release than `b` (both `vX.Y.Z`). */
export function releaseBefore(a: string, b: string): boolean {
  const pa = parseStashVersion(a);
  const pb = parseStashVersion(b);
  return pa !== null && pb !== null && compareSemver(pa, pb) < 0;
}

/** How messages name the server, e.g. `Stash v0.28.1`. */
export function describeServer(server: ServerVersion): string {
  return server.version ? `Stash ${server.version}` : "this Stash build";
}

/** `v0.30.1` -> `v0.30`. */
export function minorLabel(release: string): string {
  return release.replace(/^(v?\d+\.\d+)\.\d+$/, "$1");
}

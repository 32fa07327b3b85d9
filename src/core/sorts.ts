/**
 * Sort names per entity and Stash release, from generated/sorts.ts (read from Stash's
 * Go source). A name no release knows is refused before any request; one the
 * connected server's release lacks, after the capability probe.
 */
import { sortReleases, sortsByRelease, type SortEntity } from "../../generated/sorts";
import { StashValidationError } from "./errors";
import { describeServer, minorLabel, releaseBefore, releaseFor, type ServerVersion } from "./server-version";

export type { SortEntity };

const RANDOM_SEED = /^random_\d+$/;

function listOf(release: string, entity: SortEntity): readonly string[] {
  return sortsByRelease[release]![entity];
}

/** The sort names the newest known Stash release accepts for `entity`. */
export function newestSorts(entity: SortEntity): readonly string[] {
  return listOf(sortReleases[sortReleases.length - 1]!, entity);
}

/** Every sort name some supported release accepts for `entity` (newest first): the version-independent check. */
export function knownSorts(entity: SortEntity): readonly string[] {
  const names = new Set<string>();
  for (const release of [...sortReleases].reverse()) for (const name of listOf(release, entity)) names.add(name);
  return [...names];
}

/** The sort names of the release standing for `server`. */
export function sortsFor(entity: SortEntity, server: ServerVersion): readonly string[] {
  return listOf(releaseFor(server, sortReleases), entity);
}

/** Throws when the server's release does not accept `sort` for `entity`; `random_<seed>` always passes. */
export function checkSortForServer(sort: string | null | undefined, argument: string, entity: SortEntity, server: ServerVersion): void {
  if (sort == null || RANDOM_SEED.test(sort)) return;
  const release = releaseFor(server, sortReleases);
  const allowed = listOf(release, entity);
  if (allowed.includes(sort)) return;
  const first = sortReleases.find((r) => listOf(r, entity).includes(sort));
  const since = first && releaseBefore(release, first) ? ` (it arrived in Stash ${minorLabel(first)})` : "";
  throw new StashValidationError(
    argument,
    `"${sort}" is not a sort ${describeServer(server)} accepts for ${entity}${since}; use one of ${allowed.join(", ")}, or random_<seed>`,
  );
}

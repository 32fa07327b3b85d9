/**
 * Sort names per Stash release (generated/sorts.ts, read from each release's
 * Go source): a stand-in claiming an older version refuses the sorts that
 * release did not have, with the same `invalid sort` error.
 */
import { sortReleases, sortsByRelease, type SortEntity } from "../../../generated/sorts";
import type { SortSpec } from "../find-filter";

function triple(version: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The release whose sort list applies: same minor version, else the newest older one, else the oldest. */
function releaseOf(version: string): string {
  const wanted = triple(version);
  const newest = sortReleases[sortReleases.length - 1]!;
  if (!wanted) return newest;
  let chosen = sortReleases[0]!;
  for (const release of sortReleases) {
    const t = triple(release)!;
    if (t[0] < wanted[0] || (t[0] === wanted[0] && t[1] <= wanted[1])) chosen = release;
  }
  return chosen;
}

/** The sort names the release standing for `version` accepts for an entity. */
function allowedSorts(entity: SortEntity, version: string): ReadonlySet<string> {
  return new Set(sortsByRelease[releaseOf(version)]![entity]);
}

/**
 * Refuses a sort name the release standing for `version` lacks, as that release's
 * `invalid sort` check would; `random_<seed>` passes (pkg/sqlite/sql.go validateSort
 * checks the seed before the names).
 */
export function requireReleaseSort(entity: SortEntity, version: string, sort: string): void {
  if (sort.startsWith("random_")) return;
  if (!allowedSorts(entity, version).has(sort)) throw new Error(`invalid sort: ${sort}`);
}

/** `spec` restricted to the sort names the release standing for `version` accepts. */
export function forRelease<T>(spec: SortSpec<T>, entity: SortEntity, version: string): SortSpec<T> {
  const allowed = allowedSorts(entity, version);
  const keys = Object.fromEntries(Object.entries(spec.keys).filter(([name]) => allowed.has(name)));
  return { ...spec, keys };
}

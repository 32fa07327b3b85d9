/**
 * FindFilterType as Stash applies it: validated sort names, `random_<seed>`,
 * direction, and page/per_page with Stash's defaults (-1 = all, 0 = none but
 * the count is still the total).
 */

/** The FindFilterType input as it arrives from GraphQL. */
export interface FindFilterInput {
  q?: string | null;
  page?: number | null;
  per_page?: number | null;
  sort?: string | null;
  direction?: "ASC" | "DESC" | null;
}

/** A sort key's value; null sorts first ascending, like SQLite's NULLs. */
export type SortValue = string | number | null;

/** How one object type can be sorted: allowed names and how to read each key. */
export interface SortSpec<T> {
  /** Sort name → key. Names listed here are the only ones accepted besides random. */
  readonly keys: Readonly<Record<string, (item: T) => SortValue>>;
  /** Sort used when the filter names none (Stash: id for scenes, title for markers). */
  readonly defaultSort?: string;
}

/** The result of sorting and paging: the total count and the page. */
export interface PageResult<T> {
  readonly count: number;
  readonly items: T[];
}

const DEFAULT_PER_PAGE = 25;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A deterministic pseudo-random key per (seed, id), so `random_<seed>` is repeatable. */
function randomKey(seed: number, id: number): number {
  let h = (seed ^ Math.imul(id, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Checks the sort name, throwing Stash's `invalid sort: X` for anything not allowed. */
export function comparatorFor<T extends { id: number }>(
  sort: string | null | undefined,
  spec: SortSpec<T>,
): (a: T, b: T) => number {
  const name = sort || spec.defaultSort || "id";
  const seeded = /^random_(.*)$/.exec(name);
  if (seeded && !/^\d+$/.test(seeded[1]!)) throw new Error(`invalid random seed: ${seeded[1]}`);
  const random = /^random(?:_(\d+))?$/.exec(name);
  if (random) {
    // Plain `random` changes between calls, as Stash's does; a seed makes it stable.
    const seed = random[1] !== undefined ? Number(random[1]) : Math.floor(Math.random() * 2 ** 31);
    return (a, b) => randomKey(seed, a.id) - randomKey(seed, b.id) || a.id - b.id;
  }
  const key = name === "id" && !spec.keys["id"] ? (item: T) => item.id : spec.keys[name];
  if (!key) throw new Error(`invalid sort: ${name}`);
  return (a, b) => compareValues(key(a), key(b)) || a.id - b.id;
}

/** Store tables iterate in id order, so an id sort over them is usually already done: skip it when so. */
function byIdInOrder<T extends { id: number }>(items: readonly T[], sort: string | null | undefined, spec: SortSpec<T>): boolean {
  const name = sort || spec.defaultSort || "id";
  if (name !== "id") return false;
  for (let i = 1; i < items.length; i++) if (items[i - 1]!.id >= items[i]!.id) return false;
  return true;
}

/** The page `filter` asks for out of already-sorted items: per_page -1 is all, 0 is none. */
export function pageOf<T>(sorted: readonly T[], filter: FindFilterInput | null | undefined): T[] {
  const perPage = filter?.per_page ?? DEFAULT_PER_PAGE;
  if (perPage === 0) return [];
  if (perPage < 0) return [...sorted];
  const start = (Math.max(1, filter?.page ?? 1) - 1) * perPage;
  return sorted.slice(start, start + perPage);
}

/** Sorts and pages `items` (which must already be filtered) per the FindFilterType. */
export function sortAndPage<T extends { id: number }>(
  items: readonly T[],
  filter: FindFilterInput | null | undefined,
  spec: SortSpec<T>,
): PageResult<T> {
  const count = items.length;
  // Checked even when nothing is returned: an unknown sort is an error at per_page 0 too.
  const compare = comparatorFor(filter?.sort, spec);
  if (filter?.per_page === 0) return { count, items: [] };
  const descending = filter?.direction === "DESC";
  const sorted: readonly T[] = byIdInOrder(items, filter?.sort, spec)
    ? descending
      ? [...items].reverse()
      : items
    : [...items].sort(descending ? (a, b) => compare(b, a) : compare);
  return { count, items: pageOf(sorted, filter) };
}

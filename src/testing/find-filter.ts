/**
 * FindFilterType as Stash applies it (pkg/models/find_filter.go, pkg/sqlite/sql.go): validated sort names, `random_<seed>`,
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
  /** Sort used when the filter names none (Stash: id for scenes, name for tags). */
  readonly defaultSort?: string;
  /**
   * The key Stash appends after every sort, always ascending (e.g. `, COALESCE(tags.sort_name,
   * tags.name) COLLATE NATURAL_CI ASC`); id breaks what remains. Without it the whole order,
   * id included, follows the direction.
   */
  readonly tieBreak?: (item: T) => SortValue;
}

/** The result of sorting and paging: the total count and the page. */
export interface PageResult<T> {
  readonly count: number;
  readonly items: T[];
}

/** Stash's page size when a find filter names none (pkg/models/find_filter.go). */
export const DEFAULT_PER_PAGE = 25;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** SQLite arithmetic: integers until a result overflows 64 bits, then REAL from there on. */
function sqlMul(a: bigint | number, b: bigint | number): bigint | number {
  if (typeof a === "bigint" && typeof b === "bigint") {
    const r = a * b;
    if (r <= INT64_MAX && r >= INT64_MIN) return r;
  }
  return Number(a) * Number(b);
}

function sqlAdd(a: bigint | number, b: bigint | number): bigint | number {
  if (typeof a === "bigint" && typeof b === "bigint") {
    const r = a + b;
    if (r <= INT64_MAX && r >= INT64_MIN) return r;
  }
  return Number(a) + Number(b);
}

/**
 * Stash's random order for a seed (pkg/sqlite/sql.go getRandomSort):
 * `mod((id + seed)² · 52959209 + (id + seed) · 1047483763, 2147483647)`, the
 * seed capped at 10^8, so `random_<seed>` pages exactly as Stash's do.
 */
export function randomSortKey(seed: bigint, id: number): number {
  const n = BigInt(id) + (seed % 100_000_000n);
  const value = sqlAdd(sqlMul(sqlMul(n, n), 52959209n), sqlMul(n, 1047483763n));
  return typeof value === "bigint" ? Number(value % 2147483647n) : value % 2147483647;
}

/** The seed of `random` / `random_<seed>`, or null for other sorts; a bad seed is Stash's `invalid random seed` (pkg/sqlite/sql.go validateSort). */
function randomSeed(name: string): bigint | null {
  if (name === "random") return BigInt(Math.floor(Math.random() * 2 ** 53));
  if (!name.startsWith("random_")) return null;
  const text = name.slice("random_".length);
  // strconv.ParseUint(s, 10, 64)
  if (!/^\d+$/.test(text) || BigInt(text) > 2n ** 64n - 1n) throw new Error(`invalid random seed: ${text}`);
  return BigInt(text);
}

/** A key read once per item for one comparator: a sort compares each item many times, and keys may be counts or BigInt hashes. */
function readOnce<T extends { id: number }>(read: (item: T) => SortValue): (item: T) => SortValue {
  const cache = new Map<number, SortValue>();
  return (item) => {
    let v = cache.get(item.id);
    if (v === undefined) cache.set(item.id, (v = read(item)));
    return v;
  };
}

/** The primary key of a sort (checked: `invalid sort: X`, pkg/sqlite/sql.go validateSort), without direction or tie-breaks. */
function primaryKey<T extends { id: number }>(sort: string | null | undefined, spec: SortSpec<T>): (item: T) => SortValue {
  const name = sort || spec.defaultSort || "id";
  const seed = randomSeed(name);
  // Plain `random` draws a new seed per call (pkg/sqlite/sql.go getSort: rand.Uint64()); a given seed is stable.
  if (seed !== null) return (item) => randomSortKey(seed, item.id);
  const key = name === "id" && !spec.keys["id"] ? (item: T) => item.id : spec.keys[name];
  if (!key) throw new Error(`invalid sort: ${name}`);
  return key;
}

/** Checks the sort name and returns the ascending comparator: key, then the spec's tie-break, then id. */
export function comparatorFor<T extends { id: number }>(
  sort: string | null | undefined,
  spec: SortSpec<T>,
): (a: T, b: T) => number {
  const key = readOnce(primaryKey(sort, spec));
  const tie = spec.tieBreak ? readOnce(spec.tieBreak) : null;
  return (a, b) => compareValues(key(a), key(b)) || (tie ? compareValues(tie(a), tie(b)) : 0) || a.id - b.id;
}

/** A comparator in the filter's direction; with a tie-break only the primary key is reversed, as Stash's ORDER BY is. */
function directed<T extends { id: number }>(filter: FindFilterInput | null | undefined, spec: SortSpec<T>): (a: T, b: T) => number {
  const descending = filter?.direction === "DESC";
  if (!spec.tieBreak) {
    const compare = comparatorFor(filter?.sort, spec);
    return descending ? (a, b) => compare(b, a) : compare;
  }
  const key = readOnce(primaryKey(filter?.sort, spec));
  const tie = readOnce(spec.tieBreak);
  const sign = descending ? -1 : 1;
  return (a, b) => sign * compareValues(key(a), key(b)) || compareValues(tie(a), tie(b)) || a.id - b.id;
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
  const compare = directed(filter, spec);
  if (filter?.per_page === 0) return { count, items: [] };
  const descending = filter?.direction === "DESC";
  const sorted: readonly T[] = byIdInOrder(items, filter?.sort, spec)
    ? descending
      ? [...items].reverse()
      : items
    : [...items].sort(compare);
  return { count, items: pageOf(sorted, filter) };
}

/**
 * Paging in id order without a scan, for every find (scenes, markers, tags,
 * performers, studios, groups, galleries, images). When a find asks for id order and its
 * entity filter is at most one `id` criterion (what id-cursor iterators send:
 * `{ id: { modifier: GREATER_THAN, value: <last id> } }`) and no `q`, the page
 * and the count come from the store's sorted id index by binary search, so
 * every page costs the same whatever the library size.
 */
import { DEFAULT_PER_PAGE, type FindFilterInput } from "../find-filter";
import { lowerBound, type Store, type TableName, type TableRecords } from "../store";

/** A page cut straight from the id index. */
export interface IdPage<R> {
  readonly count: number;
  readonly items: R[];
  /** Every matching record in id order (for totals over the whole result); built only when called. */
  readonly all: () => R[];
}

interface IdCriterion {
  readonly value?: number | null;
  readonly value2?: number | null;
  readonly modifier?: string | null;
}

/** The index range [from, to) an id criterion selects; null when it is not one the index answers. */
function rangeOf(ids: readonly number[], c: IdCriterion | undefined): [number, number] | null {
  if (c === undefined) return [0, ids.length];
  const v = c.value;
  if (typeof v !== "number" || !Number.isInteger(v)) return null;
  switch (c.modifier) {
    case "GREATER_THAN":
      return [lowerBound(ids, v + 1), ids.length];
    case "LESS_THAN":
      return [0, lowerBound(ids, v)];
    case "EQUALS": {
      const at = lowerBound(ids, v);
      return [at, ids[at] === v ? at + 1 : at];
    }
    case "BETWEEN": {
      // IntCriterionInput's missing value2 is 0.
      const hi = c.value2 ?? 0;
      return hi < v ? [0, 0] : [lowerBound(ids, v), lowerBound(ids, hi + 1)];
    }
    default:
      return null;
  }
}

function onlyIdCriterion(filter: Readonly<Record<string, unknown>> | null | undefined): { ok: boolean; id?: IdCriterion } {
  if (!filter) return { ok: true };
  let id: IdCriterion | undefined;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key !== "id" || typeof value !== "object") return { ok: false };
    id = value as IdCriterion;
  }
  return { ok: true, ...(id ? { id } : {}) };
}

/**
 * The page for an id-ordered find answered from the index, or null when the
 * request needs the general path (another sort, a `q`, any other criterion).
 * `defaultSort` is the entity's sort when the filter names none.
 */
export function pageByIdIndex<T extends TableName>(
  store: Store,
  table: T,
  entityFilter: Readonly<Record<string, unknown>> | null | undefined,
  find: FindFilterInput | null | undefined,
  defaultSort: string,
): IdPage<TableRecords[T]> | null {
  if ((find?.sort || defaultSort) !== "id") return null;
  if (find?.q) return null;
  const only = onlyIdCriterion(entityFilter);
  if (!only.ok) return null;
  const ids = store.sortedIds(table);
  const range = rangeOf(ids, only.id);
  if (!range) return null;
  const [from, to] = range;
  const count = Math.max(0, to - from);
  const descending = find?.direction === "DESC";
  const perPage = find?.per_page ?? DEFAULT_PER_PAGE;
  const start = perPage < 0 ? 0 : (Math.max(1, find?.page ?? 1) - 1) * perPage;
  const size = perPage < 0 ? count : Math.max(0, Math.min(perPage, count - start));
  const get = (index: number) => store.get(table, ids[index]!)!;
  const items: TableRecords[T][] = [];
  for (let i = 0; i < size; i++) items.push(get(descending ? to - 1 - start - i : from + start + i));
  const all = () => {
    const out: TableRecords[T][] = [];
    for (let i = from; i < to; i++) out.push(get(i));
    return out;
  };
  return { count, items, all };
}

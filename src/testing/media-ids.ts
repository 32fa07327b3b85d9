/** The `ids` argument of the find queries (internal/api/input.go handleIDList, FindMany). */
import { parseId } from "./ids";

/**
 * Records for an id list in the order given, or null when the list is absent
 * or empty (the filters apply then). A repeated id fails validation and a
 * missing one fails as Stash's FindMany does (pkg/sqlite/image.go, gallery.go).
 */
export function recordsByIdList<R>(
  raw: unknown,
  field: string,
  lookup: (id: number) => R | undefined,
  notFound: (id: number) => Error,
): R[] | null {
  const list = (raw as readonly unknown[] | null | undefined) ?? [];
  if (list.length === 0) return null;
  const seen = new Set<string>();
  for (const item of list.map(String)) {
    if (seen.has(item)) throw new Error(`validating ${field}: duplicate id found: ${item}`);
    seen.add(item);
  }
  const ids = list.map((item) => {
    try {
      return parseId(item);
    } catch (err) {
      throw new Error(`converting ${field}: ${(err as Error).message}`);
    }
  });
  return ids.map((id) => {
    const record = lookup(id);
    if (record === undefined) throw notFound(id);
    return record;
  });
}

/**
 * Walks the tag and studio hierarchies through the store's reverse indexes:
 * depth-limited descendant sets for `*_count(depth:)`, and Stash's
 * ancestor/descendant paths (`A->B->C`) for its hierarchy errors.
 */
import type { Store } from "./store";

/** A tag reached by a walk, with the `->` path Stash reports in hierarchy errors. */
export interface TagPath {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

/**
 * `id` and its descendants down to `depth` levels: 0 or absent is the id
 * alone, -1 is every level (the HierarchicalMultiCriterionInput rule).
 */
export function descendantIds(children: (id: number) => Iterable<number>, id: number, depth: number | null | undefined): Set<number> {
  const out = new Set<number>([id]);
  const limit = depth == null ? 0 : depth < 0 ? Infinity : depth;
  let frontier = [id];
  for (let level = 0; level < limit && frontier.length > 0; level++) {
    const next: number[] = [];
    for (const parent of frontier) {
      for (const child of children(parent)) {
        if (!out.has(child)) {
          out.add(child);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Child tag ids of a tag (tags whose parents include it). */
export function tagChildren(store: Store, id: number): ReadonlySet<number> {
  return store.referrers("tagParents", id);
}

/** Child studio ids of a studio. */
export function studioChildren(store: Store, id: number): ReadonlySet<number> {
  return store.referrers("studioParent", id);
}

/** Tag ids covered by `id` at `depth`. */
export function tagSubtree(store: Store, id: number, depth: number | null | undefined): Set<number> {
  return descendantIds((t) => tagChildren(store, t), id, depth);
}

/** Studio ids covered by `id` at `depth`. */
export function studioSubtree(store: Store, id: number, depth: number | null | undefined): Set<number> {
  return descendantIds((s) => studioChildren(store, s), id, depth);
}

/**
 * The tag itself and all its ancestors (`up`) or descendants (down), each with
 * its path, as FindAllAncestors / FindAllDescendants return them
 * (pkg/sqlite/tag.go): the walk never re-enters the starting tag, so a cycle ends.
 */
export function tagPaths(store: Store, id: number, up: boolean): Map<number, TagPath> {
  const start = store.get("tags", id);
  const out = new Map<number, TagPath>();
  if (!start) return out;
  out.set(id, { id, name: start.name, path: start.name });
  let frontier: TagPath[] = [out.get(id)!];
  while (frontier.length > 0) {
    const next: TagPath[] = [];
    for (const from of frontier) {
      const neighbours = up ? (store.get("tags", from.id)?.parentIds ?? []) : tagChildren(store, from.id);
      for (const nid of neighbours) {
        if (nid === id || out.has(nid)) continue;
        const tag = store.get("tags", nid);
        if (!tag) continue;
        const entry = { id: nid, name: tag.name, path: up ? `${tag.name}->${from.path}` : `${from.path}->${tag.name}` };
        out.set(nid, entry);
        next.push(entry);
      }
    }
    frontier = next;
  }
  return out;
}

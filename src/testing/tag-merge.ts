/**
 * tagsMerge (internal/api/resolver_mutation_tag.go TagsMerge, pkg/sqlite/tag.go
 * Merge, pkg/tag/update.go MergeHierarchy): every link to a source tag moves
 * to the destination, source names and aliases become destination aliases,
 * stash ids move, the destination inherits the sources' parents and children,
 * and the sources are destroyed. A cycle this creates fails the whole merge.
 */
import type { RootResolver } from "./context";
import { moveInList, setChildren, TAG_LISTS, TAG_PARENTS } from "./entity-links";
import { parseId } from "./ids";
import { tagView } from "./present-tag";
import { converting } from "./scene-input";
import type { Store } from "./store";
import { childIdsOf, destroyTag } from "./tag-mutations";
import { tagNotFound, validateExistingHierarchy } from "./tag-validate";

/** Parents and children of all merged tags, minus the merged tags themselves, first seen first. */
function mergedHierarchy(store: Store, dest: number, sources: readonly number[]): { parents: number[]; children: number[] } {
  const all = new Set([dest, ...sources]);
  const parents: number[] = [];
  const children: number[] = [];
  const add = (into: number[], ids: Iterable<number>) => {
    for (const id of ids) if (!all.has(id) && !into.includes(id)) into.push(id);
  };
  for (const id of all) {
    add(parents, store.get("tags", id)?.parentIds ?? []);
    add(children, childIdsOf(store, id));
  }
  return { parents, children };
}

function moveLinks(store: Store, source: number, dest: number): void {
  for (const link of TAG_LISTS) moveInList(store, link, source, dest);
  for (const markerId of [...store.referrers("markerTags", source)]) {
    const marker = store.get("markers", markerId);
    if (marker?.primaryTagId === source) store.patch("markers", markerId, { primaryTagId: dest });
  }
}

/** Source names, then source aliases, join the destination's aliases; stash ids move unless already there. */
function moveNames(store: Store, sources: readonly number[], dest: number): void {
  const target = store.get("tags", dest)!;
  const aliases = [...target.aliases];
  const stashIds = [...target.stashIds];
  for (const id of sources) {
    const source = store.get("tags", id);
    if (!source) continue;
    for (const alias of [source.name, ...source.aliases]) if (!aliases.includes(alias)) aliases.push(alias);
    for (const sid of source.stashIds) {
      if (!stashIds.some((s) => s.endpoint === sid.endpoint && s.stashId === sid.stashId)) stashIds.push(sid);
    }
    store.patch("tags", id, { aliases: [], stashIds: [] });
  }
  store.patch("tags", dest, { aliases, stashIds });
}

const tagsMerge: RootResolver = (args, ctx) => {
  const input = args.input as { source: unknown[]; destination: unknown };
  const sources = converting("source ids", () => input.source.map(parseId));
  const dest = converting("destination id", () => parseId(input.destination));
  if (sources.length === 0) return null;
  const { store } = ctx;
  store.transaction(() => {
    const target = store.get("tags", dest);
    if (!target) throw tagNotFound(dest);
    const { parents, children } = mergedHierarchy(store, dest, sources);
    if (sources.includes(dest)) throw new Error("cannot merge where source == destination");
    for (const source of sources) moveLinks(store, source, dest);
    moveNames(store, sources, dest);
    for (const source of sources) destroyTag(store, source);
    store.patch("tags", dest, { parentIds: parents });
    setChildren(store, TAG_PARENTS, dest, children);
    validateExistingHierarchy(store, store.get("tags", dest)!, parents, children);
  });
  return tagView(ctx, store.get("tags", dest)!);
};

/** The tagsMerge field. */
export const tagMergeMutations = { tagsMerge } satisfies Record<string, RootResolver>;

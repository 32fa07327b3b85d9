/**
 * The `*_count` fields of tags, performers and studios, computed from the
 * store's reverse indexes. With `depth`, a tag or studio counts what its
 * descendants hold too (0/absent = itself, n levels, -1 = all), because Stash
 * counts with a HierarchicalMultiCriterion INCLUDES filter
 * (pkg/scene/query.go CountByTagID, pkg/performer/query.go CountByStudioID, ...).
 */
import { studioSubtree, tagSubtree } from "./hierarchy";
import type { RelationName } from "./relations";
import type { Store } from "./store";

/** The ids of records linked through `relation` to any of `targets`, without repeats. */
export function referrersOfAny(store: Store, relation: RelationName, targets: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (const target of targets) for (const id of store.referrers(relation, target)) out.add(id);
  return out;
}

/** Records linked through `relation` to tag `id` or its descendants down to `depth`. */
export function countByTag(store: Store, relation: RelationName, id: number, depth: number | null | undefined): number {
  const tags = tagSubtree(store, id, depth);
  return tags.size === 1 ? store.referrerCount(relation, id) : referrersOfAny(store, relation, tags).size;
}

/** Records linked through `relation` to studio `id` or its descendants down to `depth`. */
export function countByStudio(store: Store, relation: RelationName, id: number, depth: number | null | undefined): number {
  const studios = studioSubtree(store, id, depth);
  return studios.size === 1 ? store.referrerCount(relation, id) : referrersOfAny(store, relation, studios).size;
}

/**
 * Performers in the studio's (or its descendants') scenes, images and
 * galleries (pkg/sqlite/performer_filter.go studiosCriterionHandler).
 */
export function studioPerformerIds(store: Store, id: number, depth: number | null | undefined): Set<number> {
  const studios = studioSubtree(store, id, depth);
  const out = new Set<number>();
  for (const scene of referrersOfAny(store, "sceneStudio", studios)) for (const p of store.get("scenes", scene)?.performerIds ?? []) out.add(p);
  for (const image of referrersOfAny(store, "imageStudio", studios)) for (const p of store.get("images", image)?.performerIds ?? []) out.add(p);
  for (const gallery of referrersOfAny(store, "galleryStudio", studios)) for (const p of store.get("galleries", gallery)?.performerIds ?? []) out.add(p);
  return out;
}

/**
 * Other performers sharing a scene, image or gallery with `id`
 * (pkg/sqlite/performer_filter.go appearsWithCriterionHandler).
 */
export function appearsWithIds(store: Store, id: number): Set<number> {
  const out = new Set<number>();
  const collect = (ids: readonly number[] | undefined) => ids?.forEach((p) => p !== id && out.add(p));
  for (const scene of store.referrers("scenePerformers", id)) collect(store.get("scenes", scene)?.performerIds);
  for (const image of store.referrers("imagePerformers", id)) collect(store.get("images", image)?.performerIds);
  for (const gallery of store.referrers("galleryPerformers", id)) collect(store.get("galleries", gallery)?.performerIds);
  return out;
}

/** Groups holding a scene the performer is in (pkg/sqlite/group.go CountByPerformerID). */
export function performerGroupIds(store: Store, id: number): Set<number> {
  const out = new Set<number>();
  for (const scene of store.referrers("scenePerformers", id)) for (const g of store.get("scenes", scene)?.groups ?? []) out.add(g.groupId);
  return out;
}

/**
 * O-count of a performer or studio: scene o-history entries plus the
 * o-counters of images (pkg/sqlite/scene.go OCountByPerformerID, image.go).
 */
export function oCount(store: Store, sceneRelation: RelationName, imageRelation: RelationName, id: number): number {
  let total = 0;
  for (const scene of store.referrers(sceneRelation, id)) total += store.get("scenes", scene)?.oHistory.length ?? 0;
  for (const image of store.referrers(imageRelation, id)) total += store.get("images", image)?.oCounter ?? 0;
  return total;
}

/**
 * PerformerFilterType keys Stash computes through the performer's scenes,
 * images and galleries (pkg/sqlite/performer_filter.go): studios, groups,
 * co-appearing performers, o-counter, play count and age.
 */
import { criterionId, type HierarchicalCriterionInput, type MultiCriterionInput, type Truth } from "../../criteria";
import type { PerformerRecord, Store } from "../../store";
import { ageAt } from "../age";
import type { FilterEnv } from "../env";
import { expandHierarchy } from "../multi";
import type { CustomField, Test } from "../types";

type PerformerTest = Test<PerformerRecord, never>;

function performerTest(test: (p: PerformerRecord) => Truth): PerformerTest {
  return { test: (p) => test(p), perRow: false };
}

/** Ids of the scenes, images and galleries a performer appears in. */
export function performerMedia(p: PerformerRecord, store: Store) {
  return {
    scenes: [...store.referrers("scenePerformers", p.id)],
    images: [...store.referrers("imagePerformers", p.id)],
    galleries: [...store.referrers("galleryPerformers", p.id)],
  };
}

/** Studio ids of a performer's scenes, images and galleries, per kind (null = no studio). */
function mediaStudios(p: PerformerRecord, env: FilterEnv): (number | null)[][] {
  const { scenes, images, galleries } = performerMedia(p, env.store);
  const { store } = env;
  return [
    scenes.map((id) => store.get("scenes", id)?.studioId ?? null),
    images.map((id) => store.get("images", id)?.studioId ?? null),
    galleries.map((id) => store.get("galleries", id)?.studioId ?? null),
  ];
}

function union(sets: Iterable<ReadonlySet<number>>): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}

/** `studios`: performers appearing in media of the studios (and sub-studios to `depth`). */
export const performerStudios: CustomField<PerformerRecord, never> = {
  compile: (c: HierarchicalCriterionInput, env) => {
    if (c.modifier === "IS_NULL" || c.modifier === "NOT_NULL") {
      // LEFT JOINs of scenes × images × galleries: IS_NULL needs one row where all three studios are NULL.
      const allNull = (p: PerformerRecord) =>
        mediaStudios(p, env).every((kind) => kind.length === 0 || kind.some((s) => s === null));
      return performerTest((p) => (c.modifier === "IS_NULL" ? allNull(p) : mediaStudios(p, env).some((kind) => kind.some((s) => s !== null))));
    }
    const values = c.value ?? [];
    const excludes = c.excludes ?? [];
    if (values.length === 0 && excludes.length === 0) return null;
    if (c.modifier !== "INCLUDES" && c.modifier !== "EXCLUDES") return null;
    const expand = (v: readonly string[]) =>
      union(expandHierarchy(v, c.depth, (id) => env.children("studios", id), (id) => env.store.has("studios", id)).values());
    const wanted = values.length > 0 ? expand(values) : null;
    const excluded = excludes.length > 0 ? expand(excludes) : null;
    return performerTest((p) => {
      // Read once per performer: both the wanted and the excluded check walk the same media.
      const studios = mediaStudios(p, env);
      const has = (set: ReadonlySet<number>) => studios.some((kind) => kind.some((s) => s !== null && set.has(s)));
      if (wanted && has(wanted) !== (c.modifier === "INCLUDES")) return false;
      return !(excluded && has(excluded));
    });
  },
};

/** `groups`: performers in scenes of the groups (and their sub-groups to `depth`). */
export const performerGroups: CustomField<PerformerRecord, never> = {
  compile: (c: HierarchicalCriterionInput, env) => {
    const groupsOf = (p: PerformerRecord) =>
      performerMedia(p, env.store).scenes.flatMap((id) => env.store.get("scenes", id)?.groups.map((g) => g.groupId) ?? []);
    if (c.modifier === "IS_NULL") return performerTest((p) => groupsOf(p).length === 0);
    if (c.modifier === "NOT_NULL") return performerTest((p) => groupsOf(p).length > 0);
    const values = c.value ?? [];
    if (values.length === 0 || (c.modifier !== "INCLUDES" && c.modifier !== "EXCLUDES")) return null;
    const wanted = union(expandHierarchy(values, c.depth, (id) => env.children("groups", id), (id) => env.store.has("groups", id)).values());
    const include = c.modifier === "INCLUDES";
    return performerTest((p) => groupsOf(p).some((g) => wanted.has(g)) === include);
  },
};

/** `performers`: performers who appear alongside the given ones (appearsWithCriterionHandler, pkg/sqlite/performer_filter.go; the modifier only matters for INCLUDES_ALL). */
export const appearsWith: CustomField<PerformerRecord, never> = {
  compile: (c: MultiCriterionInput, env) => {
    const values = (c.value ?? []).map(criterionId);
    if (values.length === 0) return null;
    const all = c.modifier === "INCLUDES_ALL" && values.length > 1;
    const { store } = env;
    return performerTest((p) => {
      const { scenes, images, galleries } = performerMedia(p, env.store);
      const partners = new Set<number>();
      for (const id of scenes) for (const other of store.get("scenes", id)?.performerIds ?? []) partners.add(other);
      for (const id of images) for (const other of store.get("images", id)?.performerIds ?? []) partners.add(other);
      for (const id of galleries) for (const other of store.get("galleries", id)?.performerIds ?? []) partners.add(other);
      const hits = values.filter((v) => v !== p.id && partners.has(v));
      return all ? new Set(hits).size === values.length : hits.length > 0;
    });
  },
};

/** o-counter: images' o-counters plus scenes' o dates (selectPerformerOCountSQL, pkg/sqlite/performer_filter.go). */
export function performerOCount(p: PerformerRecord, store: Store): number {
  const { scenes, images } = performerMedia(p, store);
  let total = 0;
  for (const id of images) total += store.get("images", id)?.oCounter ?? 0;
  for (const id of scenes) total += store.get("scenes", id)?.oHistory.length ?? 0;
  return total;
}

/** Play count: distinct view times over the performer's scenes (selectPerformerPlayCountSQL). */
export function performerPlayCount(p: PerformerRecord, store: Store): number {
  const views = new Set<string>();
  for (const id of performerMedia(p, store).scenes) for (const t of store.get("scenes", id)?.playHistory ?? []) views.add(t);
  return views.size;
}

/** Age now, or at death (performerAgeFilterCriterionHandler). */
export function performerAge(p: PerformerRecord, env: FilterEnv): number | null {
  return ageAt(p.deathDate ?? env.store.nowTime().slice(0, 10), p.birthdate);
}

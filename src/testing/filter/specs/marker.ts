/**
 * SceneMarkerFilterType (pkg/sqlite/scene_marker_filter.go) and the marker
 * `q` over the marker title, its scene's title and its primary tag's name
 * (pkg/sqlite/scene_marker.go).
 */
import type { HierarchicalCriterionInput } from "../../criteria";
import type { MarkerRecord, SceneRecord } from "../../store";
import type { FilterEnv } from "../env";
import { expandHierarchy, joinedHierarchicalMatcher } from "../multi";
import { searchColumns } from "../search";
import type { EntitySpec } from "../types";

function sceneOf(m: MarkerRecord, env: FilterEnv): SceneRecord | undefined {
  return env.store.get("scenes", m.sceneId);
}

/** The marker filter spec. */
export const MARKER_SPEC: EntitySpec<MarkerRecord> = {
  typeName: "SceneMarkerFilterType",
  records: (env) => env.store.all("markers"),
  search: searchColumns((m, env) => [[m.title, sceneOf(m, env)?.title || null, env.store.get("tags", m.primaryTagId)?.name ?? null]]),
  fields: {
    tags: {
      compile: (c: HierarchicalCriterionInput, env) => {
        // IS NULL / NOT NULL look at the secondary tags only: every marker has a primary tag.
        if (c.modifier === "IS_NULL") return { test: (m: MarkerRecord) => m.tagIds.length === 0, perRow: false };
        if (c.modifier === "NOT_NULL") return { test: (m: MarkerRecord) => m.tagIds.length > 0, perRow: false };
        if (c.modifier === "NOT_EQUALS") throw new Error("not equals modifier is not supported for scene marker tags");
        const expand = (values: readonly string[], depth: number | null | undefined) =>
          expandHierarchy(values, depth, (id) => env.children("tags", id), (id) => env.store.has("tags", id));
        const match = joinedHierarchicalMatcher(c, expand);
        return match && { test: (m: MarkerRecord) => match([m.primaryTagId, ...m.tagIds]), perRow: false };
      },
    },
    scene_tags: { ids: (m, env) => sceneOf(m, env)?.tagIds ?? [], hierarchy: "tags" },
    performers: { ids: (m, env) => sceneOf(m, env)?.performerIds ?? [] },
    scenes: { ids: (m) => [m.sceneId], plain: true },
    duration: (m) => (m.endSeconds === null ? null : m.endSeconds - m.seconds),
    created_at: (m) => m.createdAt,
    updated_at: (m) => m.updatedAt,
    scene_created_at: (m, env) => sceneOf(m, env)?.createdAt ?? null,
    scene_updated_at: (m, env) => sceneOf(m, env)?.updatedAt ?? null,
    // Partial dates compare as their first day, as the scene filter's date criterion does.
    scene_date: (m, env) => sceneOf(m, env)?.date ?? null,
    scene_filter: { ids: (m) => [m.sceneId] },
  },
};

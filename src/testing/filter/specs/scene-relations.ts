/**
 * SceneFilterType keys about related records: tags (with their hierarchy),
 * performers and their tags, studios (with parents), groups, galleries, and
 * the `*_filter` sub-filters, which hold when a related record matches
 * (Stash's `related_id IN (subquery)`, pkg/sqlite/scene_filter.go).
 */
import type { HierarchicalCriterionInput } from "../../criteria";
import type { FileRecord, SceneRecord } from "../../store";
import { expandHierarchy, performerTagsMatcher } from "../multi";
import type { FieldDef, IdsAccessor } from "../types";

function groupIds(scene: SceneRecord): number[] {
  return scene.groups.map((g) => g.groupId);
}

const studioIds = (s: SceneRecord): readonly number[] => (s.studioId === null ? [] : [s.studioId]);

const ids = (read: (s: SceneRecord) => readonly number[], options: Omit<IdsAccessor<SceneRecord>, "ids"> = {}): IdsAccessor<SceneRecord> => ({
  ids: (s) => read(s),
  ...options,
});

/** Relationship keys of SceneFilterType. */
export const SCENE_RELATION_FIELDS: Readonly<Record<string, FieldDef<SceneRecord, FileRecord>>> = {
  tags: ids((s) => s.tagIds, { hierarchy: "tags" }),
  performers: ids((s) => s.performerIds),
  groups: ids(groupIds, { hierarchy: "groups" }),
  movies: ids(groupIds, { plain: true }),
  galleries: ids((s) => s.galleryIds, { plain: true }),
  studios: ids(studioIds, { hierarchy: "studios", single: true }),
  performer_tags: {
    compile: (c: HierarchicalCriterionInput, env) => {
      const expand = (values: readonly string[], depth: number | null | undefined) =>
        expandHierarchy(values, depth, (id) => env.children("tags", id), (id) => env.store.has("tags", id));
      const match = performerTagsMatcher(c, expand);
      return match && { test: (s: SceneRecord) => match(s.performerIds.map((id) => env.store.get("performers", id)?.tagIds ?? [])), perRow: false };
    },
  },
  tags_filter: ids((s) => s.tagIds),
  performers_filter: ids((s) => s.performerIds),
  studios_filter: ids(studioIds),
  groups_filter: ids(groupIds),
  movies_filter: ids(groupIds),
  galleries_filter: ids((s) => s.galleryIds),
  markers_filter: { ids: (s, env) => [...env.store.referrers("markerScene", s.id)] },
};

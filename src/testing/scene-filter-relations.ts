/**
 * SceneFilterType keys about related records: tags (with their hierarchy),
 * performers and their tags, studios (with parents), groups, galleries, and
 * the `*_filter` sub-filters over tags, performers, studios and groups. A
 * sub-filter holds when any related record matches it, as Stash's
 * `related_id IN (subquery)` join does.
 */
import type { HierarchicalCriterionInput, MultiCriterionInput, Truth } from "./criteria";
import { compileEntityFilter, type FilterableEntity } from "./entity-filter";
import {
  type Expander,
  expandHierarchy,
  joinedHierarchicalMatcher,
  joinedMultiMatcher,
  performerTagsMatcher,
  plainMultiMatcher,
  singleHierarchicalMatcher,
} from "./query-multi";
import { type FieldCompiler, type FieldTest, type SceneFilterEnv, sceneTest } from "./scene-filter-env";
import type { SceneRecord, TableName } from "./store";

function tagExpander(env: SceneFilterEnv): Expander {
  return (values, depth) =>
    expandHierarchy(values, depth, (id) => env.tagChildren(id), (id) => env.store.has("tags", id));
}

function studioExpander(env: SceneFilterEnv): Expander {
  return (values, depth) =>
    expandHierarchy(values, depth, (id) => env.studioChildren(id), (id) => env.store.has("studios", id));
}

/** Groups have no sub-groups in the stand-in, so any depth reaches only the groups named. */
function groupExpander(env: SceneFilterEnv): Expander {
  return (values, depth) => expandHierarchy(values, depth, () => [], (id) => env.store.has("groups", id));
}

function groupIds(scene: SceneRecord): number[] {
  return scene.groups.map((g) => g.groupId);
}

function ids(matcher: ((ids: readonly number[]) => boolean) | null, read: (s: SceneRecord) => readonly number[]): FieldTest | null {
  return matcher && sceneTest((s) => matcher(read(s)));
}

type EntityTable = Extract<TableName, "tags" | "performers" | "studios" | "groups">;

/** `<entity>s_filter`: the scene has a related record matching the entity filter (no related record is NULL). */
function related(table: EntityTable, typeName: string, fields: readonly string[], read: (s: SceneRecord) => readonly number[]): FieldCompiler {
  return (input: Record<string, unknown>, env) => {
    if (Object.values(input).every((v) => v === undefined || v === null)) return null;
    const test = compileEntityFilter<FilterableEntity>(input, typeName, fields);
    const matching = new Set<number>();
    for (const record of env.store.all(table)) if (test(record as FilterableEntity)) matching.add(record.id);
    return sceneTest((s): Truth => {
      const list = read(s);
      if (list.length === 0) return null;
      return list.some((id) => matching.has(id));
    });
  };
}

/** Relationship keys of SceneFilterType. */
export const RELATION_FIELDS: Readonly<Record<string, FieldCompiler>> = {
  tags: (c: HierarchicalCriterionInput, env) => ids(joinedHierarchicalMatcher(c, tagExpander(env)), (s) => s.tagIds),
  performers: (c: MultiCriterionInput) => ids(joinedMultiMatcher(c), (s) => s.performerIds),
  groups: (c: HierarchicalCriterionInput, env) => ids(joinedHierarchicalMatcher(c, groupExpander(env)), groupIds),
  movies: (c: MultiCriterionInput) => ids(plainMultiMatcher(c), groupIds),
  galleries: (c: MultiCriterionInput) => ids(plainMultiMatcher(c), (s) => s.galleryIds),
  studios: (c: HierarchicalCriterionInput, env) => {
    const match = singleHierarchicalMatcher(c, studioExpander(env));
    return match && sceneTest((s) => match(s.studioId));
  },
  performer_tags: (c: HierarchicalCriterionInput, env) => {
    const match = performerTagsMatcher(c, tagExpander(env));
    return (
      match &&
      sceneTest((s) => match(s.performerIds.map((id) => env.store.get("performers", id)?.tagIds ?? [])))
    );
  },
  tags_filter: related("tags", "TagFilterType", ["name", "aliases"], (s) => s.tagIds),
  performers_filter: related("performers", "PerformerFilterType", ["name", "disambiguation", "aliases"], (s) => s.performerIds),
  studios_filter: related("studios", "StudioFilterType", ["name", "aliases"], (s) => (s.studioId === null ? [] : [s.studioId])),
  groups_filter: related("groups", "GroupFilterType", ["name"], groupIds),
  movies_filter: related("groups", "MovieFilterType", ["name"], groupIds),
};

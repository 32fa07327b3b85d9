/**
 * SceneMarkerFilterType and the `q` search of findSceneMarkers (terms parsed
 * by the scene search's ParseSearchString). Criteria are
 * compiled once per query into predicates over a marker and its scene; a
 * criterion the stand-in does not implement is an error naming it, never a
 * silently ignored condition.
 */
import type { StandInContext } from "./context";
import {
  dateMatcher,
  likeMatcher,
  numberMatcher,
  type DateCriterionInput,
  type HierarchicalCriterionInput,
  type MultiCriterionInput,
  type NumberCriterionInput,
  type Truth,
} from "./criteria";
import { expandHierarchy, joinedHierarchicalMatcher, joinedMultiMatcher, plainMultiMatcher, type Expander } from "./query-multi";
import { parseSearchString } from "./q-search";
import { compileScenePredicate } from "./scene-filter";
import { fullDate } from "./scene-filter-fields";
import { formatTime, type MarkerRecord, type SceneRecord } from "./store";

/** A marker with the scene it belongs to (null only if the store is inconsistent). */
export interface MarkerRow {
  readonly marker: MarkerRecord;
  readonly scene: SceneRecord | null;
}

/** A compiled filter: only rows for which it returns true are selected. */
export type MarkerPredicate = (row: MarkerRow) => Truth;

type Criterion = (row: MarkerRow) => Truth;

/** Tag ids → their children, built once per query for hierarchical criteria. */
function tagExpander(ctx: StandInContext): Expander {
  let children: Map<number, number[]> | null = null;
  const childrenOf = (id: number): readonly number[] => {
    if (!children) {
      children = new Map();
      for (const tag of ctx.store.all("tags")) {
        for (const parent of tag.parentIds) {
          const list = children.get(parent) ?? [];
          list.push(tag.id);
          children.set(parent, list);
        }
      }
    }
    return children.get(id) ?? [];
  };
  return (values, depth) => expandHierarchy(values, depth, childrenOf, (id) => ctx.store.has("tags", id));
}

function ids(test: ((ids: readonly number[]) => boolean) | null, pick: (row: MarkerRow) => readonly number[]): Criterion | null {
  return test ? (row) => test(pick(row)) : null;
}

function markerTags(c: HierarchicalCriterionInput, expand: Expander): Criterion | null {
  // IS NULL / NOT NULL look at the secondary tags only: every marker has a primary tag.
  if (c.modifier === "IS_NULL") return (row) => row.marker.tagIds.length === 0;
  if (c.modifier === "NOT_NULL") return (row) => row.marker.tagIds.length > 0;
  if (c.modifier === "NOT_EQUALS") throw new Error("not equals modifier is not supported for scene marker tags");
  return ids(joinedHierarchicalMatcher(c, expand), (row) => [row.marker.primaryTagId, ...row.marker.tagIds]);
}

function sceneValue<T>(pick: (scene: SceneRecord) => T | null): (row: MarkerRow) => T | null {
  return (row) => (row.scene ? pick(row.scene) : null);
}

/** `scene_filter`: the marker's scene must match; each scene is judged once per query. */
function sceneFilter(ctx: StandInContext, filter: Record<string, unknown>): Criterion | null {
  const test = compileScenePredicate(ctx.store, filter);
  if (!test) return null;
  const verdicts = new Map<number, boolean>();
  return (row) => {
    if (!row.scene) return false;
    let verdict = verdicts.get(row.scene.id);
    if (verdict === undefined) {
      verdict = test(row.scene);
      verdicts.set(row.scene.id, verdict);
    }
    return verdict;
  };
}

/** Compiles a SceneMarkerFilterType; null or `{}` selects everything. */
export function compileMarkerFilter(
  ctx: StandInContext,
  filter: Readonly<Record<string, unknown>> | null | undefined,
): MarkerPredicate {
  const criteria: Criterion[] = [];
  const expand = tagExpander(ctx);
  const upper = formatTime(new Date(ctx.store.now().getTime() + 86_400_000));
  const timestamp = (c: unknown, pick: (row: MarkerRow) => string | null): Criterion => {
    const test = dateMatcher(c as DateCriterionInput, upper, "timestamp");
    return (row) => test(pick(row));
  };
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined) continue;
    let criterion: Criterion | null;
    switch (key) {
      case "tags":
        criterion = markerTags(value as HierarchicalCriterionInput, expand);
        break;
      case "scene_tags":
        criterion = ids(joinedHierarchicalMatcher(value as HierarchicalCriterionInput, expand), (r) => r.scene?.tagIds ?? []);
        break;
      case "performers":
        criterion = ids(joinedMultiMatcher(value as MultiCriterionInput), (r) => r.scene?.performerIds ?? []);
        break;
      case "scenes":
        criterion = ids(plainMultiMatcher(value as MultiCriterionInput), (r) => [r.marker.sceneId]);
        break;
      case "duration": {
        const test = numberMatcher(value as NumberCriterionInput);
        criterion = (r) => test(r.marker.endSeconds === null ? null : r.marker.endSeconds - r.marker.seconds);
        break;
      }
      case "created_at":
        criterion = timestamp(value, (r) => r.marker.createdAt);
        break;
      case "updated_at":
        criterion = timestamp(value, (r) => r.marker.updatedAt);
        break;
      case "scene_created_at":
        criterion = timestamp(value, sceneValue((s) => s.createdAt));
        break;
      case "scene_updated_at":
        criterion = timestamp(value, sceneValue((s) => s.updatedAt));
        break;
      case "scene_date": {
        // Partial dates compare as their first day, as the scene filter's date criterion does.
        const test = dateMatcher(value as DateCriterionInput, upper, "date");
        const pick = sceneValue((s) => fullDate(s.date));
        criterion = (r) => test(pick(r));
        break;
      }
      case "scene_filter":
        criterion = sceneFilter(ctx, value as Record<string, unknown>);
        break;
      default:
        throw new Error(`scene_marker_filter.${key} is not supported by the stand-in`);
    }
    if (criterion) criteria.push(criterion);
  }
  return (row) => {
    let result: Truth = true;
    for (const criterion of criteria) {
      const r = criterion(row);
      if (r === false) return false;
      if (r === null) result = null;
    }
    return result;
  };
}

/** A `q` matcher over several text columns (null = SQL NULL, which never matches LIKE). */
export function searchMatcher(q: string | null | undefined): ((columns: readonly (string | null)[]) => boolean) | null {
  if (!q || q.trim() === "") return null;
  const spec = parseSearchString(q);
  const like = (term: string) => likeMatcher(`%${term}%`);
  const must = spec.mustHave.map(like);
  const not = spec.mustNot.map(like);
  const any = spec.anySets.map((set) => set.map(like));
  const hit = (test: (t: string) => boolean, cols: readonly (string | null)[]) => cols.some((c) => c !== null && test(c));
  return (cols) =>
    must.every((t) => hit(t, cols)) &&
    not.every((t) => !cols.some((c) => t(c ?? ""))) &&
    any.every((set) => set.some((t) => hit(t, cols)));
}

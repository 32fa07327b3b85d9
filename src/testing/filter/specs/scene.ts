/**
 * SceneFilterType (pkg/sqlite/scene_filter.go): the scene row's own keys
 * here, file keys in scene-files.ts, related records in scene-relations.ts.
 * Scene rows are joined with their files, so file criteria and the `q`
 * search are judged per file (see Test.perRow).
 */
import { compileSceneSearch } from "../../q-search";
import type { FileRecord, SceneRecord } from "../../store";
import { newest } from "../../sorts/natural";
import { ageAt } from "../age";
import { fullDate } from "../kinds";
import type { CustomField, EntitySpec, FieldDef, Test } from "../types";
import { SCENE_FILE_FIELDS } from "./scene-files";
import { SCENE_RELATION_FIELDS } from "./scene-relations";

type SceneTest = Test<SceneRecord, FileRecord>;

function sceneTest(test: (scene: SceneRecord) => boolean | null): SceneTest {
  return { test: (s) => test(s), perRow: false };
}

/** `is_missing`: Stash's named cases (pkg/sqlite/scene_filter.go isMissingCriterionHandler), else "column IS NULL OR TRIM(column) = ''" on the scenes table. */
function isMissing(value: string): SceneTest | null {
  const blankText = (read: (s: SceneRecord) => string) => sceneTest((s) => /^ *$/.test(read(s)));
  switch (value) {
    case "":
      return null;
    case "url":
      return sceneTest((s) => s.urls.length === 0);
    case "galleries":
      return sceneTest((s) => s.galleryIds.length === 0);
    case "studio":
    case "studio_id":
      return sceneTest((s) => s.studioId === null);
    case "movie":
    case "group":
      return sceneTest((s) => s.groups.length === 0);
    case "performers":
      return sceneTest((s) => s.performerIds.length === 0);
    case "date":
    case "date_precision":
      return sceneTest((s) => s.date === null);
    case "tags":
      return sceneTest((s) => s.tagIds.length === 0);
    case "stash_id":
      return sceneTest((s) => s.stashIds.length === 0);
    case "phash":
      return { test: (_s, file) => file === null || file.phash === null, perRow: true };
    case "cover":
    case "cover_blob":
      return sceneTest((s) => !s.hasCover);
    case "title":
      return blankText((s) => s.title);
    case "code":
      return blankText((s) => s.code);
    case "details":
      return blankText((s) => s.details);
    case "director":
      return blankText((s) => s.director);
    case "rating":
      return sceneTest((s) => s.rating100 === null);
    case "id":
    case "organized":
    case "resume_time":
    case "play_duration":
    case "created_at":
    case "updated_at":
      // NOT NULL columns whose text is never blank.
      return sceneTest(() => false);
    default:
      throw new Error(`error querying aggregate fields: no such column: scenes.${value}`);
  }
}

const custom = (compile: CustomField<SceneRecord, FileRecord>["compile"]): CustomField<SceneRecord, FileRecord> => ({ compile });

/** Scene-row keys of SceneFilterType. */
const SCENE_ROW_FIELDS: Readonly<Record<string, FieldDef<SceneRecord, FileRecord>>> = {
  id: (s) => s.id,
  title: (s) => s.title,
  code: (s) => s.code,
  details: (s) => s.details,
  director: (s) => s.director,
  rating100: (s) => s.rating100,
  organized: (s) => s.organized,
  o_counter: (s) => s.oHistory.length,
  play_count: (s) => s.playHistory.length,
  // Stash compares these float columns after `cast(… as int)`, which truncates.
  resume_time: (s) => Math.trunc(s.resumeTime),
  play_duration: (s) => Math.trunc(s.playDuration),
  file_count: (s) => s.fileIds.length,
  tag_count: (s) => s.tagIds.length,
  performer_count: (s) => s.performerIds.length,
  // Never-played scenes compare as SQLite's datetime(0).
  last_played_at: (s) => newest(s.playHistory) ?? "1970-01-01 00:00:00",
  date: (s) => s.date,
  created_at: (s) => s.createdAt,
  updated_at: (s) => s.updatedAt,
  has_markers: custom((value: string, env) => sceneTest((s) => (value === "true") === env.hasMarkers(s.id))),
  is_missing: custom((value: string) => isMissing(value)),
  url: (s) => s.urls,
  stash_id_endpoint: (s) => s.stashIds,
  performer_favorite: custom((value: boolean, env) =>
    sceneTest((s) => {
      const favorites = s.performerIds.filter((id) => env.store.get("performers", id)?.favorite === true).length;
      return value ? favorites > 0 : favorites === 0;
    }),
  ),
  // An inner join on performers with both dates set: the scene matches when one performer's age does.
  performer_age: custom((c: { value: number; value2?: number | null; modifier: string }, env) => {
    const ages = (s: SceneRecord) =>
      s.performerIds.flatMap((id) => {
        const age = ageAt(fullDate(s.date), fullDate(env.store.get("performers", id)?.birthdate ?? null));
        return age === null ? [] : [age];
      });
    const lo = c.value;
    const hi = c.value2 ?? 0;
    const tests: Readonly<Record<string, (a: number) => boolean>> = {
      EQUALS: (a) => a === lo,
      NOT_EQUALS: (a) => a !== lo,
      GREATER_THAN: (a) => a > lo,
      LESS_THAN: (a) => a < lo,
      BETWEEN: (a) => a >= lo && a <= hi,
      NOT_BETWEEN: (a) => a < lo || a > hi,
    };
    const t = tests[c.modifier];
    // IS NULL / NOT NULL on a computed age: the inner join already dropped NULLs.
    if (!t) return sceneTest((s) => (c.modifier === "NOT_NULL" ? ages(s).length > 0 : false));
    return sceneTest((s) => ages(s).some(t));
  }),
};

/** The scene filter spec. */
export const SCENE_SPEC: EntitySpec<SceneRecord, FileRecord> = {
  typeName: "SceneFilterType",
  records: (env) => env.store.all("scenes"),
  rows: (s, env) => env.store.sceneFiles(s),
  fields: { ...SCENE_ROW_FIELDS, ...SCENE_FILE_FIELDS, ...SCENE_RELATION_FIELDS },
  search: (q, env) => {
    const search = compileSceneSearch(env.store, q);
    return search && { test: (s, file) => search(s, file), perRow: true };
  },
};

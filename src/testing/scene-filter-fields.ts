/**
 * SceneFilterType keys that read the scene row itself: text, numbers, dates,
 * counts, is_missing, urls and stash ids. Scene text that is "" is NULL in
 * Stash's database, which decides how IS_NULL, EQUALS and NOT behave.
 */
import {
  type DateCriterionInput,
  dateMatcher,
  likeMatcher,
  type NumberCriterionInput,
  numberMatcher,
  or3,
  type StringCriterionInput,
  stringMatcher,
  type Truth,
} from "./criteria";
import { type FieldCompiler, type FieldTest, fileTest, sceneTest } from "./scene-filter-env";
import type { SceneRecord } from "./store";

/** Stash stores empty scene text as NULL. */
export function nullIfEmpty(text: string): string | null {
  return text === "" ? null : text;
}

/** The stored `YYYY-MM-DD` of a scene date kept at year or month precision. */
export function fullDate(date: string | null): string | null {
  if (date === null) return null;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** Any of several joined rows (urls, stash ids) satisfying a criterion; no rows is one NULL row. */
export function anyRow<T>(rows: readonly T[], test: (row: T | null) => Truth): Truth {
  if (rows.length === 0) return test(null);
  let result: Truth = false;
  for (const row of rows) {
    result = or3(result, test(row));
    if (result === true) return true;
  }
  return result;
}

function text(read: (scene: SceneRecord) => string): FieldCompiler {
  return (c: StringCriterionInput) => {
    const match = stringMatcher(c);
    return sceneTest((scene) => match(nullIfEmpty(read(scene))));
  };
}

function num(read: (scene: SceneRecord) => number | null): FieldCompiler {
  return (c: NumberCriterionInput) => {
    const match = numberMatcher(c);
    return sceneTest((scene) => match(read(scene)));
  };
}

function timestamp(read: (scene: SceneRecord) => string | null, kind: "date" | "timestamp" = "timestamp"): FieldCompiler {
  return (c: DateCriterionInput, env) => {
    const match = dateMatcher(c, env.upperDefault, kind);
    return sceneTest((scene) => match(read(scene)));
  };
}

function newest(times: readonly string[]): string | null {
  let max: string | null = null;
  for (const t of times) if (max === null || t > max) max = t;
  return max;
}

/** `is_missing`: Stash's named cases, else "column IS NULL OR TRIM(column) = ''" on the scenes table. */
function isMissing(value: string): FieldTest | null {
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
      return sceneTest((s) => s.date === null);
    case "tags":
      return sceneTest((s) => s.tagIds.length === 0);
    case "stash_id":
      return sceneTest((s) => s.stashIds.length === 0);
    case "phash":
      return fileTest((file) => file === null || file.phash === null);
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
    case "date_precision":
      return sceneTest((s) => s.date === null);
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

/** `url`: EXCLUDES means no url contains the value; anything else holds for some url. */
function urls(c: StringCriterionInput): FieldTest {
  if (c.modifier === "EXCLUDES") {
    const like = likeMatcher(`%${c.value}%`);
    return sceneTest((s) => !s.urls.some((u) => like(u)));
  }
  const match = stringMatcher(c);
  return sceneTest((s) => anyRow(s.urls, match));
}

interface StashIdCriterion {
  readonly endpoint?: string | null;
  readonly stash_id?: string | null;
  readonly modifier: string;
}

function stashIds(c: StashIdCriterion): FieldTest {
  const match = stringMatcher({ value: c.stash_id ?? "", modifier: c.modifier });
  const endpoint = c.endpoint ?? "";
  return sceneTest((s) =>
    anyRow(
      s.stashIds.filter((id) => endpoint === "" || id.endpoint === endpoint).map((id) => id.stashId),
      match,
    ),
  );
}

/** Scene-row keys of SceneFilterType. */
export const SCENE_FIELDS: Readonly<Record<string, FieldCompiler>> = {
  id: num((s) => s.id),
  title: text((s) => s.title),
  code: text((s) => s.code),
  details: text((s) => s.details),
  director: text((s) => s.director),
  rating100: num((s) => s.rating100),
  organized: (value: boolean) => sceneTest((s) => s.organized === value),
  o_counter: num((s) => s.oHistory.length),
  play_count: num((s) => s.playHistory.length),
  // Stash compares these float columns after `cast(… as int)`, which truncates.
  resume_time: num((s) => Math.trunc(s.resumeTime)),
  play_duration: num((s) => Math.trunc(s.playDuration)),
  file_count: num((s) => s.fileIds.length),
  tag_count: num((s) => s.tagIds.length),
  performer_count: num((s) => s.performerIds.length),
  // Never-played scenes compare as SQLite's datetime(0).
  last_played_at: timestamp((s) => newest(s.playHistory) ?? "1970-01-01 00:00:00"),
  date: timestamp((s) => fullDate(s.date), "date"),
  created_at: timestamp((s) => s.createdAt),
  updated_at: timestamp((s) => s.updatedAt),
  has_markers: (value: string, env) => sceneTest((s) => (value === "true") === env.hasMarkers(s.id)),
  is_missing: (value: string) => isMissing(value),
  url: urls,
  stash_id_endpoint: stashIds,
  // The stand-in's performers carry neither a favorite flag nor a birthdate: no performer is a
  // favorite, and no scene has a performer whose age Stash could compute.
  performer_favorite: (value: boolean) => sceneTest(() => !value),
  performer_age: () => sceneTest(() => false),
};

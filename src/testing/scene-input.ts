/**
 * Turns SceneCreateInput / SceneUpdateInput into store changes the way Stash's
 * changeset translator does (internal/api/changeset_translator.go): an omitted key leaves a field alone, an explicit
 * null clears it, lists replace, strings are trimmed, and conversion errors
 * carry Stash's `converting <field>: …` prefixes.
 */
import type { StandInContext } from "./context";
import { convertSceneDate } from "./dates";
import { foreignKeyError, parseId, parseIds, uniqueIds } from "./ids";
import { blankMediaMetadata } from "./records/media-metadata";
import { stashIdEntry } from "./stash-id-input";
import type { SceneGroupLink, SceneRecord, StashIdRecord, Store } from "./store";

/** A scene input object as graphql-js coerced it: absent keys are really absent. */
export type SceneInput = Readonly<Record<string, unknown>>;

/** The SceneRecord fields an update may change. */
export type SceneChanges = {
  -readonly [K in
    | "title"
    | "code"
    | "details"
    | "director"
    | "rating100"
    | "date"
    | "organized"
    | "studioId"
    | "urls"
    | "tagIds"
    | "performerIds"
    | "galleryIds"
    | "groups"
    | "stashIds"
    | "playDuration"]?: SceneRecord[K];
};

/** A converted SceneUpdateInput: field changes plus the primary file, checked separately (cover comes later, as in Stash). */
export interface SceneUpdateParts {
  readonly changes: SceneChanges;
  /** `primary_file_id`, when given. */
  readonly primaryFileId: number | null;
}

/** True when the client sent the key, even as null. */
export function has(input: SceneInput, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(input, key);
}

function trimmed(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Wraps a conversion failure with Stash's `converting <what>: ` prefix. */
export function converting<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new Error(`converting ${what}: ${(err as Error).message}`);
  }
}

/** Parses and de-duplicates an id list (Stash keeps the first of repeated ids). */
export function convertIdList(raw: unknown, what: string): number[] {
  return converting(what, () => uniqueIds(parseIds(raw as unknown[] | null)));
}

/** `groups` (group_id) or deprecated `movies` (movie_id) entries as group links, first of a repeated group kept. */
export function convertGroups(raw: unknown, idKey: "group_id" | "movie_id", what: string): SceneGroupLink[] {
  const list = (raw as Readonly<Record<string, unknown>>[] | null) ?? [];
  const seen = new Set<number>();
  const out: SceneGroupLink[] = [];
  converting(what, () => {
    for (const entry of list) {
      const groupId = parseId(entry[idKey]);
      if (seen.has(groupId)) continue;
      seen.add(groupId);
      const index = entry.scene_index;
      out.push({ groupId, sceneIndex: typeof index === "number" ? index : null });
    }
  });
  return out;
}

/**
 * Stash ids; each endpoint may appear once per scene (scene_stash_ids' PRIMARY KEY(scene_id, endpoint),
 * pkg/sqlite/migrations/35_assoc_tables.up.sql); identical repeats are dropped (pkg/models/stash_ids.go).
 */
export function convertStashIds(raw: unknown, now: string): StashIdRecord[] {
  const list = (raw as Readonly<Record<string, unknown>>[] | null) ?? [];
  const byEndpoint = new Map<string, StashIdRecord>();
  for (const entry of list) {
    const id = stashIdEntry(entry, now);
    const prior = byEndpoint.get(id.endpoint);
    if (prior && prior.stashId !== id.stashId) {
      throw new Error(`stash_ids: endpoint ${JSON.stringify(id.endpoint)} is given more than once; a scene has one stash id per endpoint`);
    }
    if (!prior) byEndpoint.set(id.endpoint, id);
  }
  return [...byEndpoint.values()];
}

const DATA_URL = /^data:.+\/(.+);base64,(.*)$/;
const BASE64 = /^[A-Za-z0-9+/]*$/;

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[\r\n]/g, "");
  const body = clean.replace(/={1,2}$/, "");
  const bad = [...body].findIndex((ch) => !BASE64.test(ch));
  if (bad >= 0) throw new Error(`illegal base64 data at input byte ${bad}`);
  if (clean.length % 4 !== 0) throw new Error(`illegal base64 data at input byte ${clean.length - (clean.length % 4)}`);
  return new Uint8Array(Buffer.from(clean, "base64"));
}

/**
 * `cover_image`: a `data:<type>;base64,` value is decoded; `""`/null change
 * nothing. Stash would download any other string; the stand-in never touches
 * the network, so it refuses instead.
 */
export function processCoverImage(raw: unknown): Uint8Array | null {
  if (raw === null || raw === undefined || raw === "") return null;
  const text = String(raw);
  const m = DATA_URL.exec(text);
  if (!m) {
    throw new Error(
      `processing cover image: the stand-in cannot fetch cover image URLs (${text.slice(0, 100)}); send a data:image/...;base64, value`,
    );
  }
  try {
    const bytes = decodeBase64(m[2] ?? "");
    return bytes.length > 0 ? bytes : null;
  } catch (err) {
    throw new Error(`processing cover image: ${(err as Error).message}`);
  }
}

/** `urls` wins over the deprecated `url`; null clears. Undefined when neither was sent. */
function convertUrls(input: SceneInput): string[] | undefined {
  if (has(input, "urls")) return ((input.urls as string[] | null) ?? []).map((u) => u.trim());
  if (has(input, "url")) return input.url == null ? [] : [trimmed(input.url)];
  return undefined;
}

/**
 * The scalar fields shared by sceneUpdate and bulkSceneUpdate: strings
 * (null → ""), rating100/date (null → unset), organized, studio_id.
 */
export function scalarChanges(input: SceneInput, ctx: StandInContext, changes: SceneChanges): void {
  for (const key of ["title", "code", "details", "director"] as const) {
    if (has(input, key)) changes[key] = trimmed(input[key]);
  }
  if (has(input, "rating100")) changes.rating100 = (input.rating100 as number | null) ?? null;
  if (has(input, "organized")) {
    // Stash crashes on organized: null ("internal system error"); the stand-in says why instead.
    if (input.organized === null) throw new Error("organized cannot be null: send true or false");
    changes.organized = Boolean(input.organized);
  }
  if (has(input, "date")) {
    const raw = input.date as string | null;
    changes.date = raw === null || raw === "" ? null : convertSceneDate(raw, ctx.version);
  }
  if (has(input, "studio_id")) {
    changes.studioId = input.studio_id === null ? null : converting("studio id", () => parseId(input.studio_id));
  }
}

/** Converts a SceneUpdateInput in Stash's order; nothing is checked against the store yet. */
export function sceneUpdateParts(input: SceneInput, ctx: StandInContext): SceneUpdateParts {
  const changes: SceneChanges = {};
  if (has(input, "play_duration")) {
    if (input.play_duration === null) throw new Error("play_duration cannot be null: send a number of seconds");
    changes.playDuration = input.play_duration as number;
  }
  // resume_time, o_counter and play_count are accepted and ignored (internal/api/resolver_mutation_scene.go sceneUpdate only warns).
  if (has(input, "stash_ids")) changes.stashIds = convertStashIds(input.stash_ids, ctx.store.nowTime());
  scalarChanges(input, ctx, changes);
  const urls = convertUrls(input);
  if (urls !== undefined) changes.urls = urls;
  const primaryFileId =
    input.primary_file_id == null ? null : converting("primary file id", () => parseId(input.primary_file_id));
  if (has(input, "performer_ids")) changes.performerIds = convertIdList(input.performer_ids, "performer ids");
  if (has(input, "tag_ids")) changes.tagIds = convertIdList(input.tag_ids, "tag ids");
  if (has(input, "gallery_ids")) changes.galleryIds = convertIdList(input.gallery_ids, "gallery ids");
  if (has(input, "groups")) changes.groups = convertGroups(input.groups, "group_id", "groups");
  else if (has(input, "movies")) changes.groups = convertGroups(input.movies, "movie_id", "movies");
  return { changes, primaryFileId };
}

/** A new scene from a SceneCreateInput, plus its file ids and cover; relations are not checked yet. */
export function sceneCreateParts(
  input: SceneInput,
  ctx: StandInContext,
): { scene: Omit<SceneRecord, "id">; fileIds: number[]; cover: Uint8Array | null } {
  const fileIds = converting("file ids", () => parseIds(input.file_ids as unknown[] | null));
  const now = ctx.store.nowTime();
  const rawDate = input.date as string | null | undefined;
  const date = rawDate == null || rawDate === "" ? null : convertSceneDate(rawDate, ctx.version);
  const rawStudio = input.studio_id;
  const studioId = rawStudio == null || rawStudio === "" ? null : converting("studio id", () => parseId(rawStudio));
  const groupsInput = input.groups as unknown[] | null | undefined;
  const moviesInput = input.movies as unknown[] | null | undefined;
  const scene: Omit<SceneRecord, "id"> = {
    ...emptySceneRecord(now),
    title: trimmed(input.title),
    code: trimmed(input.code),
    details: trimmed(input.details),
    director: trimmed(input.director),
    urls: input.urls != null ? (input.urls as string[]).map((u) => u.trim()) : input.url != null ? [trimmed(input.url)] : [],
    date,
    rating100: (input.rating100 as number | null | undefined) ?? null,
    organized: input.organized === true,
    studioId,
    performerIds: convertIdList(input.performer_ids, "performer ids"),
    tagIds: convertIdList(input.tag_ids, "tag ids"),
    galleryIds: convertIdList(input.gallery_ids, "gallery ids"),
    groups:
      groupsInput && groupsInput.length > 0
        ? convertGroups(groupsInput, "group_id", "groups")
        : moviesInput && moviesInput.length > 0
          ? convertGroups(moviesInput, "movie_id", "movies")
          : [],
    stashIds: convertStashIds(input.stash_ids, now),
  };
  return { scene, fileIds, cover: processCoverImage(input.cover_image) };
}

/** A scene as models.NewScene makes it: empty but for its timestamps (created by sceneCreate or a scan). */
export function emptySceneRecord(stamp: string): Omit<SceneRecord, "id"> {
  return {
    ...blankMediaMetadata("", stamp),
    director: "",
    galleryIds: [],
    groups: [],
    stashIds: [],
    fileIds: [],
    resumeTime: 0,
    playDuration: 0,
    playHistory: [],
    oHistory: [],
    hasCover: false,
    interactive: false,
    interactiveSpeed: null,
  };
}

/** Fails like SQLite's foreign keys when a changed relation points at nothing. */
export function checkSceneReferences(store: Store, changes: SceneChanges): void {
  const missing = (table: "studios" | "tags" | "performers" | "galleries" | "groups", ids: readonly number[]) =>
    ids.some((id) => !store.has(table, id));
  if (
    (changes.studioId != null && !store.has("studios", changes.studioId)) ||
    missing("tags", changes.tagIds ?? []) ||
    missing("performers", changes.performerIds ?? []) ||
    missing("galleries", changes.galleryIds ?? []) ||
    missing("groups", (changes.groups ?? []).map((g) => g.groupId))
  ) {
    throw foreignKeyError();
  }
}

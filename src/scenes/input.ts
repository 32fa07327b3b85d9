/**
 * Turns the friendly scene shapes callers write (related objects or ids, a
 * scene fetched with `findScene`) into Stash's input types. The rules that
 * matter: `undefined` is never sent (the server keeps the value), `null`
 * clears, `[]` clears a list, and read-only fields of a fetched scene are
 * dropped rather than sent.
 */
import { StashValidationError } from "../core/errors";
import {
  BulkUpdateIdMode,
  type BulkSceneUpdateInput,
  type BulkUpdateIds,
  type BulkUpdateStrings,
  type SceneCreateInput,
  type SceneGroupInput,
  type SceneUpdateInput,
  type StashIDInput,
} from "../../generated/graphql";
import { deprecatedFields, fieldNames } from "../core/input-fields";
import { toBulkUpdateIds, toBulkUpdateStrings, type BulkIdsChange, type BulkStringsChange } from "../entities/bulk-modes";
import {
  checkBoolean,
  checkDate,
  checkEnum,
  checkIds,
  checkId,
  checkInteger,
  checkKnownKeys,
  checkNonNegative,
  checkObject,
  checkRating100,
  checkString,
  checkUrl,
  type ID,
} from "../core/validate";

import type { IdLike } from "../entities/bulk-modes";
export type { IdLike };

/** A scene's group membership: a group id/object, or `{ group, scene_index }`, or the raw `SceneGroupInput`. */
export type SceneGroupLike =
  | IdLike
  | { readonly group: IdLike; readonly scene_index?: number | null }
  | { readonly group_id: ID; readonly scene_index?: number | null };

/** A stash-box identity of a scene. */
export interface StashIdLike {
  readonly endpoint: string;
  readonly stash_id: string;
  readonly updated_at?: string | null;
}

/**
 * Fields present on a fetched scene that cannot be written through an update;
 * they are accepted (so a `SceneDataFragment` can be passed back) and ignored.
 */
export interface SceneReadOnlyFields {
  readonly created_at?: unknown;
  readonly updated_at?: unknown;
  readonly files?: unknown;
  readonly paths?: unknown;
  readonly scene_markers?: unknown;
  readonly o_counter?: unknown;
  readonly play_count?: unknown;
  readonly play_history?: unknown;
  readonly o_history?: unknown;
  readonly last_played_at?: unknown;
  readonly interactive?: unknown;
  readonly interactive_speed?: unknown;
  /** Stash ignores it in updates; `sceneSaveActivity` sets it. */
  readonly resume_time?: unknown;
  readonly __typename?: unknown;
}

/** Writable scene fields shared by create and update. Each relationship has a friendly and a raw spelling. */
export interface SceneFields extends SceneReadOnlyFields {
  readonly title?: string | null;
  readonly code?: string | null;
  readonly details?: string | null;
  readonly director?: string | null;
  readonly urls?: readonly string[] | null;
  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (Stash v0.30+). */
  readonly date?: string | null;
  /** 0–100. */
  readonly rating100?: number | null;
  readonly organized?: boolean;
  readonly studio?: IdLike | null;
  readonly studio_id?: ID | null;
  readonly performers?: readonly IdLike[] | null;
  readonly performer_ids?: readonly ID[] | null;
  readonly tags?: readonly IdLike[] | null;
  readonly tag_ids?: readonly ID[] | null;
  readonly galleries?: readonly IdLike[] | null;
  readonly gallery_ids?: readonly ID[] | null;
  readonly groups?: readonly SceneGroupLike[] | null;
  readonly stash_ids?: readonly StashIdLike[] | null;
  /** A `data:image/…;base64,` value or an http(s) URL Stash fetches. A cover cannot be cleared. */
  readonly cover_image?: string;
}

/** What `createScene` accepts. A title is required unless `file_ids` names a file. */
export interface SceneCreate extends SceneFields {
  readonly file_ids?: readonly ID[] | null;
}

/** What `updateScene` accepts: an id plus the fields to change, or a modified `SceneDataFragment`. */
export interface SceneUpdate extends SceneFields {
  readonly id: ID;
  readonly clientMutationId?: string | null;
  readonly primary_file_id?: ID;
  /** Seconds played, set absolutely. `null` is ignored: Stash cannot clear it (set 0 instead). */
  readonly play_duration?: number | null;
}

/** `values` of a merge: like an update, with `id` optional (it is always the destination). */
export type SceneMergeValues = Omit<SceneUpdate, "id"> & { readonly id?: ID };

const READ_ONLY: ReadonlySet<string> = new Set([
  "created_at", "updated_at", "files", "paths", "scene_markers", "o_counter", "play_count", "play_history",
  "o_history", "last_played_at", "interactive", "interactive_speed", "resume_time", "__typename",
]);
const TEXT = ["title", "code", "details", "director", "clientMutationId"] as const;
const RELATIONS = [
  ["performers", "performer_ids"],
  ["tags", "tag_ids"],
  ["galleries", "gallery_ids"],
] as const;
/** The facade's own spellings (`studio`, `performers`, …) of schema fields (`studio_id`, `performer_ids`, …). */
const FRIENDLY = [...RELATIONS, ["studio", "studio_id"]] as const;
/** Schema fields the converters below handle; any other schema field is sent as given (see passThrough). */
const CONVERTED: ReadonlySet<string> = new Set([
  ...TEXT, "urls", "date", "rating100", "organized", "studio_id", ...RELATIONS.map(([, raw]) => raw), "group_ids", "groups",
  "stash_ids", "cover_image", "file_ids", "id", "ids", "primary_file_id", "play_duration",
]);

type SceneInputType = "SceneCreateInput" | "SceneUpdateInput" | "BulkSceneUpdateInput";

/**
 * The keys a scene input accepts: the schema's fields (deprecated ones too, to refuse them
 * by name), the friendly spelling of each relationship, and a fetched scene's read-only fields.
 */
function allowedKeys(type: SceneInputType, friendly: readonly (readonly [string, string])[]): string[] {
  const fields: string[] = fieldNames(type, { deprecated: true });
  const aliases = friendly.filter(([, raw]) => fields.includes(raw)).map(([name]) => name);
  return [...fields, ...aliases, ...(type === "BulkSceneUpdateInput" ? [] : READ_ONLY)];
}

/** Refuses deprecated schema fields with Stash's reason; a fetched scene's read-only ones are ignored instead. */
function refuseDeprecated(type: SceneInputType, input: Record<string, unknown>, argument: string): void {
  for (const [field, reason] of deprecatedFields(type)) {
    if (input[field] !== undefined && !READ_ONLY.has(field)) {
      throw new StashValidationError(`${argument}.${field}`, `is deprecated in Stash (${reason.replace(/\.$/, "")})`);
    }
  }
}

/** Sends schema fields the converters do not know as given, so a newer schema's field is never silently dropped. */
function passThrough(type: SceneInputType, input: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const key of fieldNames(type)) {
    if (input[key] !== undefined && !CONVERTED.has(key) && !READ_ONLY.has(key)) out[key] = input[key];
  }
}

/** Reads the id of an id or `{ id }` object. */
export function idOf(value: unknown, argument: string): string {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return checkId((value as { id?: unknown }).id, `${argument}.id`);
  return checkId(value, argument);
}

function idList(value: unknown, argument: string): string[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StashValidationError(argument, "must be an array of ids or objects with an id, or null");
  return value.map((v, i) => idOf(v, `${argument}[${i}]`));
}

function groupList(value: unknown, argument: string): SceneGroupInput[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StashValidationError(argument, "must be an array of groups, or null");
  return value.map((entry, i) => {
    const arg = `${argument}[${i}]`;
    if (typeof entry !== "object" || entry === null || (!("group" in entry) && !("group_id" in entry))) {
      return { group_id: idOf(entry, arg) };
    }
    const g = entry as Record<string, unknown>;
    checkKnownKeys(g, [...fieldNames("SceneGroupInput"), "group", "__typename"], arg);
    const key = pick(g, "group", "group_id", arg) ?? "group_id";
    const group_id = idOf(g[key], `${arg}.${key}`);
    const out: SceneGroupInput = { group_id };
    const index = g["scene_index"];
    if (index === null) out.scene_index = null;
    else if (index !== undefined) out.scene_index = checkInteger(index, `${arg}.scene_index`, 0);
    return out;
  });
}

function stashIdList(value: unknown, argument: string): StashIDInput[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StashValidationError(argument, "must be an array of { endpoint, stash_id }, or null");
  const endpoints = new Set<string>();
  return value.map((entry, i) => {
    const arg = `${argument}[${i}]`;
    const s = checkObject(entry, arg);
    checkKnownKeys(s, [...fieldNames("StashIDInput"), "__typename"], arg);
    const endpoint = checkString(s["endpoint"], `${arg}.endpoint`, { nonEmpty: true });
    const stash_id = checkString(s["stash_id"], `${arg}.stash_id`, { nonEmpty: true });
    // Stash refuses two ids for one endpoint; catching it here names the entry.
    if (endpoints.has(endpoint)) throw new StashValidationError(`${arg}.endpoint`, `repeats endpoint ${endpoint}; a scene has one stash id per endpoint`);
    endpoints.add(endpoint);
    const out: StashIDInput = { endpoint, stash_id };
    if (s["updated_at"] != null) out.updated_at = checkString(s["updated_at"], `${arg}.updated_at`);
    return out;
  });
}

function urlList(value: unknown, argument: string): string[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StashValidationError(argument, "must be an array of URLs, or null");
  return value.map((u, i) => checkUrl(u, `${argument}[${i}]`));
}

function coverImage(value: unknown, argument: string): string {
  if (value === null || value === "") throw new StashValidationError(argument, "a cover cannot be cleared; omit it to keep the current one");
  const text = checkString(value, argument);
  if (/^data:image\/[\w.+-]+;base64,/.test(text)) return text;
  return checkUrl(text, argument);
}

/** Converts the fields shared by create and update; `out` receives only keys the caller set. */
function convertCommon(type: SceneInputType, input: Record<string, unknown>, argument: string, out: Record<string, unknown>): void {
  const set = (key: string) => input[key] !== undefined;
  refuseDeprecated(type, input, argument);
  for (const key of TEXT) {
    if (set(key)) out[key] = input[key] === null ? null : checkString(input[key], `${argument}.${key}`);
  }
  if (set("urls")) out["urls"] = urlList(input["urls"], `${argument}.urls`);
  if (set("date")) out["date"] = checkDate(input["date"], `${argument}.date`);
  if (set("rating100")) out["rating100"] = checkRating100(input["rating100"], `${argument}.rating100`);
  // Stash crashes on `organized: null`, so only a real boolean is sent.
  if (set("organized")) out["organized"] = checkBoolean(input["organized"], `${argument}.organized`);
  const studioKey = pick(input, "studio", "studio_id", argument);
  if (studioKey) out["studio_id"] = input[studioKey] === null ? null : idOf(input[studioKey], `${argument}.${studioKey}`);
  for (const [friendly, raw] of RELATIONS) {
    const key = pick(input, friendly, raw, argument);
    if (key) out[raw] = idList(input[key], `${argument}.${key}`);
  }
  if (set("groups")) out["groups"] = groupList(input["groups"], `${argument}.groups`);
  if (set("stash_ids")) out["stash_ids"] = stashIdList(input["stash_ids"], `${argument}.stash_ids`);
  if (set("cover_image")) out["cover_image"] = coverImage(input["cover_image"], `${argument}.cover_image`);
}

/** Which of two spellings of one field is set; both is an error. */
function pick(input: Record<string, unknown>, friendly: string, raw: string, argument: string): string | undefined {
  const a = input[friendly] !== undefined;
  const b = input[raw] !== undefined;
  if (a && b) throw new StashValidationError(`${argument}.${friendly}`, `and ${raw} are the same field; give one of them`);
  return a ? friendly : b ? raw : undefined;
}

/** Converts a scene to `SceneCreateInput`, refusing a scene with neither title nor file (Stash would). */
export function toSceneCreateInput(scene: SceneCreate, argument = "scene"): SceneCreateInput {
  const input = checkObject(scene, argument);
  if (input["id"] !== undefined) {
    throw new StashValidationError(`${argument}.id`, "createScene makes a new scene; drop id, or use updateScene to change an existing one");
  }
  checkKnownKeys(input, allowedKeys("SceneCreateInput", FRIENDLY), argument);
  const out: Record<string, unknown> = {};
  convertCommon("SceneCreateInput", input, argument, out);
  if (input["file_ids"] !== undefined) out["file_ids"] = idList(input["file_ids"], `${argument}.file_ids`);
  passThrough("SceneCreateInput", input, out);
  const hasFile = Array.isArray(out["file_ids"]) && (out["file_ids"] as string[]).length > 0;
  if (!hasFile && (typeof out["title"] !== "string" || out["title"].trim() === "")) {
    throw new StashValidationError(`${argument}.title`, "must be set when the scene has no files (file_ids)");
  }
  return out as SceneCreateInput;
}

/** Converts a scene (or a modified fetched scene) to `SceneUpdateInput`; only set fields are sent. */
export function toSceneUpdateInput(scene: SceneUpdate, argument = "scene"): SceneUpdateInput {
  const input = checkObject(scene, argument);
  return convertUpdate(input, checkId(input["id"], `${argument}.id`), argument);
}

/** Converts merge `values` into the destination's `SceneUpdateInput` (its id is the destination's). */
export function toSceneMergeValues(values: SceneMergeValues, destination: string, argument = "values"): SceneUpdateInput {
  const input = checkObject(values, argument);
  if (input["id"] !== undefined && checkId(input["id"], `${argument}.id`) !== destination) {
    throw new StashValidationError(`${argument}.id`, `is ${String(input["id"])} but the destination is ${destination}; values always apply to the destination`);
  }
  return convertUpdate(input, destination, argument);
}

function convertUpdate(input: Record<string, unknown>, id: string, argument: string): SceneUpdateInput {
  checkKnownKeys(input, allowedKeys("SceneUpdateInput", FRIENDLY), argument);
  const out: Record<string, unknown> = { id };
  convertCommon("SceneUpdateInput", input, argument, out);
  passThrough("SceneUpdateInput", input, out);
  if (input["primary_file_id"] !== undefined) out["primary_file_id"] = checkId(input["primary_file_id"], `${argument}.primary_file_id`);
  // A fetched scene may carry play_duration: null; Stash crashes on null, and there is nothing to clear.
  if (input["play_duration"] != null) out["play_duration"] = checkNonNegative(input["play_duration"], `${argument}.play_duration`);
  return out as SceneUpdateInput;
}

/** Relationship ids with how to apply them: `{ add }`, `{ remove }`, `{ set }`, or `{ ids, mode }`. */
export type BulkIdsLike = BulkIdsChange;

/** URLs with how to apply them: `{ add }`, `{ remove }`, `{ set }`, or `{ values, mode }`. */
export type BulkUrlsLike = BulkStringsChange;

/** What `bulkSceneUpdate` accepts: the scenes and the changes applied to every one of them. */
export interface BulkSceneUpdate {
  readonly ids: readonly ID[];
  readonly title?: string | null;
  readonly code?: string | null;
  readonly details?: string | null;
  readonly director?: string | null;
  readonly date?: string | null;
  readonly rating100?: number | null;
  readonly organized?: boolean;
  readonly studio?: IdLike | null;
  readonly studio_id?: ID | null;
  readonly urls?: BulkUrlsLike;
  readonly performers?: BulkIdsLike;
  readonly performer_ids?: BulkIdsLike;
  readonly tags?: BulkIdsLike;
  readonly tag_ids?: BulkIdsLike;
  readonly galleries?: BulkIdsLike;
  readonly gallery_ids?: BulkIdsLike;
  readonly groups?: BulkIdsLike;
  readonly group_ids?: BulkIdsLike;
  readonly clientMutationId?: string | null;
}

const BULK_RELATIONS = [...RELATIONS, ["groups", "group_ids"]] as const;
const BULK_FRIENDLY = [...BULK_RELATIONS, ["studio", "studio_id"]] as const;

function bulkIds(value: unknown, argument: string): BulkUpdateIds {
  return toBulkUpdateIds(value, argument, idOf);
}

function bulkUrls(value: unknown, argument: string): BulkUpdateStrings {
  return toBulkUpdateStrings(value, argument, checkUrl);
}

/** Converts a bulk update, checking ids (non-empty, no repeats) and every mode. */
export function toBulkSceneUpdateInput(update: BulkSceneUpdate, argument = "input"): BulkSceneUpdateInput {
  const input = checkObject(update, argument);
  checkKnownKeys(input, allowedKeys("BulkSceneUpdateInput", BULK_FRIENDLY), argument);
  refuseDeprecated("BulkSceneUpdateInput", input, argument);
  const out: Record<string, unknown> = { ids: checkIds(input["ids"], `${argument}.ids`) };
  const set = (key: string) => input[key] !== undefined;
  for (const key of TEXT) {
    if (set(key)) out[key] = input[key] === null ? null : checkString(input[key], `${argument}.${key}`);
  }
  if (set("date")) out["date"] = checkDate(input["date"], `${argument}.date`);
  if (set("rating100")) out["rating100"] = checkRating100(input["rating100"], `${argument}.rating100`);
  if (set("organized")) out["organized"] = checkBoolean(input["organized"], `${argument}.organized`);
  const studioKey = pick(input, "studio", "studio_id", argument);
  if (studioKey) out["studio_id"] = input[studioKey] === null ? null : idOf(input[studioKey], `${argument}.${studioKey}`);
  if (set("urls")) out["urls"] = bulkUrls(input["urls"], `${argument}.urls`);
  for (const [friendly, raw] of BULK_RELATIONS) {
    const key = pick(input, friendly, raw, argument);
    if (key) out[raw] = bulkIds(input[key], `${argument}.${key}`);
  }
  passThrough("BulkSceneUpdateInput", input, out);
  return out as BulkSceneUpdateInput;
}

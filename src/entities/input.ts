/**
 * Converts the friendly entity shapes callers write into Stash's input types,
 * driven by the generated field facts (generated/input-fields.ts: each field's
 * scalar, enum or nested input type, list-ness and whether it is required), so
 * every entity follows the same rules without a hand-written converter:
 *
 * - `undefined` is never sent (Stash keeps the value), `null` clears, `[]`
 *   empties a list;
 * - relations may be given as ids, numbers or fetched objects, under the
 *   schema's name (`tag_ids`) or the fetched object's (`tags`);
 * - a fetched object passed back has its read-only fields (counts, paths,
 *   timestamps) dropped instead of sent;
 * - bulk inputs name the mode of every relationship change (bulk-modes.ts).
 */
import { StashValidationError } from "../core/errors";
import { enumValues, inputFields, type MemberFacts } from "../../generated/input-fields";
import type { InputTypeName } from "../core/input-fields";
import {
  checkBoolean,
  checkDate,
  checkId,
  checkInteger,
  checkNonNegative,
  checkObject,
  checkRating100,
  checkString,
  checkTimestamp,
  checkUrl,
} from "../core/validate";
import { toBulkUpdateIds, toBulkUpdateStrings, readBulkChange } from "./bulk-modes";

/** The fetched object's spelling of a relation → the schema's (applied when the schema field exists). */
const RELATION_ALIASES: Readonly<Record<string, string>> = {
  tags: "tag_ids",
  performers: "performer_ids",
  galleries: "gallery_ids",
  scenes: "scene_ids",
  images: "image_ids",
  parents: "parent_ids",
  children: "child_ids",
  studio: "studio_id",
  parent_studio: "parent_id",
  group: "group_id",
  gallery: "gallery_id",
  scene: "scene_id",
  primary_tag: "primary_tag_id",
};

/** Output-only fields of fetched objects; any `*_count` and `*_path` field is read-only too. */
const READ_ONLY: ReadonlySet<string> = new Set([
  "__typename", "created_at", "updated_at", "files", "paths", "visual_files", "folder", "o_counter", "play_count",
  "child_studios", "chapters", "cover", "scene_markers", "movies",
]);
const READ_ONLY_PATTERN = /(_count|_path)$/;

const DATE_FIELDS: ReadonlySet<string> = new Set(["date", "birthdate", "death_date"]);
const IMAGE_FIELDS: ReadonlySet<string> = new Set(["image", "cover_image", "front_image", "back_image"]);

type Facts = Readonly<Record<string, MemberFacts>>;

/** The generated facts of an input type (every field of every release). */
export function factsOf(type: string): Facts {
  const facts = (inputFields as Readonly<Record<string, Facts>>)[type];
  if (!facts) throw new Error(`no generated input facts for ${type}; add it to FACADE_INPUT_TYPES and run npm run codegen`);
  return facts;
}

/** How a conversion treats its input. */
export interface ConvertOptions {
  /** `create` checks required fields; `update` requires `id`; `bulk` requires `ids` and reads relation modes. */
  readonly mode: "create" | "update" | "bulk" | "plain";
  /** Keys of a fetched object to drop besides the generic read-only ones. */
  readonly readOnly?: readonly string[];
  /** Keys refused with a reason (e.g. `id` on create). */
  readonly refuse?: Readonly<Record<string, string>>;
}

const isCurrent = (f: MemberFacts) => f.removedIn === undefined;

function aliasesFor(facts: Facts): Map<string, string> {
  return new Map(Object.entries(RELATION_ALIASES).filter(([, raw]) => facts[raw] && isCurrent(facts[raw]!)));
}

/**
 * Converts `value` to the input type `type`. Unknown keys fail naming every
 * one; deprecated fields fail with Stash's reason; required fields are
 * checked on create. Returns only the keys the caller set.
 */
export function convertInput(type: InputTypeName | string, value: unknown, argument: string, options: ConvertOptions): Record<string, unknown> {
  const input = checkObject(value, argument);
  const facts = factsOf(type);
  const aliases = aliasesFor(facts);
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, v] of Object.entries(input)) {
    if (v === undefined) continue;
    const refusal = options.refuse?.[key];
    if (refusal) throw new StashValidationError(`${argument}.${key}`, refusal);
    const raw = facts[key] && isCurrent(facts[key]!) ? key : aliases.get(key);
    if (raw === undefined) {
      if (READ_ONLY.has(key) || READ_ONLY_PATTERN.test(key) || options.readOnly?.includes(key)) continue;
      unknown.push(key);
      continue;
    }
    if (raw !== key && input[raw] !== undefined) {
      throw new StashValidationError(`${argument}.${key}`, `and ${raw} are the same field; give one of them`);
    }
    const f = facts[raw]!;
    if (f.deprecated !== undefined) {
      throw new StashValidationError(`${argument}.${key}`, `is deprecated in Stash (${f.deprecated.replace(/\.$/, "")})`);
    }
    out[raw] = convertField(raw, f, v, `${argument}.${key}`, options);
  }
  if (unknown.length > 0) {
    const allowed = Object.entries(facts).filter(([, f]) => isCurrent(f) && !f.deprecated).map(([k]) => k);
    throw new StashValidationError(
      argument,
      `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; allowed: ${[...allowed, ...aliases.keys()].join(", ")}`,
    );
  }
  if (options.mode === "create" || options.mode === "plain") {
    for (const [key, f] of Object.entries(facts)) {
      if (f.required && isCurrent(f) && out[key] === undefined) throw new StashValidationError(`${argument}.${key}`, "is required");
    }
  }
  return out;
}

function convertField(key: string, f: MemberFacts, value: unknown, argument: string, options: ConvertOptions): unknown {
  if (f.input === "BulkUpdateIds") return toBulkUpdateIds(value, argument, relationId);
  if (f.input === "BulkUpdateStrings") return toBulkUpdateStrings(value, argument, (v, a) => scalar(key, "String", v, a, true) as string);
  if (f.input === "BulkUpdateGroupDescriptionsInput") {
    const { mode, entries } = readBulkChange(value, "groups", argument);
    return { mode, groups: entries.map((e, i) => nested("GroupDescriptionInput", e, `${argument}[${i}]`)) };
  }
  if (value === null) {
    if (f.required) throw new StashValidationError(argument, "is required and cannot be null");
    // Stash crashes on a null boolean (it has no "unset"), so clearing one is refused here.
    if (f.scalar === "Boolean") throw new StashValidationError(argument, "must be true or false; a flag cannot be cleared");
    // A list cleared with null is sent as [] so every Stash release empties it.
    return f.list ? [] : null;
  }
  if (f.list) {
    if (!Array.isArray(value)) throw new StashValidationError(argument, `must be an array${f.required ? "" : ", or null"}`);
    const items = value.map((v, i) => one(key, f, v, `${argument}[${i}]`, options));
    if (f.scalar === "ID") {
      const seen = new Set<unknown>();
      items.forEach((id, i) => {
        if (seen.has(id)) throw new StashValidationError(`${argument}[${i}]`, `repeats id ${String(id)}`);
        seen.add(id);
      });
    }
    return items;
  }
  return one(key, f, value, argument, options);
}

function one(key: string, f: MemberFacts, value: unknown, argument: string, options: ConvertOptions): unknown {
  if (f.input) return nested(f.input, value, argument, key === "custom_fields");
  if (f.enum) {
    const allowed = Object.keys((enumValues as Readonly<Record<string, Facts>>)[f.enum] ?? {});
    if (typeof value !== "string" || !allowed.includes(value)) {
      throw new StashValidationError(argument, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    }
    return value;
  }
  return scalar(key, f.scalar ?? "String", value, argument, f.required === true && options.mode !== "update");
}

function nested(type: string, value: unknown, argument: string, customFields = false): Record<string, unknown> {
  if (customFields) {
    // A fetched performer's custom_fields is the plain map; passing it back means "these are all the fields".
    const v = checkObject(value, argument);
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    if (keys.length > 0 && !keys.some((k) => k === "full" || k === "partial" || k === "remove")) return { full: v };
  }
  return convertInput(type, value, argument, { mode: "plain" });
}

/** Reads an id or an object carrying one. */
export function relationId(value: unknown, argument: string): string {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return checkId((value as { id?: unknown }).id, `${argument}.id`);
  return checkId(value, argument);
}

function scalar(key: string, type: string, value: unknown, argument: string, nonEmpty: boolean): unknown {
  switch (type) {
    case "ID":
      return relationId(value, argument);
    case "Boolean":
      return checkBoolean(value, argument);
    case "Int":
      return key === "rating100" ? checkRating100(value, argument) : checkInteger(value, argument, 0);
    case "Float":
      return checkNonNegative(value, argument);
    case "Timestamp":
      return checkTimestamp(value, argument);
    case "Map":
      return checkObject(value, argument);
    case "Any":
    case "Upload":
      return value;
    default:
      if (key === "urls" || key === "url") return checkUrl(value, argument);
      if (DATE_FIELDS.has(key)) return checkDate(value, argument);
      if (IMAGE_FIELDS.has(key)) return imageValue(value, argument);
      return checkString(value, argument, { nonEmpty: nonEmpty || key === "name" });
  }
}

/** An image is a `data:image/…;base64,` value or an http(s) URL Stash fetches. */
function imageValue(value: unknown, argument: string): string {
  const text = checkString(value, argument, { nonEmpty: true });
  if (/^data:image\/[\w.+-]+;base64,/.test(text)) return text;
  return checkUrl(text, argument);
}

/** The dates set in a converted input, for the partial-date check on servers older than v0.30. */
export function datesOf(input: Record<string, unknown>, argument: string): { argument: string; value: unknown }[] {
  return [...DATE_FIELDS].filter((k) => input[k] != null).map((k) => ({ argument: `${argument}.${k}`, value: input[k] }));
}

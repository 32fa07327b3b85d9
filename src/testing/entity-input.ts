/**
 * Stash's changeset translator (internal/api/changeset_translator.go) for tag,
 * performer and studio inputs: an absent key leaves a field alone, an explicit
 * null clears it, strings are trimmed, `BulkUpdateIds`/`BulkUpdateStrings`
 * carry SET/ADD/REMOVE, and conversion errors keep Stash's prefixes.
 */
import { foreignKeyError } from "./ids";
import { applyBulk, bulkIds, type BulkList } from "./scene-bulk";
import { convertIdList, has, processCoverImage } from "./scene-input";
import { stashIdEntry } from "./stash-id-input";
import type { StashIdRecord, Store, TableName } from "./store";

export { applyBulk, has, type BulkList };

/** An input object as graphql-js coerced it: absent keys are really absent. */
export type EntityInput = Readonly<Record<string, unknown>>;

/** translator.string: trimmed, "" for null or absent. */
export function text(input: EntityInput, key: string): string {
  const value = input[key];
  return typeof value === "string" ? value.trim() : "";
}

/** translator.optionalString for a nullable column: undefined when absent, "" when null. */
export function optionalText(input: EntityInput, key: string): string | undefined {
  return has(input, key) ? text(input, key) : undefined;
}

/**
 * A column Stash cannot set to NULL (names, booleans): Stash panics on an
 * explicit null (pkg/sqlite/record.go setString/setBool); the stand-in says why.
 */
function notNull(input: EntityInput, key: string, hint: string): void {
  if (input[key] === null) throw new Error(`${key} cannot be null: ${hint}`);
}

/** An optional name change: undefined when absent; null is refused. */
export function optionalName(input: EntityInput, key: string): string | undefined {
  if (!has(input, key)) return undefined;
  notNull(input, key, "send a name or leave the field out");
  return text(input, key);
}

/** An optional boolean change: undefined when absent; null is refused. */
export function optionalBool(input: EntityInput, key: string): boolean | undefined {
  if (!has(input, key)) return undefined;
  notNull(input, key, "send true or false");
  return input[key] === true;
}

/** An optional nullable number change: undefined when absent, null clears. */
export function optionalNumber(input: EntityInput, key: string): number | null | undefined {
  if (!has(input, key)) return undefined;
  return (input[key] as number | null) ?? null;
}

/** stringslice.TrimSpace over a list (null gives none). */
export function trimmedList(raw: unknown): string[] {
  return ((raw as readonly string[] | null | undefined) ?? []).map((s) => s.trim());
}

/** Drops exact repeats, keeping the first: join tables ignore a second identical row. */
export function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** translator.updateStrings: a plain list replaces (SET); null clears. */
export function setStrings(input: EntityInput, key: string): BulkList<string> | null {
  return has(input, key) ? { mode: "SET", values: trimmedList(input[key]) } : null;
}

/** translator.updateStringsBulk: `{ values, mode }`; absent or null changes nothing. */
export function bulkStrings(input: EntityInput, key: string): BulkList<string> | null {
  const raw = input[key] as { values?: readonly string[] | null; mode: BulkList<string>["mode"] } | null | undefined;
  return raw ? { mode: raw.mode, values: trimmedList(raw.values) } : null;
}

/** translator.updateIds: a plain id list replaces (SET); null clears. */
export function setIds(input: EntityInput, key: string, what: string): BulkList<number> | null {
  return has(input, key) ? { mode: "SET", values: convertIdList(input[key] ?? [], what) } : null;
}

/** translator.updateIdsBulk: `{ ids, mode }`; absent or null changes nothing. */
export function bulkIdList(input: EntityInput, key: string, what: string): BulkList<number> | null {
  return bulkIds(input[key], what);
}

/** Applies a list change to the current list, de-duplicating as the join tables do. */
export function applyList<T extends string | number>(current: readonly T[], change: BulkList<T> | null): T[] | undefined {
  if (!change) return undefined;
  return [...new Set(applyBulk(current, change, (v) => v))];
}

/** Fails like SQLite's foreign keys when an id points at nothing in `table`. */
export function checkRefs(store: Store, table: TableName, ids: readonly number[] | undefined): void {
  if (ids && ids.some((id) => !store.has(table, id))) throw foreignKeyError();
}

/** StashIDInput list: `updated_at` defaults to now; repeated endpoint+id pairs are dropped (pkg/models/stash_ids.go ToStashIDs). */
export function stashIdList(raw: unknown, now: string): StashIdRecord[] {
  const out: StashIdRecord[] = [];
  for (const entry of (raw as readonly Readonly<Record<string, unknown>>[] | null | undefined) ?? []) {
    const id = stashIdEntry(entry, now);
    if (!out.some((s) => s.endpoint === id.endpoint && s.stashId === id.stashId)) out.push(id);
  }
  return out;
}

/**
 * The `image` input (utils.ProcessImageInput): a `data:` URL sets the image;
 * null or "" removes it on update. Undefined when the key is absent.
 */
export function imageChange(input: EntityInput): boolean | undefined {
  if (!has(input, "image")) return undefined;
  try {
    return processCoverImage(input.image) !== null;
  } catch (err) {
    throw new Error((err as Error).message.replace("processing cover image", "processing image").replace("cover image URLs", "image URLs"));
  }
}

/** Custom field values: objects and arrays are refused as Stash refuses them (pkg/sqlite/custom_fields.go). */
function checkCustomValues(values: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (key.trim() === "") throw new Error(`custom field name ${JSON.stringify(key)}: custom field name cannot be empty`);
    if (key !== key.trim()) throw new Error(`custom field name ${JSON.stringify(key)}: custom field name cannot have leading or trailing whitespace`);
    if (key.length > 64) throw new Error(`custom field name ${JSON.stringify(key)}: custom field name must be less than 65 characters`);
    if (value !== null && typeof value === "object") {
      throw new Error(`getting SQL value for field ${JSON.stringify(key)}: unsupported custom field value type: ${Array.isArray(value) ? "[]interface {}" : "map[string]interface {}"}`);
    }
  }
}

/** The custom fields of a new record (`custom_fields: Map`). */
export function createCustomFields(raw: unknown): Record<string, unknown> {
  const values = (raw as Record<string, unknown> | null | undefined) ?? {};
  checkCustomValues(values);
  return { ...values };
}

/** CustomFieldsInput applied to the current fields: `full` replaces, `partial` merges, `remove` deletes. */
export function updateCustomFields(current: Readonly<Record<string, unknown>>, raw: unknown): Record<string, unknown> | undefined {
  const input = raw as { full?: Record<string, unknown> | null; partial?: Record<string, unknown> | null; remove?: readonly string[] | null } | null | undefined;
  if (!input) return undefined;
  const remove = input.remove ?? [];
  let next: Record<string, unknown> = { ...current };
  const values = input.full ?? input.partial;
  if (values) {
    checkCustomValues(values);
    for (const key of remove) {
      if (key in values) throw new Error(`custom field name ${JSON.stringify(key)} cannot be in both values and delete keys`);
    }
    next = input.full ? { ...values } : { ...next, ...values };
  }
  for (const key of remove) delete next[key];
  return next;
}

/**
 * The input fields galleries and images share, translated the way Stash's
 * changesetTranslator does (internal/api/changeset_translator.go): an absent
 * key leaves the field alone, null clears it, strings are trimmed, id lists
 * replace (or, in bulk inputs, SET/ADD/REMOVE), and conversion errors carry
 * Stash's `converting <field>: ` prefixes.
 */
import type { StandInContext } from "./context";
import { convertSceneDate } from "./dates";
import { parseId } from "./ids";
import { applyBulk, bulkIds, type BulkList, type BulkMode } from "./scene-bulk";
import { checkRefs } from "./entity-input";
import { convertIdList, converting, has } from "./scene-input";

export { applyBulk, bulkIds, checkRefs, convertIdList, converting, has, type BulkList };

/** A GraphQL input object as graphql-js coerced it: absent keys are really absent. */
export type MediaInput = Readonly<Record<string, unknown>>;

/** The columns galleries and images have in common. */
export interface MediaScalars {
  title?: string;
  code?: string;
  details?: string;
  photographer?: string;
  rating100?: number | null;
  organized?: boolean;
  date?: string | null;
  studioId?: number | null;
}

/** A string with Go's strings.TrimSpace applied; null becomes "" (Stash stores NULL and answers ""). */
export function trimmedText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** `converting <v> to int: strconv.Atoi: …`, changesetTranslator's id conversion. */
export function idFromString(raw: unknown): number {
  try {
    return parseId(raw);
  } catch (err) {
    throw new Error(`converting ${String(raw)} to int: ${(err as Error).message}`);
  }
}

/** A date input: "" or null clears; otherwise `YYYY`, `YYYY-MM` or a full date (pkg/models/date.go ParseDate). */
export function convertDate(raw: unknown, ctx: StandInContext): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  return convertSceneDate(String(raw), ctx.version);
}

/**
 * code, details, photographer, rating100, organized, date and studio_id of an
 * update input (the title differs between galleries and images, so callers
 * handle it).
 */
export function scalarUpdates(input: MediaInput, ctx: StandInContext): MediaScalars {
  const out: MediaScalars = {};
  for (const key of ["code", "details", "photographer"] as const) if (has(input, key)) out[key] = trimmedText(input[key]);
  if (has(input, "rating100")) out.rating100 = (input.rating100 as number | null) ?? null;
  if (has(input, "organized")) {
    // Stash fails with an internal error on organized: null; the stand-in says why.
    if (input.organized === null) throw new Error("organized cannot be null: send true or false");
    out.organized = Boolean(input.organized);
  }
  if (has(input, "date")) out.date = convertDate(input.date, ctx);
  if (has(input, "studio_id")) {
    out.studioId = input.studio_id === null ? null : converting("studio id", () => idFromString(input.studio_id));
  }
  return out;
}

/** `urls` (or the deprecated `url`) of an update input as a SET; null when neither was sent. */
export function urlUpdate(input: MediaInput): BulkList<string> | null {
  if (has(input, "urls")) return { mode: "SET", values: ((input.urls as string[] | null) ?? []).map((u) => u.trim()) };
  if (has(input, "url")) return { mode: "SET", values: input.url == null ? [] : [trimmedText(input.url)] };
  return null;
}

/** `urls` (BulkUpdateStrings) or the deprecated `url` of a bulk input; null leaves URLs alone. */
export function bulkUrlUpdate(input: MediaInput): BulkList<string> | null {
  if (has(input, "urls")) {
    const value = input.urls as { values?: string[] | null; mode: BulkMode } | null;
    return value ? { mode: value.mode, values: (value.values ?? []).map((u) => u.trim()) } : null;
  }
  return urlUpdate(input);
}

/** An id list of an update input (replace), or null when absent. */
export function idListUpdate(input: MediaInput, key: string, what: string): BulkList<number> | null {
  return has(input, key) ? { mode: "SET", values: convertIdList(input[key], what) } : null;
}


/** A list with duplicates dropped, first occurrence kept (join inserts ignore repeats). */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Applies an optional list update, de-duplicated. */
export function applyListUpdate<T>(current: readonly T[], update: BulkList<T> | null): T[] {
  return update ? unique(applyBulk(current, update, (x) => x)) : [...current];
}

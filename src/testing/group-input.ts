/**
 * Turns GroupCreateInput / GroupUpdateInput / BulkGroupUpdateInput (and the
 * deprecated Movie inputs) into a change set the way Stash's changeset
 * translator does (internal/api/resolver_mutation_group.go): omitted keys
 * change nothing, null clears, strings are trimmed, and conversion errors
 * carry Stash's `converting …:` prefixes.
 */
import type { StandInContext } from "./context";
import { convertSceneDate } from "./dates";
import type { GroupDescriptionValue } from "./group-hierarchy";
import { parseId, parseIds, uniqueIds } from "./ids";
import { converting, has, processCoverImage } from "./scene-input";
import type { GroupRecord } from "./store";

/** A GraphQL input object as graphql-js coerced it: absent keys are really absent. */
export type GroupInput = Readonly<Record<string, unknown>>;

/** BulkUpdateIdMode. */
export type UpdateMode = "SET" | "ADD" | "REMOVE";

/** A list change: the whole list (SET) or entries to add or remove. */
export interface ListChange<T> {
  readonly mode: UpdateMode;
  readonly values: readonly T[];
}

/** The scalar GroupRecord columns an update may set. */
export type GroupColumns = {
  -readonly [K in "name" | "aliases" | "duration" | "date" | "rating100" | "studioId" | "director" | "synopsis"]?: GroupRecord[K];
};

/** A converted group input. */
export interface GroupChanges {
  readonly columns: GroupColumns;
  readonly urls?: ListChange<string>;
  readonly tagIds?: ListChange<number>;
  readonly containing?: ListChange<GroupDescriptionValue>;
  readonly subGroups?: ListChange<GroupDescriptionValue>;
  /** true: set, false: removed; absent: unchanged. */
  readonly frontImage?: boolean;
  readonly backImage?: boolean;
}

/** Stash's `name cannot be empty` (pkg/group/create.go). */
export const EMPTY_NAME = "name cannot be empty";

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function trimmedList(raw: unknown): string[] {
  return ((raw as string[] | null) ?? []).map((s) => s.trim());
}

/** GroupDescriptionInput entries; a repeated group keeps its first description. */
export function convertDescriptions(raw: unknown, what: string): GroupDescriptionValue[] {
  const list = (raw as Readonly<Record<string, unknown>>[] | null) ?? [];
  return converting(what, () => {
    const seen = new Set<number>();
    const out: GroupDescriptionValue[] = [];
    for (const entry of list) {
      const groupId = parseId(entry.group_id);
      if (seen.has(groupId)) continue;
      seen.add(groupId);
      out.push({ groupId, description: text(entry.description) });
    }
    return out;
  });
}

/** An image input: data URLs only (the stand-in never fetches), with Stash's `processing … image:` prefix. */
function imageGiven(raw: unknown, what: string): boolean {
  try {
    const bytes = processCoverImage(raw);
    return bytes !== null && bytes.length > 0;
  } catch (err) {
    throw new Error((err as Error).message.replace(/^processing cover image/, `processing ${what}`));
  }
}

function dateOf(raw: unknown, ctx: StandInContext): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  return convertSceneDate(String(raw), ctx.version);
}

function studioOf(raw: unknown): number | null {
  return raw === null || raw === undefined ? null : converting("studio id", () => parseId(raw));
}

/** GroupCreateInput / MovieCreateInput (`url` is the movie's legacy single URL). */
export function groupCreateChanges(input: GroupInput, ctx: StandInContext): GroupChanges {
  const columns: GroupColumns = {
    name: text(input.name),
    aliases: text(input.aliases),
    duration: (input.duration as number | null | undefined) ?? null,
    rating100: (input.rating100 as number | null | undefined) ?? null,
    director: text(input.director),
    synopsis: text(input.synopsis),
    date: dateOf(input.date, ctx),
    studioId: studioOf(input.studio_id),
  };
  const tagIds = converting("tag ids", () => uniqueIds(parseIds(input.tag_ids as unknown[] | null)));
  const containing = convertDescriptions(input.containing_groups, "containing group ids");
  const subGroups = convertDescriptions(input.sub_groups, "containing group ids");
  const urls = input.urls != null ? trimmedList(input.urls) : input.url != null ? [text(input.url)] : [];
  const front = imageGiven(input.front_image, "front image");
  const back = imageGiven(input.back_image, "back image");
  return {
    columns,
    urls: { mode: "SET", values: urls },
    tagIds: { mode: "SET", values: tagIds },
    containing: { mode: "SET", values: containing },
    subGroups: { mode: "SET", values: subGroups },
    // Stash stores its default image as the front when only a back image is given (internal/api/resolver_mutation_group.go).
    frontImage: front || back,
    backImage: back,
  };
}

/** GroupUpdateInput / MovieUpdateInput: only the keys the client sent. */
export function groupUpdateChanges(input: GroupInput, ctx: StandInContext): GroupChanges {
  const columns: GroupColumns = {};
  if (has(input, "name")) columns.name = text(input.name);
  for (const key of ["aliases", "director", "synopsis"] as const) if (has(input, key)) columns[key] = text(input[key]);
  if (has(input, "duration")) columns.duration = (input.duration as number | null) ?? null;
  if (has(input, "rating100")) columns.rating100 = (input.rating100 as number | null) ?? null;
  if (has(input, "date")) columns.date = dateOf(input.date, ctx);
  if (has(input, "studio_id")) columns.studioId = studioOf(input.studio_id);
  const set = <T>(values: T[]): ListChange<T> => ({ mode: "SET", values });
  let urls: ListChange<string> | undefined;
  if (has(input, "urls")) urls = set(trimmedList(input.urls));
  else if (has(input, "url")) urls = set(input.url == null ? [] : [text(input.url)]);
  return {
    columns,
    ...(urls ? { urls } : {}),
    ...(has(input, "tag_ids") ? { tagIds: set(converting("tag ids", () => uniqueIds(parseIds(input.tag_ids as unknown[] | null)))) } : {}),
    ...(has(input, "containing_groups") ? { containing: set(convertDescriptions(input.containing_groups, "containing group ids")) } : {}),
    ...(has(input, "sub_groups") ? { subGroups: set(convertDescriptions(input.sub_groups, "containing group ids")) } : {}),
    ...(has(input, "front_image") ? { frontImage: imageGiven(input.front_image, "front image") } : {}),
    ...(has(input, "back_image") ? { backImage: imageGiven(input.back_image, "back image") } : {}),
  };
}

function modeOf(raw: unknown, field: string): UpdateMode {
  if (raw === "SET" || raw === "ADD" || raw === "REMOVE") return raw;
  throw new Error(`${field}.mode: ${JSON.stringify(raw)} is not a BulkUpdateIdMode`);
}

/** BulkGroupUpdateInput / BulkMovieUpdateInput. */
export function groupBulkChanges(input: GroupInput): GroupChanges {
  const columns: GroupColumns = {};
  if (has(input, "rating100")) columns.rating100 = (input.rating100 as number | null) ?? null;
  if (has(input, "director")) columns.director = text(input.director);
  if (has(input, "studio_id")) columns.studioId = studioOf(input.studio_id);
  const bulk = (key: string) => input[key] as Readonly<Record<string, unknown>> | null | undefined;
  const tags = bulk("tag_ids");
  const urls = bulk("urls");
  const containing = bulk("containing_groups");
  const subs = bulk("sub_groups");
  return {
    columns,
    ...(tags
      ? {
          tagIds: {
            mode: modeOf(tags.mode, "tag_ids"),
            values: converting("tag ids", () => {
              try {
                return uniqueIds(parseIds(tags.ids as unknown[] | null));
              } catch (err) {
                throw new Error(`converting ids [${((tags.ids as unknown[] | null) ?? []).join(" ")}]: ${(err as Error).message}`);
              }
            }),
          },
        }
      : {}),
    ...(urls ? { urls: { mode: modeOf(urls.mode, "urls"), values: trimmedList(urls.values) } } : {}),
    ...(containing
      ? { containing: { mode: modeOf(containing.mode, "containing_groups"), values: convertDescriptions(containing.groups, "containing group ids") } }
      : {}),
    ...(subs ? { subGroups: { mode: modeOf(subs.mode, "sub_groups"), values: convertDescriptions(subs.groups, "containing group ids") } } : {}),
  };
}

/** Applies a list change to a plain list (ADD skips entries already present). */
export function applyList<T>(current: readonly T[], change: ListChange<T> | undefined, same: (a: T, b: T) => boolean = (a, b) => a === b): T[] {
  if (!change) return [...current];
  switch (change.mode) {
    case "SET":
      return [...change.values];
    case "ADD":
      return [...current, ...change.values.filter((v, i) => !current.some((c) => same(c, v)) && change.values.findIndex((w) => same(w, v)) === i)];
    case "REMOVE":
      return current.filter((c) => !change.values.some((v) => same(c, v)));
  }
}

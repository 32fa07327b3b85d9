/**
 * studioCreate, studioUpdate, bulkStudioUpdate, studioDestroy and
 * studiosDestroy as internal/api/resolver_mutation_studio.go runs them, with
 * pkg/studio/validate.go's checks: unique names and aliases, no empty alias,
 * and no studio as its own ancestor.
 */
import type { RootResolver, StandInContext } from "./context";
import { entityMutations } from "./crud-resolvers";
import {
  applyList,
  bulkIdList,
  bulkStrings,
  checkRefs,
  has,
  imageChange,
  optionalBool,
  optionalName,
  optionalNumber,
  optionalText,
  setIds,
  setStrings,
  stashIdList,
  text,
  trimmedList,
  uniqueStrings,
  type BulkList,
  type EntityInput,
} from "./entity-input";
import { clearSingle, STUDIO_SINGLES } from "./entity-links";
import { checkAliasRows, ensureNameUnique } from "./entity-names";
import { idFromString } from "./media-input";
import { checkNoLegacyUrls } from "./performer-input";
import { studioView } from "./present-studio";
import { blankStudio } from "./records/studio";
import { convertIdList, converting } from "./scene-input";
import type { Store, StudioRecord } from "./store";
import { missingRow } from "./missing-row";

/** The changes of a StudioUpdateInput or BulkStudioUpdateInput. */
interface StudioPartial {
  readonly name?: string;
  readonly details?: string;
  readonly rating100?: number | null;
  readonly favorite?: boolean;
  readonly ignoreAutoTag?: boolean;
  readonly parentId?: number | null;
  readonly aliases: BulkList<string> | null;
  readonly urls: BulkList<string> | null;
  readonly tagIds: BulkList<number> | null;
  readonly stashIds?: StudioRecord["stashIds"];
  readonly hasImage?: boolean;
}

function notFound(id: number): Error {
  return new Error(`studio with id ${id} not found`);
}

/** validateName: blank names are refused, then clashes with other names and aliases. */
function validateName(store: Store, id: number, name: string, alias: boolean): void {
  if (name === "") throw new Error(alias ? "studio alias must not be an empty string" : "studio name must not be blank");
  ensureNameUnique(store, "studios", id, name);
}

/** translator.intPtrFromString / optionalIntFromString (internal/api/changeset_translator.go) with Stash's message. */
function parentIdOf(raw: unknown): number {
  return converting("parent id", () => idFromString(raw));
}

/** validateParent: walking up from the new parent must never reach the studio. */
function validateParent(store: Store, id: number, parentId: number): void {
  for (let current: number | null = parentId; current !== null; ) {
    if (current === id) throw new Error("studio cannot be an ancestor of itself");
    const parent: StudioRecord | undefined = store.get("studios", current);
    if (!parent) throw notFound(current);
    current = parent.parentId;
  }
}

const create: RootResolver = (args, ctx) => {
  const input = args.input as EntityInput;
  const name = text(input, "name");
  const aliases = trimmedList(input.aliases);
  const urls: string[] = input.url != null ? [text(input, "url")] : [];
  urls.push(...trimmedList(input.urls));
  const parentId = input.parent_id == null || input.parent_id === "" ? null : parentIdOf(input.parent_id);
  const tagIds = convertIdList(input.tag_ids, "tag ids");
  const hasImage = imageChange(input) === true;
  const { store } = ctx;
  const record = store.transaction(() => {
    validateName(store, 0, name, false);
    for (const alias of aliases) validateName(store, 0, alias, true);
    checkAliasRows("studios", aliases);
    checkRefs(store, "studios", parentId === null ? [] : [parentId]);
    checkRefs(store, "tags", tagIds);
    const stamp = store.nowTime();
    const id = store.allocateId("studios");
    return store.put("studios", {
      ...blankStudio(id, name, stamp),
      parentId,
      aliases,
      urls: uniqueStrings(urls),
      details: text(input, "details"),
      rating100: (input.rating100 as number | null | undefined) ?? null,
      favorite: input.favorite === true,
      ignoreAutoTag: input.ignore_auto_tag === true,
      tagIds,
      stashIds: stashIdList(input.stash_ids, stamp),
      hasImage,
    });
  });
  return studioView(ctx, record);
};

/** pkg/studio ValidateModify, then the partial write. */
function applyPartial(store: Store, id: number, partial: StudioPartial): StudioRecord {
  const existing = store.get("studios", id);
  if (!existing) throw notFound(id);
  if (partial.parentId != null) validateParent(store, id, partial.parentId);
  const aliases = applyList(existing.aliases, partial.aliases);
  if (aliases) for (const alias of aliases) validateName(store, id, alias, true);
  if (partial.name !== undefined && partial.name !== existing.name) validateName(store, id, partial.name, false);
  if (partial.aliases && partial.aliases.mode !== "REMOVE") checkAliasRows("studios", partial.aliases.values);
  if (partial.tagIds?.mode !== "REMOVE") checkRefs(store, "tags", partial.tagIds?.values);
  const changes: Record<string, unknown> = { updatedAt: store.nowTime() };
  const set = (key: keyof StudioRecord, value: unknown) => {
    if (value !== undefined) changes[key] = value;
  };
  set("name", partial.name);
  set("details", partial.details);
  set("rating100", partial.rating100);
  set("favorite", partial.favorite);
  set("ignoreAutoTag", partial.ignoreAutoTag);
  set("parentId", partial.parentId);
  set("stashIds", partial.stashIds);
  set("hasImage", partial.hasImage);
  set("aliases", aliases);
  set("urls", applyList(existing.urls, partial.urls));
  set("tagIds", applyList(existing.tagIds, partial.tagIds));
  return store.patch("studios", id, changes as Partial<StudioRecord>);
}

/** `urls` wins; the deprecated `url` replaces the list with itself (null: empties it). */
function urlChange(input: EntityInput, bulk: boolean): BulkList<string> | null {
  checkNoLegacyUrls(input, ["url", "twitter", "instagram"]);
  if (has(input, "urls")) return bulk ? bulkStrings(input, "urls") : setStrings(input, "urls");
  if (has(input, "url")) return { mode: "SET", values: input.url == null ? [] : [String(input.url)] };
  return null;
}

function sharedPartial(input: EntityInput, ctx: StandInContext, bulk: boolean): StudioPartial {
  return {
    name: bulk ? undefined : optionalName(input, "name"),
    details: optionalText(input, "details"),
    rating100: optionalNumber(input, "rating100"),
    favorite: optionalBool(input, "favorite"),
    ignoreAutoTag: optionalBool(input, "ignore_auto_tag"),
    parentId: !has(input, "parent_id") ? undefined : input.parent_id === null ? null : parentIdOf(input.parent_id),
    aliases: bulk ? null : setStrings(input, "aliases"),
    urls: urlChange(input, bulk),
    tagIds: bulk ? bulkIdList(input, "tag_ids", "tag ids") : setIds(input, "tag_ids", "tag ids"),
    stashIds: !bulk && has(input, "stash_ids") ? stashIdList(input.stash_ids, ctx.store.nowTime()) : undefined,
    hasImage: bulk ? undefined : imageChange(input),
  };
}

/**
 * pkg/sqlite/studio.go Destroy: scenes, images, galleries and groups lose
 * their studio and child studios their parent (ON DELETE SET NULL); tag and
 * alias rows go with the studio.
 */
export function destroyStudio(store: Store, id: number): void {
  if (!store.has("studios", id)) throw missingRow(id, "studios");
  for (const link of STUDIO_SINGLES) clearSingle(store, link, id);
  store.remove("studios", id);
}

/** The studio mutations. */
export const studioMutations = entityMutations({
  singular: "studio",
  plural: "studios",
  create,
  update: { partial: sharedPartial, apply: applyPartial, view: studioView },
  destroy: destroyStudio,
});

/**
 * tagCreate, tagUpdate, bulkTagUpdate, tagDestroy and tagsDestroy as
 * internal/api/resolver_mutation_tag.go runs them: validate
 * (pkg/tag/validate.go), write in one transaction, answer the stored tag.
 */
import type { RootResolver, StandInContext } from "./context";
import { entityMutations } from "./crud-resolvers";
import {
  applyList,
  bulkIdList,
  bulkStrings,
  checkRefs,
  imageChange,
  optionalBool,
  optionalName,
  optionalText,
  setIds,
  setStrings,
  stashIdList,
  text,
  trimmedList,
  has,
  type BulkList,
  type EntityInput,
} from "./entity-input";
import { dropFromList, setChildren, TAG_LISTS, TAG_PARENTS } from "./entity-links";
import { tagView } from "./present-tag";
import { blankTag } from "./records/tag";
import { convertIdList } from "./scene-input";
import type { Store, TagRecord } from "./store";
import {
  checkTagAliasInsert,
  ensureTagAliasesUnique,
  tagNameMissing,
  tagNotFound,
  validateExistingHierarchy,
  validateNewHierarchy,
} from "./tag-validate";
import { missingRow } from "./missing-row";

/** The changes of a TagUpdateInput or BulkTagUpdateInput, before they meet a tag. */
interface TagPartial {
  name?: string;
  sortName?: string;
  description?: string;
  favorite?: boolean;
  ignoreAutoTag?: boolean;
  aliases: BulkList<string> | null;
  parents: BulkList<number> | null;
  children: BulkList<number> | null;
  stashIds?: TagRecord["stashIds"];
  hasImage?: boolean;
}

/** Children of a tag: the tags whose parents include it. */
export function childIdsOf(store: Store, id: number): number[] {
  return [...store.referrers("tagParents", id)];
}

const create: RootResolver = (args, ctx) => {
  const input = args.input as EntityInput;
  const name = text(input, "name");
  const aliases = trimmedList(input.aliases);
  const parentIds = convertIdList(input.parent_ids, "parent tag ids");
  const childIds = convertIdList(input.child_ids, "child tag ids");
  const hasImage = imageChange(input) === true;
  const { store } = ctx;
  const tag = store.transaction(() => {
    // pkg/tag/validate.go ValidateCreate
    if (name === "") throw tagNameMissing();
    ensureTagAliasesUnique(store, 0, [name]);
    ensureTagAliasesUnique(store, 0, aliases);
    if (parentIds.length > 0 || childIds.length > 0) validateNewHierarchy(store, parentIds, childIds);
    checkTagAliasInsert({ mode: "SET", values: aliases });
    checkRefs(store, "tags", parentIds);
    checkRefs(store, "tags", childIds);
    const stamp = store.nowTime();
    const id = store.allocateId("tags");
    const record: TagRecord = {
      ...blankTag(id, name, stamp),
      sortName: text(input, "sort_name"),
      description: text(input, "description"),
      aliases,
      parentIds,
      favorite: input.favorite === true,
      ignoreAutoTag: input.ignore_auto_tag === true,
      stashIds: stashIdList(input.stash_ids, stamp),
      hasImage,
    };
    store.put("tags", record);
    setChildren(store, TAG_PARENTS, id, childIds);
    return record;
  });
  return tagView(ctx, store.get("tags", tag.id)!);
};

function updatePartial(input: EntityInput, ctx: StandInContext): TagPartial {
  return {
    name: optionalName(input, "name"),
    sortName: optionalText(input, "sort_name"),
    favorite: optionalBool(input, "favorite"),
    ignoreAutoTag: optionalBool(input, "ignore_auto_tag"),
    description: optionalText(input, "description"),
    aliases: setStrings(input, "aliases"),
    stashIds: has(input, "stash_ids") ? stashIdList(input.stash_ids, ctx.store.nowTime()) : undefined,
    parents: setIds(input, "parent_ids", "parent tag ids"),
    children: setIds(input, "child_ids", "child tag ids"),
    hasImage: imageChange(input),
  };
}

/** pkg/tag ValidateUpdate, then the partial write (pkg/sqlite/tag.go UpdatePartial). */
function applyPartial(store: Store, id: number, partial: TagPartial): TagRecord {
  const existing = store.get("tags", id);
  if (!existing) throw tagNotFound(id);
  if (partial.name !== undefined) {
    if (partial.name === "") throw tagNameMissing();
    ensureTagAliasesUnique(store, id, [partial.name]);
  }
  const aliases = applyList(existing.aliases, partial.aliases);
  if (aliases) ensureTagAliasesUnique(store, id, aliases);
  const currentChildren = childIdsOf(store, id);
  const parents = applyList(existing.parentIds, partial.parents);
  const children = applyList(currentChildren, partial.children);
  if (parents || children) validateExistingHierarchy(store, existing, parents ?? existing.parentIds, children ?? currentChildren);
  checkTagAliasInsert(partial.aliases);
  checkRefs(store, "tags", partial.parents?.mode === "REMOVE" ? [] : partial.parents?.values);
  checkRefs(store, "tags", partial.children?.mode === "REMOVE" ? [] : partial.children?.values);
  const changes: Partial<TagRecord> = { updatedAt: store.nowTime() };
  if (partial.name !== undefined) Object.assign(changes, { name: partial.name });
  if (partial.sortName !== undefined) Object.assign(changes, { sortName: partial.sortName });
  if (partial.description !== undefined) Object.assign(changes, { description: partial.description });
  if (partial.favorite !== undefined) Object.assign(changes, { favorite: partial.favorite });
  if (partial.ignoreAutoTag !== undefined) Object.assign(changes, { ignoreAutoTag: partial.ignoreAutoTag });
  if (partial.stashIds !== undefined) Object.assign(changes, { stashIds: partial.stashIds });
  if (partial.hasImage !== undefined) Object.assign(changes, { hasImage: partial.hasImage });
  if (aliases) Object.assign(changes, { aliases });
  if (parents) Object.assign(changes, { parentIds: parents });
  const updated = store.patch("tags", id, changes);
  if (children) setChildren(store, TAG_PARENTS, id, children);
  return updated;
}

function bulkPartial(input: EntityInput): TagPartial {
  return {
    description: optionalText(input, "description"),
    favorite: optionalBool(input, "favorite"),
    ignoreAutoTag: optionalBool(input, "ignore_auto_tag"),
    aliases: bulkStrings(input, "aliases"),
    parents: bulkIdList(input, "parent_ids", "parent tag ids"),
    children: bulkIdList(input, "child_ids", "child tag ids"),
  };
}

/**
 * pkg/sqlite/tag.go Destroy: refused while a marker uses the tag as its
 * primary tag (that column cannot be NULL); otherwise every join row goes.
 */
export function destroyTag(store: Store, id: number): void {
  for (const markerId of store.referrers("markerTags", id)) {
    if (store.get("markers", markerId)?.primaryTagId === id) throw new Error("cannot delete tag used as a primary tag in scene markers");
  }
  if (!store.has("tags", id)) throw missingRow(id, "tags");
  for (const link of TAG_LISTS) dropFromList(store, link, id);
  dropFromList(store, TAG_PARENTS, id);
  store.remove("tags", id);
}

/** The tag mutations except tagsMerge (tag-merge.ts). */
export const tagMutations = entityMutations({
  singular: "tag",
  plural: "tags",
  create,
  update: {
    partial: (input, ctx, bulk) => (bulk ? bulkPartial(input) : updatePartial(input, ctx)),
    apply: applyPartial,
    // Children are stored on the child tags, so the view reads the tag back after the update.
    view: (ctx, tag: TagRecord) => tagView(ctx, ctx.store.get("tags", tag.id)!),
  },
  destroy: destroyTag,
});

/**
 * `stash.tags`: the shared entity methods plus find-or-create, merging and
 * the tag hierarchy (ancestors and descendants in one request each, through
 * the `children`/`parents` filters with unlimited depth).
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  BulkTagUpdateDocument,
  CriterionModifier,
  FindTagDocument,
  FindTagsDocument,
  FindTagsSlimDocument,
  TagCreateDocument,
  TagDestroyDocument,
  TagsDestroyDocument,
  TagsMergeDocument,
  TagUpdateDocument,
  type BulkTagUpdateInput,
  type SlimTagDataFragment,
  type TagCreateInput,
  type TagDataFragment,
  type TagFilterType,
  type TagUpdateInput,
} from "../../generated/graphql";
import { checkId, type ID } from "../core/validate";
import { emptyResultError } from "../core/errors";
import { createEntityNamespace, type EntitySpec } from "../entities/namespace";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import { checkMerge, type MergeArgs } from "../entities/merge";
import type { CreatableNamespace, EntityBulkUpdate, EntityCreate, EntityUpdate } from "../entities/types";

/** A tag as `find` returns it. */
export type Tag = TagDataFragment;
/** A lean tag, as `iterate` yields by default. */
export type SlimTag = SlimTagDataFragment;
/** What `tags.create` accepts. */
export type TagCreate = EntityCreate<TagCreateInput>;
/** What `tags.update` accepts: `{ id, …changes }` or a modified fetched tag. */
export type TagUpdate = EntityUpdate<TagUpdateInput, Tag>;
/** What `tags.bulkUpdate` accepts. */
export type TagBulkUpdate = EntityBulkUpdate<BulkTagUpdateInput>;

/** Type parameters of the tags namespace. */
export interface TagTypes {
  item: Tag;
  slim: SlimTag;
  filterKey: "tag_filter";
  filter: TagFilterType;
  create: TagCreate;
  update: TagUpdate;
  bulk: TagBulkUpdate;
  extra: object;
}

/** How the entity machinery reaches tags. */
export const TAG_SPEC: EntitySpec = {
  name: "tags",
  sorts: "tags",
  filterKey: "tag_filter",
  find: { document: FindTagDocument, field: "findTag" },
  findMany: { document: FindTagsDocument, slim: FindTagsSlimDocument, field: "findTags", list: "tags" },
  create: { document: TagCreateDocument, field: "tagCreate", input: "TagCreateInput" },
  update: { document: TagUpdateDocument, field: "tagUpdate", input: "TagUpdateInput" },
  bulk: { document: BulkTagUpdateDocument, field: "bulkTagUpdate", input: "BulkTagUpdateInput" },
  destroy: async (core, ids, _flags, options) =>
    ids.length === 1
      ? (await core.request(TagDestroyDocument, { input: { id: ids[0]! } }, options)).tagDestroy
      : (await core.request(TagsDestroyDocument, { ids }, options)).tagsDestroy,
};

/**
 * The `stash.tags` namespace.
 *
 * @group Namespaces
 */
export interface TagsNamespace extends CreatableNamespace<TagTypes> {
  /**
   * The tag whose name or alias equals `name` (case-insensitively, as Stash
   * checks uniqueness), created with `extra` when there is none.
   */
  findOrCreate(name: string, extra?: Omit<TagCreate, "name">, options?: CallOptions): Promise<FindOrCreateResult<Tag>>;
  /** Merges the source tags into the destination (their scenes, aliases and so on move) and returns it. */
  merge(args: MergeArgs, options?: CallOptions): Promise<Tag>;
  /** Every tag above this one (parents, their parents, …), in one request. */
  ancestors(id: ID, options?: CallOptions): Promise<Tag[]>;
  /** Every tag below this one (children, their children, …), in one request. */
  descendants(id: ID, options?: CallOptions): Promise<Tag[]>;
}

/** Tags related to `id` at any depth through `relation` (`children`: its ancestors; `parents`: its descendants). */
async function related(core: StashCoreApi, id: ID, relation: "parents" | "children", options?: CallOptions): Promise<Tag[]> {
  const criterion = { value: [checkId(id)], modifier: CriterionModifier.INCLUDES, depth: -1 };
  const variables = { filter: { per_page: -1, sort: "name" }, tag_filter: { [relation]: criterion } };
  return (await core.request(FindTagsDocument, variables, options)).findTags.tags;
}

/** Builds `stash.tags` over a core. */
export function createTags(core: StashCoreApi): TagsNamespace {
  const base = createEntityNamespace<TagTypes>(core, TAG_SPEC);
  const exact = (name: string) => ({ value: name, modifier: CriterionModifier.EQUALS });
  const findOrCreate = makeFindOrCreate<Tag>({
    operation: "tags.findOrCreate",
    candidates: async (name, options) =>
      (await core.request(FindTagsDocument, { filter: { per_page: -1 }, tag_filter: { name: exact(name), OR: { aliases: exact(name) } } }, options))
        .findTags.tags,
    create: (input, options) => base.create(input as TagCreate, options),
    validate: (input) => void convertInput("TagCreateInput", input, "extra", { mode: "create" }),
  });
  return {
    ...base,
    findOrCreate: (name, extra, options) => findOrCreate(name, extra, options),
    merge: async (args, options) => {
      const input = checkMerge(args);
      const merged = (await core.request(TagsMergeDocument, { input }, options)).tagsMerge;
      if (!merged) throw emptyResultError("TagsMerge", "result");
      return merged;
    },
    ancestors: (id, options) => related(core, id, "children", options),
    descendants: (id, options) => related(core, id, "parents", options),
  };
}

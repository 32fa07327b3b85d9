/**
 * `stash.tags`: the shared entity methods plus find-or-create, merging and
 * the tag hierarchy (ancestors and descendants in one request each, through
 * the `children`/`parents` filters with unlimited depth).
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { CriterionModifier, FindTagsDocument, TagsMergeDocument } from "../../generated/graphql";
import { checkId, type ID } from "../core/validate";
import { emptyResultError } from "../core/errors";
import { createEntityNamespace } from "../entities/namespace";
import { TAG_SPEC, type Tag, type TagCreate, type TagTypes } from "../../generated/entities";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import { checkMerge, type MergeArgs } from "../entities/merge";
import type { CreatableNamespace } from "../entities/types";

export type { SlimTag, Tag, TagBulkUpdate, TagCreate, TagTypes, TagUpdate } from "../../generated/entities";

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

/**
 * `stash.studios`: the shared entity methods plus find-or-create and the
 * studio hierarchy. Stash's studio filter has no depth for `parents`
 * (a MultiCriterionInput, unlike tags), so `children` takes one request and
 * `descendants` one per level; `parents` follows `parent_studio` upwards.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { CriterionModifier, FindStudioDocument, FindStudiosDocument } from "../../generated/graphql";
import { StashError } from "../core/errors";
import { checkId, type ID } from "../core/validate";
import { createEntityNamespace } from "../entities/namespace";
import { STUDIO_SPEC, type Studio, type StudioCreate, type StudioTypes } from "../../generated/entities";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import type { CreatableNamespace } from "../entities/types";

export type { SlimStudio, Studio, StudioBulkUpdate, StudioCreate, StudioTypes, StudioUpdate } from "../../generated/entities";

/**
 * The `stash.studios` namespace.
 *
 * @group Namespaces
 */
export interface StudiosNamespace extends CreatableNamespace<StudioTypes> {
  /** The studio whose name or alias equals `name` case-insensitively, created with `extra` when there is none. */
  findOrCreate(name: string, extra?: Omit<StudioCreate, "name">, options?: CallOptions): Promise<FindOrCreateResult<Studio>>;
  /** The parent, its parent and so on, nearest first (one request per level: studios name only their direct parent). */
  parents(id: ID, options?: CallOptions): Promise<Studio[]>;
  /** The direct sub-studios, in one request. */
  children(id: ID, options?: CallOptions): Promise<Studio[]>;
  /** Every studio below this one, level by level (one request per level). */
  descendants(id: ID, options?: CallOptions): Promise<Studio[]>;
}

async function childrenOf(core: StashCoreApi, ids: readonly string[], options?: CallOptions): Promise<Studio[]> {
  const studio_filter = { parents: { value: [...ids], modifier: CriterionModifier.INCLUDES } };
  return (await core.request(FindStudiosDocument, { filter: { per_page: -1, sort: "name" }, studio_filter }, options)).findStudios.studios;
}

async function parentsOf(core: StashCoreApi, id: string, options?: CallOptions): Promise<Studio[]> {
  const chain: Studio[] = [];
  const seen = new Set([id]);
  let current = (await core.request(FindStudioDocument, { id }, options)).findStudio;
  while (current?.parent_studio) {
    const parentId = current.parent_studio.id;
    // Stash refuses cycles, but a broken database must not loop forever.
    if (seen.has(parentId)) throw new StashError(`studios.parents: studio ${parentId} is its own ancestor`, { operation: "studios.parents" });
    seen.add(parentId);
    current = (await core.request(FindStudioDocument, { id: parentId }, options)).findStudio;
    if (current) chain.push(current);
  }
  return chain;
}

async function descendantsOf(core: StashCoreApi, id: string, options?: CallOptions): Promise<Studio[]> {
  const out: Studio[] = [];
  const seen = new Set([id]);
  let level = [id];
  while (level.length > 0) {
    const next = (await childrenOf(core, level, options)).filter((s) => !seen.has(s.id));
    next.forEach((s) => seen.add(s.id));
    out.push(...next);
    level = next.map((s) => s.id);
  }
  return out;
}

/** Builds `stash.studios` over a core. */
export function createStudios(core: StashCoreApi): StudiosNamespace {
  const base = createEntityNamespace<StudioTypes>(core, STUDIO_SPEC);
  const exact = (name: string) => ({ value: name, modifier: CriterionModifier.EQUALS });
  const findOrCreate = makeFindOrCreate<Studio>({
    operation: "studios.findOrCreate",
    candidates: async (name, options) => {
      const studio_filter = { name: exact(name), OR: { aliases: exact(name) } };
      return (await core.request(FindStudiosDocument, { filter: { per_page: -1 }, studio_filter }, options)).findStudios.studios;
    },
    create: (input, options) => base.create(input as StudioCreate, options),
    validate: (input) => void convertInput("StudioCreateInput", input, "extra", { mode: "create" }),
  });
  return {
    ...base,
    findOrCreate: (name, extra, options) => findOrCreate(name, extra, options),
    parents: (id, options) => parentsOf(core, checkId(id), options),
    children: (id, options) => childrenOf(core, [checkId(id)], options),
    descendants: (id, options) => descendantsOf(core, checkId(id), options),
  };
}

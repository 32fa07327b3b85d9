/**
 * `stash.studios`: the shared entity methods plus find-or-create and the
 * studio hierarchy. Stash's studio filter has no depth for `parents`
 * (a MultiCriterionInput, unlike tags), so `children` takes one request and
 * `descendants` one per level; `parents` follows `parent_studio` upwards.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  BulkStudioUpdateDocument,
  CriterionModifier,
  FindStudioDocument,
  FindStudiosDocument,
  FindStudiosSlimDocument,
  StudioCreateDocument,
  StudioDestroyDocument,
  StudiosDestroyDocument,
  StudioUpdateDocument,
  type BulkStudioUpdateInput,
  type SlimStudioDataFragment,
  type StudioCreateInput,
  type StudioDataFragment,
  type StudioFilterType,
  type StudioUpdateInput,
} from "../../generated/graphql";
import { StashError } from "../core/errors";
import { checkId, type ID } from "../core/validate";
import { createEntityNamespace, type EntitySpec } from "../entities/namespace";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import type { CreatableNamespace, EntityBulkUpdate, EntityCreate, EntityUpdate } from "../entities/types";

/** A studio as `find` returns it. */
export type Studio = StudioDataFragment;
/** A lean studio, as `iterate` yields by default. */
export type SlimStudio = SlimStudioDataFragment;
/** What `studios.create` accepts. */
export type StudioCreate = EntityCreate<StudioCreateInput>;
/** What `studios.update` accepts: `{ id, …changes }` or a modified fetched studio. */
export type StudioUpdate = EntityUpdate<StudioUpdateInput, Studio>;
/** What `studios.bulkUpdate` accepts (Stash v0.30+). */
export type StudioBulkUpdate = EntityBulkUpdate<BulkStudioUpdateInput>;

/** Type parameters of the studios namespace. */
export interface StudioTypes {
  item: Studio;
  slim: SlimStudio;
  filterKey: "studio_filter";
  filter: StudioFilterType;
  create: StudioCreate;
  update: StudioUpdate;
  bulk: StudioBulkUpdate;
  extra: object;
}

/** How the entity machinery reaches studios. */
export const STUDIO_SPEC: EntitySpec = {
  name: "studios",
  sorts: "studios",
  filterKey: "studio_filter",
  find: { document: FindStudioDocument, field: "findStudio" },
  findMany: { document: FindStudiosDocument, slim: FindStudiosSlimDocument, field: "findStudios", list: "studios" },
  create: { document: StudioCreateDocument, field: "studioCreate", input: "StudioCreateInput" },
  update: { document: StudioUpdateDocument, field: "studioUpdate", input: "StudioUpdateInput" },
  bulk: { document: BulkStudioUpdateDocument, field: "bulkStudioUpdate", input: "BulkStudioUpdateInput" },
  destroy: async (core, ids, _flags, options) =>
    ids.length === 1
      ? (await core.request(StudioDestroyDocument, { input: { id: ids[0]! } }, options)).studioDestroy
      : (await core.request(StudiosDestroyDocument, { ids }, options)).studiosDestroy,
};

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

/**
 * `stash.performers`: the shared entity methods plus find-or-create. Stash
 * has no performer merge (v0.30.1), so there is no `merge` here.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  BulkPerformerUpdateDocument,
  CriterionModifier,
  FindPerformerDocument,
  FindPerformersDocument,
  FindPerformersSlimDocument,
  PerformerCreateDocument,
  PerformerDestroyDocument,
  PerformersDestroyDocument,
  PerformerUpdateDocument,
  type BulkPerformerUpdateInput,
  type PerformerCreateInput,
  type PerformerDataFragment,
  type PerformerFilterType,
  type PerformerUpdateInput,
  type SlimPerformerDataFragment,
} from "../../generated/graphql";
import { createEntityNamespace, type EntitySpec } from "../entities/namespace";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import type { CreatableNamespace, EntityBulkUpdate, EntityCreate, EntityUpdate } from "../entities/types";

/** A performer as `find` returns it. */
export type Performer = PerformerDataFragment;
/** A lean performer, as `iterate` yields by default. */
export type SlimPerformer = SlimPerformerDataFragment;
/** What `performers.create` accepts. */
export type PerformerCreate = EntityCreate<PerformerCreateInput>;
/** What `performers.update` accepts: `{ id, …changes }` or a modified fetched performer. */
export type PerformerUpdate = EntityUpdate<PerformerUpdateInput, Performer>;
/** What `performers.bulkUpdate` accepts. */
export type PerformerBulkUpdate = EntityBulkUpdate<BulkPerformerUpdateInput>;

/** Type parameters of the performers namespace. */
export interface PerformerTypes {
  item: Performer;
  slim: SlimPerformer;
  filterKey: "performer_filter";
  filter: PerformerFilterType;
  create: PerformerCreate;
  update: PerformerUpdate;
  bulk: PerformerBulkUpdate;
  extra: object;
}

/** How the entity machinery reaches performers. */
export const PERFORMER_SPEC: EntitySpec = {
  name: "performers",
  sorts: "performers",
  filterKey: "performer_filter",
  find: { document: FindPerformerDocument, field: "findPerformer" },
  findMany: { document: FindPerformersDocument, slim: FindPerformersSlimDocument, field: "findPerformers", list: "performers" },
  create: { document: PerformerCreateDocument, field: "performerCreate", input: "PerformerCreateInput" },
  update: { document: PerformerUpdateDocument, field: "performerUpdate", input: "PerformerUpdateInput" },
  bulk: { document: BulkPerformerUpdateDocument, field: "bulkPerformerUpdate", input: "BulkPerformerUpdateInput" },
  destroy: async (core, ids, _flags, options) =>
    ids.length === 1
      ? (await core.request(PerformerDestroyDocument, { input: { id: ids[0]! } }, options)).performerDestroy
      : (await core.request(PerformersDestroyDocument, { ids }, options)).performersDestroy,
};

/**
 * The `stash.performers` namespace.
 *
 * @group Namespaces
 */
export interface PerformersNamespace extends CreatableNamespace<PerformerTypes> {
  /**
   * The performer whose name or alias equals `name` case-insensitively, with the
   * same disambiguation (none unless `extra.disambiguation` is given) — Stash's
   * uniqueness rule is name plus disambiguation (pkg/performer/validate.go).
   * Created with `extra` when there is none.
   */
  findOrCreate(name: string, extra?: Omit<PerformerCreate, "name">, options?: CallOptions): Promise<FindOrCreateResult<Performer>>;
}

/** Builds `stash.performers` over a core. */
export function createPerformers(core: StashCoreApi): PerformersNamespace {
  const base = createEntityNamespace<PerformerTypes>(core, PERFORMER_SPEC);
  const exact = (name: string) => ({ value: name, modifier: CriterionModifier.EQUALS });
  const findOrCreate = makeFindOrCreate<Performer>({
    operation: "performers.findOrCreate",
    disambiguates: true,
    candidates: async (name, options) => {
      const performer_filter = { name: exact(name), OR: { aliases: exact(name) } };
      return (await core.request(FindPerformersDocument, { filter: { per_page: -1 }, performer_filter }, options)).findPerformers.performers;
    },
    create: (input, options) => base.create(input as PerformerCreate, options),
    validate: (input) => void convertInput("PerformerCreateInput", input, "extra", { mode: "create" }),
  });
  return { ...base, findOrCreate: (name, extra, options) => findOrCreate(name, extra, options) };
}

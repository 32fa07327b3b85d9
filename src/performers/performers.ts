/**
 * `stash.performers`: the shared entity methods plus find-or-create. Stash
 * has no performer merge (v0.30.1), so there is no `merge` here.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { CriterionModifier, FindPerformersDocument } from "../../generated/graphql";
import { createEntityNamespace } from "../entities/namespace";
import { PERFORMER_SPEC, type Performer, type PerformerCreate, type PerformerTypes } from "../../generated/entities";
import { convertInput } from "../entities/input";
import { makeFindOrCreate, type FindOrCreateResult } from "../entities/find-or-create";
import type { CreatableNamespace } from "../entities/types";

export type { Performer, PerformerBulkUpdate, PerformerCreate, PerformerTypes, PerformerUpdate, SlimPerformer } from "../../generated/entities";

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

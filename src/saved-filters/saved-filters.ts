/**
 * `stash.savedFilters`: the filters Stash's UI saves per list mode (scenes,
 * performers, …), readable and writable from scripts.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  DestroySavedFilterDocument,
  FilterMode,
  FindSavedFilterDocument,
  FindSavedFiltersDocument,
  SaveFilterDocument,
  type SaveFilterInput,
  type SavedFilterDataFragment,
} from "../../generated/graphql";
import { checkEnum, checkId, type ID } from "../core/validate";
import { convertInput } from "../entities/input";
import type { Loose } from "../entities/types";

/** A saved filter. */
export type SavedFilter = SavedFilterDataFragment;

/**
 * The `stash.savedFilters` namespace.
 *
 * @group Namespaces
 */
export interface SavedFiltersNamespace {
  /** A saved filter by id, or `null`. */
  find(id: ID, options?: CallOptions): Promise<SavedFilter | null>;
  /** Every saved filter, or those of one mode (`SCENES`, `PERFORMERS`, …). */
  list(mode?: FilterMode | `${FilterMode}`, options?: CallOptions): Promise<SavedFilter[]>;
  /** Creates a filter, or replaces the one with `id`. */
  save(input: Loose<SaveFilterInput>, options?: CallOptions): Promise<SavedFilter>;
  /** Deletes a saved filter. */
  destroy(id: ID, options?: CallOptions): Promise<boolean>;
}

/** Builds `stash.savedFilters` over a core. */
export function createSavedFilters(core: StashCoreApi): SavedFiltersNamespace {
  return {
    find: async (id, options) => (await core.request(FindSavedFilterDocument, { id: checkId(id) }, options)).findSavedFilter ?? null,
    list: async (mode, options) => {
      const variables = mode === undefined ? {} : { mode: checkEnum(mode, FilterMode, "mode") };
      return (await core.request(FindSavedFiltersDocument, variables, options)).findSavedFilters;
    },
    save: async (value, options) => {
      const input = convertInput("SaveFilterInput", value, "input", { mode: "create" }) as SaveFilterInput;
      return (await core.request(SaveFilterDocument, { input }, options)).saveFilter;
    },
    destroy: async (id, options) => (await core.request(DestroySavedFilterDocument, { input: { id: checkId(id) } }, options)).destroySavedFilter,
  };
}

/**
 * Saved filters (internal/api/resolver_{mutation,query_find}_saved_filter.go,
 * pkg/sqlite/saved_filter.go) and the deprecated default filter, which Stash
 * 0.27+ keeps in the UI configuration under `defaultFilters.<mode>`.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { converting } from "./scene-input";
import { parseId } from "./ids";
import { nameOrder } from "./present-entity-parts";
import type { SavedFilterRecord } from "./store";
import { missingRow } from "./missing-row";

type Json = Readonly<Record<string, unknown>>;

const FIND_FILTER_KEYS = ["q", "page", "per_page", "sort", "direction"] as const;

/** FindFilterType as Stash's JSON round trip gives it back: every key present, null when unset. */
function findFilterView(filter: Json | null): Record<string, unknown> | null {
  if (!filter) return null;
  return Object.fromEntries(FIND_FILTER_KEYS.map((k) => [k, filter[k] ?? null]));
}

/** A SavedFilter view; `filter` is the pre-0.25 JSON string Stash now answers with "". */
export function savedFilterView(record: SavedFilterRecord): Record<string, unknown> {
  return {
    __typename: "SavedFilter",
    id: String(record.id),
    mode: record.mode,
    name: record.name,
    filter: "",
    find_filter: findFilterView(record.findFilter),
    object_filter: record.objectFilter,
    ui_options: record.uiOptions,
  };
}

/** Groups and movies are one mode in Stash's store lookups (SavedFilterStore.FindByMode, pkg/sqlite/saved_filter.go). */
function sameMode(a: string, b: string): boolean {
  const norm = (m: string) => (m === "MOVIES" ? "GROUPS" : m);
  return norm(a) === norm(b);
}

const findSavedFilter: RootResolver = (args, ctx) => {
  const record = ctx.store.get("savedFilters", parseId(args.id));
  return record ? savedFilterView(record) : null;
};

/** By mode: sorted by name (SQLite's binary collation); without a mode: every filter in id order. */
const findSavedFilters: RootResolver = (args, ctx) => {
  const all = [...ctx.store.all("savedFilters")];
  const mode = args.mode as string | null | undefined;
  if (!mode) return all.map(savedFilterView);
  return all
    .filter((f) => sameMode(f.mode, mode))
    .sort(nameOrder)
    .map(savedFilterView);
};

function objectOrNull(value: unknown): Json | null {
  return value !== null && typeof value === "object" ? (value as Json) : null;
}

const saveFilter: RootResolver = (args, ctx) => {
  const input = args.input as Json;
  const name = String(input.name ?? "").trim();
  if (name === "") throw new Error("name must be non-empty");
  const id = input.id == null ? null : converting("id", () => parseId(input.id));
  const { store } = ctx;
  const fields = {
    mode: String(input.mode),
    name,
    findFilter: objectOrNull(input.find_filter),
    objectFilter: objectOrNull(input.object_filter),
    uiOptions: objectOrNull(input.ui_options),
  };
  return store.transaction(() => {
    // index_saved_filters_on_mode_name_unique (pkg/sqlite/migrations/49_saved_filter_refactor.up.sql).
    for (const other of store.all("savedFilters")) {
      if (other.id !== id && other.mode === fields.mode && other.name === name) {
        throw new Error("UNIQUE constraint failed: saved_filters.mode, saved_filters.name");
      }
    }
    if (id === null) return savedFilterView(store.put("savedFilters", { id: store.allocateId("savedFilters"), ...fields }));
    // An UPDATE of a missing row changes nothing, yet Stash answers with the input as if saved.
    const record = { id, ...fields };
    if (store.has("savedFilters", id)) store.put("savedFilters", record);
    return savedFilterView(record);
  });
};

const destroySavedFilter: RootResolver = (args, ctx) => {
  const id = converting("id", () => parseId(args.input.id));
  if (!ctx.store.remove("savedFilters", id)) throw missingRow(id, "saved_filters");
  return true;
};

function defaultKey(mode: string): string {
  return mode.toLowerCase();
}

function defaultFilters(ctx: StandInContext): Record<string, unknown> {
  const ui = ctx.config.section("ui") as Record<string, unknown>;
  const map = ui.defaultFilters;
  return map !== null && typeof map === "object" ? (map as Record<string, unknown>) : {};
}

/** Deprecated: the UI map's `defaultFilters.<mode>` read as a SavedFilter (id 0, no name). */
const findDefaultFilter: RootResolver = (args, ctx) => {
  const raw = objectOrNull(defaultFilters(ctx)[defaultKey(String(args.mode))]);
  if (!raw) return null;
  return savedFilterView({
    id: 0,
    mode: typeof raw.mode === "string" ? raw.mode : String(args.mode),
    name: typeof raw.name === "string" ? raw.name : "",
    findFilter: objectOrNull(raw.find_filter),
    objectFilter: objectOrNull(raw.object_filter),
    uiOptions: objectOrNull(raw.ui_options),
  });
};

/** Deprecated: writes (or, with no filters given, deletes) `defaultFilters.<mode>` in the UI map. */
const setDefaultFilter: RootResolver = (args, ctx) => {
  const input = args.input as Json;
  const mode = String(input.mode);
  const ui = ctx.config.section("ui") as Record<string, unknown>;
  const filters = { ...defaultFilters(ctx) };
  if (input.find_filter == null && input.object_filter == null && input.ui_options == null) {
    delete filters[defaultKey(mode)];
  } else {
    filters[defaultKey(mode)] = {
      mode,
      find_filter: findFilterView(objectOrNull(input.find_filter)),
      object_filter: input.object_filter ?? null,
      ui_options: input.ui_options ?? null,
    };
  }
  ctx.config.configureUI({ ...ui, defaultFilters: filters }, null);
  return true;
};

/** Saved filter queries and mutations. */
export const savedFilterResolvers: ResolverModule = {
  Query: { findSavedFilter, findSavedFilters, findDefaultFilter },
  Mutation: { saveFilter, destroySavedFilter, setDefaultFilter },
};

/**
 * The vocabulary of the filter engine: compiled tests, the ways a spec can
 * describe a filter key, and the per-entity spec itself. See engine.ts for
 * how a spec is compiled and filter/specs/tag.ts for a worked example.
 */
import type { Truth } from "../criteria";
import type { StashIdRecord } from "../store";
import type { FilterEnv } from "./env";

/**
 * One compiled criterion: its verdict for a record and one of the record's
 * joined rows (a file for scenes and images). `perRow` marks a test that
 * reads the row; the record is then judged row by row, as Stash's joined SQL
 * does, and matches when some row passes. Without rows `row` is null.
 */
export interface Test<R, J = never> {
  test(record: R, row: J | null): Truth;
  readonly perRow: boolean;
}

/** What an accessor may return; the criterion chosen from the schema decides which shape it expects. */
export type FieldValue =
  | string
  | number
  | boolean
  | null
  | readonly string[]
  | readonly number[]
  | readonly StashIdRecord[]
  | Readonly<Record<string, unknown>>
  | { readonly width: number; readonly height: number };

/** Reads a key's value from a record: text, a number, a date, ids, a string list, … */
export type Accessor<R> = (record: R, env: FilterEnv) => FieldValue;

/** Reads a key's value from one joined row of a record (null row = the row's columns are NULL). */
export interface RowAccessor<R, J> {
  row(row: J, record: R, env: FilterEnv): FieldValue;
}

/** Hierarchies a HierarchicalMultiCriterionInput can walk down (parent → children). */
export type Hierarchy = "tags" | "studios" | "groups";

/**
 * Related ids for Multi/HierarchicalMulti criteria and `*_filter` sub-filters.
 * `single`: the record holds at most one id (a studio), Stash's
 * hierarchicalMultiCriterionHandlerBuilder; otherwise a join table
 * (joined*CriterionHandlerBuilder). `plain`: Stash's multiCriterionHandlerBuilder,
 * which does not read `excludes`.
 */
export interface IdsAccessor<R> {
  readonly ids: (record: R, env: FilterEnv) => readonly number[];
  readonly hierarchy?: Hierarchy;
  readonly single?: boolean;
  readonly plain?: boolean;
}

/** A key Stash handles specially: compiles the raw input itself. Null = adds no condition. */
export interface CustomField<R, J> {
  compile(input: any, env: FilterEnv): Test<R, J> | null;
}

/** How a spec describes one filter key. */
export type FieldDef<R, J = never> = Accessor<R> | RowAccessor<R, J> | IdsAccessor<R> | CustomField<R, J>;

/**
 * Everything the engine needs to filter one entity: the GraphQL input type
 * it serves, its table, its keys and (optionally) its joined rows and `q`.
 */
export interface EntitySpec<R extends { readonly id: number }, J = never> {
  /** e.g. `TagFilterType`: looked up in the served schema to pick each key's criterion. */
  readonly typeName: string;
  /** Further input type names that share these keys (e.g. `MovieFilterType`). */
  readonly aliases?: readonly string[];
  /** Records to filter, in id order. */
  readonly records: (env: FilterEnv) => Iterable<R>;
  /** Joined rows for `RowAccessor` keys; a record without rows is one row of NULLs. */
  readonly rows?: (record: R, env: FilterEnv) => readonly J[];
  readonly fields: Readonly<Record<string, FieldDef<R, J>>>;
  /** The find filter's `q`, or null when q has no terms. */
  readonly search?: (q: string, env: FilterEnv) => Test<R, J> | null;
}

/** Any entity spec, as the registry holds them. */
export type AnySpec = EntitySpec<any, any>;

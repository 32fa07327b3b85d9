/**
 * The stand-in's one filter engine. Every `*FilterType` is compiled the same
 * way: each key's GraphQL input type, looked up in the served schema, picks
 * the criterion (String, Int, Float, Date, Timestamp, Multi, HierarchicalMulti,
 * Resolution, Orientation, StashID, enums, custom fields, Boolean, sub-filters);
 * the entity's spec only says how to read the value (an accessor) or, where
 * Stash's SQL is special, compiles the key itself. Keys the spec lacks are
 * refused by name. AND/OR/NOT follow Stash's filter builder (pkg/sqlite/filter.go).
 *
 * Example — a spec (see filter/specs/tag.ts for a full one):
 *
 *   const SPEC: EntitySpec<TagRecord> = {
 *     typeName: "TagFilterType",
 *     records: (env) => env.store.all("tags"),
 *     fields: {
 *       name: (t) => t.name,                                          // StringCriterionInput
 *       aliases: (t) => t.aliases,                                    // string list
 *       scene_count: (t, env) => env.store.referrerCount("sceneTags", t.id),
 *       parents: { ids: (t) => t.parentIds, hierarchy: "tags" },      // HierarchicalMulti
 *       scenes_filter: { ids: (t, env) => [...env.store.referrers("sceneTags", t.id)] },
 *       is_missing: { compile: (value, env) => … },                   // Stash-specific
 *     },
 *   };
 *   const matches = selectRecords(env, SPEC, tagFilter, q).records;
 */
import { getNamedType, isInputObjectType, type GraphQLInputObjectType } from "graphql";
import { and3, not3, or3 } from "../criteria";
import type { FilterEnv } from "./env";
import { compileByType } from "./kinds";
import type { EntitySpec, FieldDef, Test } from "./types";

type FilterObject = Readonly<Record<string, unknown>>;

const OPERATORS = ["AND", "OR", "NOT"] as const;

function present(filter: FilterObject, key: string): boolean {
  return filter[key] !== undefined && filter[key] !== null;
}

/** Stash's validateFilterCombination (pkg/sqlite/filter.go), applied down the whole chain before any criterion runs. */
export function validateCombination(filter: FilterObject): void {
  const pairs: [string, string][] = [
    ["AND", "OR"],
    ["AND", "NOT"],
    ["OR", "NOT"],
  ];
  for (const [a, b] of pairs) {
    if (present(filter, a) && present(filter, b)) throw new Error(`cannot have ${a} and ${b} in the same filter`);
  }
  const sub = OPERATORS.find((op) => present(filter, op));
  if (sub) validateCombination(filter[sub] as FilterObject);
}

/** Logical AND of two optional tests. */
export function andTests<R, J>(a: Test<R, J> | null, b: Test<R, J> | null): Test<R, J> | null {
  if (!a) return b;
  if (!b) return a;
  return { test: (r, row) => and3(a.test(r, row), b.test(r, row)), perRow: a.perRow || b.perRow };
}

function combine<R, J>(own: Test<R, J> | null, sub: Test<R, J> | null, op: (typeof OPERATORS)[number]): Test<R, J> | null {
  if (!sub) return own;
  if (op === "NOT") return andTests(own, { test: (r, row) => not3(sub.test(r, row)), perRow: sub.perRow });
  if (!own) return sub;
  if (op === "AND") return andTests(own, sub);
  return { test: (r, row) => or3(own.test(r, row), sub.test(r, row)), perRow: own.perRow || sub.perRow };
}

function inputType(env: FilterEnv, typeName: string): GraphQLInputObjectType {
  const type = env.schema.getType(typeName);
  if (!type || !isInputObjectType(type)) throw new Error(`${typeName} is not an input type of the served schema`);
  return type;
}

function compileKey<R, J>(env: FilterEnv, typeName: string, key: string, value: unknown, def: FieldDef<R, J>): Test<R, J> | null {
  if (typeof def === "object" && "compile" in def) return def.compile(value, env);
  const field = inputType(env, typeName).getFields()[key];
  if (!field) throw new Error(`${typeName}.${key} is not a field of the served schema`);
  return compileByType(getNamedType(field.type).name, value, def, env, `${typeName}.${key}`, selectIds);
}

/**
 * Compiles a filter object of `typeName` against a spec's fields; null when
 * it adds no condition. `typeName` is the type being read (a spec may serve
 * several names, e.g. MovieFilterType and GroupFilterType).
 */
export function compileFilter<R, J>(
  env: FilterEnv,
  spec: Pick<EntitySpec<any, J>, "fields">,
  typeName: string,
  filter: FilterObject | null | undefined,
): Test<R, J> | null {
  if (!filter) return null;
  validateCombination(filter);
  let own: Test<R, J> | null = null;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || (OPERATORS as readonly string[]).includes(key)) continue;
    const def = Object.hasOwn(spec.fields, key) ? (spec.fields[key] as FieldDef<R, J>) : undefined;
    if (!def) throw new Error(`${typeName}.${key} is not supported by the stand-in`);
    own = andTests(own, compileKey(env, typeName, key, value, def));
  }
  const op = OPERATORS.find((o) => present(filter, o));
  if (!op) return own;
  return combine(own, compileFilter<R, J>(env, spec, typeName, filter[op] as FilterObject), op);
}

/** Records matching a filter and search, in id order, with the joined rows that passed for each. */
export interface Selection<R, J> {
  readonly records: R[];
  /** Passing rows per record id, when a test read rows; a record not listed passed on all its rows. */
  readonly rows: ReadonlyMap<number, readonly J[]> | null;
}

/** A per-record verdict: the rows that passed, "all" when no test reads rows, null when the record fails. */
export type RecordMatcher<R, J> = (record: R) => readonly J[] | "all" | null;

/** Compiles filter and search into one matcher; null when neither adds a condition. */
export function compileMatcher<R extends { readonly id: number }, J>(
  env: FilterEnv,
  spec: EntitySpec<R, J>,
  filter: FilterObject | null | undefined,
  q: string | null | undefined,
): RecordMatcher<R, J> | null {
  const compiled = compileFilter<R, J>(env, spec, spec.typeName, filter);
  const search = q && spec.search ? spec.search(q, env) : null;
  const test = andTests(compiled, search);
  if (!test) return null;
  if (!test.perRow) return (r) => (test.test(r, null) === true ? "all" : null);
  const rowsOf = spec.rows ?? (() => []);
  return (r) => {
    const rows = rowsOf(r, env);
    if (rows.length === 0) return test.test(r, null) === true ? [] : null;
    const passed: J[] = [];
    for (const row of rows) if (test.test(r, row) === true) passed.push(row);
    return passed.length > 0 ? passed : null;
  };
}

/** Selects an entity's records; with no condition this is the table as is. */
export function selectRecords<R extends { readonly id: number }, J>(
  env: FilterEnv,
  spec: EntitySpec<R, J>,
  filter: FilterObject | null | undefined,
  q: string | null | undefined,
): Selection<R, J> {
  const matcher = compileMatcher(env, spec, filter, q);
  if (!matcher) return { records: [...spec.records(env)], rows: null };
  const records: R[] = [];
  const rows = new Map<number, readonly J[]>();
  for (const r of spec.records(env)) {
    const passed = matcher(r);
    if (passed === null) continue;
    records.push(r);
    if (passed !== "all") rows.set(r.id, passed);
  }
  return { records, rows };
}

/** Ids of the records of `typeName` matching a filter (a sub-filter); null when it adds no condition. */
export function selectIds(typeName: string, filter: FilterObject, env: FilterEnv, path = typeName): ReadonlySet<number> | null {
  const spec = env.spec(typeName, path);
  const matcher = compileMatcher(env, { ...spec, typeName }, filter, null);
  if (!matcher) return null;
  const out = new Set<number>();
  for (const r of spec.records(env)) if (matcher(r) !== null) out.add(r.id);
  return out;
}

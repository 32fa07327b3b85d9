/**
 * Criteria by GraphQL input type: given a key's input type name (from the
 * served schema), its raw input and the spec's accessor, builds the test.
 * The rules are Stash's shared criterion handlers (pkg/sqlite/criterion_handlers.go,
 * pkg/sqlite/sql.go); entity-specific departures are CustomField overrides in the specs.
 */
import {
  type DateCriterionInput,
  dateMatcher,
  likeMatcher,
  type NumberCriterionInput,
  numberMatcher,
  or3,
  resolutionMatcher,
  type ResolutionCriterionInput,
  type StringCriterionInput,
  stringMatcher,
  type Truth,
} from "../criteria";
import type { StashIdRecord } from "../store";
import { customFieldsTest } from "./custom-fields";
import type { FilterEnv } from "./env";
import { expandHierarchy, joinedHierarchicalMatcher, joinedMultiMatcher, plainMultiMatcher, singleHierarchicalMatcher } from "./multi";
import type { Accessor, FieldValue, IdsAccessor, RowAccessor, Test } from "./types";

/** Stash stores empty text as NULL (and the stand-in keeps "" for unset text). */
export function nullIfEmpty(text: string): string | null {
  return text === "" ? null : text;
}

/** The stored `YYYY-MM-DD` of a date kept at year or month precision. */
export function fullDate(date: string | null): string | null {
  if (date === null) return null;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** Any of several joined rows satisfying a criterion; no rows is one NULL row (a LEFT JOIN). */
export function anyRow<T>(rows: readonly T[], test: (row: T | null) => Truth): Truth {
  if (rows.length === 0) return test(null);
  let result: Truth = false;
  for (const row of rows) {
    result = or3(result, test(row));
    if (result === true) return true;
  }
  return result;
}

/** A value reader over (record, row): record accessors ignore the row; row accessors see NULL without one. */
export type Reader<R, J> = { read: (record: R, row: J | null) => FieldValue; perRow: boolean };

/** Turns an accessor into a reader bound to an env. */
export function readerOf<R, J>(def: Accessor<R> | RowAccessor<R, J>, env: FilterEnv): Reader<R, J> {
  if (typeof def === "function") return { read: (r) => def(r, env), perRow: false };
  return { read: (r, row) => (row === null ? null : def.row(row, r, env)), perRow: true };
}

function test<R, J>(reader: Reader<R, J>, verdict: (value: FieldValue) => Truth): Test<R, J> {
  return { test: (r, row) => verdict(reader.read(r, row)), perRow: reader.perRow };
}

/** StringCriterionInput over text (NULL when "") or a string list (Stash's stringListCriterionHandlerBuilder, pkg/sqlite/criterion_handlers.go). */
function stringCriterion<R, J>(c: StringCriterionInput, reader: Reader<R, J>): Test<R, J> {
  const match = stringMatcher(c);
  // A list's EXCLUDES is "no element LIKE %value%", the whole value, not split into words.
  const excludes = c.modifier === "EXCLUDES" ? likeMatcher(`%${c.value}%`) : null;
  return test(reader, (v) => {
    if (Array.isArray(v)) {
      const list = v as readonly string[];
      return excludes ? !list.some((s) => excludes(s)) : anyRow(list, (s) => match(s === null ? null : nullIfEmpty(s)));
    }
    return match(typeof v === "string" ? nullIfEmpty(v) : null);
  });
}

function numberCriterion<R, J>(c: NumberCriterionInput, reader: Reader<R, J>): Test<R, J> {
  const match = numberMatcher(c);
  return test(reader, (v) => match(typeof v === "number" ? v : null));
}

function dateCriterion<R, J>(c: DateCriterionInput, reader: Reader<R, J>, env: FilterEnv, kind: "date" | "timestamp"): Test<R, J> {
  const match = dateMatcher(c, env.upperDefault, kind);
  return test(reader, (v) => {
    const text = typeof v === "string" ? v : null;
    return match(kind === "date" ? fullDate(text) : text);
  });
}

function size(v: FieldValue): { width: number; height: number } | null {
  return v !== null && typeof v === "object" && "width" in v ? (v as { width: number; height: number }) : null;
}

function orientation<R, J>(c: { value?: readonly string[] | null }, reader: Reader<R, J>): Test<R, J> | null {
  const tests = (c.value ?? []).flatMap((v) => {
    if (v === "PORTRAIT") return [(w: number, h: number) => w < h];
    if (v === "LANDSCAPE") return [(w: number, h: number) => w > h];
    if (v === "SQUARE") return [(w: number, h: number) => w === h];
    return [];
  });
  if (tests.length === 0) return null;
  return test(reader, (v) => {
    const s = size(v);
    return s ? tests.some((t) => t(s.width, s.height)) : null;
  });
}

interface StashIdCriterion {
  readonly endpoint?: string | null;
  readonly stash_id?: string | null;
  readonly modifier: string;
}

/** Stash's stashIDCriterionHandler (pkg/sqlite/criterion_handlers.go): a LEFT JOIN on stash ids (of the endpoint, when given). */
function stashIdCriterion<R, J>(c: StashIdCriterion, reader: Reader<R, J>): Test<R, J> {
  const match = stringMatcher({ value: c.stash_id ?? "", modifier: c.modifier });
  const endpoint = c.endpoint ?? "";
  return test(reader, (v) => {
    const ids = ((v ?? []) as readonly StashIdRecord[]).filter((id) => endpoint === "" || id.endpoint === endpoint);
    return anyRow(
      ids.map((id) => id.stashId),
      match,
    );
  });
}

/** Stash's enumCriterionHandler (pkg/sqlite/criterion_handlers.go; gender, circumcised): IN / NOT IN, NULL never matching either. */
function enumCriterion<R, J>(c: { value?: unknown; value_list?: readonly string[] | null; modifier: string }, reader: Reader<R, J>): Test<R, J> | null {
  const list = c.value_list && c.value_list.length > 0 ? c.value_list : Array.isArray(c.value) ? (c.value as string[]) : typeof c.value === "string" ? [c.value] : [];
  const text = (v: FieldValue) => (typeof v === "string" && v !== "" ? v : null);
  switch (c.modifier) {
    case "INCLUDES":
    case "EQUALS":
      return list.length === 0 ? null : test(reader, (v) => (text(v) === null ? null : list.includes(text(v)!)));
    case "EXCLUDES":
    case "NOT_EQUALS":
      return list.length === 0 ? null : test(reader, (v) => (text(v) === null ? null : !list.includes(text(v)!)));
    case "IS_NULL":
      return test(reader, (v) => text(v) === null || /^ *$/.test(text(v)!));
    case "NOT_NULL":
      return test(reader, (v) => text(v) !== null && !/^ *$/.test(text(v)!));
    default:
      throw new Error("unsupported string filter modifier");
  }
}

function idsCriterion<R, J>(typeName: string, input: any, def: IdsAccessor<R>, env: FilterEnv): Test<R, J> | null {
  const read = (r: R) => def.ids(r, env);
  if (typeName === "MultiCriterionInput") {
    const match = def.plain ? plainMultiMatcher(input) : joinedMultiMatcher(input);
    return match && { test: (r) => match(read(r)), perRow: false };
  }
  const hierarchy = def.hierarchy ?? "tags";
  const expand = (values: readonly string[], depth: number | null | undefined) =>
    expandHierarchy(values, depth, (id) => env.children(hierarchy, id), (id) => env.store.has(hierarchy, id));
  if (def.single) {
    const match = singleHierarchicalMatcher(input, expand);
    return match && { test: (r) => match(read(r)[0] ?? null), perRow: false };
  }
  const match = joinedHierarchicalMatcher(input, expand);
  return match && { test: (r) => match(read(r)), perRow: false };
}

/** A `<Entity>FilterType` sub-filter: holds when a related record matches (Stash's relatedFilterHandler, pkg/sqlite/criterion_handlers.go). */
function subFilter<R, J>(typeName: string, input: Record<string, unknown>, def: IdsAccessor<R>, env: FilterEnv, compile: SubCompiler, path: string): Test<R, J> | null {
  const matching = compile(typeName, input, env, path);
  if (!matching) return null;
  return {
    test: (r) => {
      const ids = def.ids(r, env);
      if (ids.length === 0) return null;
      return ids.some((id) => matching.has(id));
    },
    perRow: false,
  };
}

/** Selects the ids of another entity matching a filter; null when the filter adds no condition. */
export type SubCompiler = (typeName: string, filter: Record<string, unknown>, env: FilterEnv, path: string) => ReadonlySet<number> | null;

/**
 * Builds the test of one key from its input type name. Returns null when the
 * input adds no condition, as Stash skips such criteria.
 */
export function compileByType<R, J>(
  typeName: string,
  input: any,
  def: Accessor<R> | RowAccessor<R, J> | IdsAccessor<R>,
  env: FilterEnv,
  path: string,
  compileSub: SubCompiler,
): Test<R, J> | null {
  if (typeof def === "object" && "ids" in def) {
    if (typeName === "MultiCriterionInput" || typeName === "HierarchicalMultiCriterionInput") return idsCriterion(typeName, input, def, env);
    if (typeName.endsWith("FilterType")) return subFilter(typeName, input, def, env, compileSub, path);
    throw new Error(`${path}: ids given for a ${typeName} key`);
  }
  const reader = readerOf(def, env);
  switch (typeName) {
    case "StringCriterionInput":
      return stringCriterion(input as StringCriterionInput, reader);
    case "IntCriterionInput":
    case "FloatCriterionInput":
      return numberCriterion(input as NumberCriterionInput, reader);
    case "DateCriterionInput":
      return dateCriterion(input as DateCriterionInput, reader, env, "date");
    case "TimestampCriterionInput":
      return dateCriterion(input as DateCriterionInput, reader, env, "timestamp");
    case "Boolean":
      return test(reader, (v) => (v === null ? null : v === input));
    case "ResolutionCriterionInput": {
      const match = resolutionMatcher(input as ResolutionCriterionInput);
      return match && test(reader, (v) => match(size(v)?.width ?? null, size(v)?.height ?? null));
    }
    case "OrientationCriterionInput":
      return orientation(input, reader);
    case "StashIDCriterionInput":
      return stashIdCriterion(input as StashIdCriterion, reader);
    case "GenderCriterionInput":
    case "CircumcisionCriterionInput":
      return enumCriterion(input, reader);
    case "CustomFieldCriterionInput":
      return customFieldsTest(input, reader, path);
    default:
      throw new Error(`${path} (${typeName}) is not supported by the stand-in`);
  }
}

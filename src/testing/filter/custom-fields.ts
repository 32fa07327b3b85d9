/**
 * `custom_fields`: a list of CustomFieldCriterionInput, each joined on its
 * field as Stash's customFieldsFilterHandler does (pkg/sqlite/custom_fields.go):
 * most modifiers are an inner join (a record without the field never
 * matches), EXCLUDES / NOT_MATCHES_REGEX / IS_NULL a left join.
 */
import { likeMatcher, type Truth } from "../criteria";
import { goRegExp } from "../query-regex";
import type { Reader } from "./kinds";
import type { Test } from "./types";

interface CustomFieldCriterion {
  readonly field: string;
  readonly modifier: string;
  readonly value?: readonly unknown[] | null;
}

type Scalar = string | number | boolean;

/** SQLite ordering across storage classes: numbers sort before text. */
function compare(a: Scalar, b: Scalar): number {
  const x = typeof a === "boolean" ? Number(a) : a;
  const y = typeof b === "boolean" ? Number(b) : b;
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "number") return -1;
  if (typeof y === "number") return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function scalar(v: unknown): Scalar | null {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

function one(c: CustomFieldCriterion, path: string): (value: Scalar | null) => Truth {
  const values = (c.value ?? []).map((v) => {
    const s = scalar(v);
    if (s === null) throw new Error(`${path}: unsupported custom field criterion value type: ${typeof v}`);
    return s;
  });
  const present = (t: (v: Scalar) => Truth) => (v: Scalar | null) => (v === null ? false : t(v));
  const text = (v: Scalar) => String(v);
  switch (c.modifier) {
    case "EQUALS":
      return present((v) => values.some((w) => compare(v, w) === 0));
    case "NOT_EQUALS":
      return present((v) => !values.some((w) => compare(v, w) === 0));
    case "INCLUDES": {
      const likes = values.map((w) => likeMatcher(`%${w}%`));
      return present((v) => likes.every((l) => l(text(v))));
    }
    case "EXCLUDES": {
      const likes = values.map((w) => likeMatcher(`%${w}%`));
      // A missing field is NULL, and `NULL NOT LIKE x` is unknown.
      return (v) => (v === null ? null : !likes.some((l) => l(text(v))));
    }
    case "MATCHES_REGEX": {
      const res = values.map((w) => goRegExp(String(w)));
      return present((v) => res.every((re) => re.test(text(v))));
    }
    case "NOT_MATCHES_REGEX": {
      const res = values.map((w) => goRegExp(String(w)));
      return (v) => v === null || !res.some((re) => re.test(text(v)));
    }
    case "IS_NULL":
      return (v) => v === null || /^ *$/.test(text(v));
    case "NOT_NULL":
      return present((v) => !/^ *$/.test(text(v)));
    case "BETWEEN":
    case "NOT_BETWEEN": {
      if (values.length !== 2) throw new Error(`expected 2 values for custom field criterion modifier ${c.modifier}, got ${values.length}`);
      const [lo, hi] = values as [Scalar, Scalar];
      const inside = (v: Scalar) => compare(v, lo) >= 0 && compare(v, hi) <= 0;
      return present((v) => (c.modifier === "BETWEEN" ? inside(v) : !inside(v)));
    }
    case "LESS_THAN":
    case "GREATER_THAN": {
      if (values.length !== 1) throw new Error(`expected 1 value for custom field criterion modifier ${c.modifier}, got ${values.length}`);
      const w = values[0]!;
      return present((v) => (c.modifier === "LESS_THAN" ? compare(v, w) < 0 : compare(v, w) > 0));
    }
    default:
      throw new Error(`unsupported custom field criterion modifier: ${c.modifier}`);
  }
}

/** Compiles the whole list; each criterion must hold. Null for an empty list. */
export function customFieldsTest<R, J>(input: readonly CustomFieldCriterion[], reader: Reader<R, J>, path: string): Test<R, J> | null {
  if (!input || input.length === 0) return null;
  const tests = input.map((c) => ({ field: c.field, match: one(c, path) }));
  return {
    perRow: reader.perRow,
    test: (r, row) => {
      const fields = (reader.read(r, row) ?? {}) as Readonly<Record<string, unknown>>;
      let result: Truth = true;
      for (const t of tests) {
        const v = t.match(Object.hasOwn(fields, t.field) ? scalar(fields[t.field]) : null);
        if (v === false) return false;
        if (v === null) result = null;
      }
      return result;
    },
  };
}

/**
 * The AND/OR/NOT structure Stash gives every *FilterType: a filter's own
 * criteria are ANDed, then combined with at most one sub-filter. An empty
 * side drops out (`{OR: x}` alone is just x), as in Stash's SQL builder.
 */
import { and3, not3, or3 } from "./criteria";
import type { FieldCompiler, FieldTest, SceneFilterEnv } from "./scene-filter-env";

type FilterObject = Record<string, unknown>;

const OPERATORS = ["AND", "OR", "NOT"] as const;

function present(filter: FilterObject, key: string): boolean {
  return filter[key] !== undefined && filter[key] !== null;
}

/** Stash's check, applied down the whole chain before any criterion runs. */
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
export function andTests(a: FieldTest | null, b: FieldTest | null): FieldTest | null {
  if (!a) return b;
  if (!b) return a;
  return { test: (s, f) => and3(a.test(s, f), b.test(s, f)), perFile: a.perFile || b.perFile };
}

function combine(own: FieldTest | null, sub: FieldTest | null, op: (typeof OPERATORS)[number]): FieldTest | null {
  if (!sub) return own;
  if (op === "NOT") {
    const negated: FieldTest = { test: (s, f) => not3(sub.test(s, f)), perFile: sub.perFile };
    return andTests(own, negated);
  }
  if (!own) return sub;
  if (op === "AND") return andTests(own, sub);
  return { test: (s, f) => or3(own.test(s, f), sub.test(s, f)), perFile: own.perFile || sub.perFile };
}

/**
 * Compiles a filter object with the given per-key compilers. A key without a
 * compiler is refused by name: ignoring it would silently return wrong results.
 */
export function compileOperatorFilter(
  filter: FilterObject | null | undefined,
  env: SceneFilterEnv,
  typeName: string,
  fields: Readonly<Record<string, FieldCompiler>>,
): FieldTest | null {
  if (!filter) return null;
  validateCombination(filter);
  let own: FieldTest | null = null;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || (OPERATORS as readonly string[]).includes(key)) continue;
    const compile = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!compile) throw new Error(`${typeName}.${key} is not supported by the stand-in`);
    own = andTests(own, compile(value, env));
  }
  const op = OPERATORS.find((o) => present(filter, o));
  if (!op) return own;
  return combine(own, compileOperatorFilter(filter[op] as FilterObject, env, typeName, fields), op);
}

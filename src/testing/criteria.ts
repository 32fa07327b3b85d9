/**
 * Criterion inputs (filters.graphql) evaluated the way Stash's SQL evaluates
 * them (pkg/sqlite/criterion_handlers.go). Comparisons with a missing value are "unknown" (SQL NULL), which a
 * NOT does not turn into true, so `Truth` is three-valued. Text matching uses
 * SQLite's LIKE: `%` and `_` stay wildcards and only ASCII letters fold case.
 * Shared by the scene filter and the marker filter.
 */
import { goRegExp } from "./query-regex";

/** SQL's three-valued logic: null is "unknown" and never selects a row. */
export type Truth = boolean | null;

/** SQL AND. */
export function and3(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

/** SQL OR. */
export function or3(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** SQL NOT. */
export function not3(a: Truth): Truth {
  return a === null ? null : !a;
}

/** StringCriterionInput. */
export interface StringCriterionInput {
  readonly value: string;
  readonly modifier: string;
}

/** IntCriterionInput and FloatCriterionInput. */
export interface NumberCriterionInput {
  readonly value: number;
  readonly value2?: number | null;
  readonly modifier: string;
}

/** DateCriterionInput and TimestampCriterionInput. */
export interface DateCriterionInput {
  readonly value: string;
  readonly value2?: string | null;
  readonly modifier: string;
}

/** MultiCriterionInput. */
export interface MultiCriterionInput {
  readonly value?: readonly string[] | null;
  readonly modifier: string;
  readonly excludes?: readonly string[] | null;
}

/** HierarchicalMultiCriterionInput. */
export interface HierarchicalCriterionInput extends MultiCriterionInput {
  readonly depth?: number | null;
}

/** ResolutionCriterionInput. */
export interface ResolutionCriterionInput {
  readonly value: string;
  readonly modifier: string;
}

/** Lower-cases ASCII letters only, as SQLite's LIKE folds case. */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
}

/**
 * SQLite `text LIKE pattern` (no ESCAPE clause): `%` any run, `_` any one
 * character. With `lowered`, callers pass text already through asciiLower,
 * which saves re-lowering the same text for every term.
 */
export function likeMatcher(pattern: string, lowered = false): (text: string) => boolean {
  const p = asciiLower(pattern);
  const low = lowered ? (text: string) => text : asciiLower;
  const inner = p.startsWith("%") && p.endsWith("%") && p.length >= 2 ? p.slice(1, -1) : null;
  if (inner !== null && !/[%_]/.test(inner)) return (text) => low(text).includes(inner);
  if (!/[%_]/.test(p)) return (text) => low(text) === p;
  const source = [...p]
    .map((ch) => (ch === "%" ? "[\\s\\S]*" : ch === "_" ? "[\\s\\S]" : ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "u");
  return (text) => re.test(low(text));
}

/** SQLite's TRIM(x) = '' (TRIM strips spaces only). */
function blank(text: string): boolean {
  return /^ *$/.test(text);
}

/** The words of an INCLUDES/EXCLUDES value, or the whole value when it is quoted. */
function searchWords(value: string): string[] {
  const q = value.trim();
  const unquoted = q.replace(/^"+|"+$/g, "");
  if (unquoted !== q) return [unquoted];
  return q.replace(/\s+/g, " ").split(" ");
}

/** A StringCriterionInput over one column value; null is SQL NULL (Stash stores "" as NULL for scene text). */
export function stringMatcher(c: StringCriterionInput): (value: string | null) => Truth {
  switch (c.modifier) {
    case "INCLUDES":
    case "EXCLUDES": {
      const likes = searchWords(c.value).map((w) => likeMatcher(`%${w}%`));
      const excludes = c.modifier === "EXCLUDES";
      return (v) => {
        if (v === null) return null;
        return excludes ? likes.every((like) => !like(v)) : likes.some((like) => like(v));
      };
    }
    case "EQUALS":
    case "NOT_EQUALS": {
      const like = likeMatcher(c.value);
      const negate = c.modifier === "NOT_EQUALS";
      return (v) => (v === null ? null : like(v) !== negate);
    }
    case "MATCHES_REGEX": {
      const re = goRegExp(c.value);
      return (v) => v !== null && re.test(v);
    }
    case "NOT_MATCHES_REGEX": {
      const re = goRegExp(c.value);
      return (v) => v === null || !re.test(v);
    }
    case "IS_NULL":
      return (v) => v === null || blank(v);
    case "NOT_NULL":
      return (v) => v !== null && !blank(v);
    default:
      throw new Error("unsupported string filter modifier");
  }
}

/** An Int/FloatCriterionInput over one numeric value (null = SQL NULL). */
export function numberMatcher(c: NumberCriterionInput): (value: number | null) => Truth {
  const lo = c.value;
  const hi = c.value2 ?? 0;
  const known = (test: (v: number) => boolean) => (v: number | null) => (v === null ? null : test(v));
  switch (c.modifier) {
    case "IS_NULL":
      return (v) => v === null;
    case "NOT_NULL":
      return (v) => v !== null;
    case "EQUALS":
      return known((v) => v === lo);
    case "NOT_EQUALS":
      return known((v) => v !== lo);
    case "GREATER_THAN":
      return known((v) => v > lo);
    case "LESS_THAN":
      return known((v) => v < lo);
    case "BETWEEN":
      return known((v) => v >= lo && v <= hi);
    case "NOT_BETWEEN":
      return known((v) => v < lo || v > hi);
    default:
      throw new Error(`unsupported numeric modifier type ${c.modifier}`);
  }
}

/** A bound parameter as SQLite sees it next to a NUMERIC-affinity column: numeric-looking text becomes a number. */
function sqlParam(text: string): string | number {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : text;
}

/** SQLite comparison of a stored text value with a parameter: any text sorts after any number. */
function compareSql(stored: string, param: string | number): number {
  if (typeof param === "number") return 1;
  return stored < param ? -1 : stored > param ? 1 : 0;
}

/**
 * A Date/TimestampCriterionInput over a stored text value (`YYYY-MM-DD` or
 * RFC3339). `upperDefault` is BETWEEN's missing upper bound (Stash: now + 1 day);
 * dates also count "" as null.
 */
export function dateMatcher(
  c: DateCriterionInput,
  upperDefault: string,
  kind: "date" | "timestamp",
): (value: string | null) => Truth {
  const lo = sqlParam(c.value);
  const hi = sqlParam(c.value2 ?? upperDefault);
  const isNull = (v: string | null) => v === null || (kind === "date" && v === "");
  const known = (test: (v: string) => boolean) => (v: string | null) => (v === null ? null : test(v));
  switch (c.modifier) {
    case "IS_NULL":
      return isNull;
    case "NOT_NULL":
      return (v) => !isNull(v);
    case "EQUALS":
      return known((v) => compareSql(v, lo) === 0);
    case "NOT_EQUALS":
      return known((v) => compareSql(v, lo) !== 0);
    case "GREATER_THAN":
      return known((v) => compareSql(v, lo) > 0);
    case "LESS_THAN":
      return known((v) => compareSql(v, lo) < 0);
    case "BETWEEN":
      return known((v) => compareSql(v, lo) >= 0 && compareSql(v, hi) <= 0);
    case "NOT_BETWEEN":
      return known((v) => compareSql(v, lo) < 0 || compareSql(v, hi) > 0);
    default:
      throw new Error("unsupported date modifier type");
  }
}

/** Stash's ResolutionEnum ranges (pkg/models/resolution.go) over the smaller side of the picture. */
export const RESOLUTION_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  VERY_LOW: [144, 239],
  LOW: [240, 359],
  R360P: [360, 479],
  STANDARD: [480, 539],
  WEB_HD: [540, 719],
  STANDARD_HD: [720, 1079],
  FULL_HD: [1080, 1439],
  QUAD_HD: [1440, 1919],
  VR_HD: [1920, 2159],
  FOUR_K: [1920, 2559],
  FIVE_K: [2560, 2999],
  SIX_K: [3000, 3583],
  SEVEN_K: [3584, 3839],
  EIGHT_K: [3840, 6143],
  HUGE: [6144, 9999],
};

/** A ResolutionCriterionInput over (width, height); null when the modifier adds no condition (pkg/sqlite/criterion_handlers.go resolutionCriterionHandler). */
export function resolutionMatcher(c: ResolutionCriterionInput): ((w: number | null, h: number | null) => Truth) | null {
  const range = RESOLUTION_RANGES[c.value];
  if (!range) return null;
  const [min, max] = range;
  const test = (t: (size: number) => boolean) => (w: number | null, h: number | null) =>
    w === null || h === null ? null : t(Math.min(w, h));
  switch (c.modifier) {
    case "EQUALS":
      return test((s) => s >= min && s <= max);
    case "NOT_EQUALS":
      return test((s) => s < min || s > max);
    case "LESS_THAN":
      return test((s) => s < min);
    case "GREATER_THAN":
      return test((s) => s > max);
    default:
      return null;
  }
}

/** An id from a criterion value; SQLite compares '12' with 12 as equal, and anything non-numeric matches nothing. */
export function criterionId(raw: string): number {
  return /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * Checks made before any request is sent. Each throws `StashValidationError`
 * naming the argument, so a script fails on its own typo rather than on a
 * cryptic server message — or, worse, on a request that half-succeeds.
 */
import { StashValidationError } from "./errors";

/** A Stash id: a decimal string, or a non-negative integer. */
export type ID = string | number;

/** Validates one id and returns it as the decimal string Stash expects. */
export function checkId(value: unknown, argument = "id"): string {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new StashValidationError(argument, `must be a non-negative whole number, got ${value}`);
    }
    return String(value);
  }
  if (typeof value !== "string") {
    throw new StashValidationError(argument, `must be an id string such as "42", got ${value === null ? "null" : typeof value}`);
  }
  const text = value.trim();
  if (text === "") throw new StashValidationError(argument, "must not be empty");
  if (!/^\d+$/.test(text)) {
    throw new StashValidationError(argument, `must be a decimal id such as "42", got ${JSON.stringify(value)}`);
  }
  return text;
}

/** Validates a list of ids: non-empty unless allowed, every id valid, no repeats. */
export function checkIds(
  values: unknown,
  argument = "ids",
  options: { allowEmpty?: boolean; allowDuplicates?: boolean } = {},
): string[] {
  if (!Array.isArray(values)) throw new StashValidationError(argument, "must be an array of ids");
  if (values.length === 0 && !options.allowEmpty) throw new StashValidationError(argument, "must name at least one id");
  const out = values.map((v, i) => checkId(v, `${argument}[${i}]`));
  if (!options.allowDuplicates) {
    const seen = new Set<string>();
    out.forEach((id, i) => {
      if (seen.has(id)) throw new StashValidationError(`${argument}[${i}]`, `repeats id ${id}`);
      seen.add(id);
    });
  }
  return out;
}

/** rating100 is 0–100 (Stash stores it as an integer). */
export function checkRating100(value: unknown, argument = "rating100"): number | null {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new StashValidationError(argument, `must be a whole number from 0 to 100, got ${String(value)}`);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A Stash date: `YYYY-MM-DD`, or the partial `YYYY-MM` and `YYYY` that
 * Stash v0.30+ stores at the precision given. Real calendar dates only.
 */
export function checkDate(value: unknown, argument = "date", options: { allowPartial?: boolean } = {}): string | null {
  if (value === null) return null;
  if (typeof value !== "string") throw new StashValidationError(argument, `must be a date string, got ${typeof value}`);
  const text = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) {
    throw new StashValidationError(argument, `"${value}" is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)`);
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new StashValidationError(argument, `"${value}" has month ${m[2]}; months run 01–12`);
  }
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    throw new StashValidationError(argument, `"${value}" is not a real calendar date`);
  }
  if (day === undefined && options.allowPartial === false) {
    throw new StashValidationError(argument, `"${value}" is a partial date; this Stash server (older than v0.30) needs YYYY-MM-DD`);
  }
  return text;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const RELATIVE = /^[<>]\d+[smhd]$/;

/** A history time: a Date, or a string in one of Stash's Timestamp formats. Returns the wire string. */
export function checkTimestamp(value: unknown, argument: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new StashValidationError(argument, "is an invalid Date");
    return value.toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  if (typeof value !== "string") throw new StashValidationError(argument, `must be a Date or a string, got ${typeof value}`);
  const text = value.trim();
  const known = RFC3339.test(text) || DATE_TIME.test(text) || RELATIVE.test(text) || DATE_ONLY.test(text);
  if (!known || (!RELATIVE.test(text) && Number.isNaN(Date.parse(text.replace(" ", "T"))))) {
    throw new StashValidationError(
      argument,
      `"${value}" is not a Stash time; use RFC3339 (2024-01-15T10:30:00Z), YYYY-MM-DD, "YYYY-MM-DD HH:MM:SS", or relative like <4h / >5m`,
    );
  }
  if (DATE_ONLY.test(text)) checkDate(text, argument);
  return text;
}

/** A list of history times, or undefined to let the server use "now" / "the newest". */
export function checkTimestamps(values: unknown, argument = "times"): string[] | undefined {
  if (values === undefined || values === null) return undefined;
  if (!Array.isArray(values)) throw new StashValidationError(argument, "must be an array of Dates or strings");
  return values.map((v, i) => checkTimestamp(v, `${argument}[${i}]`));
}

/** A whole number within [min, max]. */
export function checkInteger(value: unknown, argument: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new StashValidationError(argument, `must be a whole number ${range}, got ${String(value)}`);
  }
  return value;
}

/** A finite number ≥ 0 (durations, seconds). */
export function checkNonNegative(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new StashValidationError(argument, `must be a number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** A URL stored on a scene: absolute, http or https. */
export function checkUrl(value: unknown, argument: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new StashValidationError(argument, "must be a non-empty URL string");
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new StashValidationError(argument, `"${value}" is not an absolute URL; include the scheme, e.g. https://…`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new StashValidationError(argument, `scheme "${parsed.protocol.replace(/:$/, "")}" is not supported; use http or https`);
  }
  return value.trim();
}

/** A value that must be one of an enum's members (the generated const objects). */
export function checkEnum<T extends string>(value: unknown, members: Readonly<Record<string, T>>, argument: string): T {
  const allowed = Object.values(members);
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw new StashValidationError(argument, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** A plain object (not null, not an array); returns it typed as a record. */
export function checkObject(value: unknown, argument: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new StashValidationError(argument, `must be an object, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
  }
  return value as Record<string, unknown>;
}

/** Rejects keys outside `allowed`, naming every one, so a typo fails instead of being silently dropped. */
export function checkKnownKeys(value: Record<string, unknown>, allowed: Iterable<string>, argument: string): void {
  const known = new Set(allowed);
  const unknown = Object.keys(value).filter((k) => !known.has(k) && value[k] !== undefined);
  if (unknown.length > 0) {
    throw new StashValidationError(
      argument,
      `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; allowed: ${[...known].join(", ")}`,
    );
  }
}

/** A boolean (no truthy strings or numbers). */
export function checkBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== "boolean") throw new StashValidationError(argument, `must be true or false, got ${JSON.stringify(value) ?? typeof value}`);
  return value;
}

/** A string; `nonEmpty` also rejects blank ones. */
export function checkString(value: unknown, argument: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== "string") throw new StashValidationError(argument, `must be a string, got ${value === null ? "null" : typeof value}`);
  if (options.nonEmpty && value.trim() === "") throw new StashValidationError(argument, "must not be empty");
  return value;
}

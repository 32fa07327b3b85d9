/**
 * Sort keys shared by the entity sort specs: Stash's NATURAL_CI collation (pkg/sqlite/driver.go)
 * as a plain string key, and "" read as NULL (Stash stores unset text as NULL,
 * which SQLite sorts first ascending).
 */

/** A key whose plain string order is NATURAL_CI order (case-insensitive, digit runs by value). */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, "").padStart(20, "0"));
}

/** Unset text sorts as NULL. */
export function textOrNull(text: string): string | null {
  return text === "" ? null : text;
}

/** The newest of some RFC3339 times (MAX(...)), null when there are none. */
export function newest(times: Iterable<string>): string | null {
  let max: string | null = null;
  for (const t of times) if (max === null || t > max) max = t;
  return max;
}

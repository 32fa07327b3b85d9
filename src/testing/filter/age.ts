/**
 * Ages as Stash's SQL computes them:
 * `cast(strftime('%Y.%m%d', at) - strftime('%Y.%m%d', birth) as int)`, i.e.
 * whole years, a birthday counting from its day (pkg/sqlite/scene_filter.go,
 * pkg/sqlite/performer_filter.go).
 */

function yearFraction(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Number(m[1]) + (Number(m[2] ?? "1") * 100 + Number(m[3] ?? "1")) / 10000;
}

/** Whole years from `birth` to `at` (both `YYYY[-MM[-DD]]`); null when either is missing or unreadable. */
export function ageAt(at: string | null, birth: string | null): number | null {
  if (!at || !birth) return null;
  const a = yearFraction(at);
  const b = yearFraction(birth);
  return a === null || b === null ? null : Math.trunc(a - b);
}

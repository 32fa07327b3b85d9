/**
 * The find filter's `q` for entities, as Stash's queryBuilder.parseQueryString
 * (pkg/sqlite/query.go) applies it to an entity's `searchColumns`: every
 * must-have term LIKE some column, no column (NULL read as '') LIKE a
 * must-not term, and each OR-set matched by some column. A joined table
 * (aliases) multiplies rows, and all terms must hold within one row.
 */
import { likeMatcher } from "../criteria";
import { parseSearchString } from "../q-search";
import type { FilterEnv } from "./env";
import type { Test } from "./types";

/** The joined rows of searched columns for one record (e.g. name + each alias). */
export type SearchRows<R> = (record: R, env: FilterEnv) => Iterable<readonly (string | null)[]>;

/** Builds an EntitySpec `search` from its searched columns. */
export function searchColumns<R>(rows: SearchRows<R>): (q: string, env: FilterEnv) => Test<R, never> | null {
  return (q, env) => {
    const specs = parseSearchString(q);
    if (specs.mustHave.length + specs.anySets.length + specs.mustNot.length === 0) return null;
    const like = (t: string) => likeMatcher(`%${t}%`);
    const must = specs.mustHave.map(like);
    const not = specs.mustNot.map(like);
    const any = specs.anySets.map((set) => set.map(like));
    const hit = (t: (s: string) => boolean, cols: readonly (string | null)[]) => cols.some((c) => c !== null && t(c));
    const rowPasses = (cols: readonly (string | null)[]) =>
      must.every((t) => hit(t, cols)) && !not.some((t) => cols.some((c) => t(c ?? ""))) && any.every((set) => set.some((t) => hit(t, cols)));
    return {
      perRow: false,
      test: (r) => {
        for (const cols of rows(r, env)) if (rowPasses(cols)) return true;
        return false;
      },
    };
  };
}

/** The rows of `fixed` columns joined with a list (aliases): one row per element, or one NULL row. */
export function withList(fixed: readonly (string | null)[], list: readonly string[]): (string | null)[][] {
  if (list.length === 0) return [[...fixed, null]];
  return list.map((item) => [...fixed, item]);
}

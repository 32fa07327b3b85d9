/**
 * `parents` / `children` of tags and `containing_groups` / `sub_groups` of
 * groups: Stash's hierarchicalRelationshipHandler (pkg/sqlite/filter_hierarchical.go).
 * Unlike the hierarchical criteria on related records, the named ids
 * themselves are not part of the match: `parents: [P]` selects P's children,
 * and `depth` n reaches n further levels (-1: all).
 */
import { criterionId, type HierarchicalCriterionInput } from "../criteria";
import type { FilterEnv } from "./env";
import { foldExcludes } from "./multi";
import type { CustomField, Test } from "./types";

/** Ids reachable from `root` by `step`, at most `levels` steps away (root excluded unless a cycle returns to it). */
function reach(root: number, levels: number, step: (id: number) => readonly number[]): Set<number> {
  const out = new Set<number>();
  let frontier = [root];
  for (let level = 0; frontier.length > 0 && (levels < 0 || level < levels); level++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const n of step(id)) {
        if (!out.has(n)) {
          out.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * A relatives criterion. `down(id)` walks from a named id towards the records
 * that match (children for `parents`); `count(record)` is how many direct
 * relatives the record has in the other direction (for IS_NULL / NOT_NULL).
 */
export function relativesField<R extends { readonly id: number }>(
  down: (id: number, env: FilterEnv) => readonly number[],
  count: (record: R, env: FilterEnv) => number,
): CustomField<R, never> {
  return {
    compile: (input: HierarchicalCriterionInput, env): Test<R, never> | null => {
      const c = foldExcludes(input);
      if (!["INCLUDES_ALL", "INCLUDES", "EXCLUDES", "IS_NULL", "NOT_NULL"].includes(c.modifier)) {
        throw new Error(`invalid modifier ${c.modifier}`);
      }
      if (c.modifier === "IS_NULL") return { test: (r) => count(r, env) === 0, perRow: false };
      if (c.modifier === "NOT_NULL") return { test: (r) => count(r, env) > 0, perRow: false };
      if (c.values.length === 0 && c.excludes.length === 0) return null;
      const depth = input.depth ?? 0;
      const levels = depth === -1 ? -1 : depth + 1;
      const sets = (values: readonly string[]) => values.map((v) => reach(criterionId(v), levels, (id) => down(id, env)));
      const wanted = sets(c.values);
      const excluded = sets(c.excludes);
      return {
        perRow: false,
        test: (r) => {
          if (excluded.some((s) => s.has(r.id))) return false;
          if (wanted.length === 0) return true;
          const hits = wanted.filter((s) => s.has(r.id)).length;
          return c.modifier === "INCLUDES" ? hits > 0 : hits === wanted.length;
        },
      };
    },
  };
}

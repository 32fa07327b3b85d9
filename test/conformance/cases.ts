/**
 * Table-driven filter cases: each row is one fact from a Go store test (its
 * title cites the test), checked against one stand-in over HTTP.
 */
import { describe, expect } from "vitest";
import type { Labels } from "./fixture-builder";
import { expectExactly, expectFindRejected, expectIds, find, type Entity, type FindFilter } from "./find";
import { conformanceCase, type Conformance } from "./harness";

/** One filter fact. Labels name fixture records; `filter` and `find` get the built library. */
export interface FilterCase<L> {
  /** Criterion, modifier and the Go test, e.g. `tags INCLUDES (scene_test.go TestSceneQueryTags)`. */
  readonly title: string;
  /** Fixture features the case depends on (see Conformance.attempt). */
  readonly needs?: readonly string[];
  readonly filter: (lib: L) => Record<string, unknown> | null;
  readonly find?: FindFilter | ((lib: L) => FindFilter);
  /** Must be in the result. */
  readonly include?: readonly string[];
  /** Must not be in the result. */
  readonly exclude?: readonly string[];
  /** The whole result, in any order; a function when it depends on which optional records were built. */
  readonly exactly?: readonly string[] | ((lib: L) => readonly string[]);
  /** The whole result, in this order. */
  readonly ordered?: readonly string[];
  /** The request must fail. */
  readonly rejected?: true;
  /** Every result must pass `test` (on the fields selected by `fields`); with `nonEmpty`, at least one result. */
  readonly every?: { readonly fields: string; readonly test: (item: any, lib: L) => boolean; readonly nonEmpty?: boolean };
}

/** Registers filter cases for one entity; `labels` picks the entity's label map from the library. */
export function filterCases<L>(
  c: Conformance,
  entity: Entity,
  lib: () => L,
  labels: (lib: L) => Labels,
  cases: readonly FilterCase<L>[],
): void {
  for (const fc of cases) {
    conformanceCase(c, fc.title, fc.needs ?? [], async () => {
      const l = lib();
      const names = labels(l);
      const filter = fc.filter(l);
      const ff = typeof fc.find === "function" ? fc.find(l) : (fc.find ?? {});
      if (fc.rejected) {
        await expectFindRejected(c, entity, filter ?? {}, ff);
        return;
      }
      const found = await find<any>(c, entity, filter, ff, fc.every?.fields ?? "");
      const got = names.names(found.items.map((i) => i.id));
      expect(found.count, "count agrees with the records returned").toBe(found.items.length);
      if (fc.exactly) expectExactly(got, typeof fc.exactly === "function" ? fc.exactly(l) : fc.exactly);
      if (fc.ordered) expect(got).toEqual(fc.ordered);
      if (fc.include || fc.exclude) expectIds(got, fc.include ?? [], fc.exclude ?? []);
      if (fc.every) {
        if (fc.every.nonEmpty) expect(got.length, "at least one result").toBeGreaterThan(0);
        const failing = found.items.filter((i) => !fc.every!.test(i, l)).map((i) => names.names([i.id])[0]);
        expect(failing, "results that do not satisfy the criterion").toEqual([]);
      }
    });
  }
}

/** A `describe` block of filter cases, for grouping cases by criterion. */
export function criterion<L>(
  name: string,
  c: Conformance,
  entity: Entity,
  lib: () => L,
  labels: (lib: L) => Labels,
  cases: readonly FilterCase<L>[],
): void {
  describe(name, () => filterCases(c, entity, lib, labels, cases));
}

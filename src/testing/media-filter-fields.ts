/**
 * Filter keys galleries and images handle alike in Stash's SQL
 * (pkg/sqlite/image_filter.go, gallery_filter.go): the performer-derived
 * criteria and md5 checksums. Each compiles its raw input, as the engine's
 * CustomField allows.
 */
import { type HierarchicalCriterionInput, type NumberCriterionInput, numberMatcher, stringMatcher, type StringCriterionInput, type Truth } from "./criteria";
import type { FilterEnv } from "./filter/env";
import { ageAt } from "./filter/age";
import { expandHierarchy, performerTagsMatcher } from "./filter/multi";
import type { CustomField, Test } from "./filter/types";
import type { FingerprintRecord, PerformerRecord } from "./store";

type Ids<R> = (record: R) => readonly number[];

function performersOf<R>(env: FilterEnv, ids: Ids<R>, record: R): PerformerRecord[] {
  const out: PerformerRecord[] = [];
  for (const id of ids(record)) {
    const p = env.store.get("performers", id);
    if (p) out.push(p);
  }
  return out;
}

/** `performer_tags`: tags of the record's performers, grouped per performer (joinedPerformerTagsHandler). */
export function performerTagsField<R>(ids: Ids<R>): CustomField<R, never> {
  return {
    compile: (c: HierarchicalCriterionInput, env): Test<R, never> | null => {
      const expand = (values: readonly string[], depth: number | null | undefined) =>
        expandHierarchy(values, depth, (id) => env.children("tags", id), (id) => env.store.has("tags", id));
      const match = performerTagsMatcher(c, expand);
      return match && { perRow: false, test: (r) => match(performersOf(env, ids, r).map((p) => p.tagIds)) };
    },
  };
}

/** `performer_favorite`: true = some performer is a favourite; false = none is (or there are no performers). */
export function performerFavoriteField<R>(ids: Ids<R>): CustomField<R, never> {
  return {
    compile: (want: boolean, env): Test<R, never> => ({
      perRow: false,
      test: (r) => performersOf(env, ids, r).some((p) => p.favorite) === want,
    }),
  };
}

/** `performer_age`: some performer's age on the record's date satisfies the criterion (both dates set). */
export function performerAgeField<R>(ids: Ids<R>, date: (record: R) => string | null): CustomField<R, never> {
  return {
    compile: (c: NumberCriterionInput, env): Test<R, never> => {
      const match = numberMatcher(c);
      return {
        perRow: false,
        test: (r) => {
          const on = date(r);
          if (on === null) return false;
          return performersOf(env, ids, r).some((p) => {
            const age = ageAt(on, p.birthdate);
            return age !== null && match(age) === true;
          });
        },
      };
    },
  };
}

/**
 * `checksum`: the md5 fingerprints of the record's files. `inner`: images
 * inner-join them, so an image without an md5 never matches; galleries
 * left-join, so one without reads as NULL.
 */
export function md5Field<R>(fingerprints: (record: R, env: FilterEnv) => readonly (readonly FingerprintRecord[])[], inner: boolean): CustomField<R, never> {
  return {
    compile: (c: StringCriterionInput, env): Test<R, never> => {
      const match = stringMatcher(c);
      return {
        perRow: false,
        test: (r) => {
          const md5s = fingerprints(r, env).flatMap((list) => list.filter((f) => f.type === "md5").map((f) => f.value));
          if (md5s.length === 0) return inner ? false : match(null);
          let result: Truth = false;
          for (const value of md5s) {
            const v = match(value);
            if (v === true) return true;
            if (v === null) result = null;
          }
          return result;
        },
      };
    },
  };
}

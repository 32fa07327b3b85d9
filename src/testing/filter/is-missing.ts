/**
 * `is_missing`, which every entity handles the same way in Stash: a few named
 * cases (image, url, stash_id, …), else `(<table>.<value> IS NULL OR
 * TRIM(<table>.<value>) = '')` on the entity's own table — so a value that
 * is not a column is an SQL error, reproduced here with SQLite's wording.
 */
import type { FilterEnv } from "./env";
import type { CustomField, Test } from "./types";

/** A column's stored value for the default branch (null = NULL; numbers and booleans are never blank). */
export type ColumnValue = string | number | boolean | null;

/**
 * Builds the `is_missing` key of an entity. `named` are the special cases
 * (true = missing); `columns` reads the entity table's columns by SQL name.
 */
export function isMissingField<R>(
  table: string,
  named: Readonly<Record<string, (record: R, env: FilterEnv) => boolean>>,
  columns: Readonly<Record<string, (record: R) => ColumnValue>>,
): CustomField<R, never> {
  return {
    compile: (value: string, env: FilterEnv): Test<R, never> | null => {
      if (value === "") return null;
      const special = Object.hasOwn(named, value) ? named[value] : undefined;
      if (special) return { test: (r) => special(r, env), perRow: false };
      const column = Object.hasOwn(columns, value) ? columns[value] : undefined;
      if (!column) throw new Error(`error querying aggregate fields: no such column: ${table}.${value}`);
      return {
        perRow: false,
        test: (r) => {
          const v = column(r);
          return v === null || (typeof v === "string" && /^ *$/.test(v));
        },
      };
    },
  };
}

/**
 * Relationship changes of bulk updates. Stash's `BulkUpdateIds` carries a
 * mode next to the ids; the facade also accepts `{ add }`, `{ remove }` and
 * `{ set }`, so a change always names what it does and adding a tag can never
 * wipe the others (a plain list replaces, as `sceneUpdate` does).
 */
import { StashValidationError } from "../core/errors";
import { BulkUpdateIdMode, type BulkUpdateIds, type BulkUpdateStrings } from "../../generated/graphql";
import { checkEnum, checkKnownKeys, checkObject, type ID } from "../core/validate";

/** A related object given as its id or as any object carrying `id` (e.g. a fetched tag). */
export type IdLike = ID | { readonly id: ID };

/** One relationship change of a bulk update: `{ add }`, `{ remove }`, `{ set }`, or Stash's own `{ ids, mode }`. */
export type BulkIdsChange =
  | { readonly add: readonly IdLike[] }
  | { readonly remove: readonly IdLike[] }
  | { readonly set: readonly IdLike[] }
  | { readonly ids: readonly IdLike[]; readonly mode: BulkUpdateIdMode | `${BulkUpdateIdMode}` };

/** A change of a string list (URLs, aliases) in a bulk update, spelled like `BulkIdsChange`. */
export type BulkStringsChange =
  | { readonly add: readonly string[] }
  | { readonly remove: readonly string[] }
  | { readonly set: readonly string[] }
  | { readonly values: readonly string[]; readonly mode: BulkUpdateIdMode | `${BulkUpdateIdMode}` };

const MODE_KEYS = { add: BulkUpdateIdMode.ADD, remove: BulkUpdateIdMode.REMOVE, set: BulkUpdateIdMode.SET } as const;

/**
 * Reads a change in either spelling and returns its mode and raw entries.
 * `listKey` is Stash's own key (`ids` or `values`). An empty `add` or `remove`
 * does nothing and is refused as a likely mistake; an empty `set` clears.
 */
export function readBulkChange(value: unknown, listKey: string, argument: string): { mode: BulkUpdateIdMode; entries: unknown[] } {
  if (value === null) {
    // Stash reads null as "unchanged" in bulk updates, unlike the single updates; refuse the ambiguity.
    throw new StashValidationError(argument, `must be { add }, { remove } or { set }; to clear, send { set: [] }`);
  }
  const v = checkObject(value, argument);
  const friendly = (Object.keys(MODE_KEYS) as (keyof typeof MODE_KEYS)[]).filter((k) => v[k] !== undefined);
  let mode: BulkUpdateIdMode;
  let entries: unknown;
  let entriesArg: string;
  if (friendly.length > 0) {
    if (friendly.length > 1) throw new StashValidationError(argument, `names ${friendly.join(" and ")}; give one mode per change`);
    checkKnownKeys(v, [friendly[0]!], argument);
    mode = MODE_KEYS[friendly[0]!];
    entries = v[friendly[0]!];
    entriesArg = `${argument}.${friendly[0]}`;
  } else {
    checkKnownKeys(v, [listKey, "mode"], argument);
    if (v["mode"] === undefined) throw new StashValidationError(argument, `must be { add }, { remove } or { set } (or { ${listKey}, mode })`);
    mode = checkEnum(v["mode"], BulkUpdateIdMode, `${argument}.mode`);
    entries = v[listKey] ?? [];
    entriesArg = `${argument}.${listKey}`;
  }
  if (!Array.isArray(entries)) throw new StashValidationError(entriesArg, "must be an array");
  if (entries.length === 0 && mode !== BulkUpdateIdMode.SET) {
    throw new StashValidationError(entriesArg, `is empty, so ${mode} would change nothing; name at least one entry`);
  }
  return { mode, entries };
}

/** Converts a relationship change to Stash's `BulkUpdateIds`; `idOf` reads each entry. */
export function toBulkUpdateIds(value: unknown, argument: string, idOf: (v: unknown, arg: string) => string): BulkUpdateIds {
  const { mode, entries } = readBulkChange(value, "ids", argument);
  const ids = entries.map((e, i) => idOf(e, `${argument}[${i}]`));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new StashValidationError(`${argument}[${i}]`, `repeats id ${id}`);
    seen.add(id);
  });
  return { ids, mode };
}

/** Converts a string-list change to Stash's `BulkUpdateStrings`; `check` reads each entry. */
export function toBulkUpdateStrings(value: unknown, argument: string, check: (v: unknown, arg: string) => string): BulkUpdateStrings {
  const { mode, entries } = readBulkChange(value, "values", argument);
  return { values: entries.map((e, i) => check(e, `${argument}[${i}]`)), mode };
}

/**
 * Name and alias look-ups behind Stash's uniqueness checks. Stash finds a
 * clash with a `name`/`aliases` EQUALS criterion, which is SQL `LIKE`
 * (pkg/sqlite/criterion_handlers.go): ASCII case folds and `%`/`_` stay
 * wildcards, so the stand-in matches the same way.
 */
import { likeMatcher } from "./criteria";
import type { Store } from "./store";

/** Tables whose records carry a name and an alias list. */
type Aliased = "tags" | "studios";

/** The first record (by id) whose name LIKE-equals `name`, skipping `exceptId`. */
export function byName(store: Store, table: Aliased | "performers", name: string): { id: number; name: string } | undefined {
  const like = likeMatcher(name);
  for (const record of store.all(table)) if (like(record.name)) return record;
  return undefined;
}

/** The first record (by id) with an alias LIKE-equal to `alias`. */
export function byAlias(store: Store, table: Aliased, alias: string): { id: number; name: string } | undefined {
  const like = likeMatcher(alias);
  for (const record of store.all(table)) if (record.aliases.some(like)) return record;
  return undefined;
}

/**
 * EnsureTagNameUnique / EnsureStudioNameUnique (pkg/tag/update.go,
 * pkg/studio/validate.go): `name` may not be another record's name or alias.
 */
export function ensureNameUnique(store: Store, table: Aliased, id: number, name: string): void {
  const noun = table === "tags" ? "tag" : "studio";
  const sameName = byName(store, table, name);
  if (sameName && sameName.id !== id) throw new Error(`${noun} with name '${name}' already exists`);
  const sameAlias = byAlias(store, table, name);
  if (sameAlias && sameAlias.id !== id) throw new Error(`name '${name}' is used as alias for '${sameAlias.name}'`);
}

/**
 * The alias join tables have a unique index on `alias` alone (migrations 24
 * and 27), so a list naming one alias twice fails on insert.
 */
export function checkAliasRows(table: Aliased, aliases: readonly string[]): void {
  const seen = new Set<string>();
  for (const alias of aliases) {
    if (seen.has(alias)) throw new Error(`UNIQUE constraint failed: ${table === "tags" ? "tag" : "studio"}_aliases.alias`);
    seen.add(alias);
  }
}

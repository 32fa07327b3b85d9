/**
 * Tag checks before a write, as pkg/tag/validate.go and pkg/tag/update.go make
 * them: blank names, name/alias clashes, and parent/child links that would
 * make the hierarchy a cycle (with Stash's `A->B` paths in the message).
 */
import { checkAliasRows, ensureNameUnique } from "./entity-names";
import { tagPaths, type TagPath } from "./hierarchy";
import type { BulkList } from "./scene-bulk";
import type { Store, TagRecord } from "./store";

/** pkg/tag ErrNameMissing. */
export function tagNameMissing(): Error {
  return new Error("tag name must not be blank");
}

/** pkg/tag NotFoundError. */
export function tagNotFound(id: number): Error {
  return new Error(`tag with id ${id} not found`);
}

/** EnsureAliasesUnique: each alias may not be another tag's name or alias. */
export function ensureTagAliasesUnique(store: Store, id: number, aliases: readonly string[]): void {
  for (const alias of aliases) ensureNameUnique(store, "tags", id, alias);
}

/** Rows an alias change inserts must not repeat (tag_aliases has a unique index on alias). */
export function checkTagAliasInsert(change: BulkList<string> | null): void {
  if (change && change.mode !== "REMOVE") checkAliasRows("tags", change.values);
}

function hierarchyError(direction: "parent" | "child", invalid: TagPath, applying: string | null): Error {
  const relation = direction === "parent" ? "a descendant" : "an ancestor";
  return new Error(
    applying === null
      ? `cannot apply tag "${invalid.name}" as a ${direction} of tag as it is already ${relation}`
      : `cannot apply tag "${invalid.name}" as a ${direction} of "${applying}" as it is already ${relation} (${invalid.path})`,
  );
}

/** ValidateHierarchyNew: a new tag's parents may not be descendants of its children, nor the reverse. */
export function validateNewHierarchy(store: Store, parentIds: readonly number[], childIds: readonly number[]): void {
  const ancestors = new Map<number, TagPath>();
  for (const id of parentIds) for (const [k, v] of tagPaths(store, id, true)) ancestors.set(k, v);
  const descendants = new Map<number, TagPath>();
  for (const id of childIds) for (const [k, v] of tagPaths(store, id, false)) descendants.set(k, v);
  for (const id of parentIds) {
    const hit = descendants.get(id);
    if (hit) throw hierarchyError("parent", hit, null);
  }
  for (const id of childIds) {
    const hit = ancestors.get(id);
    if (hit) throw hierarchyError("child", hit, null);
  }
}

/**
 * ValidateHierarchyExisting: no parent may already be the tag or below it,
 * and no child may already be the tag or above it.
 */
export function validateExistingHierarchy(store: Store, tag: TagRecord, parentIds: readonly number[], childIds: readonly number[]): void {
  const ancestors = tagPaths(store, tag.id, true);
  const descendants = tagPaths(store, tag.id, false);
  for (const id of parentIds) {
    const hit = descendants.get(id);
    if (hit) throw hierarchyError("parent", hit, tag.name);
  }
  for (const id of childIds) {
    const hit = ancestors.get(id);
    if (hit) throw hierarchyError("child", hit, tag.name);
  }
}

/** View pieces the Tag, Performer and Studio views share: image URLs, stash ids, related tags. */
import type { StandInContext } from "./context";
import { naturalKey } from "./sorts/natural";
import type { PerformerRecord, StashIdRecord, Store, TagRecord } from "./store";

/**
 * `image_path` as internal/api/urlbuilders/{tag,performer,studio}.go build it:
 * `?t=<updated_at unix>`, plus `&default=true` when no image was uploaded.
 */
export function entityImagePath(ctx: StandInContext, kind: "tag" | "performer" | "studio", id: number, updatedAt: string, hasImage: boolean): string {
  const t = Math.floor(Date.parse(updatedAt) / 1000);
  return `${ctx.baseUrl}/${kind}/${id}/image?t=${t}${hasImage ? "" : "&default=true"}`;
}

/** StashID views. */
export function stashIdViews(ids: readonly StashIdRecord[]): Record<string, string>[] {
  return ids.map((s) => ({ endpoint: s.endpoint, stash_id: s.stashId, updated_at: s.updatedAt }));
}

/** `depth` of a count field's arguments. */
export function depthArg(args: Record<string, unknown> | undefined): number | null {
  const depth = args?.depth;
  return typeof depth === "number" ? depth : null;
}

/** By name in SQLite's binary collation, then id: the `All` order of performers, studios, groups and saved filters. */
export function nameOrder(a: { readonly name: string; readonly id: number }, b: { readonly name: string; readonly id: number }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}

/**
 * Related tags in Stash's order: `COALESCE(sort_name, name) COLLATE NATURAL_CI`
 * (pkg/sqlite/tables.go tagTableSort), then id.
 */
export function tagOrder(a: TagRecord, b: TagRecord): number {
  const x = naturalKey(a.sortName || a.name);
  const y = naturalKey(b.sortName || b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}

/**
 * The performers of `ids` that exist, in id order: Stash reads join rows with
 * no ORDER BY through the PRIMARY KEY(<owner>_id, performer_id) index
 * (pkg/sqlite/repository.go joinRepository.getIDs).
 */
export function performersOf(store: Store, ids: Iterable<number>): PerformerRecord[] {
  const out: PerformerRecord[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const performer = store.get("performers", id);
    if (performer) out.push(performer);
  }
  return out;
}

/**
 * An alias list as Stash answers it: the alias tables are read without ORDER
 * BY through their PRIMARY KEY(<id>, alias) index, so in BINARY (byte) order
 * (pkg/sqlite/table.go stringTable.get).
 */
export function aliasOrder(aliases: readonly string[]): string[] {
  return [...aliases].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The tags of `ids` that exist, in Stash's tag order (tagTableSort, pkg/sqlite/tables.go). */
export function tagsOf(store: Store, ids: Iterable<number>): TagRecord[] {
  const out: TagRecord[] = [];
  for (const id of ids) {
    const tag = store.get("tags", id);
    if (tag) out.push(tag);
  }
  return out.sort(tagOrder);
}

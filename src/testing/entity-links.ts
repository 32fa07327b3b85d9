/**
 * Rewrites the links other records hold to a tag, performer or studio, for
 * destroy (SQLite's ON DELETE CASCADE / SET NULL: join rows go, records stay,
 * `updated_at` untouched) and merges (`UPDATE OR IGNORE ... SET tag_id`).
 * Referrers come from the store's reverse indexes, so the cost follows the
 * number of links, not the library size.
 */
import { RELATIONS, type RelationName } from "./relations";
import type { Store, TableName } from "./store";

/** A list-valued link: which relation indexes it, which table and field hold it. */
export interface ListLink {
  readonly relation: RelationName;
  readonly table: TableName;
  readonly field: string;
}

/** A single-valued (nullable) link. */
export type SingleLink = ListLink;

/** The links of `relations` (each table from its relation), all held in `field`. */
function linksIn(field: string, relations: readonly RelationName[]): ListLink[] {
  return relations.map((relation) => ({ relation, table: RELATIONS[relation].table, field }));
}

/** Every list of tag ids a record can hold (pkg/sqlite/tag.go Merge's tagTables, plus tag parents). */
export const TAG_LISTS: readonly ListLink[] = linksIn("tagIds", [
  "sceneTags",
  "imageTags",
  "galleryTags",
  "performerTags",
  "studioTags",
  "groupTags",
  "markerTags",
]);

/** The tags_relations rows seen from the child. */
export const TAG_PARENTS: ListLink = linksIn("parentIds", ["tagParents"])[0]!;

/** Every list of performer ids. */
export const PERFORMER_LISTS: readonly ListLink[] = linksIn("performerIds", ["scenePerformers", "imagePerformers", "galleryPerformers"]);

/** Every `studio_id` column (ON DELETE SET NULL), and the studio parent. */
export const STUDIO_SINGLES: readonly SingleLink[] = [
  ...linksIn("studioId", ["sceneStudio", "imageStudio", "galleryStudio", "groupStudio"]),
  ...linksIn("parentId", ["studioParent"]),
];

type Row = Readonly<Record<string, unknown>>;

function rows(store: Store, link: ListLink, id: number): [number, Row][] {
  const out: [number, Row][] = [];
  for (const rid of [...store.referrers(link.relation, id)]) {
    const record = store.get(link.table, rid) as Row | undefined;
    if (record) out.push([rid, record]);
  }
  return out;
}

/** Removes `id` from `link.field` of every record listing it. */
export function dropFromList(store: Store, link: ListLink, id: number): void {
  for (const [rid, record] of rows(store, link, id)) {
    const list = record[link.field] as readonly number[];
    store.patch(link.table, rid, { [link.field]: list.filter((x) => x !== id) } as never);
  }
}

/**
 * Moves the links of `source` to `dest`: a record already listing `dest`
 * just loses `source` (the UPDATE OR IGNORE, then DELETE, of a merge).
 */
export function moveInList(store: Store, link: ListLink, source: number, dest: number): void {
  for (const [rid, record] of rows(store, link, source)) {
    const list = record[link.field] as readonly number[];
    const next = list.includes(dest) ? list.filter((x) => x !== source) : list.map((x) => (x === source ? dest : x));
    store.patch(link.table, rid, { [link.field]: next } as never);
  }
}

/** Sets `link.field` to null on every record pointing at `id` (ON DELETE SET NULL). */
export function clearSingle(store: Store, link: SingleLink, id: number): void {
  for (const [rid] of rows(store, link, id)) store.patch(link.table, rid, { [link.field]: null } as never);
}

/**
 * Applies a new child list to a parent whose children hold the link
 * (`parentIds` on tags): removed children drop `parentId`, added ones gain it.
 */
export function setChildren(store: Store, link: ListLink, parentId: number, children: readonly number[]): void {
  const wanted = new Set(children);
  for (const [rid, record] of rows(store, link, parentId)) {
    if (wanted.has(rid)) continue;
    const list = record[link.field] as readonly number[];
    store.patch(link.table, rid, { [link.field]: list.filter((x) => x !== parentId) } as never);
  }
  for (const child of children) {
    const record = store.get(link.table, child) as Row | undefined;
    if (!record) continue;
    const list = record[link.field] as readonly number[];
    if (!list.includes(parentId)) store.patch(link.table, child, { [link.field]: [...list, parentId] } as never);
  }
}

/**
 * The store's reverse indexes: for each relation, which records point at a
 * given id. Counts (`scene_count`), children, "scenes of a tag" and destroy
 * clean-ups read these instead of scanning a table, so their cost does not
 * grow with the library. Add a relation here when a record gains a link.
 */
import type { TableName, TableRecords } from "./tables";

/** A link from records of `table` to ids of another table. */
export interface RelationDef<T extends TableName = TableName> {
  readonly table: T;
  readonly targets: (record: TableRecords[T]) => readonly number[];
}

function rel<T extends TableName>(table: T, targets: (record: TableRecords[T]) => readonly number[]): RelationDef<T> {
  return { table, targets };
}

const one = (id: number | null): readonly number[] => (id === null ? [] : [id]);

/** Every indexed relation, by name. */
export const RELATIONS = {
  sceneTags: rel("scenes", (s) => s.tagIds),
  scenePerformers: rel("scenes", (s) => s.performerIds),
  sceneStudio: rel("scenes", (s) => one(s.studioId)),
  sceneGalleries: rel("scenes", (s) => s.galleryIds),
  sceneGroups: rel("scenes", (s) => s.groups.map((g) => g.groupId)),
  markerScene: rel("markers", (m) => [m.sceneId]),
  /** Primary tag and other tags alike. */
  markerTags: rel("markers", (m) => (m.tagIds.includes(m.primaryTagId) ? m.tagIds : [m.primaryTagId, ...m.tagIds])),
  tagParents: rel("tags", (t) => t.parentIds),
  performerTags: rel("performers", (p) => p.tagIds),
  studioParent: rel("studios", (s) => one(s.parentId)),
  studioTags: rel("studios", (s) => s.tagIds),
  groupTags: rel("groups", (g) => g.tagIds),
  groupStudio: rel("groups", (g) => one(g.studioId)),
  groupSubGroups: rel("groups", (g) => g.subGroups.map((s) => s.groupId)),
  galleryTags: rel("galleries", (g) => g.tagIds),
  galleryPerformers: rel("galleries", (g) => g.performerIds),
  galleryStudio: rel("galleries", (g) => one(g.studioId)),
  galleryFolder: rel("galleries", (g) => one(g.folderId)),
  chapterGallery: rel("galleryChapters", (c) => [c.galleryId]),
  imageTags: rel("images", (i) => i.tagIds),
  imagePerformers: rel("images", (i) => i.performerIds),
  imageStudio: rel("images", (i) => one(i.studioId)),
  imageGalleries: rel("images", (i) => i.galleryIds),
  imageFileImage: rel("imageFiles", (f) => one(f.imageId)),
  galleryFileGallery: rel("galleryFiles", (f) => one(f.galleryId)),
  fileScene: rel("files", (f) => one(f.sceneId)),
  folderParent: rel("folders", (f) => one(f.parentFolderId)),
} satisfies Record<string, RelationDef<any>>;

/** Name of an indexed relation. */
export type RelationName = keyof typeof RELATIONS;

/** The store's tables and the record type each holds. */
import type { FolderRecord, GalleryFileRecord, ImageFileRecord } from "./records/file";
import type { GalleryChapterRecord, GalleryRecord } from "./records/gallery";
import type { GroupRecord } from "./records/group";
import type { ImageRecord } from "./records/image";
import type { PerformerRecord } from "./records/performer";
import type { SavedFilterRecord } from "./records/saved-filter";
import type { FileRecord, MarkerRecord, SceneRecord } from "./records/scene";
import type { StudioRecord } from "./records/studio";
import type { TagRecord } from "./records/tag";

/** The record type held by each table. */
export interface TableRecords {
  scenes: SceneRecord;
  /** Video files. */
  files: FileRecord;
  markers: MarkerRecord;
  tags: TagRecord;
  performers: PerformerRecord;
  studios: StudioRecord;
  groups: GroupRecord;
  galleries: GalleryRecord;
  galleryChapters: GalleryChapterRecord;
  images: ImageRecord;
  imageFiles: ImageFileRecord;
  galleryFiles: GalleryFileRecord;
  folders: FolderRecord;
  savedFilters: SavedFilterRecord;
}

/** Name of a table in the store. */
export type TableName = keyof TableRecords;

/** Every table, in a fixed order. */
export const TABLES: readonly TableName[] = [
  "scenes",
  "files",
  "markers",
  "tags",
  "performers",
  "studios",
  "groups",
  "galleries",
  "galleryChapters",
  "images",
  "imageFiles",
  "galleryFiles",
  "folders",
  "savedFilters",
];

/**
 * Tables that draw ids from another table's counter: Stash keeps video,
 * image and gallery files in one `files` table, so their ids never collide.
 */
export const ID_SPACE: Partial<Record<TableName, TableName>> = { imageFiles: "files", galleryFiles: "files" };

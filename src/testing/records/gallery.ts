/** Gallery and gallery chapter rows. */
import { blankMediaMetadata, type MediaMetadata } from "./media-metadata";

/**
 * A gallery. Image membership lives on the image (`ImageRecord.galleryIds`)
 * and scene links on the scene (`SceneRecord.galleryIds`); the store's
 * relation indexes answer the reverse direction.
 */
export interface GalleryRecord extends MediaMetadata {
  readonly id: number;
  readonly photographer: string;
  /** The cover chosen with setGalleryCover; null falls back to Stash's default cover. */
  readonly coverImageId: number | null;
  /** Folder-based galleries; null for zip-based and user-created ones. */
  readonly folderId: number | null;
  /** Zip files of a zip-based gallery, primary first. */
  readonly fileIds: readonly number[];
}

/** A gallery with every optional column empty. */
export function blankGallery(id: number, title: string, stamp: string): GalleryRecord {
  return { id, ...blankMediaMetadata(title, stamp), photographer: "", coverImageId: null, folderId: null, fileIds: [] };
}

/** A gallery chapter. */
export interface GalleryChapterRecord {
  readonly id: number;
  readonly galleryId: number;
  readonly title: string;
  readonly imageIndex: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

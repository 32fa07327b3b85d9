/** Gallery and gallery chapter rows. */

/**
 * A gallery. Image membership lives on the image (`ImageRecord.galleryIds`)
 * and scene links on the scene (`SceneRecord.galleryIds`); the store's
 * relation indexes answer the reverse direction.
 */
export interface GalleryRecord {
  readonly id: number;
  readonly title: string;
  readonly code: string;
  readonly details: string;
  readonly photographer: string;
  readonly urls: readonly string[];
  readonly date: string | null;
  readonly rating100: number | null;
  readonly organized: boolean;
  readonly studioId: number | null;
  readonly tagIds: readonly number[];
  readonly performerIds: readonly number[];
  /** The cover chosen with setGalleryCover; null falls back to Stash's default cover. */
  readonly coverImageId: number | null;
  /** Folder-based galleries; null for zip-based and user-created ones. */
  readonly folderId: number | null;
  /** Zip files of a zip-based gallery, primary first. */
  readonly fileIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A gallery with every optional column empty. */
export function blankGallery(id: number, title: string, stamp: string): GalleryRecord {
  return {
    id,
    title,
    code: "",
    details: "",
    photographer: "",
    urls: [],
    date: null,
    rating100: null,
    organized: false,
    studioId: null,
    tagIds: [],
    performerIds: [],
    coverImageId: null,
    folderId: null,
    fileIds: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
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

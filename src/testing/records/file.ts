/**
 * Folders and the non-video files (images, gallery zips). Stash keeps every
 * file in one table, so image and gallery files share the video files' id
 * space (see Store's id spaces).
 */

/** A folder; parents are created along with their children, as the scanner does. */
export interface FolderRecord {
  readonly id: number;
  readonly path: string;
  readonly parentFolderId: number | null;
  /** Set for a folder inside a zip file. */
  readonly zipFileId: number | null;
  readonly modTime: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A fingerprint as Stash stores it: a type (`md5`, `oshash`, `phash`, …) and a value. */
export interface FingerprintRecord {
  readonly type: string;
  readonly value: string;
}

/** An image file. */
export interface ImageFileRecord {
  readonly id: number;
  readonly path: string;
  readonly size: number;
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly fingerprints: readonly FingerprintRecord[];
  readonly modTime: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The image the file belongs to; null once the image is gone and the file kept. */
  readonly imageId: number | null;
}

/** A gallery zip file. */
export interface GalleryFileRecord {
  readonly id: number;
  readonly path: string;
  readonly size: number;
  readonly fingerprints: readonly FingerprintRecord[];
  readonly modTime: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly galleryId: number | null;
}

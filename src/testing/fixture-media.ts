/**
 * Fixture entries for images and galleries. In Stash images exist only by
 * scanning, and folder or zip galleries are made by the scanner too, so the
 * fixture is how they appear in a stand-in; user galleries (title only) are
 * what galleryCreate makes.
 */

/** A scanned image file. */
export interface FixtureImageFile {
  readonly path: string;
  /** Bytes. */
  readonly size: number;
  readonly width: number;
  readonly height: number;
  /** Default from the extension (`jpg` → `jpeg`, else the extension itself). */
  readonly format?: string;
  /** 32 hex digits. */
  readonly md5?: string | null;
  /** 16 hex digits. */
  readonly phash?: string | null;
  /** Time the file was last modified on disk; default the seeding time. */
  readonly mod_time?: string;
}

/** The metadata scenes, images and galleries share. Related entities are given by name and created when unknown. */
export interface FixtureMediaMetadata {
  readonly title?: string;
  readonly code?: string;
  readonly details?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date?: string | null;
  readonly rating100?: number | null;
  readonly organized?: boolean;
  readonly urls?: readonly string[];
  readonly tags?: readonly string[];
  readonly performers?: readonly string[];
  readonly studio?: string | null;
  readonly created_at?: string;
  readonly updated_at?: string;
}

/** An image. */
export interface FixtureImage extends FixtureMediaMetadata {
  readonly photographer?: string;
  readonly o_counter?: number;
  /** Primary file first; at least one (a scanned image always has a file). */
  readonly files: readonly FixtureImageFile[];
  /**
   * User galleries the image was added to, by title (or a folder/zip gallery
   * by its path). Folder and zip galleries also gain their images on their
   * own, as the scanner files them.
   */
  readonly galleries?: readonly string[];
}

/** A gallery's zip file (a zip-based gallery). */
export interface FixtureGalleryZip {
  readonly path: string;
  readonly size: number;
  /** 32 hex digits. */
  readonly md5?: string | null;
  readonly mod_time?: string;
}

/** A gallery chapter: a title at a 1-based image position. */
export interface FixtureGalleryChapter {
  readonly title: string;
  readonly image_index: number;
}

/**
 * A gallery: a user gallery (a title), a folder gallery (`folder`: images
 * directly in that folder belong to it) or a zip gallery (`zip`: images whose
 * path lies inside `<zip path>/` belong to it).
 */
export interface FixtureGallery extends FixtureMediaMetadata {
  readonly folder?: string;
  readonly zip?: FixtureGalleryZip;
  readonly photographer?: string;
  /** Scenes linked to the gallery, by title (scenes of this fixture or already seeded). */
  readonly scenes?: readonly string[];
  readonly chapters?: readonly FixtureGalleryChapter[];
  /** The path of one of the gallery's image files, as setGalleryCover would choose it. */
  readonly cover?: string;
}

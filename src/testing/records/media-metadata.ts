/** The metadata columns scenes, images and galleries share, and their empty values. */

/** Columns every media record (scene, image, gallery) has. */
export interface MediaMetadata {
  readonly title: string;
  readonly code: string;
  readonly details: string;
  readonly urls: readonly string[];
  /** Stored at the precision given: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly rating100: number | null;
  readonly organized: boolean;
  readonly studioId: number | null;
  readonly tagIds: readonly number[];
  readonly performerIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Empty metadata (unset text is "", as the views answer it) stamped with `stamp`. */
export function blankMediaMetadata(title: string, stamp: string): MediaMetadata {
  return {
    title,
    code: "",
    details: "",
    urls: [],
    date: null,
    rating100: null,
    organized: false,
    studioId: null,
    tagIds: [],
    performerIds: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
}

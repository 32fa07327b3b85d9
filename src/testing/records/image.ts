/** Image rows. */

/** An image; `galleryIds` is the galleries_images join table seen from the image. */
export interface ImageRecord {
  readonly id: number;
  readonly title: string;
  readonly code: string;
  readonly details: string;
  readonly photographer: string;
  readonly urls: readonly string[];
  readonly date: string | null;
  readonly rating100: number | null;
  readonly organized: boolean;
  readonly oCounter: number;
  readonly studioId: number | null;
  readonly tagIds: readonly number[];
  readonly performerIds: readonly number[];
  readonly galleryIds: readonly number[];
  /** Image files (table `imageFiles`), primary first. */
  readonly fileIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An image with every optional column empty. */
export function blankImage(id: number, title: string, stamp: string): ImageRecord {
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
    oCounter: 0,
    studioId: null,
    tagIds: [],
    performerIds: [],
    galleryIds: [],
    fileIds: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
}

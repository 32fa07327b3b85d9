/** Image rows. */
import { blankMediaMetadata, type MediaMetadata } from "./media-metadata";

/** An image; `galleryIds` is the galleries_images join table seen from the image. */
export interface ImageRecord extends MediaMetadata {
  readonly id: number;
  readonly photographer: string;
  readonly oCounter: number;
  readonly galleryIds: readonly number[];
  /** Image files (table `imageFiles`), primary first. */
  readonly fileIds: readonly number[];
}

/** An image with every optional column empty. */
export function blankImage(id: number, title: string, stamp: string): ImageRecord {
  return { id, ...blankMediaMetadata(title, stamp), photographer: "", oCounter: 0, galleryIds: [], fileIds: [] };
}

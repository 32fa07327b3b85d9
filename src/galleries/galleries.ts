/**
 * `stash.galleries`: the shared entity methods plus the images in a gallery,
 * its cover and its chapters.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { AddGalleryImagesDocument, RemoveGalleryImagesDocument, ResetGalleryCoverDocument, SetGalleryCoverDocument } from "../../generated/graphql";
import { checkId, checkIds, type ID } from "../core/validate";
import { createEntityNamespace } from "../entities/namespace";
import { GALLERY_SPEC, type GalleryTypes } from "../../generated/entities";
import type { CreatableNamespace } from "../entities/types";
import { createChapters, type ChaptersNamespace } from "./chapters";

export type { Gallery, GalleryBulkUpdate, GalleryCreate, GalleryTypes, GalleryUpdate, SlimGallery } from "../../generated/entities";

/**
 * The `stash.galleries` namespace.
 *
 * @group Namespaces
 */
export interface GalleriesNamespace extends CreatableNamespace<GalleryTypes> {
  /** Adds images to a gallery (images already in it stay once). */
  addImages(galleryId: ID, imageIds: readonly ID[], options?: CallOptions): Promise<boolean>;
  /** Removes images from a gallery; the images themselves stay. */
  removeImages(galleryId: ID, imageIds: readonly ID[], options?: CallOptions): Promise<boolean>;
  /** Makes one of the gallery's images its cover (Stash v0.27+). */
  setCover(galleryId: ID, imageId: ID, options?: CallOptions): Promise<boolean>;
  /** Goes back to Stash's automatic cover (Stash v0.27+). */
  resetCover(galleryId: ID, options?: CallOptions): Promise<boolean>;
  /** Chapters: `list`, `create`, `update`, `destroy`. */
  readonly chapters: ChaptersNamespace;
}

/** Builds `stash.galleries` over a core. */
export function createGalleries(core: StashCoreApi): GalleriesNamespace {
  const base = createEntityNamespace<GalleryTypes>(core, GALLERY_SPEC);
  const images = (galleryId: ID, imageIds: readonly ID[]) => ({
    gallery_id: checkId(galleryId, "galleryId"),
    image_ids: checkIds(imageIds, "imageIds"),
  });
  return {
    ...base,
    addImages: async (galleryId, imageIds, options) =>
      (await core.request(AddGalleryImagesDocument, { input: images(galleryId, imageIds) }, options)).addGalleryImages,
    removeImages: async (galleryId, imageIds, options) =>
      (await core.request(RemoveGalleryImagesDocument, { input: images(galleryId, imageIds) }, options)).removeGalleryImages,
    setCover: async (galleryId, imageId, options) => {
      const input = { gallery_id: checkId(galleryId, "galleryId"), cover_image_id: checkId(imageId, "imageId") };
      return (await core.request(SetGalleryCoverDocument, { input }, options)).setGalleryCover;
    },
    resetCover: async (galleryId, options) =>
      (await core.request(ResetGalleryCoverDocument, { input: { gallery_id: checkId(galleryId, "galleryId") } }, options)).resetGalleryCover,
    chapters: createChapters(core),
  };
}

/**
 * `stash.images`: the shared entity methods (a scan creates images, so there
 * is no `create`) plus the O counter.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  BulkImageUpdateDocument,
  FindImageDocument,
  FindImagesDocument,
  FindImagesSlimDocument,
  ImageDecrementODocument,
  ImageDestroyDocument,
  ImageIncrementODocument,
  ImageResetODocument,
  ImagesDestroyDocument,
  ImageUpdateDocument,
  type BulkImageUpdateInput,
  type ImageDataFragment,
  type ImageFilterType,
  type ImageUpdateInput,
  type SlimImageDataFragment,
} from "../../generated/graphql";
import { checkId, type ID } from "../core/validate";
import { createEntityNamespace, type EntitySpec } from "../entities/namespace";
import type { EntityBulkUpdate, EntityNamespace, EntityUpdate } from "../entities/types";

/** An image as `find` returns it. */
export type Image = ImageDataFragment;
/** A lean image, as `iterate` yields by default. */
export type SlimImage = SlimImageDataFragment;
/** What `images.update` accepts: `{ id, …changes }` or a modified fetched image. */
export type ImageUpdate = EntityUpdate<ImageUpdateInput, Image>;
/** What `images.bulkUpdate` accepts. */
export type ImageBulkUpdate = EntityBulkUpdate<BulkImageUpdateInput>;

/** Type parameters of the images namespace. */
export interface ImageTypes {
  item: Image;
  slim: SlimImage;
  filterKey: "image_filter";
  filter: ImageFilterType;
  create: never;
  update: ImageUpdate;
  bulk: ImageBulkUpdate;
  /** Totals over all matches. */
  extra: { readonly megapixels: number; readonly filesize: number };
}

/** How the entity machinery reaches images. */
export const IMAGE_SPEC: EntitySpec = {
  name: "images",
  sorts: "images",
  filterKey: "image_filter",
  find: { document: FindImageDocument, field: "findImage" },
  findMany: { document: FindImagesDocument, slim: FindImagesSlimDocument, field: "findImages", list: "images" },
  update: { document: ImageUpdateDocument, field: "imageUpdate", input: "ImageUpdateInput" },
  bulk: { document: BulkImageUpdateDocument, field: "bulkImageUpdate", input: "BulkImageUpdateInput" },
  hasFiles: true,
  idCursor: true,
  destroy: async (core, ids, flags, options) =>
    ids.length === 1
      ? (await core.request(ImageDestroyDocument, { input: { id: ids[0]!, ...flags } }, options)).imageDestroy
      : (await core.request(ImagesDestroyDocument, { input: { ids, ...flags } }, options)).imagesDestroy,
};

/**
 * The `stash.images` namespace.
 *
 * @group Namespaces
 */
export interface ImagesNamespace extends EntityNamespace<ImageTypes> {
  /** Adds one to the image's O counter; returns the new count. */
  addO(id: ID, options?: CallOptions): Promise<number>;
  /** Takes one off the image's O counter (not below 0); returns the new count. */
  removeO(id: ID, options?: CallOptions): Promise<number>;
  /** Sets the image's O counter to 0; returns 0. */
  resetO(id: ID, options?: CallOptions): Promise<number>;
}

/** Builds `stash.images` over a core. */
export function createImages(core: StashCoreApi): ImagesNamespace {
  const { create: _none, ...base } = createEntityNamespace<ImageTypes>(core, IMAGE_SPEC);
  return {
    ...base,
    addO: async (id, options) => (await core.request(ImageIncrementODocument, { id: checkId(id) }, options)).imageIncrementO,
    removeO: async (id, options) => (await core.request(ImageDecrementODocument, { id: checkId(id) }, options)).imageDecrementO,
    resetO: async (id, options) => (await core.request(ImageResetODocument, { id: checkId(id) }, options)).imageResetO,
  };
}

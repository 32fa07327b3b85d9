/**
 * `stash.galleries`: the shared entity methods plus the images in a gallery,
 * its cover and its chapters.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  AddGalleryImagesDocument,
  BulkGalleryUpdateDocument,
  FindGalleriesDocument,
  FindGalleriesSlimDocument,
  FindGalleryDocument,
  GalleryCreateDocument,
  GalleryDestroyDocument,
  GalleryUpdateDocument,
  RemoveGalleryImagesDocument,
  ResetGalleryCoverDocument,
  SetGalleryCoverDocument,
  type BulkGalleryUpdateInput,
  type GalleryCreateInput,
  type GalleryDataFragment,
  type GalleryFilterType,
  type GalleryUpdateInput,
  type SlimGalleryDataFragment,
} from "../../generated/graphql";
import { checkId, checkIds, type ID } from "../core/validate";
import { createEntityNamespace, type EntitySpec } from "../entities/namespace";
import type { CreatableNamespace, EntityBulkUpdate, EntityCreate, EntityUpdate } from "../entities/types";
import { createChapters, type ChaptersNamespace } from "./chapters";

/** A gallery as `find` returns it. */
export type Gallery = GalleryDataFragment;
/** A lean gallery, as `iterate` yields by default. */
export type SlimGallery = SlimGalleryDataFragment;
/** What `galleries.create` accepts. */
export type GalleryCreate = EntityCreate<GalleryCreateInput>;
/** What `galleries.update` accepts: `{ id, …changes }` or a modified fetched gallery. */
export type GalleryUpdate = EntityUpdate<GalleryUpdateInput, Gallery>;
/** What `galleries.bulkUpdate` accepts. */
export type GalleryBulkUpdate = EntityBulkUpdate<BulkGalleryUpdateInput>;

/** Type parameters of the galleries namespace. */
export interface GalleryTypes {
  item: Gallery;
  slim: SlimGallery;
  filterKey: "gallery_filter";
  filter: GalleryFilterType;
  create: GalleryCreate;
  update: GalleryUpdate;
  bulk: GalleryBulkUpdate;
  extra: object;
}

/** How the entity machinery reaches galleries. */
export const GALLERY_SPEC: EntitySpec = {
  name: "galleries",
  sorts: "galleries",
  filterKey: "gallery_filter",
  find: { document: FindGalleryDocument, field: "findGallery" },
  findMany: { document: FindGalleriesDocument, slim: FindGalleriesSlimDocument, field: "findGalleries", list: "galleries" },
  create: { document: GalleryCreateDocument, field: "galleryCreate", input: "GalleryCreateInput" },
  update: { document: GalleryUpdateDocument, field: "galleryUpdate", input: "GalleryUpdateInput" },
  bulk: { document: BulkGalleryUpdateDocument, field: "bulkGalleryUpdate", input: "BulkGalleryUpdateInput" },
  hasFiles: true,
  idCursor: true,
  // Stash has one mutation for one gallery or many.
  destroy: async (core, ids, flags, options) => (await core.request(GalleryDestroyDocument, { input: { ids, ...flags } }, options)).galleryDestroy,
};

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

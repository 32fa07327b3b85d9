/**
 * Gallery mutation root fields (internal/api/resolver_mutation_gallery.go):
 * create, update, bulk update, destroy, image membership and the cover.
 * Each call runs in one store transaction, so a failing item changes nothing.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { checkContentChange, dropCovers, touchGallery } from "./gallery-images";
import { bulkUpdateGalleries, createGallery, updateGallery } from "./gallery-update";
import { galleryNotFound } from "./media-errors";
import { parseId, parseIds } from "./ids";
import { destroyGallery } from "./media-destroy";
import { converting, type MediaInput } from "./media-input";
import { galleryView } from "./present-gallery";
import type { GalleryRecord } from "./store";

function galleryById(ctx: StandInContext, id: number): GalleryRecord {
  const gallery = ctx.store.get("galleries", id);
  if (!gallery) throw galleryNotFound(id);
  return gallery;
}

const galleryCreate: RootResolver = (args, ctx) => galleryView(ctx, createGallery(ctx, args.input as MediaInput));

const galleryUpdate: RootResolver = (args, ctx) => galleryView(ctx, updateGallery(ctx, args.input as MediaInput));

const galleriesUpdate: RootResolver = (args, ctx) => {
  const inputs = args.input as MediaInput[];
  return ctx.store.transaction(() => inputs.map((input) => updateGallery(ctx, input))).map((g) => galleryView(ctx, g));
};

const bulkGalleryUpdate: RootResolver = (args, ctx) =>
  bulkUpdateGalleries(ctx, args.input as MediaInput).map((g) => galleryView(ctx, g));

/** galleryDestroy: `delete_file` deletes zips and folder images; `delete_generated` has nothing to delete here. */
const galleryDestroy: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const ids = converting("ids", () => parseIds(input.ids as unknown[]));
  ctx.store.transaction(() => {
    for (const id of ids) destroyGallery(ctx.store, galleryById(ctx, id), input.delete_file === true);
  });
  return true;
};

/**
 * addGalleryImages / removeGalleryImages: the gallery (user-created only) and
 * image ids of GalleryAddInput / GalleryRemoveInput, one change per image,
 * then the gallery's updated_at.
 */
function changeMembership(input: MediaInput, ctx: StandInContext, change: (imageId: number, galleryId: number) => void): true {
  const galleryId = converting("gallery id", () => parseId(input.gallery_id));
  const imageIds = converting("image ids", () => parseIds(input.image_ids as unknown[]));
  const { store } = ctx;
  store.transaction(() => {
    checkContentChange(store, galleryById(ctx, galleryId));
    for (const imageId of imageIds) change(imageId, galleryId);
    touchGallery(store, galleryId);
  });
  return true;
}

/** addGalleryImages: present images are ignored (insert or ignore). */
const addGalleryImages: RootResolver = (args, ctx) =>
  changeMembership(args.input as MediaInput, ctx, (imageId, galleryId) => {
    const image = ctx.store.get("images", imageId);
    if (!image) throw new Error("failed to add images to gallery: FOREIGN KEY constraint failed");
    if (!image.galleryIds.includes(galleryId)) ctx.store.patch("images", imageId, { galleryIds: [...image.galleryIds, galleryId] });
  });

/** removeGalleryImages: images not in the gallery are ignored; a removed cover is no longer the cover. */
const removeGalleryImages: RootResolver = (args, ctx) =>
  changeMembership(args.input as MediaInput, ctx, (imageId, galleryId) => {
    const image = ctx.store.get("images", imageId);
    if (!image || !image.galleryIds.includes(galleryId)) return;
    dropCovers(ctx.store, imageId, [galleryId]);
    ctx.store.patch("images", imageId, { galleryIds: image.galleryIds.filter((g) => g !== galleryId) });
  });

/**
 * setGalleryCover flags the image's membership row; an image outside the
 * gallery has no row, so the call succeeds and the old cover is simply reset
 * (pkg/sqlite/table.go setCover).
 */
const setGalleryCover: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const galleryId = converting("gallery id", () => parseId(input.gallery_id));
  const coverId = converting("cover image id", () => parseId(input.cover_image_id));
  const { store } = ctx;
  store.transaction(() => {
    galleryById(ctx, galleryId);
    const image = store.get("images", coverId);
    const member = image !== undefined && image.galleryIds.includes(galleryId);
    store.patch("galleries", galleryId, { coverImageId: member ? coverId : null });
    touchGallery(store, galleryId);
  });
  return true;
};

const resetGalleryCover: RootResolver = (args, ctx) => {
  const galleryId = converting("gallery id", () => parseId((args.input as MediaInput).gallery_id));
  const { store } = ctx;
  store.transaction(() => {
    galleryById(ctx, galleryId);
    store.patch("galleries", galleryId, { coverImageId: null });
    touchGallery(store, galleryId);
  });
  return true;
};

/** The gallery mutation root fields. */
export const galleryMutations: ResolverModule = {
  Mutation: {
    galleryCreate,
    galleryUpdate,
    galleriesUpdate,
    bulkGalleryUpdate,
    galleryDestroy,
    addGalleryImages,
    removeGalleryImages,
    setGalleryCover,
    resetGalleryCover,
  },
};

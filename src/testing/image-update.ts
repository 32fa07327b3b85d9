/**
 * imageUpdate/imagesUpdate and bulkImageUpdate
 * (internal/api/resolver_mutation_image.go, pkg/sqlite/image.go UpdatePartial).
 * Gallery changes are validated first: only user-created galleries may gain
 * or lose images, and every gallery whose membership changes gets a new
 * `updated_at` (#3759).
 */
import type { StandInContext } from "./context";
import { checkContentChange, imagePath, setImageGalleries, touchGallery } from "./gallery-images";
import { parseId, parseIds } from "./ids";
import { galleryNotFound, imageNotFound } from "./media-errors";
import {
  applyListUpdate,
  bulkIds,
  bulkUrlUpdate,
  checkRefs,
  converting,
  has,
  idFromString,
  idListUpdate,
  scalarUpdates,
  trimmedText,
  urlUpdate,
  type BulkList,
  type MediaInput,
  type MediaScalars,
} from "./media-input";
import { baseName } from "./present-media-file";
import type { ImageRecord, Store } from "./store";

interface ImageRelations {
  readonly urls: BulkList<string> | null;
  readonly performerIds: BulkList<number> | null;
  readonly tagIds: BulkList<number> | null;
  readonly galleryIds: BulkList<number> | null;
}

/** models.Image.GetTitle: the title, else the primary file's base name. */
export function imageDisplayTitle(store: Store, image: ImageRecord): string {
  return image.title !== "" ? image.title : baseName(imagePath(store, image));
}

/** The galleries a change touches (pkg/models/update.go ImpactedIDs). */
function impacted(existing: readonly number[], update: BulkList<number>): number[] {
  const has = new Set(existing);
  const listed = new Set(update.values);
  switch (update.mode) {
    case "ADD":
      return update.values.filter((id) => !has.has(id));
    case "REMOVE":
      return existing.filter((id) => listed.has(id));
    case "SET":
      return [...existing.filter((id) => !listed.has(id)), ...update.values.filter((id) => !has.has(id))];
  }
}

/** ValidateImageGalleryChange (pkg/gallery/validation.go): every gallery named or changed must exist and be user-created. */
function validateGalleryChange(store: Store, image: ImageRecord, update: BulkList<number>): void {
  const changed = update.mode === "SET" ? impacted(image.galleryIds, update) : update.values;
  for (const id of changed) {
    const gallery = store.get("galleries", id);
    if (!gallery) throw galleryNotFound(id);
    try {
      checkContentChange(store, gallery);
    } catch (err) {
      throw new Error(`changing galleries of image ${JSON.stringify(imageDisplayTitle(store, image))}: ${(err as Error).message}`);
    }
  }
}

/** Writes one image's changes; returns the galleries whose membership changed. */
function applyImageChanges(store: Store, image: ImageRecord, scalars: MediaScalars, rel: ImageRelations, fileIds?: readonly number[]): { image: ImageRecord; touched: number[] } {
  let touched: number[] = [];
  if (rel.galleryIds) {
    validateGalleryChange(store, image, rel.galleryIds);
    touched = impacted(image.galleryIds, rel.galleryIds);
  }
  if (scalars.studioId != null) checkRefs(store, "studios", [scalars.studioId]);
  const performerIds = applyListUpdate(image.performerIds, rel.performerIds);
  const tagIds = applyListUpdate(image.tagIds, rel.tagIds);
  if (rel.performerIds) checkRefs(store, "performers", performerIds);
  if (rel.tagIds) checkRefs(store, "tags", tagIds);
  let current = image;
  if (rel.galleryIds) current = setImageGalleries(store, image, applyListUpdate(image.galleryIds, rel.galleryIds), rel.galleryIds.mode === "SET");
  const updated = store.patch("images", image.id, {
    ...scalars,
    urls: rel.urls ? applyListUpdate(current.urls, rel.urls) : current.urls,
    performerIds,
    tagIds,
    ...(fileIds ? { fileIds } : {}),
    updatedAt: store.nowTime(),
  });
  return { image: updated, touched };
}

/** Title (trimmed; null clears) plus the fields images share with galleries. */
function imageScalars(input: MediaInput, ctx: StandInContext): MediaScalars {
  const scalars = scalarUpdates(input, ctx);
  if (has(input, "title")) scalars.title = trimmedText(input.title);
  return scalars;
}

/** One imageUpdate in Stash's order (internal/api/resolver_mutation_image.go imageUpdate): id, existence, fields, primary file, galleries, relations. */
export function updateImage(ctx: StandInContext, input: MediaInput): ImageRecord {
  const { store } = ctx;
  const id = converting("id", () => parseId(input.id));
  const image = store.get("images", id);
  if (!image) throw imageNotFound(id);
  const scalars = imageScalars(input, ctx);
  let fileIds: number[] | undefined;
  if (input.primary_file_id != null && input.primary_file_id !== "") {
    const primary = converting("primary file id", () => idFromString(input.primary_file_id));
    if (!image.fileIds.includes(primary)) throw new Error(`file with id ${primary} not associated with image`);
    fileIds = [primary, ...image.fileIds.filter((f) => f !== primary)];
  }
  const rel: ImageRelations = {
    urls: urlUpdate(input),
    galleryIds: idListUpdate(input, "gallery_ids", "gallery ids"),
    performerIds: idListUpdate(input, "performer_ids", "performer ids"),
    tagIds: idListUpdate(input, "tag_ids", "tag ids"),
  };
  return store.transaction(() => {
    const { image: updated, touched } = applyImageChanges(store, image, scalars, rel, fileIds);
    for (const galleryId of touched) touchGallery(store, galleryId);
    return updated;
  });
}

/** bulkImageUpdate: one change applied to every image in `ids`, all or nothing. */
export function bulkUpdateImages(ctx: StandInContext, input: MediaInput): ImageRecord[] {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(input.ids as unknown[] | null));
  const scalars = imageScalars(input, ctx);
  const rel: ImageRelations = {
    urls: bulkUrlUpdate(input),
    galleryIds: bulkIds(input.gallery_ids, "gallery ids"),
    performerIds: bulkIds(input.performer_ids, "performer ids"),
    tagIds: bulkIds(input.tag_ids, "tag ids"),
  };
  return store.transaction(() => {
    const touched = new Set<number>();
    const out = ids.map((id) => {
      const image = store.get("images", id);
      if (!image) throw imageNotFound(id);
      const result = applyImageChanges(store, image, scalars, rel);
      for (const g of result.touched) touched.add(g);
      return result.image;
    });
    for (const galleryId of touched) touchGallery(store, galleryId);
    // Touching galleries does not change the images themselves.
    return out.map((image) => store.get("images", image.id)!);
  });
}

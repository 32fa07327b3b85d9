/**
 * galleryCreate, galleryUpdate/galleriesUpdate and bulkGalleryUpdate
 * (internal/api/resolver_mutation_gallery.go, pkg/sqlite/gallery.go
 * UpdatePartial). Scene links live on the scenes (`SceneRecord.galleryIds`),
 * so a gallery's `scene_ids` rewrites those scenes' lists.
 */
import type { StandInContext } from "./context";
import { parseId, parseIds } from "./ids";
import {
  applyListUpdate,
  bulkIds,
  bulkUrlUpdate,
  checkRefs,
  convertDate,
  converting,
  idFromString,
  idListUpdate,
  scalarUpdates,
  trimmedText,
  unique,
  urlUpdate,
  type BulkList,
  type MediaInput,
  type MediaScalars,
} from "./media-input";
import { blankGallery } from "./records/gallery";
import { isUserCreated } from "./gallery-images";
import { gallerySceneIds, setGalleryScenes } from "./gallery-scenes";
import { galleryNotFound } from "./media-errors";
import type { GalleryRecord, Store } from "./store";

/** The relation updates of one gallery change. */
interface GalleryRelations {
  readonly urls: BulkList<string> | null;
  readonly performerIds: BulkList<number> | null;
  readonly tagIds: BulkList<number> | null;
  readonly sceneIds: BulkList<number> | null;
}

/** Writes scalar and relation changes to one gallery, checking foreign keys as SQLite would. */
function applyGalleryChanges(store: Store, gallery: GalleryRecord, scalars: MediaScalars, rel: GalleryRelations, fileIds?: readonly number[]): GalleryRecord {
  if (scalars.studioId != null) checkRefs(store, "studios", [scalars.studioId]);
  const performerIds = applyListUpdate(gallery.performerIds, rel.performerIds);
  const tagIds = applyListUpdate(gallery.tagIds, rel.tagIds);
  if (rel.performerIds) checkRefs(store, "performers", performerIds);
  if (rel.tagIds) checkRefs(store, "tags", tagIds);
  if (rel.sceneIds) {
    const scenes = applyListUpdate(gallerySceneIds(store, gallery.id), rel.sceneIds);
    checkRefs(store, "scenes", scenes);
    setGalleryScenes(store, gallery.id, scenes);
  }
  return store.patch("galleries", gallery.id, {
    ...scalars,
    urls: rel.urls ? applyListUpdate(gallery.urls, rel.urls) : gallery.urls,
    performerIds,
    tagIds,
    ...(fileIds ? { fileIds } : {}),
    updatedAt: store.nowTime(),
  });
}

/** galleryCreate: a title is required (checked before trimming: internal/api/resolver_mutation_gallery.go GalleryCreate). */
export function createGallery(ctx: StandInContext, input: MediaInput): GalleryRecord {
  const { store } = ctx;
  if (input.title === "" || input.title == null) throw new Error("title must not be empty");
  const date = converting("date", () => convertDate(input.date, ctx));
  const studioId = input.studio_id == null || input.studio_id === "" ? null : converting("studio id", () => idFromString(input.studio_id));
  const performerIds = unique(converting("performer ids", () => parseIds(input.performer_ids as unknown[] | null)));
  const tagIds = unique(converting("tag ids", () => parseIds(input.tag_ids as unknown[] | null)));
  const sceneIds = unique(converting("scene ids", () => parseIds(input.scene_ids as unknown[] | null)));
  const urls = input.urls != null ? (input.urls as string[]).map((u) => u.trim()) : input.url != null ? [trimmedText(input.url)] : [];
  return store.transaction(() => {
    const stamp = store.nowTime();
    const id = store.allocateId("galleries");
    const gallery: GalleryRecord = {
      ...blankGallery(id, trimmedText(input.title), stamp),
      code: trimmedText(input.code),
      details: trimmedText(input.details),
      photographer: trimmedText(input.photographer),
      rating100: (input.rating100 as number | null | undefined) ?? null,
      organized: input.organized === true,
      date,
      studioId,
      urls: unique(urls),
      performerIds,
      tagIds,
    };
    if (studioId !== null) checkRefs(store, "studios", [studioId]);
    checkRefs(store, "performers", performerIds);
    checkRefs(store, "tags", tagIds);
    checkRefs(store, "scenes", sceneIds);
    store.put("galleries", gallery);
    setGalleryScenes(store, id, sceneIds);
    return store.get("galleries", id)!;
  });
}

/** One galleryUpdate, in Stash's order (internal/api/resolver_mutation_gallery.go galleryUpdate): id, existence, title rule, fields, primary file, relations, write. */
export function updateGallery(ctx: StandInContext, input: MediaInput): GalleryRecord {
  const { store } = ctx;
  const id = converting("id", () => parseId(input.id));
  const gallery = store.get("galleries", id);
  if (!gallery) throw galleryNotFound(id);
  const scalars = scalarUpdates(input, ctx);
  if (input.title != null) {
    // The title is not trimmed here (unlike galleryCreate), and null leaves it alone.
    if (input.title === "" && isUserCreated(gallery)) throw new Error("title must not be empty for user-created galleries");
    scalars.title = String(input.title);
  }
  let fileIds: number[] | undefined;
  if (input.primary_file_id != null && input.primary_file_id !== "") {
    const primary = converting("primary file id", () => idFromString(input.primary_file_id));
    if (!gallery.fileIds.includes(primary)) throw new Error(`file with id ${primary} not associated with gallery`);
    fileIds = [primary, ...gallery.fileIds.filter((f) => f !== primary)];
  }
  const rel: GalleryRelations = {
    urls: urlUpdate(input),
    performerIds: idListUpdate(input, "performer_ids", "performer ids"),
    tagIds: idListUpdate(input, "tag_ids", "tag ids"),
    sceneIds: idListUpdate(input, "scene_ids", "scene ids"),
  };
  return store.transaction(() => applyGalleryChanges(store, gallery, scalars, rel, fileIds));
}

/** bulkGalleryUpdate: one change applied to every gallery in `ids`, all or nothing. */
export function bulkUpdateGalleries(ctx: StandInContext, input: MediaInput): GalleryRecord[] {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(input.ids as unknown[] | null));
  const scalars = scalarUpdates(input, ctx);
  const rel: GalleryRelations = {
    urls: bulkUrlUpdate(input),
    performerIds: bulkIds(input.performer_ids, "performer ids"),
    tagIds: bulkIds(input.tag_ids, "tag ids"),
    sceneIds: bulkIds(input.scene_ids, "scene ids"),
  };
  return store.transaction(() =>
    ids.map((id) => {
      const gallery = store.get("galleries", id);
      // Stash's UpdatePartial fails on the missing row ("sql: no rows in result set"); the stand-in names it.
      if (!gallery) throw galleryNotFound(id);
      return applyGalleryChanges(store, gallery, scalars, rel);
    }),
  );
}

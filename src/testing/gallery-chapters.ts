/**
 * Gallery chapters (resolver_mutation_gallery.go GalleryChapter*): the image
 * index is 1-based and must fall within the gallery's image count, which is
 * also how a missing gallery is refused (it has no images).
 */
import type { ResolverModule, RootResolver } from "./context";
import { parseId } from "./ids";
import { converting, has, idFromString, trimmedText, type MediaInput } from "./media-input";
import { galleryChapterView } from "./present-gallery";
import type { GalleryChapterRecord, Store } from "./store";

const INDEX_RANGE = "Image # must greater than zero and in range of the gallery images";

function checkIndex(store: Store, galleryId: number, imageIndex: number): void {
  const count = store.referrerCount("imageGalleries", galleryId);
  if (imageIndex > count || imageIndex < 1) throw new Error(INDEX_RANGE);
}

function chapterNotFound(id: number): Error {
  return new Error(`gallery chapter with id ${id} not found`);
}

const galleryChapterCreate: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const galleryId = converting("gallery id", () => parseId(input.gallery_id));
  const { store } = ctx;
  const chapter = store.transaction(() => {
    const imageIndex = input.image_index as number;
    checkIndex(store, galleryId, imageIndex);
    const stamp = store.nowTime();
    // The title is stored as given: chapter titles are not trimmed by Stash.
    const record: GalleryChapterRecord = { id: store.allocateId("galleryChapters"), galleryId, title: String(input.title), imageIndex, createdAt: stamp, updatedAt: stamp };
    return store.put("galleryChapters", record);
  });
  return galleryChapterView(ctx, chapter);
};

const galleryChapterUpdate: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const id = converting("id", () => parseId(input.id));
  const changes: { title?: string; imageIndex?: number; galleryId?: number } = {};
  if (has(input, "title")) {
    if (input.title === null) throw new Error("title cannot be null: a chapter needs a title");
    changes.title = trimmedText(input.title);
  }
  // A null index or gallery reads as 0 in Stash and fails the range check below.
  if (has(input, "image_index")) changes.imageIndex = (input.image_index as number | null) ?? 0;
  if (has(input, "gallery_id")) changes.galleryId = input.gallery_id === null ? 0 : converting("gallery id", () => idFromString(input.gallery_id));
  const { store } = ctx;
  const chapter = store.transaction(() => {
    const existing = store.get("galleryChapters", id);
    if (!existing) throw chapterNotFound(id);
    checkIndex(store, changes.galleryId ?? existing.galleryId, changes.imageIndex ?? existing.imageIndex);
    return store.patch("galleryChapters", id, { ...changes, updatedAt: store.nowTime() });
  });
  return galleryChapterView(ctx, chapter);
};

const galleryChapterDestroy: RootResolver = (args, ctx) => {
  const id = converting("id", () => parseId(args.id));
  ctx.store.transaction(() => {
    if (!ctx.store.remove("galleryChapters", id)) throw chapterNotFound(id);
  });
  return true;
};

/** The gallery chapter mutation root fields. */
export const galleryChapterMutations: ResolverModule = {
  Mutation: { galleryChapterCreate, galleryChapterUpdate, galleryChapterDestroy },
};

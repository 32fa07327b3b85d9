/**
 * The Gallery and GalleryChapter views (internal/api/resolver_model_gallery.go).
 * Relations resolve lazily, so a page that asks for ids never walks images.
 */
import type { StandInContext } from "./context";
import { galleryCover, galleryImages } from "./gallery-images";
import { folderRecordView, galleryFileView } from "./present-media-file";
import { imageView } from "./present-image";
import { performerView } from "./present-performer";
import { sceneView } from "./present-scene";
import { studioView } from "./present-studio";
import { tagView } from "./present-tag";
import { performersOf, tagsOf } from "./present-entity-parts";
import type { GalleryChapterRecord, GalleryRecord, Store } from "./store";

/** Records of `ids` that exist, in order. */
export function existing<T>(ids: readonly number[], lookup: (id: number) => T | undefined): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const record = lookup(id);
    if (record !== undefined) out.push(record);
  }
  return out;
}

/** Chapters of a gallery ordered by image index (pkg/sqlite/gallery_chapter.go FindByGalleryID). */
export function galleryChapters(store: Store, galleryId: number): GalleryChapterRecord[] {
  const chapters = existing([...store.referrers("chapterGallery", galleryId)], (id) => store.get("galleryChapters", id));
  return chapters.sort((a, b) => a.imageIndex - b.imageIndex || a.id - b.id);
}

/** The configured gallery cover pattern (config galleryCoverRegex). */
function coverPattern(ctx: StandInContext): string {
  const pattern = ctx.config.section("general").galleryCoverRegex;
  return typeof pattern === "string" ? pattern : "";
}

/** A Gallery view. */
export function galleryView(ctx: StandInContext, gallery: GalleryRecord): Record<string, unknown> {
  const { store } = ctx;
  const stamp = Math.floor(Date.parse(gallery.updatedAt) / 1000);
  return {
    __typename: "Gallery",
    id: String(gallery.id),
    title: gallery.title,
    code: gallery.code,
    details: gallery.details,
    photographer: gallery.photographer,
    url: gallery.urls[0] ?? null,
    urls: gallery.urls,
    date: gallery.date,
    rating100: gallery.rating100,
    organized: gallery.organized,
    created_at: gallery.createdAt,
    updated_at: gallery.updatedAt,
    files: () => existing(gallery.fileIds, (id) => store.get("galleryFiles", id)).map((f) => galleryFileView(ctx, f)),
    folder: () => {
      const folder = gallery.folderId === null ? undefined : store.get("folders", gallery.folderId);
      return folder ? folderRecordView(ctx, folder) : null;
    },
    chapters: () => galleryChapters(store, gallery.id).map((c) => galleryChapterView(ctx, c)),
    scenes: () =>
      existing([...store.referrers("sceneGalleries", gallery.id)].sort((a, b) => a - b), (id) => store.get("scenes", id)).map((s) =>
        sceneView(ctx, s),
      ),
    studio: () => {
      const studio = gallery.studioId === null ? undefined : store.get("studios", gallery.studioId);
      return studio ? studioView(ctx, studio) : null;
    },
    tags: () => tagsOf(store, gallery.tagIds).map((t) => tagView(ctx, t)),
    performers: () => performersOf(store, gallery.performerIds).map((p) => performerView(ctx, p)),
    image_count: () => store.referrerCount("imageGalleries", gallery.id),
    cover: () => {
      const image = galleryCover(store, gallery, coverPattern(ctx));
      return image ? imageView(ctx, image) : null;
    },
    image: (args: { index: number }) => {
      if (args.index < 0) throw new Error("index must >= 0");
      const image = galleryImages(store, gallery.id)[args.index];
      // Stash answers nil for a non-null field here, which GraphQL reports as an error.
      return image ? imageView(ctx, image) : null;
    },
    paths: {
      cover: `${ctx.baseUrl}/gallery/${gallery.id}/cover?t=${stamp}`,
      preview: `${ctx.baseUrl}/gallery/${gallery.id}/preview`,
    },
  };
}

/** A GalleryChapter view. */
export function galleryChapterView(ctx: StandInContext, chapter: GalleryChapterRecord): Record<string, unknown> {
  return {
    __typename: "GalleryChapter",
    id: String(chapter.id),
    title: chapter.title,
    image_index: chapter.imageIndex,
    created_at: chapter.createdAt,
    updated_at: chapter.updatedAt,
    gallery: () => {
      const gallery = ctx.store.get("galleries", chapter.galleryId);
      if (!gallery) throw new Error(`gallery with id ${chapter.galleryId} not found`);
      return galleryView(ctx, gallery);
    },
  };
}

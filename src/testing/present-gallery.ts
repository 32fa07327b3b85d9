/** The Gallery view. */
import type { StandInContext } from "./context";
import type { GalleryRecord } from "./store";

/** A Gallery view. */
export function galleryView(ctx: StandInContext, gallery: GalleryRecord): Record<string, unknown> {
  return {
    __typename: "Gallery",
    id: String(gallery.id),
    title: gallery.title,
    urls: [],
    organized: false,
    created_at: gallery.createdAt,
    updated_at: gallery.updatedAt,
    files: [],
    chapters: [],
    scenes: [],
    tags: [],
    performers: [],
    image_count: 0,
    paths: { cover: `${ctx.baseUrl}/gallery/${gallery.id}/cover`, preview: `${ctx.baseUrl}/gallery/${gallery.id}/preview` },
  };
}

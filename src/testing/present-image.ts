/** The Image view (internal/api/resolver_model_image.go, urlbuilders/image.go). */
import type { StandInContext } from "./context";
import { performersOf, tagsOf } from "./present-entity-parts";
import { existing, galleryView } from "./present-gallery";
import { imageFileView } from "./present-media-file";
import { performerView } from "./present-performer";
import { studioView } from "./present-studio";
import { tagView } from "./present-tag";
import type { ImageRecord } from "./store";

/** The media URLs of an image; `?t=` is the `updated_at` cache buster Stash adds. */
export function imagePaths(ctx: StandInContext, image: ImageRecord): Record<string, string> {
  const root = `${ctx.baseUrl}/image/${image.id}`;
  const stamp = Math.floor(Date.parse(image.updatedAt) / 1000);
  return {
    image: `${root}/image?t=${stamp}`,
    thumbnail: `${root}/thumbnail?t=${stamp}`,
    // Stash offers a preview only for generated clip previews, which the stand-in never makes.
    preview: "",
  };
}

/** An Image view. */
export function imageView(ctx: StandInContext, image: ImageRecord): Record<string, unknown> {
  const { store } = ctx;
  const files = () => existing(image.fileIds, (id) => store.get("imageFiles", id)).map((f) => imageFileView(ctx, f));
  return {
    __typename: "Image",
    id: String(image.id),
    title: image.title,
    code: image.code,
    details: image.details,
    photographer: image.photographer,
    url: image.urls[0] ?? null,
    urls: image.urls,
    date: image.date,
    rating100: image.rating100,
    organized: image.organized,
    o_counter: image.oCounter,
    created_at: image.createdAt,
    updated_at: image.updatedAt,
    files,
    visual_files: files,
    paths: () => imagePaths(ctx, image),
    galleries: () => existing(image.galleryIds, (id) => store.get("galleries", id)).map((g) => galleryView(ctx, g)),
    studio: () => {
      const studio = image.studioId === null ? undefined : store.get("studios", image.studioId);
      return studio ? studioView(ctx, studio) : null;
    },
    tags: () => tagsOf(store, image.tagIds).map((t) => tagView(ctx, t)),
    performers: () => performersOf(store, image.performerIds).map((p) => performerView(ctx, p)),
  };
}

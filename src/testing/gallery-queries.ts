/**
 * Gallery read queries (internal/api/resolver_query_find_gallery.go):
 * findGallery, findGalleries (by ids, or filtered, sorted and paged) and the
 * deprecated allGalleries.
 */
import type { ResolverModule, RootResolver } from "./context";
import type { FindFilterInput } from "./find-filter";
import { selectGalleries } from "./gallery-filter";
import { gallerySortSpec } from "./gallery-sort";
import { parseId } from "./ids";
import { galleryView } from "./present-gallery";
import { galleryNotFound } from "./media-errors";
import { recordsByIdList } from "./media-ids";
import { mediaPageByIdIndex, sortAndPageMedia } from "./media-sort";
import { forRelease } from "./sorts/release";
import type { GalleryRecord } from "./store";

const findGallery: RootResolver = (args, ctx) => {
  const gallery = ctx.store.get("galleries", parseId(args.id));
  return gallery ? galleryView(ctx, gallery) : null;
};

const findGalleries: RootResolver = (args, ctx, info) => {
  const ids = recordsByIdList<GalleryRecord>(args.ids, "ids", (id) => ctx.store.get("galleries", id), galleryNotFound);
  if (ids) return { count: ids.length, galleries: () => ids.map((g) => galleryView(ctx, g)) };
  const filter = args.filter as FindFilterInput | null | undefined;
  const spec = forRelease(gallerySortSpec(ctx.store), "galleries", ctx.release);
  const page =
    mediaPageByIdIndex(ctx.store, "galleries", args.gallery_filter, filter) ??
    sortAndPageMedia(selectGalleries(ctx.store, info.schema, args.gallery_filter, filter?.q), filter, spec);
  return { count: page.count, galleries: () => page.items.map((g) => galleryView(ctx, g)) };
};

/** The gallery query root fields. */
export const galleryQueries: ResolverModule = {
  Query: {
    findGallery,
    findGalleries,
    allGalleries: (_args, ctx) => [...ctx.store.all("galleries")].map((g) => galleryView(ctx, g)),
  },
};

/**
 * Image read queries (internal/api/resolver_query_find_image.go): findImage
 * by id or md5 checksum, findImages with its `megapixels` and `filesize`
 * totals, and the deprecated allImages.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { ResolverModule, RootResolver } from "./context";
import type { FindFilterInput } from "./find-filter";
import { parseId } from "./ids";
import { selectImages } from "./image-filter";
import { imageSortSpec } from "./image-sort";
import { imageNotFound } from "./media-errors";
import { recordsByIdList } from "./media-ids";
import { mediaPageByIdIndex, sortAndPageMedia } from "./media-sort";
import { forRelease } from "./sorts/release";
import { imageView } from "./present-image";
import { selectedFields } from "./query-selection";
import type { ImageFileRecord, ImageRecord, Store } from "./store";

function findByChecksum(store: Store, checksum: string): ImageRecord | null {
  for (const file of store.all("imageFiles")) {
    if (file.imageId === null || !file.fingerprints.some((f) => f.type === "md5" && f.value === checksum)) continue;
    const image = store.get("images", file.imageId);
    if (image) return image;
  }
  return null;
}

function filesOf(store: Store, image: ImageRecord): ImageFileRecord[] {
  const out: ImageFileRecord[] = [];
  for (const id of image.fileIds) {
    const file = store.get("imageFiles", id);
    if (file) out.push(file);
  }
  return out;
}

/**
 * Totals over the matching file rows (pkg/sqlite/image.go queryGroupedFields):
 * Stash sums DISTINCT (image, selected columns) rows, so an image's files with
 * equal values count once; megapixels are width × height / 10^6.
 */
function totals(store: Store, images: readonly ImageRecord[], rows: ReadonlyMap<number, readonly ImageFileRecord[]> | null, info: GraphQLResolveInfo) {
  const fields = selectedFields(info);
  const wantMp = fields.has("megapixels");
  const wantSize = fields.has("filesize");
  let megapixels = 0;
  let filesize = 0;
  for (const image of images) {
    const seen = new Set<string>();
    for (const file of rows?.get(image.id) ?? filesOf(store, image)) {
      const pixels = file.width * file.height;
      const key = `${wantMp ? pixels : ""}|${wantSize ? file.size : ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      megapixels += pixels;
      filesize += file.size;
    }
  }
  return { megapixels: megapixels / 1_000_000, filesize };
}

/** With ids, totals cover each image's primary file only (internal/api/resolver_query_find_image.go FindImages). */
function primaryTotals(store: Store, images: readonly ImageRecord[]) {
  let megapixels = 0;
  let filesize = 0;
  for (const image of images) {
    const file = image.fileIds[0] === undefined ? undefined : store.get("imageFiles", image.fileIds[0]);
    if (!file) continue;
    megapixels += (file.width * file.height) / 1_000_000;
    filesize += file.size;
  }
  return { megapixels, filesize };
}

const findImages: RootResolver = (args, ctx, info) => {
  const { store } = ctx;
  const lookup = (id: number) => store.get("images", id);
  // `ids` wins over the deprecated `image_ids`, which skips the duplicate check (a repeat then fails as missing).
  const byIds =
    recordsByIdList<ImageRecord>(args.ids, "ids", lookup, imageNotFound) ??
    (args.image_ids?.length ? (args.image_ids as number[]).map((id, i, all) => {
      const image = all.indexOf(id) === i ? lookup(id) : undefined;
      if (!image) throw imageNotFound(id);
      return image;
    }) : null);
  if (byIds) {
    return { count: byIds.length, ...primaryTotals(store, byIds), images: () => byIds.map((i) => imageView(ctx, i)) };
  }
  const filter = args.filter as FindFilterInput | null | undefined;
  const spec = forRelease(imageSortSpec(store), "images", ctx.release);
  const indexed = mediaPageByIdIndex(store, "images", args.image_filter, filter);
  const selection = indexed ? null : selectImages(store, info.schema, args.image_filter, filter?.q);
  const page = indexed ?? sortAndPageMedia(selection!.records, filter, spec);
  // Totals walk every matching file: only when the query asks for them.
  let sums: { megapixels: number; filesize: number } | undefined;
  const sum = () => (sums ??= selection ? totals(store, selection.records, selection.rows, info) : totals(store, indexed!.all(), null, info));
  return {
    count: page.count,
    megapixels: () => sum().megapixels,
    filesize: () => sum().filesize,
    images: () => page.items.map((i) => imageView(ctx, i)),
  };
};

/** The image query root fields. */
export const imageQueries: ResolverModule = {
  Query: {
    findImage: (args, ctx) => {
      let image: ImageRecord | null | undefined = null;
      if (args.id != null) image = ctx.store.get("images", parseId(args.id));
      else if (args.checksum != null) image = findByChecksum(ctx.store, String(args.checksum));
      return image ? imageView(ctx, image) : null;
    },
    findImages,
    allImages: (_args, ctx) => [...ctx.store.all("images")].map((i) => imageView(ctx, i)),
  },
};

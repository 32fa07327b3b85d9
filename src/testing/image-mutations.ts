/**
 * Image mutation root fields (internal/api/resolver_mutation_image.go):
 * update, bulk update, destroy and the o-counter. Images are created only by
 * scanning, so there is no imageCreate; the fixture is how they appear.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { parseId, parseIds } from "./ids";
import { bulkUpdateImages, updateImage } from "./image-update";
import { destroyImage } from "./media-destroy";
import { imageNotFound } from "./media-errors";
import { converting, type MediaInput } from "./media-input";
import { imageView } from "./present-image";
import type { ImageRecord } from "./store";
import { missingRow } from "./missing-row";

const imageUpdate: RootResolver = (args, ctx) => imageView(ctx, updateImage(ctx, args.input as MediaInput));

const imagesUpdate: RootResolver = (args, ctx) => {
  const inputs = args.input as MediaInput[];
  return ctx.store.transaction(() => inputs.map((input) => updateImage(ctx, input))).map((image) => imageView(ctx, ctx.store.get("images", image.id) ?? image));
};

const bulkImageUpdate: RootResolver = (args, ctx) => bulkUpdateImages(ctx, args.input as MediaInput).map((image) => imageView(ctx, image));

function destroyById(ctx: StandInContext, id: number, deleteFile: boolean): void {
  const image = ctx.store.get("images", id);
  if (!image) throw imageNotFound(id);
  destroyImage(ctx.store, image, deleteFile);
}

/** imageDestroy: files stay in the library unless `delete_file`; `delete_generated` has nothing to delete here. */
const imageDestroy: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const id = converting("id", () => parseId(input.id));
  ctx.store.transaction(() => destroyById(ctx, id, input.delete_file === true));
  return true;
};

const imagesDestroy: RootResolver = (args, ctx) => {
  const input = args.input as MediaInput;
  const ids = converting("ids", () => parseIds(input.ids as unknown[]));
  // A repeated id fails on its second occurrence: the image is already gone.
  ctx.store.transaction(() => ids.forEach((id) => destroyById(ctx, id, input.delete_file === true)));
  return true;
};

/**
 * The o-counter mutations (pkg/sqlite/common.go oCounterManager): they change
 * only the counter, not `updated_at`, and never go below zero.
 */
function oCounter(change: (image: ImageRecord) => number): RootResolver {
  return (args, ctx) => {
    const id = converting("id", () => parseId(args.id));
    const { store } = ctx;
    return store.transaction(() => {
      const image = store.get("images", id);
      if (!image) throw missingRow(id, "images");
      return store.patch("images", id, { oCounter: change(image) }).oCounter;
    });
  };
}

/** The image mutation root fields. */
export const imageMutations: ResolverModule = {
  Mutation: {
    imageUpdate,
    imagesUpdate,
    bulkImageUpdate,
    imageDestroy,
    imagesDestroy,
    imageIncrementO: oCounter((image) => image.oCounter + 1),
    imageDecrementO: oCounter((image) => Math.max(0, image.oCounter - 1)),
    imageResetO: oCounter(() => 0),
  },
};

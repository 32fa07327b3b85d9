/**
 * `stash.images`: the shared entity methods (a scan creates images, so there
 * is no `create`) plus the O counter.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { ImageDecrementODocument, ImageIncrementODocument, ImageResetODocument } from "../../generated/graphql";
import { checkId, type ID } from "../core/validate";
import { createEntityNamespace } from "../entities/namespace";
import { IMAGE_SPEC, type ImageTypes } from "../../generated/entities";
import type { EntityNamespace } from "../entities/types";

export type { Image, ImageBulkUpdate, ImageTypes, ImageUpdate, SlimImage } from "../../generated/entities";

/**
 * The `stash.images` namespace.
 *
 * @group Namespaces
 */
export interface ImagesNamespace extends EntityNamespace<ImageTypes> {
  /** Adds one to the image's O counter; returns the new count. */
  addO(id: ID, options?: CallOptions): Promise<number>;
  /** Takes one off the image's O counter (not below 0); returns the new count. */
  removeO(id: ID, options?: CallOptions): Promise<number>;
  /** Sets the image's O counter to 0; returns 0. */
  resetO(id: ID, options?: CallOptions): Promise<number>;
}

/** Builds `stash.images` over a core. */
export function createImages(core: StashCoreApi): ImagesNamespace {
  const { create: _none, ...base } = createEntityNamespace<ImageTypes>(core, IMAGE_SPEC);
  return {
    ...base,
    addO: async (id, options) => (await core.request(ImageIncrementODocument, { id: checkId(id) }, options)).imageIncrementO,
    removeO: async (id, options) => (await core.request(ImageDecrementODocument, { id: checkId(id) }, options)).imageDecrementO,
    resetO: async (id, options) => (await core.request(ImageResetODocument, { id: checkId(id) }, options)).imageResetO,
  };
}

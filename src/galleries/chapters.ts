/**
 * Gallery chapters: named positions in a gallery's image list. Stash has no
 * chapter query of its own; `list` reads them from the gallery.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError } from "../core/errors";
import {
  FindGalleryDocument,
  GalleryChapterCreateDocument,
  GalleryChapterDestroyDocument,
  GalleryChapterUpdateDocument,
  type GalleryChapterCreateInput,
  type GalleryChapterDataFragment,
  type GalleryChapterUpdateInput,
} from "../../generated/graphql";
import { checkId, type ID } from "../core/validate";
import { convertInput } from "../entities/input";
import type { Loose } from "../entities/types";

/** A gallery chapter. */
export type GalleryChapter = GalleryChapterDataFragment;

/**
 * The `stash.galleries.chapters` namespace.
 *
 * @group Namespaces
 */
export interface ChaptersNamespace {
  /** The gallery's chapters; `null` when the gallery does not exist. */
  list(galleryId: ID, options?: CallOptions): Promise<GalleryChapter[] | null>;
  /** Creates a chapter at `image_index` (1-based, as Stash counts). */
  create(input: Loose<GalleryChapterCreateInput>, options?: CallOptions): Promise<GalleryChapter>;
  /** Changes a chapter's set fields. */
  update(input: Loose<GalleryChapterUpdateInput> & { readonly id: ID }, options?: CallOptions): Promise<GalleryChapter>;
  /** Deletes a chapter. */
  destroy(id: ID, options?: CallOptions): Promise<boolean>;
}

/** Builds the chapters namespace over a core. */
export function createChapters(core: StashCoreApi): ChaptersNamespace {
  return {
    list: async (galleryId, options) =>
      (await core.request(FindGalleryDocument, { id: checkId(galleryId, "galleryId") }, options)).findGallery?.chapters ?? null,
    create: async (value, options) => {
      const input = convertInput("GalleryChapterCreateInput", value, "input", { mode: "create" }) as GalleryChapterCreateInput;
      const chapter = (await core.request(GalleryChapterCreateDocument, { input }, options)).galleryChapterCreate;
      if (!chapter) throw emptyResultError("GalleryChapterCreate", "result");
      return chapter;
    },
    update: async (value, options) => {
      const input = convertInput("GalleryChapterUpdateInput", value, "input", { mode: "plain" }) as GalleryChapterUpdateInput;
      const chapter = (await core.request(GalleryChapterUpdateDocument, { input }, options)).galleryChapterUpdate;
      if (!chapter) throw emptyResultError("GalleryChapterUpdate", "result");
      return chapter;
    },
    destroy: async (id, options) => (await core.request(GalleryChapterDestroyDocument, { id: checkId(id) }, options)).galleryChapterDestroy,
  };
}

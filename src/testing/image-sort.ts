/**
 * The image sorts Stash accepts (pkg/sqlite/image.go imageSortOptions,
 * setImageSortAndPagination). File keys read the primary file; text keys use
 * NATURAL_CI order. Without a sort Stash adds no ORDER BY: id order.
 */
import type { SortSpec } from "./find-filter";
import { dirName, baseName } from "./present-media-file";
import { naturalKey } from "./sorts/natural";
import type { ImageFileRecord, ImageRecord, Store } from "./store";

/** The sort spec for images over a store. */
export function imageSortSpec(store: Store): SortSpec<ImageRecord> {
  const primary = (i: ImageRecord): ImageFileRecord | undefined => (i.fileIds[0] === undefined ? undefined : store.get("imageFiles", i.fileIds[0]));
  return {
    // Every sort ends with `COALESCE(title, id) COLLATE NATURAL_CI ASC`.
    tieBreak: (x) => naturalKey(x.title || String(x.id)),
    keys: {
      created_at: (i) => i.createdAt,
      updated_at: (i) => i.updatedAt,
      date: (i) => i.date,
      id: (i) => i.id,
      o_counter: (i) => i.oCounter,
      rating: (i) => i.rating100,
      file_count: (i) => i.fileIds.length,
      tag_count: (i) => i.tagIds.length,
      performer_count: (i) => i.performerIds.length,
      file_mod_time: (i) => primary(i)?.modTime ?? null,
      filesize: (i) => primary(i)?.size ?? null,
      path: (i) => {
        const f = primary(i);
        return naturalKey(f ? dirName(f.path) + baseName(f.path) : "");
      },
      // COALESCE(images.title, files.basename), then the folder path.
      title: (i) => {
        const f = primary(i);
        const shown = i.title !== "" ? i.title : f ? baseName(f.path) : null;
        return shown === null ? null : `${naturalKey(shown)}\u0000${naturalKey(f ? dirName(f.path) : "")}`;
      },
    },
  };
}

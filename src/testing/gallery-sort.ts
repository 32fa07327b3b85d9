/**
 * The gallery sorts Stash accepts (pkg/sqlite/gallery.go gallerySortOptions,
 * setGallerySort). Zip keys read the primary zip file; text keys use
 * NATURAL_CI order. Without a sort Stash adds no ORDER BY: id order.
 */
import type { SortSpec } from "./find-filter";
import { baseName, dirName } from "./present-media-file";
import { naturalKey } from "./sorts/natural";
import type { GalleryFileRecord, GalleryRecord, Store } from "./store";

/** The sort spec for galleries over a store. */
export function gallerySortSpec(store: Store): SortSpec<GalleryRecord> {
  const zip = (g: GalleryRecord): GalleryFileRecord | undefined => (g.fileIds[0] === undefined ? undefined : store.get("galleryFiles", g.fileIds[0]));
  const folderPath = (g: GalleryRecord): string | null => (g.folderId === null ? null : (store.get("folders", g.folderId)?.path ?? null));
  return {
    // Every sort ends with `COALESCE(title, id) COLLATE NATURAL_CI ASC`.
    tieBreak: (x) => naturalKey(x.title || String(x.id)),
    keys: {
      created_at: (g) => g.createdAt,
      updated_at: (g) => g.updatedAt,
      date: (g) => g.date,
      id: (g) => g.id,
      rating: (g) => g.rating100,
      file_count: (g) => g.fileIds.length,
      images_count: (g) => store.referrerCount("imageGalleries", g.id),
      tag_count: (g) => g.tagIds.length,
      performer_count: (g) => g.performerIds.length,
      file_mod_time: (g) => zip(g)?.modTime ?? null,
      // COALESCE(folders.path, '') || COALESCE(file_folder.path, '') || COALESCE(files.basename, '')
      path: (g) => {
        const f = zip(g);
        return naturalKey((folderPath(g) ?? "") + (f ? dirName(f.path) + baseName(f.path) : ""));
      },
      // COALESCE(galleries.title, files.basename, basename(folder path)), then the zip's folder path.
      title: (g) => {
        const f = zip(g);
        const shown = g.title !== "" ? g.title : f ? baseName(f.path) : baseName(folderPath(g) ?? "");
        return `${naturalKey(shown)}\u0000${naturalKey(f ? dirName(f.path) : "")}`;
      },
    },
  };
}

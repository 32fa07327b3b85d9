/**
 * The galleries_images join as Stash keeps it: membership lives on the image
 * (`ImageRecord.galleryIds`), the cover flag on the gallery
 * (`GalleryRecord.coverImageId`, meaningful only while the image is a member).
 * Every membership change goes through here so covers and the galleries'
 * `updated_at` stay as Stash leaves them.
 */
import { naturalKey } from "./sorts/natural";
import { dirName, baseName } from "./present-media-file";
import type { GalleryRecord, ImageRecord, Store } from "./store";

/** An image's primary file path, or "" for an image without files. */
export function imagePath(store: Store, image: ImageRecord): string {
  const file = image.fileIds[0] === undefined ? undefined : store.get("imageFiles", image.fileIds[0]);
  return file?.path ?? "";
}

/** A gallery's path: its primary zip file, else its folder, else "" (pkg/sqlite/gallery.go resolve). */
export function galleryPath(store: Store, gallery: GalleryRecord): string {
  const zip = gallery.fileIds[0] === undefined ? undefined : store.get("galleryFiles", gallery.fileIds[0]);
  if (zip) return zip.path;
  const folder = gallery.folderId === null ? undefined : store.get("folders", gallery.folderId);
  return folder?.path ?? "";
}

/** models.Gallery.GetTitle: the title, else the base name of its path. */
export function galleryDisplayTitle(store: Store, gallery: GalleryRecord): string {
  return gallery.title !== "" ? gallery.title : baseName(galleryPath(store, gallery));
}

/** True for galleries made with galleryCreate rather than by a scan (no folder, no zip). */
export function isUserCreated(gallery: GalleryRecord): boolean {
  return gallery.folderId === null && gallery.fileIds.length === 0;
}

/**
 * Only user-created galleries may change their images (pkg/gallery/validation.go);
 * the message names the gallery kind and its display title as Stash does.
 */
export function checkContentChange(store: Store, gallery: GalleryRecord): void {
  if (isUserCreated(gallery)) return;
  const kind = gallery.folderId !== null ? "folder-based" : "zip-based";
  throw new Error(`cannot change contents of ${kind} gallery ${JSON.stringify(galleryDisplayTitle(store, gallery))}`);
}

/**
 * Images of a gallery in Stash's gallery order (pkg/sqlite/image.go
 * defaultGalleryOrder): folder path + base name, then title (or id), naturally.
 */
export function galleryImages(store: Store, galleryId: number): ImageRecord[] {
  const keyed: { image: ImageRecord; path: string; title: string }[] = [];
  for (const id of store.referrers("imageGalleries", galleryId)) {
    const image = store.get("images", id);
    if (!image) continue;
    const path = imagePath(store, image);
    keyed.push({ image, path: naturalKey(dirName(path) + baseName(path)), title: naturalKey(image.title !== "" ? image.title : String(image.id)) });
  }
  keyed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : a.image.id - b.image.id));
  return keyed.map((k) => k.image);
}

/** Bumps a gallery's `updated_at`, as Stash does when its images change (#3759, pkg/gallery/update.go). */
export function touchGallery(store: Store, galleryId: number): void {
  if (store.has("galleries", galleryId)) store.patch("galleries", galleryId, { updatedAt: store.nowTime() });
}

/** Drops the cover flag of `imageId` in the given galleries (its join rows were deleted or rewritten). */
export function dropCovers(store: Store, imageId: number, galleryIds: Iterable<number>): void {
  for (const galleryId of galleryIds) {
    const gallery = store.get("galleries", galleryId);
    if (gallery && gallery.coverImageId === imageId) store.patch("galleries", galleryId, { coverImageId: null });
  }
}

/**
 * Replaces an image's galleries. `rewritten` says the join rows were deleted
 * and inserted again (SET mode, pkg/sqlite/table.go replaceJoins), which loses
 * the cover flag even in galleries the image stays in.
 */
export function setImageGalleries(store: Store, image: ImageRecord, next: readonly number[], rewritten: boolean): ImageRecord {
  const kept = new Set(next);
  const lost = rewritten ? image.galleryIds : image.galleryIds.filter((g) => !kept.has(g));
  dropCovers(store, image.id, lost);
  return store.patch("images", image.id, { galleryIds: [...next] });
}

/**
 * The gallery cover (pkg/image/query.go FindGalleryCover): the image flagged
 * with setGalleryCover, else the first image (by path) whose path matches the
 * configured cover regex, else the first image by path.
 */
export function galleryCover(store: Store, gallery: GalleryRecord, coverPattern: string): ImageRecord | null {
  if (gallery.coverImageId !== null) {
    const flagged = store.get("images", gallery.coverImageId);
    if (flagged && flagged.galleryIds.includes(gallery.id)) return flagged;
  }
  // Stash's cover query sorts by path with title/id last: the gallery order (pkg/image/query.go FindGalleryCover).
  const images = galleryImages(store, gallery.id);
  if (images.length === 0) return null;
  let regex: RegExp | null = null;
  try {
    regex = new RegExp(coverPattern, "i");
  } catch {
    regex = null;
  }
  return (regex && images.find((image) => regex.test(imagePath(store, image)))) || images[0]!;
}

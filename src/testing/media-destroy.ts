/**
 * Destroying images and galleries as Stash does (pkg/image/delete.go,
 * pkg/gallery/delete.go): join rows go with the record, files stay in the
 * library unattached unless `delete_file` asks, and files inside zips are
 * never deleted on their own.
 */
import { dropCovers } from "./gallery-images";
import { setGalleryScenes } from "./gallery-scenes";
import { containingZip, dirName } from "./present-media-file";
import type { GalleryRecord, ImageRecord, Store } from "./store";

/** Destroys one image: its files are deleted (outside zips) when asked, otherwise kept without an image. */
export function destroyImage(store: Store, image: ImageRecord, deleteFile: boolean): void {
  for (const fileId of image.fileIds) {
    const file = store.get("imageFiles", fileId);
    if (!file) continue;
    if (deleteFile && !containingZip(store, file.path)) store.remove("imageFiles", fileId);
    else store.patch("imageFiles", fileId, { imageId: null });
  }
  dropCovers(store, image.id, image.galleryIds);
  store.remove("images", image.id);
}

/** Detaches some files from an image that keeps its others (#5048: a multi-file image is not destroyed). */
function detachFiles(store: Store, image: ImageRecord, fileIds: readonly number[], deleteFile: boolean): void {
  const gone = new Set(fileIds);
  store.patch("images", image.id, { fileIds: image.fileIds.filter((f) => !gone.has(f)) });
  for (const id of fileIds) {
    if (deleteFile) store.remove("imageFiles", id);
    else store.patch("imageFiles", id, { imageId: null });
  }
}

/** Images with a file matching `where`, with those files' ids. */
function imagesWithFiles(store: Store, where: (path: string) => boolean): { image: ImageRecord; fileIds: number[] }[] {
  const byImage = new Map<number, number[]>();
  for (const file of store.all("imageFiles")) {
    if (file.imageId === null || !where(file.path)) continue;
    const list = byImage.get(file.imageId) ?? [];
    list.push(file.id);
    byImage.set(file.imageId, list);
  }
  return [...byImage].flatMap(([id, fileIds]) => {
    const image = store.get("images", id);
    return image ? [{ image, fileIds }] : [];
  });
}

/** A zip gallery's images go with it; the zip itself only when `deleteFile` (DestroyZipImages, DestroyZip). */
function destroyZipContents(store: Store, gallery: GalleryRecord, deleteFile: boolean): void {
  for (const zipId of gallery.fileIds) {
    const zip = store.get("galleryFiles", zipId);
    if (!zip) continue;
    const inZip = (path: string) => containingZip(store, path)?.id === zipId;
    for (const { image, fileIds } of imagesWithFiles(store, inZip)) {
      if (image.fileIds.length > 1) detachFiles(store, image, fileIds, false);
      else destroyImage(store, image, false);
    }
    if (deleteFile) {
      for (const file of [...store.all("imageFiles")]) if (inZip(file.path)) store.remove("imageFiles", file.id);
      const folder = store.folderAt(zip.path);
      if (folder && folder.zipFileId === zipId) store.remove("folders", folder.id);
      store.remove("galleryFiles", zipId);
    } else {
      store.patch("galleryFiles", zipId, { galleryId: null });
    }
  }
}

/** With `deleteFile`, a folder gallery's images go too, except those in other galleries (DestroyFolderImages). */
function destroyFolderImages(store: Store, folderId: number): void {
  const folder = store.get("folders", folderId);
  if (!folder) return;
  const inFolder = (path: string) => dirName(path) === folder.path;
  for (const { image, fileIds } of imagesWithFiles(store, inFolder)) {
    if (image.fileIds.length > 1) detachFiles(store, image, fileIds, true);
    else if (image.galleryIds.length <= 1) destroyImage(store, image, true);
  }
}

/** Destroys a gallery: chapters, scene links and image memberships go; images stay unless the gallery is a zip or files are deleted. */
export function destroyGallery(store: Store, gallery: GalleryRecord, deleteFile: boolean): void {
  destroyZipContents(store, gallery, deleteFile);
  if (deleteFile && gallery.folderId !== null) destroyFolderImages(store, gallery.folderId);
  for (const chapterId of [...store.referrers("chapterGallery", gallery.id)]) store.remove("galleryChapters", chapterId);
  setGalleryScenes(store, gallery.id, []);
  for (const imageId of [...store.referrers("imageGalleries", gallery.id)]) {
    const image = store.get("images", imageId)!;
    store.patch("images", imageId, { galleryIds: image.galleryIds.filter((g) => g !== gallery.id) });
  }
  store.remove("galleries", gallery.id);
}

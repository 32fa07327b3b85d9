/**
 * The image part of `metadataScan`, like Stash's image scan handler
 * (pkg/image/scan.go): a new image file joins the image that already has a
 * file with the same MD5, or becomes a new image; an image inside a zip joins
 * the zip's gallery, and one in a folder joins that folder's gallery when
 * `createGalleriesFromFolders` is on (creating the gallery, and filing the
 * folder's other images into it, if there is none yet).
 */
import type { StandInContext } from "./context";
import { isUnder } from "./disk";
import type { FixtureImageFile } from "./fixture-media";
import { normalizeTime } from "./fixture-validate";
import type { JobHandle } from "./jobs";
import { baseName, dirName } from "./present-media-file";
import { blankGallery } from "./records/gallery";
import { blankImage } from "./records/image";
import type { FingerprintRecord, GalleryRecord, ImageFileRecord, ImageRecord, Store } from "./store";

/** Image files on disk, not yet in the library, under `roots` and modified since `minModTime`. */
export function imageCandidates(ctx: StandInContext, roots: readonly string[], minModTime: number | null): FixtureImageFile[] {
  if (roots.length === 0) return [];
  const library = new Set<string>();
  for (const file of ctx.store.all("imageFiles")) library.add(file.path);
  const recent = (modTime: string | undefined) => minModTime === null || Date.parse(normalizeTime(modTime ?? "") ?? "") >= minModTime;
  return ctx.disk.imagesUnder(roots).filter((f) => !library.has(f.path) && isUnder(f.path, roots) && recent(f.mod_time));
}

function fingerprints(file: FixtureImageFile): FingerprintRecord[] {
  const out: FingerprintRecord[] = [];
  if (file.md5) out.push({ type: "md5", value: file.md5.toLowerCase() });
  if (file.phash) out.push({ type: "phash", value: file.phash.toLowerCase() });
  return out;
}

/** The image holding another file with this file's MD5 (FindByFingerprints). */
function imageByFingerprint(store: Store, file: ImageFileRecord): ImageRecord | null {
  const md5 = file.fingerprints.find((f) => f.type === "md5")?.value;
  if (!md5) return null;
  for (const other of store.all("imageFiles")) {
    if (other.id === file.id || other.imageId === null) continue;
    if (other.fingerprints.some((f) => f.type === "md5" && f.value === md5)) return store.get("images", other.imageId) ?? null;
  }
  return null;
}

/** The zip gallery of a zip the file sits in, creating the gallery for a zip that has none. */
function zipGallery(ctx: StandInContext, job: JobHandle, path: string, stamp: string): GalleryRecord | null {
  const { store } = ctx;
  for (let dir = dirName(path); dir !== "" && dir !== dirName(dir); dir = dirName(dir)) {
    const zipId = store.folderAt(dir)?.zipFileId;
    const zip = zipId == null ? undefined : store.get("galleryFiles", zipId);
    if (!zip) continue;
    const existing = zip.galleryId === null ? undefined : store.get("galleries", zip.galleryId);
    if (existing) return existing;
    job.log("Info", `${zip.path} doesn't exist. Creating new gallery...`);
    const gallery = store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "", stamp), fileIds: [zip.id] });
    store.patch("galleryFiles", zip.id, { galleryId: gallery.id });
    return gallery;
  }
  return null;
}

/** The folder's gallery, created (with the folder's other images filed in) when there is none. */
function folderGallery(ctx: StandInContext, job: JobHandle, folderId: number, folderPath: string, stamp: string): GalleryRecord {
  const { store } = ctx;
  for (const id of store.referrers("galleryFolder", folderId)) {
    const gallery = store.get("galleries", id);
    if (gallery) return gallery;
  }
  job.log("Info", `Creating folder-based gallery for ${folderPath}`);
  const gallery = store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "", stamp), folderId });
  for (const file of store.all("imageFiles")) {
    if (file.imageId === null || dirName(file.path) !== folderPath) continue;
    const image = store.get("images", file.imageId);
    if (image && !image.galleryIds.includes(gallery.id)) store.patch("images", image.id, { galleryIds: [...image.galleryIds, gallery.id] });
  }
  return store.get("galleries", gallery.id)!;
}

/** The gallery a scanned file's image belongs in (getOrCreateGallery). */
function galleryFor(ctx: StandInContext, job: JobHandle, file: ImageFileRecord, stamp: string): GalleryRecord | null {
  const zipped = zipGallery(ctx, job, file.path, stamp);
  if (zipped || ctx.store.folderAt(dirName(file.path))?.zipFileId != null) return zipped;
  if (ctx.config.section("general").createGalleriesFromFolders !== true) return null;
  return folderGallery(ctx, job, ctx.store.folderId(dirName(file.path)), dirName(file.path), stamp);
}

/** Scans one new image file into the library. */
export function scanImageFile(ctx: StandInContext, job: JobHandle, disk: FixtureImageFile): void {
  const { store } = ctx;
  store.transaction(() => {
    const stamp = store.nowTime();
    store.folderId(dirName(disk.path));
    const ext = /\.([^./\\]+)$/.exec(disk.path)?.[1]?.toLowerCase() ?? "";
    const file = store.put("imageFiles", {
      id: store.allocateId("imageFiles"),
      path: disk.path,
      size: disk.size,
      width: disk.width,
      height: disk.height,
      format: disk.format ?? (ext === "jpg" ? "jpeg" : ext),
      fingerprints: fingerprints(disk),
      modTime: normalizeTime(disk.mod_time ?? "") ?? stamp,
      createdAt: stamp,
      updatedAt: stamp,
      imageId: null,
    });
    const twin = imageByFingerprint(store, file);
    const gallery = galleryFor(ctx, job, file, stamp);
    let image: ImageRecord;
    if (twin) {
      job.log("Info", `Adding ${file.path} to image ${twin.title || baseName(disk.path)}`);
      image = store.patch("images", twin.id, { fileIds: [...twin.fileIds, file.id], updatedAt: stamp });
    } else {
      job.log("Info", `${file.path} doesn't exist. Creating new image...`);
      image = store.put("images", { ...blankImage(store.allocateId("images"), "", stamp), fileIds: [file.id] });
    }
    store.patch("imageFiles", file.id, { imageId: image.id });
    if (gallery && !image.galleryIds.includes(gallery.id)) {
      job.log("Info", `Adding ${file.path} to gallery ${gallery.title || baseName(dirName(file.path))}`);
      store.patch("images", image.id, { galleryIds: [...image.galleryIds, gallery.id] });
      store.patch("galleries", gallery.id, { updatedAt: stamp });
    }
  });
}

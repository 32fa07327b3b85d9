/**
 * One view over Stash's single `files` table, which the stand-in keeps as
 * three (video files, image files, gallery zips) sharing one id space: find a
 * file by id or path, read its fingerprints, its owner and whether it is the
 * owner's primary file, and render the right BaseFile view.
 */
import type { StandInContext } from "./context";
import { likeMatcher } from "./criteria";
import { baseName, dirName, galleryFileView, imageFileView } from "./present-media-file";
import { fileView, fingerprintsOf } from "./present-scene";
import type { FileRecord, FingerprintRecord, GalleryFileRecord, ImageFileRecord, Store } from "./store";

/** A file of any kind, tagged with the table it lives in. */
export type AnyFile =
  | { readonly table: "files"; readonly record: FileRecord }
  | { readonly table: "imageFiles"; readonly record: ImageFileRecord }
  | { readonly table: "galleryFiles"; readonly record: GalleryFileRecord };

/** The tables that hold files. */
export const FILE_TABLES = ["files", "imageFiles", "galleryFiles"] as const;

/** The file with this id, whichever table holds it. */
export function findAnyFile(store: Store, id: number): AnyFile | undefined {
  const video = store.get("files", id);
  if (video) return { table: "files", record: video };
  const image = store.get("imageFiles", id);
  if (image) return { table: "imageFiles", record: image };
  const gallery = store.get("galleryFiles", id);
  return gallery ? { table: "galleryFiles", record: gallery } : undefined;
}

/** Every file in id order. */
export function allFiles(store: Store): AnyFile[] {
  const out: AnyFile[] = [];
  for (const record of store.all("files")) out.push({ table: "files", record });
  for (const record of store.all("imageFiles")) out.push({ table: "imageFiles", record });
  for (const record of store.all("galleryFiles")) out.push({ table: "galleryFiles", record });
  return out.sort((a, b) => a.record.id - b.record.id);
}

/**
 * pkg/sqlite/file.go FindAllByPath: the first file whose folder and basename
 * match; `*` is a wildcard, and then the match is SQLite's case-insensitive LIKE.
 */
export function findFileByPath(store: Store, path: string): AnyFile | undefined {
  const dir = dirName(path).replace(/\*/g, "%");
  const base = baseName(path).replace(/\*/g, "%");
  const wild = dir.includes("%") || base.includes("%");
  const dirTest = wild ? likeMatcher(dir) : (d: string) => d === dir;
  const baseTest = wild ? likeMatcher(base) : (b: string) => b === base;
  return allFiles(store).find((f) => dirTest(dirName(f.record.path)) && baseTest(baseName(f.record.path)));
}

/** Fingerprints as Stash lists them for the file. */
export function fileFingerprints(file: AnyFile): FingerprintRecord[] {
  return file.table === "files" ? fingerprintsOf(file.record) : [...file.record.fingerprints];
}

/** The BaseFile view of a file: VideoFile, ImageFile or GalleryFile. */
export function anyFileView(ctx: StandInContext, file: AnyFile): Record<string, unknown> {
  switch (file.table) {
    case "files":
      return fileView(ctx, file.record);
    case "imageFiles":
      return imageFileView(ctx, file.record);
    case "galleryFiles":
      return galleryFileView(ctx, file.record);
  }
}

/** The scene, image or gallery a file belongs to, and whether it is that owner's primary file. */
export function fileOwner(store: Store, file: AnyFile): { table: "scenes" | "images" | "galleries"; id: number; primary: boolean } | null {
  const owner =
    file.table === "files"
      ? { table: "scenes" as const, id: file.record.sceneId, ids: (id: number) => store.get("scenes", id)?.fileIds }
      : file.table === "imageFiles"
        ? { table: "images" as const, id: file.record.imageId, ids: (id: number) => store.get("images", id)?.fileIds }
        : { table: "galleries" as const, id: file.record.galleryId, ids: (id: number) => store.get("galleries", id)?.fileIds };
  if (owner.id === null) return null;
  const ids = owner.ids(owner.id);
  if (!ids) return null;
  return { table: owner.table, id: owner.id, primary: ids[0] === file.record.id };
}

/**
 * Makes sure every file's folder (and its parents) has a row, as the scanner
 * would have created them; fixtures seed files by path only.
 */
export function ensureFolders(store: Store): void {
  const seen = new Set<string>();
  for (const table of FILE_TABLES) {
    for (const record of store.all(table)) {
      const dir = dirName(record.path);
      if (dir === "" || seen.has(dir)) continue;
      seen.add(dir);
      store.folderId(dir);
    }
  }
}

/**
 * Views of image files, gallery zip files and their folders. Stash resolves
 * `parent_folder` from the file's folder row; the stand-in creates that row
 * (and its parents) on first use, as the scanner would have.
 */
import type { StandInContext } from "./context";
import type { FingerprintRecord, FolderRecord, GalleryFileRecord, ImageFileRecord, Store } from "./store";

/** The last path element (Go's filepath.Base for the paths the stand-in holds). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

/** The directory of a path: `/` for a file at the root. */
export function dirName(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : cut === 0 ? path.slice(0, 1) : "";
}

/** A Folder view with its parents resolved lazily. */
export function folderRecordView(ctx: StandInContext, folder: FolderRecord): Record<string, unknown> {
  const { store } = ctx;
  return {
    __typename: "Folder",
    id: String(folder.id),
    path: folder.path,
    parent_folder_id: folder.parentFolderId === null ? null : String(folder.parentFolderId),
    parent_folder: () => {
      const parent = folder.parentFolderId === null ? undefined : store.get("folders", folder.parentFolderId);
      return parent ? folderRecordView(ctx, parent) : null;
    },
    zip_file_id: folder.zipFileId === null ? null : String(folder.zipFileId),
    zip_file: () => {
      const zip = folder.zipFileId === null ? undefined : store.get("galleryFiles", folder.zipFileId);
      return zip ? basicFileView(ctx, zip) : null;
    },
    mod_time: folder.modTime,
    created_at: folder.createdAt,
    updated_at: folder.updatedAt,
  };
}

function fingerprintFields(fingerprints: readonly FingerprintRecord[]) {
  return {
    fingerprint: (args: { type: string }) => fingerprints.find((f) => f.type === args.type)?.value ?? null,
    fingerprints: () => fingerprints.map((f) => ({ type: f.type, value: f.value })),
  };
}

/** The zip a file sits in: its folder's `zip_file_id` (a zip's contents live in a folder named after the zip). */
export function containingZip(store: Store, path: string): GalleryFileRecord | undefined {
  const folder = store.folderAt(dirName(path));
  return folder?.zipFileId == null ? undefined : store.get("galleryFiles", folder.zipFileId);
}

function baseFileFields(ctx: StandInContext, file: ImageFileRecord | GalleryFileRecord) {
  const folderPath = dirName(file.path);
  const folderId = ctx.store.folderId(folderPath);
  const zip = containingZip(ctx.store, file.path);
  return {
    id: String(file.id),
    path: file.path,
    basename: baseName(file.path),
    parent_folder_id: String(folderId),
    parent_folder: () => folderRecordView(ctx, ctx.store.get("folders", folderId)!),
    zip_file_id: zip ? String(zip.id) : null,
    zip_file: () => (zip ? basicFileView(ctx, zip) : null),
    mod_time: file.modTime,
    size: file.size,
    ...fingerprintFields(file.fingerprints),
    created_at: file.createdAt,
    updated_at: file.updatedAt,
  };
}

/** A BasicFile view (what `zip_file` answers). */
export function basicFileView(ctx: StandInContext, file: GalleryFileRecord): Record<string, unknown> {
  return { __typename: "BasicFile", ...baseFileFields(ctx, file) };
}

/** An ImageFile view. */
export function imageFileView(ctx: StandInContext, file: ImageFileRecord): Record<string, unknown> {
  return {
    __typename: "ImageFile",
    ...baseFileFields(ctx, file),
    format: file.format,
    width: file.width,
    height: file.height,
  };
}

/** A GalleryFile view (a zip file of a zip-based gallery). */
export function galleryFileView(ctx: StandInContext, file: GalleryFileRecord): Record<string, unknown> {
  return { __typename: "GalleryFile", ...baseFileFields(ctx, file) };
}

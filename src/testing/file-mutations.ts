/**
 * moveFiles, deleteFiles and fileSetFingerprints
 * (internal/api/resolver_mutation_file.go, pkg/file/{move,delete}.go). The
 * stand-in has no real disk: a move rewrites paths and creates folder rows,
 * a delete removes the file rows.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { isUnder } from "./disk";
import { allFiles, findAnyFile, fileOwner, FILE_TABLES, type AnyFile } from "./file-access";
import { parseId, parseIds } from "./ids";
import { baseName, dirName } from "./present-media-file";
import { parsePhash } from "./query-phash";
import { converting } from "./scene-input";
import type { FingerprintRecord, FolderRecord, Store } from "./store";

function generalConfig(ctx: StandInContext): Record<string, unknown> {
  return ctx.config.section("general") as Record<string, unknown>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** internal/api/resolver_mutation_file.go validateFolderPath. */
function checkInLibrary(ctx: StandInContext, path: string): void {
  const stashes = (generalConfig(ctx).stashes as { path?: unknown }[] | undefined) ?? [];
  const roots = stashes.map((s) => s.path).filter((p): p is string => typeof p === "string");
  if (roots.length === 0 || !isUnder(path, roots)) throw new Error(`folder path ${path} must be within a stash library path`);
}

function hasExtension(name: string, exts: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return exts.some((ext) => lower.endsWith(`.${ext.toLowerCase()}`));
}

/** A renamed file must keep a video, image or gallery extension if it had one (validateFileExtension). */
function checkExtension(ctx: StandInContext, oldName: string, newName: string): void {
  const general = generalConfig(ctx);
  for (const key of ["videoExtensions", "imageExtensions", "galleryExtensions"]) {
    const exts = stringList(general[key]);
    if (hasExtension(oldName, exts) && !hasExtension(newName, exts)) {
      throw new Error(`file extension for ${newName} is inconsistent with old filename ${oldName}`);
    }
  }
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") || dir.endsWith("\\") ? `${dir}${name}` : `${dir}/${name}`;
}

function pathTaken(ctx: StandInContext, path: string): boolean {
  for (const table of FILE_TABLES) for (const f of ctx.store.all(table)) if (f.path === path) return true;
  return ctx.disk.under([path]).some((f) => f.path === path);
}

function setPath(store: Store, file: AnyFile, path: string, stamp: string): void {
  store.patch(file.table, file.record.id, { path, updatedAt: stamp });
}

/** The folders inside a zip file (folders.zip_file_id). */
function foldersInZip(store: Store, zipId: number): FolderRecord[] {
  return [...store.all("folders")].filter((f) => f.zipFileId === zipId);
}

/** A moved zip takes the folders inside it (and their files) along (pkg/file/move.go transferZipHierarchy). */
function moveZipContents(store: Store, zipId: number, oldPath: string, newPath: string, stamp: string): void {
  const inside = foldersInZip(store, zipId);
  for (const folder of inside) {
    const moved = newPath + folder.path.slice(oldPath.length);
    for (const file of allFiles(store)) if (dirName(file.record.path) === folder.path) setPath(store, file, joinPath(moved, baseName(file.record.path)), stamp);
    store.put("folders", { ...folder, path: moved, updatedAt: stamp });
  }
}

function destinationFolder(ctx: StandInContext, input: Readonly<Record<string, unknown>>): FolderRecord {
  const { store } = ctx;
  if (input.destination_folder_id != null) {
    const id = converting("destination folder id", () => parseId(input.destination_folder_id));
    const folder = store.get("folders", id);
    if (!folder) throw new Error(`finding destination folder: getting folder by id ${id}: sql: no rows in result set`);
    if (folder.zipFileId !== null) throw new Error(`cannot move to ${folder.path}, is in a zip file`);
    return folder;
  }
  if (input.destination_folder != null) {
    const path = String(input.destination_folder);
    checkInLibrary(ctx, path);
    return store.get("folders", store.folderId(path))!;
  }
  throw new Error("must specify destination folder or path");
}

const moveFiles: RootResolver = (args, ctx) => {
  const input = args.input as Readonly<Record<string, unknown>>;
  const { store } = ctx;
  store.transaction(() => {
    const ids = converting("ids", () => parseIds(input.ids as unknown[]));
    const folder = destinationFolder(ctx, input);
    let basename = "";
    if (input.destination_basename != null) {
      if (ids.length !== 1) throw new Error("must specify one file when providing destination path");
      basename = String(input.destination_basename);
    }
    const stamp = store.nowTime();
    for (const id of ids) {
      const file = findAnyFile(store, id);
      if (!file) throw new Error(`finding file ${id}: file with id ${id} not found`);
      const oldPath = file.record.path;
      const oldName = baseName(oldPath);
      if (basename !== "") checkExtension(ctx, oldName, basename);
      if (store.folderAt(dirName(oldPath))?.zipFileId != null) throw new Error(`cannot move file ${oldPath}, is in a zip file`);
      const name = basename || oldName;
      if (folder.path === dirName(oldPath) && name === oldName) continue;
      const newPath = joinPath(folder.path, name);
      if (pathTaken(ctx, newPath)) throw new Error(`file ${newPath} already exists`);
      if (file.table === "galleryFiles") moveZipContents(store, id, oldPath, newPath, stamp);
      setPath(store, file, newPath, stamp);
    }
  });
  return true;
};

/** Detaches a deleted file from its scene, image or gallery; the owner itself stays. */
function detach(store: Store, file: AnyFile): void {
  const owner = fileOwner(store, file);
  if (!owner) return;
  const record = store.get(owner.table, owner.id);
  if (record) store.patch(owner.table, owner.id, { fileIds: record.fileIds.filter((id) => id !== file.record.id) });
}

function destroyFile(store: Store, file: AnyFile): void {
  detach(store, file);
  store.remove(file.table, file.record.id);
}

const deleteFiles: RootResolver = (args, ctx) => {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(args.ids as unknown[]));
  store.transaction(() => {
    for (const id of ids) {
      const file = findAnyFile(store, id);
      if (!file) throw new Error(`file with id ${id} not found`);
      if (fileOwner(store, file)?.primary) throw new Error(`cannot delete primary file ${file.record.path}`);
      // A zip goes with its contents and the folders inside it (pkg/file/delete.go ZipDestroyer).
      if (file.table === "galleryFiles") {
        const folders = foldersInZip(store, id);
        const paths = new Set(folders.map((f) => f.path));
        for (const inner of allFiles(store)) if (paths.has(dirName(inner.record.path))) destroyFile(store, inner);
        for (const folder of folders) store.remove("folders", folder.id);
      }
      destroyFile(store, file);
    }
  });
  return true;
};

/** The file's stored fingerprints after setting and deleting types. */
function applyFingerprints(current: readonly FingerprintRecord[], set: readonly FingerprintRecord[], drop: readonly string[]): FingerprintRecord[] {
  const out = current.filter((f) => !drop.includes(f.type) && !set.some((s) => s.type === f.type));
  return [...out, ...set.filter((s) => !drop.includes(s.type))];
}

const fileSetFingerprints: RootResolver = (args, ctx) => {
  const input = args.input as { id: unknown; fingerprints: { type: string; value?: string | null }[] };
  const id = converting("id", () => parseId(input.id));
  const set: FingerprintRecord[] = [];
  const drop: string[] = [];
  for (const fp of input.fingerprints) {
    if (fp.type === "md5" || fp.type === "oshash") throw new Error(`cannot modify ${fp.type} fingerprint`);
    if (fp.value == null) {
      drop.push(fp.type);
      continue;
    }
    let value = fp.value;
    if (fp.type === "phash") {
      if (parsePhash(value) === null) throw new Error(`converting phash ${value}: strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`);
      value = value.toLowerCase().padStart(16, "0");
    }
    set.push({ type: fp.type, value });
  }
  const { store } = ctx;
  store.transaction(() => {
    const file = findAnyFile(store, id);
    // Fingerprint rows reference the file: inserting one for a missing file fails on the foreign key; deleting none is fine.
    if (!file) {
      if (set.length > 0) throw new Error("modifying fingerprints: FOREIGN KEY constraint failed");
      return;
    }
    if (file.table !== "files") {
      store.patch(file.table, id, { fingerprints: applyFingerprints(file.record.fingerprints, set, drop) });
      return;
    }
    const phash = set.find((s) => s.type === "phash");
    const others = applyFingerprints(file.record.otherFingerprints ?? [], set.filter((s) => s.type !== "phash"), drop);
    store.patch("files", id, {
      phash: drop.includes("phash") ? null : phash ? phash.value : file.record.phash,
      otherFingerprints: others,
    });
  });
  return true;
};

/** File mutations. */
export const fileMutations: ResolverModule = {
  Mutation: { moveFiles, deleteFiles, fileSetFingerprints },
};

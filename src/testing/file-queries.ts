/**
 * findFile(s) and findFolder(s) (internal/api/resolver_query_find_{file,folder}.go,
 * pkg/sqlite/{file,folder}.go): lookups by id or path, `q` over the full path,
 * the path/id/created_at/updated_at sorts, and the file result's totals.
 */
import type { ResolverModule, RootResolver } from "./context";
import { anyFileView, ensureFolders, findAnyFile, findFileByPath, type AnyFile } from "./file-access";
import type { FileEntry } from "./file-filter";
import { selectEntities } from "./filter/select";
import { sortAndPage, type FindFilterInput, type SortSpec } from "./find-filter";
import { parseId, parseIds } from "./ids";
import { recordsByIdList } from "./media-ids";
import { baseName, dirName, folderRecordView } from "./present-media-file";
import type { FolderRecord } from "./store";

/** pkg/sqlite/file.go fileSortOptions; `path` is folder path, then basename. */
const FILE_SORT: SortSpec<FileEntry> = {
  defaultSort: "id",
  keys: {
    id: (f) => f.id,
    path: (f) => `${dirName(f.file.record.path)}\u0000${baseName(f.file.record.path)}`,
    created_at: (f) => f.file.record.createdAt,
    updated_at: (f) => f.file.record.updatedAt,
  },
};

/** pkg/sqlite/folder.go folderSortOptions. */
const FOLDER_SORT: SortSpec<FolderRecord> = {
  defaultSort: "id",
  keys: {
    id: (f) => f.id,
    path: (f) => f.path,
    created_at: (f) => f.createdAt,
    updated_at: (f) => f.updatedAt,
  },
};

const findFile: RootResolver = (args, ctx) => {
  if (args.id != null) {
    const id = parseId(args.id);
    const file = findAnyFile(ctx.store, id);
    if (!file) throw new Error(`getting file by id ${id}: sql: no rows in result set`);
    return anyFileView(ctx, file);
  }
  if (args.path != null) {
    const file = findFileByPath(ctx.store, String(args.path));
    if (!file) throw new Error("file not found");
    return anyFileView(ctx, file);
  }
  throw new Error("either id or path must be provided");
};

function totals(files: readonly AnyFile[]): { duration: number; megapixels: number; size: number } {
  let duration = 0;
  let megapixels = 0;
  let size = 0;
  for (const f of files) {
    size += f.record.size;
    if (f.table === "files") duration += f.record.duration;
    if (f.table === "imageFiles") megapixels += (f.record.width * f.record.height) / 1e6;
  }
  return { duration, megapixels, size };
}

const findFiles: RootResolver = (args, ctx, info) => {
  const { store } = ctx;
  const ids = args.ids as unknown[] | null | undefined;
  if (ids && ids.length > 0) {
    // FindFiles converts the ids without handleIDList's duplicate check.
    const files = parseIds(ids).map((id) => {
      const file = findAnyFile(store, id);
      if (!file) throw new Error(`file with id ${id} not found`);
      return file;
    });
    return { count: files.length, ...totals(files), files: files.map((f) => anyFileView(ctx, f)) };
  }
  const filter = args.filter as FindFilterInput | null | undefined;
  // Folder criteria read folder rows, which views otherwise create on first use.
  if (args.file_filter) ensureFolders(store);
  const matches = selectEntities<FileEntry>(store, info.schema, "FileFilterType", args.file_filter, filter?.q);
  const page = sortAndPage(matches, filter, FILE_SORT);
  return { count: page.count, ...totals(matches.map((m) => m.file)), files: page.items.map((m) => anyFileView(ctx, m.file)) };
};

const findFolder: RootResolver = (args, ctx) => {
  ensureFolders(ctx.store);
  if (args.id != null) {
    const id = parseId(args.id);
    const folder = ctx.store.get("folders", id);
    if (!folder) throw new Error(`getting folder by id ${id}: sql: no rows in result set`);
    return folderRecordView(ctx, folder);
  }
  if (args.path != null) {
    const folder = ctx.store.folderAt(String(args.path));
    if (!folder) throw new Error("folder not found");
    return folderRecordView(ctx, folder);
  }
  throw new Error("either id or path must be provided");
};

const findFolders: RootResolver = (args, ctx, info) => {
  const { store } = ctx;
  ensureFolders(store);
  const folders = recordsByIdList(args.ids, "ids", (id) => store.get("folders", id), (id) => new Error(`folder with id ${id} not found`));
  if (folders) {
    return { count: folders.length, folders: folders.map((f) => folderRecordView(ctx, f)) };
  }
  const filter = args.filter as FindFilterInput | null | undefined;
  const matches = selectEntities<FolderRecord>(store, info.schema, "FolderFilterType", args.folder_filter, filter?.q);
  const page = sortAndPage(matches, filter, FOLDER_SORT);
  return { count: page.count, folders: page.items.map((f) => folderRecordView(ctx, f)) };
};

/** File and folder queries. */
export const fileQueries: ResolverModule = {
  Query: { findFile, findFiles, findFolder, findFolders },
};

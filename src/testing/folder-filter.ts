/**
 * FolderFilterType on the filter engine (pkg/sqlite/folder_filter.go) and the
 * folder `q` search over the path (pkg/sqlite/folder.go Query).
 */
import { allFiles } from "./file-access";
import { parentFolderField, zipFileField } from "./file-filter";
import type { FilterEnv } from "./filter/env";
import { searchColumns } from "./filter/search";
import type { EntitySpec } from "./filter/types";
import { dirName } from "./present-media-file";
import type { FolderRecord } from "./store";

const FILES_BY_FOLDER = Symbol("file ids per folder path");

/** File ids per folder path, built once per request (files keep full paths, not folder ids). */
function filesIn(env: FilterEnv, path: string): readonly number[] {
  const index = env.lookup(FILES_BY_FOLDER, () => {
    const out = new Map<string, number[]>();
    for (const f of allFiles(env.store)) {
      const dir = dirName(f.record.path);
      const list = out.get(dir) ?? [];
      list.push(f.record.id);
      out.set(dir, list);
    }
    return out;
  });
  return index.get(path) ?? [];
}

/** The folder filter spec. */
export const FOLDER_SPEC: EntitySpec<FolderRecord> = {
  typeName: "FolderFilterType",
  records: (env) => env.store.all("folders"),
  search: searchColumns((f: FolderRecord) => [[f.path]]),
  fields: {
    path: (f) => f.path,
    mod_time: (f) => f.modTime,
    created_at: (f) => f.createdAt,
    updated_at: (f) => f.updatedAt,
    parent_folder: parentFolderField((f: FolderRecord) => f.parentFolderId),
    zip_file: zipFileField((f: FolderRecord) => f.zipFileId),
    gallery_count: (f, env) => env.store.referrerCount("galleryFolder", f.id),
    galleries_filter: { ids: (f, env) => [...env.store.referrers("galleryFolder", f.id)] },
    files_filter: { ids: (f, env) => filesIn(env, f.path) },
  },
};

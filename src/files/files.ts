/**
 * `stash.files`: files and folders as Stash's scanner recorded them, and the
 * file operations (move, delete, fingerprints).
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  DeleteFilesDocument,
  FileSetFingerprintsDocument,
  FindFilesDocument,
  FindFolderDocument,
  MoveFilesDocument,
  type FileFilterType,
  type FileSetFingerprintsInput,
  type FindFilesQuery,
  type FindFolderQuery,
  type MoveFilesInput,
} from "../../generated/graphql";
import { StashValidationError } from "../core/errors";
import { checkFilterTree, checkFindFilter, mergeQuery } from "../core/find-filter";
import { checkId, checkIds, checkKnownKeys, checkObject, checkString, type ID } from "../core/validate";
import { convertInput } from "../entities/input";
import type { FindManyArgs, FindManyResult, Loose } from "../entities/types";

/** A file (video, image or gallery archive). */
export type StashFile = FindFilesQuery["findFiles"]["files"][number];
/** A folder. */
export type StashFolder = FindFolderQuery["findFolder"];

/**
 * The `stash.files` namespace.
 *
 * @group Namespaces
 */
export interface FilesNamespace {
  /** A file by id, or `null` (one `findFiles` request, which answers an empty list instead of failing). */
  find(id: ID, options?: CallOptions): Promise<StashFile | null>;
  /** One page of files with `count`, `duration`, `megapixels` and `size` over all matches (Stash v0.29+). */
  findMany(
    args?: FindManyArgs<"file_filter", FileFilterType>,
    options?: CallOptions,
  ): Promise<FindManyResult<StashFile, { readonly duration: number; readonly megapixels: number; readonly size: number }>>;
  /** A folder by id or path. */
  folder(where: { readonly id: ID } | { readonly path: string }, options?: CallOptions): Promise<StashFolder>;
  /** Moves or renames files on disk. */
  move(input: Loose<MoveFilesInput>, options?: CallOptions): Promise<boolean>;
  /** Deletes files from disk and from Stash. Irreversible. */
  delete(ids: readonly ID[], options?: CallOptions): Promise<boolean>;
  /** Sets or removes fingerprints of a file. */
  setFingerprints(input: Loose<FileSetFingerprintsInput>, options?: CallOptions): Promise<boolean>;
}

/** Builds `stash.files` over a core. */
export function createFiles(core: StashCoreApi): FilesNamespace {
  const findMany = async (args: FindManyArgs<"file_filter", FileFilterType> = {}, options?: CallOptions) => {
    const input = checkObject(args, "args");
    checkKnownKeys(input, ["filter", "q", "ids", "file_filter"], "args");
    const variables =
      args.ids != null
        ? { ids: checkIds(args.ids, "ids") }
        : {
            ...(args.filter || args.q ? { filter: mergeQuery(checkFindFilter(args.filter, "filter"), args.q) } : {}),
            ...(args.file_filter ? { file_filter: checkFilterTree(args.file_filter, "file_filter") } : {}),
          };
    const { files: items, ...totals } = (await core.request(FindFilesDocument, variables, options)).findFiles;
    return { ...totals, items };
  };
  return {
    find: async (id, options) => (await findMany({ ids: [checkId(id)] }, options)).items[0] ?? null,
    findMany,
    folder: async (where, options) => {
      const w = checkObject(where, "where");
      checkKnownKeys(w, ["id", "path"], "where");
      if ((w["id"] === undefined) === (w["path"] === undefined)) throw new StashValidationError("where", "give exactly one of id and path");
      const variables = w["id"] !== undefined ? { id: checkId(w["id"], "where.id") } : { path: checkString(w["path"], "where.path", { nonEmpty: true }) };
      return (await core.request(FindFolderDocument, variables, options)).findFolder;
    },
    move: async (value, options) => {
      const input = convertInput("MoveFilesInput", value, "input", { mode: "create" }) as MoveFilesInput;
      return (await core.request(MoveFilesDocument, { input }, options)).moveFiles;
    },
    delete: async (ids, options) => (await core.request(DeleteFilesDocument, { ids: checkIds(ids, "ids") }, options)).deleteFiles,
    setFingerprints: async (value, options) => {
      const input = convertInput("FileSetFingerprintsInput", value, "input", { mode: "create" }) as FileSetFingerprintsInput;
      return (await core.request(FileSetFingerprintsDocument, { input }, options)).fileSetFingerprints;
    },
  };
}

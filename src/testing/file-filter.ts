/**
 * FileFilterType on the filter engine (pkg/sqlite/file_filter.go) and the
 * file `q` search over the full path (pkg/sqlite/file.go Query). Records are
 * every file of the three file tables, by their shared ids.
 */
import { stringMatcher, type HierarchicalCriterionInput, type MultiCriterionInput, type StringCriterionInput, type Truth } from "./criteria";
import { allFiles, fileFingerprints, fileOwner, type AnyFile } from "./file-access";
import { compileFilter } from "./filter/engine";
import type { FilterEnv } from "./filter/env";
import { expandHierarchy, singleHierarchicalMatcher, type Expander } from "./filter/multi";
import { searchColumns } from "./filter/search";
import type { CustomField, EntitySpec, FieldDef, Test } from "./filter/types";
import { baseName, dirName } from "./present-media-file";
import { parsePhash, phashDistance } from "./query-phash";
import type { Store } from "./store";

/** A file as the engine filters it: its id, and the file itself. */
export interface FileEntry {
  readonly id: number;
  readonly file: AnyFile;
}

type Fields = Readonly<Record<string, FieldDef<FileEntry>>>;

const custom = <R>(compile: CustomField<R, never>["compile"]): CustomField<R, never> => ({ compile });
const test = <R>(fn: (record: R) => Truth): Test<R, never> => ({ perRow: false, test: fn });

/** Folder ids below a folder (`folderParent`), for HierarchicalMultiCriterionInput on parent folders. */
export function folderExpander(store: Store): Expander {
  return (values, depth) =>
    expandHierarchy(values, depth, (id) => [...store.referrers("folderParent", id)], (id) => store.has("folders", id));
}

/** `parent_folder` over a single folder id: EQUALS is INCLUDES_ALL and NOT_EQUALS EXCLUDES, as for studios. */
export function parentFolderField<R>(folderOf: (record: R, env: FilterEnv) => number | null): CustomField<R, never> {
  return custom((c: HierarchicalCriterionInput, env) => {
    const match = singleHierarchicalMatcher(c, folderExpander(env.store));
    return match && test((r: R) => match(folderOf(r, env)));
  });
}

/** `zip_file`: `zip_file_id IN (…)` / `NOT IN (…)`, so a file outside any zip matches neither. */
export function zipFileField<R>(zipOf: (record: R, env: FilterEnv) => number | null): CustomField<R, never> {
  return custom((c: MultiCriterionInput, env) => {
    if (c.modifier === "IS_NULL") return test((r: R) => zipOf(r, env) === null);
    if (c.modifier === "NOT_NULL") return test((r: R) => zipOf(r, env) !== null);
    const values = new Set((c.value ?? []).map(Number));
    if (values.size === 0) return null;
    if (c.modifier === "INCLUDES") return test((r: R) => (zipOf(r, env) === null ? null : values.has(zipOf(r, env)!)));
    if (c.modifier === "EXCLUDES") return test((r: R) => (zipOf(r, env) === null ? null : !values.has(zipOf(r, env)!)));
    return null;
  });
}

function folderIdOf(store: Store, path: string): number | null {
  return store.folderAt(dirName(path))?.id ?? null;
}

function zipIdOf(store: Store, path: string): number | null {
  return store.folderAt(dirName(path))?.zipFileId ?? null;
}

function ownerCount(table: "scenes" | "images" | "galleries") {
  return (e: FileEntry, env: FilterEnv) => (fileOwner(env.store, e.file)?.table === table ? 1 : 0);
}

function ownerIds(table: "scenes" | "images" | "galleries") {
  return (e: FileEntry, env: FilterEnv) => {
    const owner = fileOwner(env.store, e.file);
    return owner?.table === table ? [owner.id] : [];
  };
}

const PHASH_COUNTS = Symbol("phash counts over every file kind");

/** How many files of any kind carry a phash, counted once per request. */
function phashCount(env: FilterEnv, phash: string): number {
  const counts = env.lookup(PHASH_COUNTS, () => {
    const out = new Map<string, number>();
    for (const f of allFiles(env.store)) {
      for (const fp of fileFingerprints(f)) if (fp.type === "phash") out.set(fp.value, (out.get(fp.value) ?? 0) + 1);
    }
    return out;
  });
  return counts.get(phash) ?? 0;
}

const phashOf = (e: FileEntry) => fileFingerprints(e.file).find((f) => f.type === "phash")?.value ?? null;

/**
 * `hashes`: Stash converts each value with StringToPhash and compares it with
 * the stored fingerprint as an integer, so only phash fingerprints can match.
 */
const hashesField = custom((hashes: { type: string; value: string; distance?: number | null }[]) => {
  if (hashes.length === 0) return null;
  return test((e: FileEntry) =>
    hashes.every((h) => {
      const own = fileFingerprints(e.file).find((f) => f.type === h.type);
      if (!own || h.type !== "phash") return false;
      const target = parsePhash(h.value) ?? { hi: 0, lo: 0 };
      const bits = parsePhash(own.value);
      if (!bits) return false;
      const distance = h.distance ?? 0;
      return distance > 0 ? phashDistance(bits, target) < distance : phashDistance(bits, target) === 0;
    }),
  );
});

/** The stand-in records no captions, so every caption row is NULL. */
const captionsField = custom((c: StringCriterionInput) => {
  if (c.modifier === "EXCLUDES") return test(() => true);
  const match = stringMatcher(c);
  return test(() => match(null));
});

const video = (read: (f: Extract<AnyFile, { table: "files" }>["record"], e: FileEntry, env: FilterEnv) => unknown) => (e: FileEntry, env: FilterEnv) =>
  (e.file.table === "files" ? read(e.file.record, e, env) : null) as never;

const sceneOf = (e: FileEntry, env: FilterEnv) => {
  const owner = fileOwner(env.store, e.file);
  return owner?.table === "scenes" ? env.store.get("scenes", owner.id) : undefined;
};

/** VideoFileFilterInput: the video_files columns (NULL for other files). */
const VIDEO_FIELDS: Fields = {
  format: video((f) => f.format),
  duration: video((f) => Math.trunc(f.duration)),
  resolution: video((f) => ({ width: f.width, height: f.height })),
  orientation: video((f) => ({ width: f.width, height: f.height })),
  framerate: video((f) => Math.round(f.frameRate)),
  bitrate: video((f) => f.bitRate),
  video_codec: video((f) => f.videoCodec),
  audio_codec: video((f) => f.audioCodec),
  // The stand-in keeps interactivity on the scene; Stash reads it from the video file row.
  interactive: video((_f, e, env) => sceneOf(e, env)?.interactive ?? false),
  interactive_speed: video((_f, e, env) => sceneOf(e, env)?.interactiveSpeed ?? null),
  captions: captionsField,
};

const image = (read: (f: Extract<AnyFile, { table: "imageFiles" }>["record"]) => unknown) => (e: FileEntry) =>
  (e.file.table === "imageFiles" ? read(e.file.record) : null) as never;

/** ImageFileFilterInput: the image_files columns (NULL for other files). */
const IMAGE_FIELDS: Fields = {
  format: image((f) => f.format),
  resolution: image((f) => ({ width: f.width, height: f.height })),
  orientation: image((f) => ({ width: f.width, height: f.height })),
};

/** The file filter spec. */
export const FILE_SPEC: EntitySpec<FileEntry> = {
  typeName: "FileFilterType",
  records: (env) => allFiles(env.store).map((file) => ({ id: file.record.id, file })),
  search: searchColumns((e: FileEntry) => [[e.file.record.path]]),
  fields: {
    path: (e) => e.file.record.path,
    basename: (e) => baseName(e.file.record.path),
    dir: (e) => dirName(e.file.record.path),
    mod_time: (e) => e.file.record.modTime,
    created_at: (e) => e.file.record.createdAt,
    updated_at: (e) => e.file.record.updatedAt,
    parent_folder: parentFolderField((e: FileEntry, env) => folderIdOf(env.store, e.file.record.path)),
    zip_file: zipFileField((e: FileEntry, env) => zipIdOf(env.store, e.file.record.path)),
    scene_count: ownerCount("scenes"),
    image_count: ownerCount("images"),
    gallery_count: ownerCount("galleries"),
    hashes: hashesField,
    // An inner join in Stash: files without a phash never match either way.
    duplicated: custom((c: { duplicated?: boolean | null }, env) => {
      if (c.duplicated == null) return null;
      const want = c.duplicated;
      return test((e: FileEntry) => {
        const phash = phashOf(e);
        return phash === null ? false : phashCount(env, phash) > 1 === want;
      });
    }),
    video_file_filter: custom((input: Record<string, unknown>, env) => compileFilter<FileEntry, never>(env, { fields: VIDEO_FIELDS }, "VideoFileFilterInput", input)),
    image_file_filter: custom((input: Record<string, unknown>, env) => compileFilter<FileEntry, never>(env, { fields: IMAGE_FIELDS }, "ImageFileFilterInput", input)),
    scenes_filter: { ids: ownerIds("scenes") },
    images_filter: { ids: ownerIds("images") },
    galleries_filter: { ids: ownerIds("galleries") },
  },
};

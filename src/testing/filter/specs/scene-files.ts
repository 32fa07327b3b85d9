/**
 * SceneFilterType keys that read a scene's files (path, fingerprints, video
 * properties) and the FileFilterType behind `files_filter`. Stash joins one
 * row per file, so all file criteria of a filter must hold for the same file;
 * a scene without files is a single row whose file columns are NULL.
 */
import { type StringCriterionInput, stringMatcher } from "../../criteria";
import { parsePhash, phashDistance, phashSigned } from "../../query-phash";
import type { FileRecord, SceneRecord } from "../../store";
import { compileFilter } from "../engine";
import type { FilterEnv } from "../env";
import type { CustomField, FieldDef, RowAccessor, Test } from "../types";

type SceneFileTest = Test<SceneRecord, FileRecord>;
type Fields = Readonly<Record<string, FieldDef<SceneRecord, FileRecord>>>;

function row(read: RowAccessor<SceneRecord, FileRecord>["row"]): RowAccessor<SceneRecord, FileRecord> {
  return { row: read };
}

function fileTest(test: (file: FileRecord | null, scene: SceneRecord) => boolean | null): SceneFileTest {
  return { test: (scene, file) => test(file, scene), perRow: true };
}

const custom = (compile: CustomField<SceneRecord, FileRecord>["compile"]): CustomField<SceneRecord, FileRecord> => ({ compile });

/** Captions are never recorded by the stand-in, so every caption row is NULL. */
function captions(c: StringCriterionInput): SceneFileTest {
  if (c.modifier === "EXCLUDES") return fileTest(() => true);
  const match = stringMatcher(c);
  return fileTest(() => match(null));
}

function duplicated(c: { duplicated?: boolean | null }, env: FilterEnv): SceneFileTest {
  if (c.duplicated === undefined || c.duplicated === null) throw new Error("duplicated: the duplicated flag must be set");
  const want = c.duplicated;
  // An inner join in Stash: files without a phash never match either way.
  return fileTest((file) => (file?.phash ? env.phashCount(file.phash) > 1 === want : false));
}

/** phash_distance (and the deprecated phash): integer comparison, or Hamming distance for EQUALS/NOT_EQUALS with a distance. */
function phashCriterion(c: { value: string; modifier: string; distance?: number | null }): SceneFileTest {
  const target = parsePhash(c.value) ?? { hi: 0, lo: 0 };
  const distance = c.distance ?? 0;
  const read = (file: FileRecord | null) => (file?.phash ? parsePhash(file.phash) : null);
  if (distance > 0 && (c.modifier === "EQUALS" || c.modifier === "NOT_EQUALS")) {
    const equals = c.modifier === "EQUALS";
    return fileTest((file) => {
      const bits = read(file);
      if (!bits) return false;
      const d = phashDistance(bits, target);
      return equals ? d < distance : d > distance;
    });
  }
  const value = phashSigned(target);
  const signed = (test: (v: bigint) => boolean) =>
    fileTest((file) => {
      const bits = read(file);
      return bits ? test(phashSigned(bits)) : null;
    });
  switch (c.modifier) {
    case "IS_NULL":
      return fileTest((file) => read(file) === null);
    case "NOT_NULL":
      return fileTest((file) => read(file) !== null);
    case "EQUALS":
      return signed((v) => v === value);
    case "NOT_EQUALS":
      return signed((v) => v !== value);
    case "GREATER_THAN":
      return signed((v) => v > value);
    case "LESS_THAN":
      return signed((v) => v < value);
    // IntCriterionInput's missing value2 is 0.
    case "BETWEEN":
      return signed((v) => v >= value && v <= 0n);
    case "NOT_BETWEEN":
      return signed((v) => v < value || v > 0n);
    default:
      throw new Error(`unsupported numeric modifier type ${c.modifier}`);
  }
}

function dirname(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : path.slice(0, cut + 1);
}

function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path.slice(cut + 1);
}

/** Video-file keys shared by SceneFilterType and VideoFileFilterInput. */
const VIDEO_FIELDS: Fields = {
  resolution: row((f) => ({ width: f.width, height: f.height })),
  orientation: row((f) => ({ width: f.width, height: f.height })),
  // Stash compares `cast(duration as int)` and `cast(ROUND(frame_rate) as int)`.
  duration: row((f) => Math.trunc(f.duration)),
  framerate: row((f) => Math.round(f.frameRate)),
  bitrate: row((f) => f.bitRate),
  video_codec: row((f) => f.videoCodec),
  audio_codec: row((f) => f.audioCodec),
  // The stand-in keeps interactivity on the scene; Stash reads it from the video file row.
  interactive: row((_f, s) => s.interactive),
  interactive_speed: row((_f, s) => s.interactiveSpeed),
  captions: custom(captions),
};

const FILE_FILTER_FIELDS: Fields = {
  path: row((f) => f.path),
  basename: row((f) => basename(f.path)),
  dir: row((f) => dirname(f.path)),
  mod_time: row((f) => f.modTime),
  created_at: row((f) => f.createdAt),
  updated_at: row((f) => f.updatedAt),
  duplicated: custom(duplicated),
  video_file_filter: custom((input: Record<string, unknown>, env) =>
    compileFilter<SceneRecord, FileRecord>(env, { fields: { ...VIDEO_FIELDS, format: row((f) => f.format) } }, "VideoFileFilterInput", input),
  ),
};

/** File-row keys of SceneFilterType. */
export const SCENE_FILE_FIELDS: Fields = {
  ...VIDEO_FIELDS,
  path: row((f) => f.path),
  oshash: row((f) => f.oshash),
  checksum: row((f) => f.md5),
  phash: custom((c: StringCriterionInput) => phashCriterion(c)),
  phash_distance: custom(phashCriterion),
  duplicated: custom(duplicated),
  // Stash joins the matching files directly, so these criteria share the scene's file row.
  files_filter: custom((input: Record<string, unknown>, env) => {
    const compiled = compileFilter<SceneRecord, FileRecord>(env, { fields: FILE_FILTER_FIELDS }, "FileFilterType", input);
    return compiled && { test: compiled.test, perRow: true };
  }),
};

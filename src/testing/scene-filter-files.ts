/**
 * SceneFilterType keys that read a scene's files (path, fingerprints, video
 * properties) and the FileFilterType behind `files_filter`. Stash joins one
 * row per file, so all file criteria of a filter must hold for the same file;
 * a scene without files is a single row whose file columns are NULL.
 */
import {
  type DateCriterionInput,
  dateMatcher,
  type NumberCriterionInput,
  numberMatcher,
  resolutionMatcher,
  type ResolutionCriterionInput,
  type StringCriterionInput,
  stringMatcher,
} from "./criteria";
import { parsePhash, phashDistance, phashSigned } from "./query-phash";
import { compileOperatorFilter } from "./query-operator";
import { type FieldCompiler, type FieldTest, fileTest, type SceneFilterEnv } from "./scene-filter-env";
import type { FileRecord, SceneRecord } from "./store";

type FileRead<T> = (file: FileRecord, scene: SceneRecord) => T;

function fileText(read: FileRead<string | null>): FieldCompiler {
  return (c: StringCriterionInput) => {
    const match = stringMatcher(c);
    return fileTest((file, scene) => match(file ? read(file, scene) : null));
  };
}

function fileNum(read: FileRead<number | null>): FieldCompiler {
  return (c: NumberCriterionInput) => {
    const match = numberMatcher(c);
    return fileTest((file, scene) => match(file ? read(file, scene) : null));
  };
}

function fileTime(read: FileRead<string>): FieldCompiler {
  return (c: DateCriterionInput, env) => {
    const match = dateMatcher(c, env.upperDefault, "timestamp");
    return fileTest((file, scene) => match(file ? read(file, scene) : null));
  };
}

function resolution(c: ResolutionCriterionInput): FieldTest | null {
  const match = resolutionMatcher(c);
  return match && fileTest((file) => match(file?.width ?? null, file?.height ?? null));
}

function orientation(c: { value: readonly string[] }): FieldTest | null {
  const tests = c.value.flatMap((v) => {
    if (v === "PORTRAIT") return [(w: number, h: number) => w < h];
    if (v === "LANDSCAPE") return [(w: number, h: number) => w > h];
    if (v === "SQUARE") return [(w: number, h: number) => w === h];
    return [];
  });
  if (tests.length === 0) return null;
  return fileTest((file) => (file ? tests.some((t) => t(file.width, file.height)) : null));
}

/** Captions are never recorded by the stand-in, so every caption row is NULL. */
function captions(c: StringCriterionInput): FieldTest {
  if (c.modifier === "EXCLUDES") return fileTest(() => true);
  const match = stringMatcher(c);
  return fileTest(() => match(null));
}

function duplicated(c: { duplicated?: boolean | null }, env: SceneFilterEnv): FieldTest {
  if (c.duplicated === undefined || c.duplicated === null) throw new Error("duplicated: the duplicated flag must be set");
  const want = c.duplicated;
  // An inner join in Stash: files without a phash never match either way.
  return fileTest((file) => (file?.phash ? env.phashCount(file.phash) > 1 === want : false));
}

/** phash_distance (and the deprecated phash): integer comparison, or Hamming distance for EQUALS/NOT_EQUALS with a distance. */
function phashCriterion(c: { value: string; modifier: string; distance?: number | null }): FieldTest {
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
const VIDEO_FIELDS: Readonly<Record<string, FieldCompiler>> = {
  resolution,
  orientation,
  // Stash compares `cast(duration as int)` and `cast(ROUND(frame_rate) as int)`.
  duration: fileNum((f) => Math.trunc(f.duration)),
  framerate: fileNum((f) => Math.round(f.frameRate)),
  bitrate: fileNum((f) => f.bitRate),
  video_codec: fileText((f) => f.videoCodec),
  audio_codec: fileText((f) => f.audioCodec),
  // The stand-in keeps interactivity on the scene; Stash reads it from the video file row.
  interactive: (value: boolean) => fileTest((file, scene) => (file ? scene.interactive === value : null)),
  interactive_speed: fileNum((_f, scene) => scene.interactiveSpeed),
  captions,
};

const FILE_FILTER_FIELDS: Readonly<Record<string, FieldCompiler>> = {
  path: fileText((f) => f.path),
  basename: fileText((f) => basename(f.path)),
  dir: fileText((f) => dirname(f.path)),
  mod_time: fileTime((f) => f.modTime),
  created_at: fileTime((f) => f.createdAt),
  updated_at: fileTime((f) => f.updatedAt),
  duplicated,
  video_file_filter: (input: Record<string, unknown>, env) =>
    compileOperatorFilter(input, env, "VideoFileFilterInput", {
      ...VIDEO_FIELDS,
      format: fileText((f) => f.format),
    }),
};

/** File-row keys of SceneFilterType. */
export const FILE_FIELDS: Readonly<Record<string, FieldCompiler>> = {
  ...VIDEO_FIELDS,
  path: fileText((f) => f.path),
  oshash: fileText((f) => f.oshash),
  checksum: fileText((f) => f.md5),
  phash: (c: StringCriterionInput) => phashCriterion(c),
  phash_distance: phashCriterion,
  duplicated,
  // Stash joins the matching files directly, so these criteria share the scene's file row.
  files_filter: (input: Record<string, unknown>, env) => {
    const compiled = compileOperatorFilter(input, env, "FileFilterType", FILE_FILTER_FIELDS);
    return compiled && { test: compiled.test, perFile: true };
  },
};

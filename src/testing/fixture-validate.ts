/**
 * Checks a fixture before anything is written, so a mistake is reported with
 * the path of the offending value (`scenes[3].files[0].phash ...`) instead of
 * surfacing later as a confusing query result.
 */
import type { Fixture, FixtureFile, FixtureMarker, FixtureScene } from "./fixture";
import { validateEntityFixture } from "./fixture-validate-entities";
import { validateGroupFixture } from "./fixture-validate-groups";
import { validateDiskImages, validateMediaFixture } from "./fixture-validate-media";
import { formatTime } from "./store";

/** Throws `invalid fixture: <path> <problem>`. */
export function fail(path: string, problem: string): never {
  throw new Error(`invalid fixture: ${path} ${problem}`);
}

/** True for a plain (non-array) object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An optional (or `required`) string. */
export function checkString(value: unknown, path: string, required = false): void {
  if (value === undefined || (!required && value === null)) {
    if (required) fail(path, "is required");
    return;
  }
  if (typeof value !== "string") fail(path, "must be a string");
}

/** A required string that is not blank. */
export function checkNonBlank(value: unknown, path: string): void {
  checkString(value, path, true);
  if ((value as string).trim() === "") fail(path, "must not be blank");
}

/** An optional finite number, with optional minimum, integer and required rules. */
export function checkNumber(value: unknown, path: string, opts: { min?: number; integer?: boolean; required?: boolean }): void {
  if (value === undefined || value === null) {
    if (opts.required) fail(path, "is required");
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "must be a finite number");
  if (opts.integer && !Number.isInteger(value)) fail(path, "must be an integer");
  if (opts.min !== undefined && value < opts.min) fail(path, `must be at least ${opts.min}`);
}

/** An optional array of non-blank strings. */
export function checkStringList(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, "must be an array of strings");
  value.forEach((item, i) => checkNonBlank(item, `${path}[${i}]`));
}

/** An optional string of exactly `digits` hex digits. */
export function checkHex(value: unknown, path: string, digits: number): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || !new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(value)) {
    fail(path, `must be ${digits} hex digits`);
  }
}

/** True for `YYYY`, `YYYY-MM` or a real calendar day `YYYY-MM-DD`. */
export function isFuzzyDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** Reads RFC3339, `YYYY-MM-DD HH:MM:SS` (UTC) or `YYYY-MM-DD` into a Stash Time string, or null. */
export function normalizeTime(value: string): string | null {
  const text = value.trim();
  let iso: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = `${text}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) iso = `${text.replace(" ", "T")}Z`;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) iso = text;
  else return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : formatTime(new Date(Math.floor(ms / 1000) * 1000));
}

/** An optional time in one of the accepted formats. */
export function checkTime(value: unknown, path: string): void {
  if (value === undefined) return;
  if (typeof value !== "string" || normalizeTime(value) === null) {
    fail(path, "must be a time (RFC3339, YYYY-MM-DD HH:MM:SS or YYYY-MM-DD)");
  }
}

function checkTimeList(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, "must be an array of times");
  value.forEach((item, i) => checkTime(item, `${path}[${i}]`));
}

function checkNamedList(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, "must be an array");
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item === "string") checkNonBlank(item, at);
    else if (isObject(item)) checkNonBlank(item.name, `${at}.name`);
    else fail(at, "must be a name or an object with a name");
  });
}

function checkFile(file: FixtureFile, path: string, seen: Set<string>): void {
  if (!isObject(file)) fail(path, "must be an object");
  checkNonBlank(file.path, `${path}.path`);
  if (seen.has(file.path)) fail(`${path}.path`, `repeats the path ${JSON.stringify(file.path)}`);
  seen.add(file.path);
  checkNumber(file.size, `${path}.size`, { min: 0, integer: true, required: true });
  checkNumber(file.duration, `${path}.duration`, { min: 0, required: true });
  checkNumber(file.width, `${path}.width`, { min: 0, integer: true, required: true });
  checkNumber(file.height, `${path}.height`, { min: 0, integer: true, required: true });
  checkHex(file.phash, `${path}.phash`, 16);
  checkHex(file.oshash, `${path}.oshash`, 16);
  checkHex(file.md5, `${path}.md5`, 32);
  checkString(file.format, `${path}.format`);
  checkString(file.video_codec, `${path}.video_codec`);
  checkString(file.audio_codec, `${path}.audio_codec`);
  checkNumber(file.frame_rate, `${path}.frame_rate`, { min: 0 });
  checkNumber(file.bit_rate, `${path}.bit_rate`, { min: 0, integer: true });
  checkTime(file.mod_time, `${path}.mod_time`);
}

function checkMarker(marker: FixtureMarker, path: string): void {
  if (!isObject(marker)) fail(path, "must be an object");
  checkString(marker.title, `${path}.title`, true);
  checkNumber(marker.seconds, `${path}.seconds`, { min: 0, required: true });
  checkNumber(marker.end_seconds, `${path}.end_seconds`, { min: 0 });
  if (typeof marker.end_seconds === "number" && marker.end_seconds < marker.seconds) {
    fail(`${path}.end_seconds`, "must be greater than or equal to seconds");
  }
  checkNonBlank(marker.primary_tag, `${path}.primary_tag`);
  checkStringList(marker.tags, `${path}.tags`);
}

function checkScene(scene: FixtureScene, path: string, seenPaths: Set<string>): void {
  if (!isObject(scene)) fail(path, "must be an object");
  for (const key of ["title", "code", "details", "director", "studio"] as const) checkString(scene[key], `${path}.${key}`);
  if (scene.date !== undefined && scene.date !== null) {
    if (typeof scene.date !== "string" || !isFuzzyDate(scene.date)) fail(`${path}.date`, "must be YYYY, YYYY-MM or YYYY-MM-DD");
  }
  checkNumber(scene.rating100, `${path}.rating100`, { min: 0, integer: true });
  if (typeof scene.rating100 === "number" && scene.rating100 > 100) fail(`${path}.rating100`, "must be at most 100");
  if (scene.organized !== undefined && typeof scene.organized !== "boolean") fail(`${path}.organized`, "must be a boolean");
  checkStringList(scene.urls, `${path}.urls`);
  checkStringList(scene.tags, `${path}.tags`);
  checkStringList(scene.performers, `${path}.performers`);
  checkNamedList(scene.groups, `${path}.groups`);
  checkTimeList(scene.play_history, `${path}.play_history`);
  checkTimeList(scene.o_history, `${path}.o_history`);
  checkNumber(scene.resume_time, `${path}.resume_time`, { min: 0 });
  checkNumber(scene.play_duration, `${path}.play_duration`, { min: 0 });
  checkTime(scene.created_at, `${path}.created_at`);
  checkTime(scene.updated_at, `${path}.updated_at`);
  if (scene.files !== undefined && !Array.isArray(scene.files)) fail(`${path}.files`, "must be an array");
  (scene.files ?? []).forEach((file, i) => checkFile(file, `${path}.files[${i}]`, seenPaths));
  if (scene.markers !== undefined && !Array.isArray(scene.markers)) fail(`${path}.markers`, "must be an array");
  (scene.markers ?? []).forEach((marker, i) => checkMarker(marker, `${path}.markers[${i}]`));
  // Stash refuses a scene with neither a title nor a file.
  if (String(scene.title ?? "").trim() === "" && (scene.files ?? []).length === 0) {
    fail(path, "needs a title or at least one file");
  }
}

/** Throws a descriptive error for the first problem in the fixture; returns silently when it is valid. */
export function validateFixture(fixture: Fixture): void {
  if (!isObject(fixture)) fail("fixture", "must be an object");
  const known = new Set(["tags", "performers", "studios", "groups", "scenes", "galleries", "images", "saved_filters", "folders", "disk", "disk_images", "plugins"]);
  for (const key of Object.keys(fixture)) if (!known.has(key)) fail(key, "is not a fixture key");
  validateEntityFixture(fixture);
  validateGroupFixture(fixture);
  if (fixture.scenes !== undefined && !Array.isArray(fixture.scenes)) fail("scenes", "must be an array");
  const seenPaths = new Set<string>();
  (fixture.scenes ?? []).forEach((scene, i) => checkScene(scene, `scenes[${i}]`, seenPaths));
  validateMediaFixture(fixture, seenPaths);
  if (fixture.disk !== undefined && !Array.isArray(fixture.disk)) fail("disk", "must be an array");
  if (fixture.plugins !== undefined && !Array.isArray(fixture.plugins)) fail("plugins", "must be an array");
  fixture.plugins?.forEach((plugin, i) => {
    if (typeof plugin?.id !== "string" || plugin.id === "") fail(`plugins[${i}].id`, "must be a non-empty string");
    if (!Array.isArray(plugin.exec) || plugin.exec.length === 0) fail(`plugins[${i}].exec`, "must be a non-empty array of strings");
  });
  (fixture.disk ?? []).forEach((file, i) => checkFile(file, `disk[${i}]`, seenPaths));
  validateDiskImages(fixture, seenPaths);
}

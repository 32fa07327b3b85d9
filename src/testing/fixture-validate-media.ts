/**
 * Checks a fixture's galleries and images before anything is written, naming
 * the offending value (`images[2].files[0].md5 ...`). References between
 * entries (an image's gallery, a gallery's cover) are checked while seeding,
 * where the names resolve.
 */
import type { Fixture } from "./fixture";
import type { FixtureGallery, FixtureImage, FixtureImageFile } from "./fixture-media";
import { checkHex, checkNonBlank, checkNumber, checkString, checkStringList, checkTime, fail, isFuzzyDate, isObject } from "./fixture-validate";

type Common = FixtureGallery | FixtureImage;

function checkCommon(entry: Common, path: string): void {
  for (const key of ["title", "code", "details", "photographer", "studio"] as const) checkString(entry[key], `${path}.${key}`);
  if (entry.date !== undefined && entry.date !== null && (typeof entry.date !== "string" || !isFuzzyDate(entry.date))) {
    fail(`${path}.date`, "must be YYYY, YYYY-MM or YYYY-MM-DD");
  }
  checkNumber(entry.rating100, `${path}.rating100`, { min: 0, integer: true });
  if (typeof entry.rating100 === "number" && entry.rating100 > 100) fail(`${path}.rating100`, "must be at most 100");
  if (entry.organized !== undefined && typeof entry.organized !== "boolean") fail(`${path}.organized`, "must be a boolean");
  checkStringList(entry.urls, `${path}.urls`);
  checkStringList(entry.tags, `${path}.tags`);
  checkStringList(entry.performers, `${path}.performers`);
  checkTime(entry.created_at, `${path}.created_at`);
  checkTime(entry.updated_at, `${path}.updated_at`);
}

function checkPath(value: unknown, path: string, seen: Set<string>): void {
  checkNonBlank(value, path);
  if (seen.has(value as string)) fail(path, `repeats the path ${JSON.stringify(value)}`);
  seen.add(value as string);
}

function checkImageFile(file: FixtureImageFile, path: string, seen: Set<string>): void {
  if (!isObject(file)) fail(path, "must be an object");
  checkPath(file.path, `${path}.path`, seen);
  checkNumber(file.size, `${path}.size`, { min: 0, integer: true, required: true });
  checkNumber(file.width, `${path}.width`, { min: 0, integer: true, required: true });
  checkNumber(file.height, `${path}.height`, { min: 0, integer: true, required: true });
  checkString(file.format, `${path}.format`);
  checkHex(file.md5, `${path}.md5`, 32);
  checkHex(file.phash, `${path}.phash`, 16);
  checkTime(file.mod_time, `${path}.mod_time`);
}

function checkImage(image: FixtureImage, path: string, seen: Set<string>): void {
  if (!isObject(image)) fail(path, "must be an object");
  checkCommon(image, path);
  checkNumber(image.o_counter, `${path}.o_counter`, { min: 0, integer: true });
  checkStringList(image.galleries, `${path}.galleries`);
  if (!Array.isArray(image.files) || image.files.length === 0) fail(`${path}.files`, "must be a non-empty array (images exist only as scanned files)");
  image.files.forEach((file, i) => checkImageFile(file, `${path}.files[${i}]`, seen));
}

function checkGallery(gallery: FixtureGallery, path: string, seen: Set<string>): void {
  if (!isObject(gallery)) fail(path, "must be an object");
  checkCommon(gallery, path);
  checkString(gallery.folder, `${path}.folder`);
  checkString(gallery.cover, `${path}.cover`);
  checkStringList(gallery.scenes, `${path}.scenes`);
  if (gallery.folder !== undefined && gallery.zip !== undefined) fail(path, "must have a folder or a zip, not both");
  if (gallery.zip !== undefined) {
    if (!isObject(gallery.zip)) fail(`${path}.zip`, "must be an object");
    checkPath(gallery.zip.path, `${path}.zip.path`, seen);
    checkNumber(gallery.zip.size, `${path}.zip.size`, { min: 0, integer: true, required: true });
    checkHex(gallery.zip.md5, `${path}.zip.md5`, 32);
    checkTime(gallery.zip.mod_time, `${path}.zip.mod_time`);
  }
  // galleryCreate refuses an empty title; scanned galleries take theirs from the path.
  if (gallery.folder === undefined && gallery.zip === undefined && String(gallery.title ?? "").trim() === "") {
    fail(path, "needs a title, a folder or a zip");
  }
  if (gallery.chapters !== undefined && !Array.isArray(gallery.chapters)) fail(`${path}.chapters`, "must be an array");
  (gallery.chapters ?? []).forEach((chapter, i) => {
    const at = `${path}.chapters[${i}]`;
    if (!isObject(chapter)) fail(at, "must be an object");
    checkString(chapter.title, `${at}.title`, true);
    checkNumber(chapter.image_index, `${at}.image_index`, { min: 1, integer: true, required: true });
  });
}

/** Throws for the first problem in `fixture.galleries` or `fixture.images`; `seenPaths` holds the file paths checked so far. */
export function validateMediaFixture(fixture: Fixture, seenPaths: Set<string>): void {
  if (fixture.galleries !== undefined && !Array.isArray(fixture.galleries)) fail("galleries", "must be an array");
  if (fixture.images !== undefined && !Array.isArray(fixture.images)) fail("images", "must be an array");
  (fixture.galleries ?? []).forEach((gallery, i) => checkGallery(gallery, `galleries[${i}]`, seenPaths));
  (fixture.images ?? []).forEach((image, i) => checkImage(image, `images[${i}]`, seenPaths));
}

/** Throws for the first problem in `fixture.disk_images`; their paths must be new too. */
export function validateDiskImages(fixture: Fixture, seenPaths: Set<string>): void {
  if (fixture.disk_images !== undefined && !Array.isArray(fixture.disk_images)) fail("disk_images", "must be an array");
  (fixture.disk_images ?? []).forEach((file, i) => checkImageFile(file, `disk_images[${i}]`, seenPaths));
}

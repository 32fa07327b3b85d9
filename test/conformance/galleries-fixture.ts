/**
 * The gallery library of test/conformance/cases/galleries.md: six user galleries
 * (galleryCreate with a title, then one galleryUpdate per field so a refused
 * field fails only its own cases), an optional folder gallery for the path
 * criterion, and optional images and a chapter.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";
import { seedImages } from "./images-seed";

/** Labels of everything the gallery fixture builds. */
export interface GalleryLibrary {
  readonly galleries: Labels;
  readonly images: Labels;
  readonly tags: Labels;
  readonly performers: Labels;
  readonly studios: Labels;
  readonly scenes: Labels;
}

/** Gallery titles by label. */
export const GALLERY_TITLES: Readonly<Record<string, string>> = {
  GA: "gallery_0001_Title",
  GB: "gallery_0002_Title",
  GC: "gallery three",
  GD: "gallery four",
  GE: "gallery five",
  GF: "gallery six",
};

/** The folder gallery's path (label GP). */
export const GALLERY_FOLDER = "/lib/galleries/gallery_0009_Path";

/** Gallery urls by label. */
export const GALLERY_URLS: Readonly<Record<string, string>> = {
  GA: "https://example.org/gallery_0001_URL",
  GB: "https://example.org/gallery_0002_URL",
};

const PERFORMER_TAGS: Readonly<Record<string, string[]>> = {
  "gp one": ["pt a"],
  "gp two": ["pt b", "pt c"],
  "gp four": ["pt b"],
  "gp three": [],
  "gp leaf": ["pt leaf"],
};

/** Builds the gallery library. */
export async function buildGalleryLibrary(c: Conformance): Promise<GalleryLibrary> {
  const lib: GalleryLibrary = { galleries: new Labels(), images: new Labels(), tags: new Labels(), performers: new Labels(), studios: new Labels(), scenes: new Labels() };
  const base = await c.standIn.seed({
    tags: ["ga", "gb", "gc", "pt a", "pt b", "pt c", "pt top", { name: "pt mid", parents: ["pt top"] }, { name: "pt leaf", parents: ["pt mid"] }],
    studios: ["studio top", { name: "studio mid", parent: "studio top" }, { name: "studio leaf", parent: "studio mid" }, "studio other"],
    scenes: [{ title: "gallery scene", files: [{ path: "/lib/galleries/scene.mp4", size: 1000, duration: 60, width: 640, height: 480 }] }],
  });
  for (const [name, id] of Object.entries(base.tags)) lib.tags.set(name, id);
  for (const [name, id] of Object.entries(base.studios)) lib.studios.set(name, id);
  lib.scenes.set("GS1", base.sceneIdsByTitle["gallery scene"]!);
  for (const [name, tags] of Object.entries(PERFORMER_TAGS)) lib.performers.set(name, await create(c, "performer", { name, tag_ids: lib.tags.ids(...tags) }));
  for (const [label, title] of Object.entries(GALLERY_TITLES)) lib.galleries.set(label, await create(c, "gallery", { title }));
  const t = (...names: string[]) => lib.tags.ids(...names);
  const p = (...names: string[]) => lib.performers.ids(...names);
  const fields: Record<string, Record<string, unknown>> = {
    GA: { urls: [GALLERY_URLS.GA], rating100: 60, date: "2001-02-03", studio_id: lib.studios.id("studio leaf"), tag_ids: t("ga"), performer_ids: p("gp one"), scene_ids: [lib.scenes.id("GS1")] },
    GB: { urls: [GALLERY_URLS.GB], rating100: 80, date: "2000-01-01", studio_id: lib.studios.id("studio other"), tag_ids: t("ga", "gb"), performer_ids: p("gp two", "gp four") },
    GC: { tag_ids: t("ga", "gb", "gc"), performer_ids: p("gp two", "gp four", "gp three") },
    GD: { performer_ids: p("gp three") },
    GF: { performer_ids: p("gp leaf") },
  };
  for (const [label, set] of Object.entries(fields)) await updateEach(c, "gallery", lib.galleries.id(label), set, "gallery");
  await c.attempt("gallery.folder", async () => {
    const seeded = await c.standIn.seed({ galleries: [{ folder: GALLERY_FOLDER }] });
    const id = seeded.galleries?.[0];
    if (!id) throw new Error("seed() returned no gallery id for a folder gallery");
    lib.galleries.set("GP", id);
  });
  await c.attempt("image", () =>
    seedImages(
      c,
      [
        { label: "GI1", title: "gallery image one", path: "/lib/galleries/images/gi1.jpg", width: 320, height: 240, set: { gallery_ids: [lib.galleries.id("GA")] } },
        { label: "GI2", title: "gallery image two", path: "/lib/galleries/images/gi2.jpg", width: 1280, height: 720, set: { gallery_ids: [lib.galleries.id("GB")] } },
        { label: "GI3", title: "gallery image three", path: "/lib/galleries/images/gi3.jpg", width: 1280, height: 720, set: { gallery_ids: [lib.galleries.id("GB")] } },
        { label: "GI4", title: "gallery image loose", path: "/lib/galleries/images/gi4.jpg", width: 1280, height: 720 },
      ],
      lib.images,
    ),
  );
  await c.attempt("gallery.chapter", () =>
    c.run("mutation($i: GalleryChapterCreateInput!) { galleryChapterCreate(input: $i) { id } }", { i: { gallery_id: lib.galleries.id("GB"), title: "chapter", image_index: 1 } }),
  );
  return lib;
}

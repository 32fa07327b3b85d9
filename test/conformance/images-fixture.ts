/**
 * The image library of test/conformance/cases/images.md: six images from the
 * fixture (title and file only), every other fact set by imageUpdate, one
 * field per update so a refused field fails only its own cases.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";
import { seedImages, type ImageSpec } from "./images-seed";

/** Labels of everything the image fixture builds. */
export interface ImageLibrary {
  readonly images: Labels;
  readonly tags: Labels;
  readonly performers: Labels;
  readonly studios: Labels;
  readonly galleries: Labels;
}

/** Image titles by label. */
export const IMAGE_TITLES: Readonly<Record<string, string>> = {
  IA: "image_0001_Title",
  IB: "image_0002_Title",
  IC: "image three",
  ID: "image four",
  IE: "image five",
  IF: "image six",
};

/** Image file paths by label. */
export const IMAGE_PATHS: Readonly<Record<string, string>> = {
  IA: "/lib/images/image_0001_Path.jpg",
  IB: "/lib/images/image_0002_Path.jpg",
  IC: "/lib/images/other/c.jpg",
  ID: "/lib/images/other/d.jpg",
  IE: "/lib/images/other/e.jpg",
  IF: "/lib/images/other/f.jpg",
};

/** Image urls by label. */
export const IMAGE_URLS: Readonly<Record<string, string>> = {
  IA: "https://example.org/image_0001_URL",
  IB: "https://example.org/image_0002_URL",
};

const SIZES: Readonly<Record<string, [number, number]>> = { IA: [320, 240], IB: [1280, 720], IC: [1920, 1080], ID: [3840, 2160], IE: [640, 480], IF: [100, 100] };

const PERFORMER_TAGS: Readonly<Record<string, string[]>> = {
  "ip one": ["pt a"],
  "ip two": ["pt b", "pt c"],
  "ip four": ["pt b"],
  "ip three": [],
  "ip leaf": ["pt leaf"],
};

/** Builds the image library; throws (failing the file) when images cannot be seeded at all. */
export async function buildImageLibrary(c: Conformance): Promise<ImageLibrary> {
  const lib: ImageLibrary = { images: new Labels(), tags: new Labels(), performers: new Labels(), studios: new Labels(), galleries: new Labels() };
  const base = await c.standIn.seed({
    tags: ["ia", "ib", "ic", "pt a", "pt b", "pt c", "pt top", { name: "pt mid", parents: ["pt top"] }, { name: "pt leaf", parents: ["pt mid"] }],
    studios: ["studio top", { name: "studio mid", parent: "studio top" }, { name: "studio leaf", parent: "studio mid" }, "studio other"],
  });
  for (const [name, id] of Object.entries(base.tags)) lib.tags.set(name, id);
  for (const [name, id] of Object.entries(base.studios)) lib.studios.set(name, id);
  for (const [name, tags] of Object.entries(PERFORMER_TAGS)) lib.performers.set(name, await create(c, "performer", { name, tag_ids: lib.tags.ids(...tags) }));
  await c.attempt("gallery", async () => {
    for (const title of ["gal one", "gal two", "gal three"]) lib.galleries.set(title, await create(c, "gallery", { title }));
  });
  const specs: ImageSpec[] = Object.entries(IMAGE_TITLES).map(([label, title]) => ({ label, title, path: IMAGE_PATHS[label]!, width: SIZES[label]![0], height: SIZES[label]![1] }));
  await c.attempt("image", () => seedImages(c, specs, lib.images));
  if (c.missing("image")) return lib;
  const t = (...names: string[]) => lib.tags.ids(...names);
  const p = (...names: string[]) => lib.performers.ids(...names);
  const g = (...names: string[]) => (lib.galleries.has(names[0]!) ? lib.galleries.ids(...names) : null);
  const fields: Record<string, Record<string, unknown>> = {
    IA: { rating100: 60, date: "2001-02-03", urls: [IMAGE_URLS.IA], studio_id: lib.studios.id("studio other"), tag_ids: t("ia"), performer_ids: p("ip one"), gallery_ids: g("gal one") },
    IB: { rating100: 80, date: "2000-01-01", urls: [IMAGE_URLS.IB], studio_id: lib.studios.id("studio leaf"), tag_ids: t("ia", "ib"), performer_ids: p("ip two", "ip four"), gallery_ids: g("gal two", "gal three") },
    IC: { tag_ids: t("ia", "ib", "ic"), performer_ids: p("ip two", "ip four", "ip three") },
    ID: { rating100: 20, performer_ids: p("ip three") },
    IE: { performer_ids: p("ip leaf") },
  };
  for (const [label, set] of Object.entries(fields)) {
    const { gallery_ids, ...rest } = set;
    await updateEach(c, "image", lib.images.id(label), rest, "image");
    if (gallery_ids) await updateEach(c, "image", lib.images.id(label), { gallery_ids }, "image");
  }
  await c.attempt("image.o", async () => {
    for (const [label, times] of [["IA", 1], ["IB", 2]] as const) {
      for (let i = 0; i < times; i++) await c.run("mutation($id: ID!) { imageIncrementO(id: $id) }", { id: lib.images.id(label) });
    }
  });
  return lib;
}

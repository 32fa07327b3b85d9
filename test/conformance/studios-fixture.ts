/**
 * The studio library of test/conformance/cases/studios.md: two studios that carry
 * every optional field (set one update at a time, so a field the stand-in
 * refuses only skips its cases), a parent/child pair and a bare studio.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";
import { seedImages } from "./images-seed";

/** Labels of everything the studio fixture builds. */
export interface StudioLibrary {
  readonly studios: Labels;
  readonly tags: Labels;
}

/** Studio names by label. */
export const STUDIO_NAMES: Readonly<Record<string, string>> = {
  ST1: "studio_0001_Name",
  ST2: "studio_0002_Name",
  SP: "studio parent",
  SC: "studio child",
  SB: "studio bare",
};

/** Studio urls by label. */
export const STUDIO_URLS: Readonly<Record<string, string>> = {
  ST1: "https://example.org/studio_0001_URL",
  ST2: "https://example.org/studio_0002_URL",
};

/** Builds the studio library. */
export async function buildStudioLibrary(c: Conformance): Promise<StudioLibrary> {
  const lib: StudioLibrary = { studios: new Labels(), tags: new Labels() };
  for (const name of ["st tag one", "st tag two"]) lib.tags.set(name, await create(c, "tag", { name }));
  const n = STUDIO_NAMES;
  lib.studios.set("ST1", await create(c, "studio", { name: n.ST1, aliases: ["studio_0001_Alias"] }));
  lib.studios.set("ST2", await create(c, "studio", { name: n.ST2, aliases: ["studio_0002_Alias"] }));
  lib.studios.set("SP", await create(c, "studio", { name: n.SP }));
  lib.studios.set("SC", await create(c, "studio", { name: n.SC, parent_id: lib.studios.id("SP") }));
  lib.studios.set("SB", await create(c, "studio", { name: n.SB }));
  const t = (...names: string[]) => lib.tags.ids(...names);
  await updateEach(c, "studio", lib.studios.id("ST1"), { urls: [STUDIO_URLS.ST1], rating100: 60, tag_ids: t("st tag one"), ignore_auto_tag: true }, "studio");
  await updateEach(c, "studio", lib.studios.id("ST2"), { urls: [STUDIO_URLS.ST2], rating100: 80, tag_ids: t("st tag one", "st tag two") }, "studio");
  const clip = (i: number) => ({ path: `/lib/studios/clip_${i}.mp4`, size: 1000 * i, duration: 60, width: 640, height: 480 });
  await c.standIn.seed({
    scenes: [
      { title: "studio scene one", studio: n.ST1, files: [clip(1)] },
      { title: "studio scene two", studio: n.ST1, files: [clip(2)] },
      { title: "studio scene three", studio: n.ST2, files: [clip(3)] },
    ],
  });
  await c.attempt("gallery", () => create(c, "gallery", { title: "studio gallery", studio_id: lib.studios.id("ST1") }));
  await c.attempt("image", () =>
    seedImages(c, [{ label: "I1", title: "studio image", path: "/lib/studios/i1.jpg", width: 10, height: 10, set: { studio_id: lib.studios.id("ST2") } }]),
  );
  return lib;
}

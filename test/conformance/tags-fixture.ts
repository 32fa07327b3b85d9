/**
 * The tag library of test/conformance/cases/tags.md: tags with aliases and a
 * hierarchy, each count criterion of tag_test.go backed by one tag used once
 * (T1) and one used most. Relations are made from the other side (scenes by
 * seed(), performers/studios/galleries/groups by their create mutations,
 * images by the fixture), each optional so a missing one only skips its cases.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";
import { seedImages } from "./images-seed";

/** Labels of everything the tag fixture builds. */
export interface TagLibrary {
  readonly tags: Labels;
  readonly scenes: Labels;
  readonly performers: Labels;
}

/** Tag names by label. */
export const TAG_NAMES: Readonly<Record<string, string>> = {
  T1: "tag_0001_Name",
  T2: "tag_0002_Name",
  TMP: "tag marker primary",
  TMS: "tag marker secondary",
  TP: "tag performer",
  TS: "tag studio",
  TG: "tag gallery",
  TI: "tag image",
  TGR: "tag group",
  TIMG: "tag with image",
  TPA: "tag parent",
  TCH: "tag child",
  TOP: "tag top",
  MID: "tag mid",
  LEAF: "tag leaf",
};

/** T1's stash id. */
export const TAG_STASH_ID = { endpoint: "https://stashdb.example/graphql", stash_id: "tid-0001" };

/** A 1x1 PNG as a data URL, for tag images. */
export const PIXEL_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Builds the tag library; relations other than scenes and performers are optional features. */
export async function buildTagLibrary(c: Conformance): Promise<TagLibrary> {
  const lib: TagLibrary = { tags: new Labels(), scenes: new Labels(), performers: new Labels() };
  const n = TAG_NAMES;
  const clip = (i: number) => ({ path: `/lib/tags/clip_${i}.mp4`, size: 1000 * i, duration: 60, width: 640, height: 480 });
  const seeded = await c.standIn.seed({
    tags: [
      { name: n.T1!, aliases: ["tag_0001_Alias"] },
      { name: n.T2!, aliases: ["tag_0002_Alias"] },
      n.TMP!, n.TMS!, n.TP!, n.TS!, n.TG!, n.TI!, n.TGR!, n.TIMG!, n.TPA!,
      { name: n.TCH!, parents: [n.TPA!] },
      n.TOP!,
      { name: n.MID!, parents: [n.TOP!] },
      { name: n.LEAF!, parents: [n.MID!] },
    ],
    scenes: [
      {
        title: "tag scene one", tags: [n.T1!, n.T2!], files: [clip(1)],
        markers: [
          { title: "mk a", seconds: 1, primary_tag: n.TMP!, tags: [n.TMS!] },
          { title: "mk b", seconds: 2, primary_tag: n.TMP! },
        ],
      },
      { title: "tag scene two", tags: [n.T2!], files: [clip(2)] },
    ],
  });
  const labelOf = Object.fromEntries(Object.entries(n).map(([label, name]) => [name, label]));
  for (const [name, id] of Object.entries(seeded.tags)) lib.tags.set(labelOf[name] ?? name, id);
  for (const [title, id] of Object.entries(seeded.sceneIdsByTitle)) lib.scenes.set(title, id);
  const t = (...labels: string[]) => lib.tags.ids(...labels);

  lib.performers.set("P1", await create(c, "performer", { name: "tag perf one", tag_ids: t("TP", "T1") }));
  lib.performers.set("P2", await create(c, "performer", { name: "tag perf two", tag_ids: t("TP") }));
  await c.attempt("studio.tag_ids", async () => {
    await create(c, "studio", { name: "tag studio one", tag_ids: t("TS", "T1") });
    await create(c, "studio", { name: "tag studio two", tag_ids: t("TS") });
  });
  await c.attempt("gallery", async () => {
    await create(c, "gallery", { title: "tag gallery one", tag_ids: t("TG", "T1") });
    await create(c, "gallery", { title: "tag gallery two", tag_ids: t("TG") });
  });
  await c.attempt("group.tag_ids", async () => {
    await create(c, "group", { name: "tag group one", tag_ids: t("TGR", "T1") });
    await create(c, "group", { name: "tag group two", tag_ids: t("TGR") });
  });
  await c.attempt("image", () =>
    seedImages(c, [
      { label: "I1", title: "tag image one", path: "/lib/tags/i1.jpg", width: 10, height: 10, set: { tag_ids: t("TI", "T1") } },
      { label: "I2", title: "tag image two", path: "/lib/tags/i2.jpg", width: 10, height: 10, set: { tag_ids: t("TI") } },
    ]),
  );
  await updateEach(c, "tag", lib.tags.id("T1"), { stash_ids: [TAG_STASH_ID], ignore_auto_tag: true }, "tag");
  await updateEach(c, "tag", lib.tags.id("TIMG"), { image: PIXEL_PNG }, "tag");
  return lib;
}

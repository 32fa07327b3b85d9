/**
 * The performer library of test/conformance/cases/performers.md: two performers
 * carrying every optional field (one update per field, so a refused field
 * only skips its cases), three plain ones, and scenes, a gallery and an
 * image that tie them to studios.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";
import { seedImages } from "./images-seed";

/** Labels of everything the performer fixture builds. */
export interface PerformerLibrary {
  readonly performers: Labels;
  readonly tags: Labels;
  readonly studios: Labels;
}

/** Performer names by label. */
export const PERFORMER_NAMES: Readonly<Record<string, string>> = {
  PA: "performer_0001_Name",
  PB: "performer_0002_Name",
  PC: "performer three",
  PD: "performer four",
  PE: "performer five",
};

/** PA's and PB's single-valued fields. */
export const PERFORMER_FIELDS = {
  PA: {
    ethnicity: "performer_0001_Ethnicity", rating100: 60, circumcised: "CUT", penis_length: 1, birthdate: "1950-06-15", death_date: "1980-06-14",
    career_length: "2005", urls: ["https://example.org/performer_0001_URL"], ignore_auto_tag: true,
    stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "pid-0001" }],
    custom_fields: { full: { string: "performer_0001_13_custom", real: 0.1 } },
  },
  PB: {
    ethnicity: "performer_0002_Ethnicity", rating100: 80, circumcised: "UNCUT", penis_length: 3, birthdate: "1950-06-15", death_date: "1980-06-15",
    career_length: "2010 - 2015", urls: ["https://example.org/performer_0002_URL"], custom_fields: { full: { real: 0.5 } },
  },
  PD: { rating100: 20, penis_length: 5 },
} as const;

/** Builds the performer library. */
export async function buildPerformerLibrary(c: Conformance): Promise<PerformerLibrary> {
  const lib: PerformerLibrary = { performers: new Labels(), tags: new Labels(), studios: new Labels() };
  for (const name of ["pt1", "pt2"]) lib.tags.set(name, await create(c, "tag", { name }));
  const n = PERFORMER_NAMES;
  const t = (...names: string[]) => lib.tags.ids(...names);
  lib.performers.set("PA", await create(c, "performer", { name: n.PA, alias_list: ["alias alpha"], tag_ids: t("pt1") }));
  lib.performers.set("PB", await create(c, "performer", { name: n.PB, tag_ids: t("pt1", "pt2") }));
  lib.performers.set("PC", await create(c, "performer", { name: n.PC }));
  lib.performers.set("PD", await create(c, "performer", { name: n.PD, tag_ids: t("pt2") }));
  lib.performers.set("PE", await create(c, "performer", { name: n.PE }));
  for (const label of ["PA", "PB", "PD"] as const) {
    await updateEach(c, "performer", lib.performers.id(label), { ...PERFORMER_FIELDS[label] }, "performer");
  }
  for (const name of ["st scene", "st one", "st two", "st gallery", "st image"]) lib.studios.set(name, await create(c, "studio", { name }));
  const clip = (i: number) => ({ path: `/lib/performers/clip_${i}.mp4`, size: 1000 * i, duration: 60, width: 640, height: 480 });
  await c.standIn.seed({
    scenes: [
      { title: "perf scene one", performers: [n.PA!, n.PB!], studio: "st scene", files: [clip(1)] },
      { title: "perf scene two", performers: [n.PB!], files: [clip(2)] },
      { title: "perf scene three", performers: [n.PB!], files: [clip(3)] },
      { title: "perf scene four", performers: [n.PE!], studio: "st one", files: [clip(4)] },
      { title: "perf scene five", performers: [n.PE!], studio: "st two", files: [clip(5)] },
    ],
  });
  await c.attempt("gallery", () =>
    create(c, "gallery", { title: "perf gallery", performer_ids: lib.performers.ids("PD"), studio_id: lib.studios.id("st gallery") }),
  );
  await c.attempt("image", () =>
    seedImages(c, [
      { label: "I1", title: "perf image", path: "/lib/performers/i1.jpg", width: 10, height: 10, set: { performer_ids: lib.performers.ids("PC"), studio_id: lib.studios.id("st image") } },
    ]),
  );
  return lib;
}

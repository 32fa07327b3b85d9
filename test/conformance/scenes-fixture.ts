/**
 * The scene library of test/conformance/cases/scenes.md: six scenes whose tags,
 * performers, studios, groups, ratings, files and fingerprints give each
 * criterion of scene_test.go one record that matches and one that does not,
 * plus four scenes whose sizes straddle the 720p boundary.
 */
import type { FixtureFile, FixtureScene } from "../../src/testing/index";
import { create, hex16, Labels, seedScenes, update } from "./fixture-builder";
import type { Conformance } from "./harness";

/** Labels of everything the scene fixture builds. */
export interface SceneLibrary {
  readonly scenes: Labels;
  readonly tags: Labels;
  readonly performers: Labels;
  readonly studios: Labels;
  readonly groups: Labels;
}

/** Scene titles by label. */
export const SCENE_TITLES: Readonly<Record<string, string>> = {
  S1: "scene one alpha",
  S2: "scene two beta",
  S3: "scene three gamma",
  S4: "zzz yyy xxx",
  S5: "scene five epsilon",
  S6: "scene six zeta",
  R0: "res 0x0",
  R540: "res 960x540",
  R721: "res 1280x721",
  R1079: "res 1920x1079",
};

/** File paths by scene label. */
export const SCENE_PATHS: Readonly<Record<string, string>> = {
  S1: "/lib/scenes/scene_0001_Path.mp4",
  S2: "/lib/scenes/scene_0002_Path.mp4",
  S3: "/lib/scenes/scene_0003_Path.mp4",
  S4: "/lib/clips/clip_0004.mp4",
  S5: "/lib/clips/clip_0005.mp4",
  S6: "/lib/clips/clip_0006.mp4",
};

/** S1's stash id. */
export const SCENE_STASH_ID = { endpoint: "https://stashdb.example/graphql", stash_id: "sid-0001" };

/** Heights of the primary file by scene label (for resolution checks). */
export const SCENE_HEIGHTS: Readonly<Record<string, number>> = {
  S1: 720,
  S2: 1080,
  S3: 480,
  S4: 240,
  S5: 2160,
  S6: 719,
  R0: 0,
  R540: 540,
  R721: 721,
  R1079: 1079,
};

function file(label: string, path: string, width: number, height: number, duration: number, phash: string | null): FixtureFile {
  const n = Object.keys(SCENE_TITLES).indexOf(label) + 1;
  return { path, size: 1_000_000 * n, duration, width, height, phash, oshash: n.toString(16).padStart(16, "0"), md5: n.toString(16).padStart(32, "0") };
}

const DUP = hex16("d");

function scenes(): FixtureScene[] {
  const t = SCENE_TITLES;
  return [
    {
      title: t.S1, rating100: 60, tags: ["tag a"], performers: ["perf one"], studio: "studio other", groups: ["group one"],
      date: "2001-02-03", urls: ["https://example.org/scene_0001_URL"], o_history: ["2024-01-01 10:00:00"],
      resume_time: 30, play_duration: 100, files: [file("S1", SCENE_PATHS.S1!, 1280, 720, 200.432, hex16("1"))],
    },
    {
      title: t.S2, rating100: 80, tags: ["tag a", "tag b"], performers: ["perf two", "perf four"], studio: "studio leaf",
      date: "2000-01-01", urls: ["https://example.org/scene_0002_URL"], o_history: ["2024-01-01 10:00:00", "2024-01-02 10:00:00"],
      resume_time: 10, play_duration: 5, files: [file("S2", SCENE_PATHS.S2!, 1920, 1080, 50, DUP)],
    },
    {
      title: t.S3, tags: ["tag a", "tag b", "tag c"], performers: ["perf two", "perf four", "perf three"], groups: ["group two"],
      files: [file("S3", SCENE_PATHS.S3!, 640, 480, 300, DUP)],
      markers: [{ title: "marker of three", seconds: 10, primary_tag: "tag a" }],
    },
    { title: t.S4, rating100: 20, performers: ["perf leaf"], date: "2000-01-01", files: [file("S4", SCENE_PATHS.S4!, 320, 240, 10, hex16("4"))] },
    { title: t.S5, performers: ["perf three"], files: [file("S5", SCENE_PATHS.S5!, 3840, 2160, 1000, null)] },
    { title: t.S6, files: [file("S6", SCENE_PATHS.S6!, 1280, 719, 60, hex16("6"))] },
    { title: t.R0, files: [file("R0", "/lib/res/res_0000.mp4", 0, 0, 5, hex16("7"))] },
    { title: t.R540, files: [file("R540", "/lib/res/res_0540.mp4", 960, 540, 5, hex16("8"))] },
    { title: t.R721, files: [file("R721", "/lib/res/res_0721.mp4", 1280, 721, 5, hex16("9"))] },
    { title: t.R1079, files: [file("R1079", "/lib/res/res_1079.mp4", 1920, 1079, 5, hex16("b"))] },
  ];
}

/** Builds the scene library; optional parts (gallery, sub-groups, stash ids) record gaps instead of failing. */
export async function buildSceneLibrary(c: Conformance): Promise<SceneLibrary> {
  const lib: SceneLibrary = { scenes: new Labels(), tags: new Labels(), performers: new Labels(), studios: new Labels(), groups: new Labels() };
  const base = await c.standIn.seed({
    tags: ["tag a", "tag b", "tag c", "tag top", { name: "tag mid", parents: ["tag top"] }, { name: "tag leaf", parents: ["tag mid"] }],
    studios: ["studio top", { name: "studio mid", parent: "studio top" }, { name: "studio leaf", parent: "studio mid" }, "studio other"],
    groups: ["group one", "group two"],
  });
  for (const [name, id] of Object.entries(base.tags)) lib.tags.set(name, id);
  for (const [name, id] of Object.entries(base.studios)) lib.studios.set(name, id);
  for (const [name, id] of Object.entries(base.groups)) lib.groups.set(name, id);
  const performerTags: Record<string, string[]> = {
    "perf one": ["tag a"],
    "perf two": ["tag b", "tag c"],
    "perf three": [],
    "perf four": ["tag b"],
    "perf leaf": ["tag leaf"],
  };
  for (const [name, tags] of Object.entries(performerTags)) {
    lib.performers.set(name, await create(c, "performer", { name, tag_ids: lib.tags.ids(...tags) }));
  }
  const labelOf = Object.fromEntries(Object.entries(SCENE_TITLES).map(([label, title]) => [title, label]));
  await seedScenes(c, { scenes: scenes() }, lib.scenes, (title) => labelOf[title] ?? title);
  await c.attempt("scene.stash_ids", () => update(c, "scene", { id: lib.scenes.id("S1"), stash_ids: [SCENE_STASH_ID] }));
  await c.attempt("gallery", () => create(c, "gallery", { title: "gallery of one", scene_ids: [lib.scenes.id("S1")] }));
  await c.attempt("group.sub_groups", async () => {
    const id = await create(c, "group", { name: "group parent", sub_groups: [{ group_id: lib.groups.id("group two") }] });
    lib.groups.set("group parent", id);
  });
  return lib;
}

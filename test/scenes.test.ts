import { expectInvalid as expectInvalidOn } from "./helpers/expect-invalid";
import { describe, expect, it } from "vitest";
import {
  BulkUpdateIdMode,
  CriterionModifier,
  StashClient,
  StashGraphQLError,
  StashHttpError,
  StashValidationError,
  type SceneUpdate,
} from "../src/index";
import type { FixtureFile, FixtureScene } from "../src/testing/index";
import { withStandIn } from "./helpers/standin";

const stash = withStandIn();
const client = () => new StashClient({ url: stash().url, retry: false });

let serial = 0;
/** A file with a unique path and hashes, so every test can seed its own scenes. */
function file(dir = "media", overrides: Partial<FixtureFile> = {}): FixtureFile {
  const n = ++serial;
  return {
    path: `/${dir}/clip-${n}.mp4`,
    size: 1_000_000 + n,
    duration: 600 + n,
    width: 1920,
    height: 1080,
    md5: n.toString(16).padStart(32, "a"),
    oshash: n.toString(16).padStart(16, "b"),
    phash: n.toString(16).padStart(16, "c"),
    ...overrides,
  };
}

/** Seeds scenes and returns their ids in order. */
async function seed(...scenes: FixtureScene[]): Promise<string[]> {
  return (await stash().seed({ scenes })).scenes;
}

function expectInvalid(call: () => Promise<unknown>, argument: string): Promise<StashValidationError> {
  return expectInvalidOn(stash(), call, argument);
}

async function expectServerError(call: () => Promise<unknown>, message: string | RegExp): Promise<void> {
  const err = await call().then(
    () => new Error("expected a StashGraphQLError"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StashGraphQLError);
  expect((err as Error).message).toMatch(message);
}

describe("finding scenes", () => {
  it("findScene returns the scene with its relationships, null when missing", async () => {
    const [id] = await seed({ title: "Beach Day", studio: "Cobalt", tags: ["beach"], performers: ["Alex Stone"], files: [file()] });
    const scene = await client().findScene(id!);
    expect(scene?.title).toBe("Beach Day");
    expect(scene?.studio?.name).toBe("Cobalt");
    expect(scene?.tags.map((t) => t.name)).toEqual(["beach"]);
    expect(scene?.files).toHaveLength(1);
    expect(await client().findScene("987654321")).toBeNull();
    await expectInvalid(() => client().findScene("abc"), "id");
  });

  it("findSceneByHash finds by checksum or oshash, null when nothing matches", async () => {
    const f = file();
    const [id] = await seed({ title: "Hashed", files: [f] });
    expect((await client().findSceneByHash({ checksum: f.md5! }))?.id).toBe(id);
    expect((await client().findSceneByHash({ oshash: f.oshash! }))?.id).toBe(id);
    expect(await client().findSceneByHash({ oshash: "ffffffffffffffff" })).toBeNull();
    await expectInvalid(() => client().findSceneByHash({}), "hash");
    await expectInvalid(() => client().findSceneByHash({ checksum: "/not/a/hash" }), "hash.checksum");
  });

  it("findScenes uses the server's default page when no per_page is given", async () => {
    await seed(...Array.from({ length: 30 }, (_, i) => ({ title: `Filler ${i}` })));
    const page = await client().findScenes();
    expect(page.count).toBeGreaterThanOrEqual(30);
    expect(page.scenes).toHaveLength(25);
    const all = await client().findScenes({ filter: { per_page: -1 } });
    expect(all.scenes).toHaveLength(all.count);
  });

  it("findScenes combines q, filter and sceneFilter, and keeps the order of ids", async () => {
    const ids = await seed(
      { title: "Zebra crossing quokka", rating100: 90, files: [file()] },
      { title: "Alpaca quokka", rating100: 40, files: [file()] },
      { title: "Quokka island", rating100: 95, files: [file()] },
    );
    const result = await client().findScenes({
      q: "quokka",
      filter: { sort: "title", direction: "ASC" },
      sceneFilter: { rating100: { value: 50, modifier: CriterionModifier.GREATER_THAN } },
    });
    expect(result.scenes.map((s) => s.title)).toEqual(["Quokka island", "Zebra crossing quokka"]);
    expect(result.count).toBe(2);
    expect(result.filesize).toBeGreaterThan(0);
    const byIds = await client().findScenes({ ids: [ids[2]!, ids[0]!] });
    expect(byIds.scenes.map((s) => s.id)).toEqual([ids[2], ids[0]]);
  });

  it("findScenes refuses bad arguments before sending", async () => {
    await expectInvalid(() => client().findScenes({ ids: ["1", "1"] }), "ids[1]");
    await expectInvalid(() => client().findScenes({ ids: ["1"], q: "x" }), "ids");
    await expectInvalid(() => client().findScenes({ filter: { sort: "titel" } }), "filter.sort");
    await expectInvalid(() => client().findScenes({ filter: { per_page: -2 } }), "filter.per_page");
    await expectInvalid(() => client().findScenes({ filter: { page: 0 } }), "filter.page");
    await expectInvalid(() => client().findScenes({ filter: { q: "a" }, q: "b" }), "q");
    await expectInvalid(
      () => client().findScenes({ sceneFilter: { AND: { organized: true }, OR: { organized: false } } }),
      "sceneFilter",
    );
  });

  it("findScenesByPathRegex matches file paths; a bad regex is the server's error", async () => {
    const [id] = await seed({ title: "In a folder", files: [file("regexdir")] });
    const result = await client().findScenesByPathRegex({ q: "^/REGEXDIR/clip-\\d+\\.mp4$" });
    expect(result.scenes.map((s) => s.id)).toEqual([id]);
    await expectInvalid(() => client().findScenesByPathRegex({ q: "" }), "filter.q");
    await expectServerError(() => client().findScenesByPathRegex({ q: "(" }), /regex|parse|missing/i);
  });

  it("sceneWall returns scenes whose details contain q", async () => {
    const [id] = await seed({ title: "Walled", details: "a marmoset in the wall", files: [file()] });
    const wall = await client().sceneWall("marmoset");
    expect(wall.map((s) => s.id)).toEqual([id]);
    await expectInvalid(() => client().sceneWall(5 as unknown as string), "q");
  });

  it("sceneStreams lists the direct stream first; a missing scene fails", async () => {
    const [withFile, withoutFile] = await seed({ title: "Streamable", files: [file()] }, { title: "No file" });
    const streams = await client().sceneStreams(withFile!);
    expect(streams[0]?.label).toBe("Direct stream");
    expect(streams[0]?.url).toContain(`/scene/${withFile}/stream`);
    expect(await client().sceneStreams(withoutFile!)).toEqual([]);
    await expectServerError(() => client().sceneStreams("987654321"), /not found/);
    await expectInvalid(() => client().sceneStreams(""), "sceneId");
  });

  it("parseSceneFilenames applies the pattern; unknown fields are the server's error", async () => {
    await seed({ title: "", files: [file("parsed", { path: "/parsed/Sunset Drive.mp4" })] });
    const parsed = await client().parseSceneFilenames({ filter: { q: "Sunset {title}.{ext}" }, config: { capitalizeTitle: false } });
    expect(parsed.results.some((r) => r.title === "Drive")).toBe(true);
    await expectInvalid(() => client().parseSceneFilenames({ filter: {} }), "filter.q");
    await expectInvalid(() => client().parseSceneFilenames({ filter: { q: "{title}" }, config: { fields: [] } as never }), "config");
    await expectServerError(() => client().parseSceneFilenames({ filter: { q: "{nonsense}.{ext}" } }), /Invalid fields/);
  });
});

describe("creating and updating scenes", () => {
  it("createScene accepts related objects or ids and passes fuzzy dates through", async () => {
    const seeded = await stash().seed({ tags: ["red", "blue"], performers: ["Sam Reed"], studios: ["Aurora"] });
    const scene = await client().createScene({
      title: "Fresh",
      date: "2024",
      rating100: 70,
      urls: ["https://example.com/fresh"],
      tags: [{ id: seeded.tags["red"]! }, seeded.tags["blue"]!],
      performers: [seeded.performers["Sam Reed"]!],
      studio: { id: seeded.studios["Aurora"]! },
    });
    expect(scene.date).toBe("2024");
    expect(scene.tags.map((t) => t.name).sort()).toEqual(["blue", "red"]);
    expect(scene.performers.map((p) => p.name)).toEqual(["Sam Reed"]);
    expect(scene.studio?.name).toBe("Aurora");
    expect(scene.organized).toBe(false);
    await expectInvalid(() => client().createScene({ details: "no title" }), "scene.title");
    await expectServerError(() => client().createScene({ title: "x", studio: "987654321" }), /FOREIGN KEY/);
  });

  it("updateScene clears a studio and the tags with null and [], and leaves undefined fields alone", async () => {
    const [id] = await seed({ title: "Keep me", details: "details", studio: "Cobalt", tags: ["a", "b"], performers: ["P1"], files: [file()] });
    const updated = await client().updateScene({ id: id!, studio: null, tags: [], details: undefined, date: "2024-03" });
    expect(updated.studio).toBeNull();
    expect(updated.tags).toEqual([]);
    expect(updated.details).toBe("details");
    expect(updated.performers.map((p) => p.name)).toEqual(["P1"]);
    expect(updated.date).toBe("2024-03");
    const cleared = await client().updateScene({ id: id!, details: null, performers: null });
    expect(cleared.details).toBe("");
    expect(cleared.performers).toEqual([]);
    expect(cleared.title).toBe("Keep me");
  });

  it("updateScene takes back a modified scene from findScene", async () => {
    const [id] = await seed({ title: "Round trip", rating100: 10, tags: ["kept"], o_history: ["2024-01-01T00:00:00Z"], files: [file()] });
    const scene = (await client().findScene(id!))!;
    const updated = await client().updateScene({ ...scene, title: "Round tripped", rating100: 90 });
    expect(updated.title).toBe("Round tripped");
    expect(updated.rating100).toBe(90);
    expect(updated.tags.map((t) => t.name)).toEqual(["kept"]);
    expect(updated.o_counter).toBe(1);
  });

  it("updateScene reports a missing scene and refuses typos", async () => {
    await expectServerError(() => client().updateScene({ id: "987654321", title: "x" }), /not found/);
    await expectInvalid(() => client().updateScene({ id: "1", titel: "x" } as unknown as SceneUpdate), "scene");
    await expectInvalid(() => client().updateScene({ id: "1", date: "2024-13-01" }), "scene.date");
  });

  it("scenesUpdate updates each scene in one transaction", async () => {
    const [a, b] = await seed({ title: "One", files: [file()] }, { title: "Two", files: [file()] });
    const out = await client().scenesUpdate([
      { id: b!, title: "Two!" },
      { id: a!, rating100: 55 },
    ]);
    expect(out.map((s) => [s.id, s.title])).toEqual([
      [b, "Two!"],
      [a, "One"],
    ]);
    await expectServerError(() => client().scenesUpdate([{ id: a!, title: "changed" }, { id: "987654321", title: "x" }]), /not found/);
    expect((await client().findScene(a!))?.title).toBe("One");
    await expectInvalid(() => client().scenesUpdate([]), "scenes");
    await expectInvalid(() => client().scenesUpdate([{ id: a! }, { title: "no id" } as unknown as SceneUpdate]), "scenes[1].id");
  });

  it("bulkSceneUpdate adds and removes relationships by mode", async () => {
    const seeded = await stash().seed({
      tags: ["bulk-new"],
      scenes: [
        { title: "B1", tags: ["bulk-old"], files: [file()] },
        { title: "B2", files: [file()] },
      ],
    });
    const [b1, b2] = seeded.scenes;
    const added = await client().bulkSceneUpdate({ ids: [b1!, b2!], tags: { ids: [seeded.tags["bulk-new"]!], mode: BulkUpdateIdMode.ADD }, organized: true });
    expect(added.map((s) => s.tags.map((t) => t.name).sort())).toEqual([["bulk-new", "bulk-old"], ["bulk-new"]]);
    expect(added.every((s) => s.organized)).toBe(true);
    const removed = await client().bulkSceneUpdate({ ids: [b1!], tag_ids: { ids: [seeded.tags["bulk-new"]!], mode: "REMOVE" } });
    expect(removed[0]?.tags.map((t) => t.name)).toEqual(["bulk-old"]);
    await expectInvalid(() => client().bulkSceneUpdate({ ids: [b1!], tags: { ids: [], mode: "CLEAR" as never } }), "input.tags.mode");
    await expectServerError(() => client().bulkSceneUpdate({ ids: [b1!, "987654321"], title: "x" }), /not found/);
  });
});

describe("destroying and merging scenes", () => {
  it("sceneDestroy keeps files by default, so they can be assigned elsewhere", async () => {
    const f = file();
    const seeded = await stash().seed({ scenes: [{ title: "Doomed", files: [f] }, { title: "Heir" }] });
    const [doomed, heir] = seeded.scenes;
    expect(await client().sceneDestroy({ id: doomed! })).toBe(true);
    expect(await client().findScene(doomed!)).toBeNull();
    expect(await client().sceneAssignFile({ scene_id: heir!, file_id: seeded.files[f.path]! })).toBe(true);
    expect((await client().findScene(heir!))?.files.map((x) => x.path)).toEqual([f.path]);
    await expectServerError(() => client().sceneDestroy({ id: doomed! }), /not found/);
    await expectInvalid(() => client().sceneDestroy({ id: "1", delete_file: "yes" as never }), "delete_file");
  });

  it("scenesDestroy deletes all or nothing", async () => {
    const [a, b, c] = await seed({ title: "D1" }, { title: "D2" }, { title: "D3" });
    await expectServerError(() => client().scenesDestroy({ ids: [a!, "987654321"] }), /not found/);
    expect(await client().findScene(a!)).not.toBeNull();
    expect(await client().scenesDestroy({ ids: [a!, b!] })).toBe(true);
    expect((await client().findScenes({ ids: [c!] })).count).toBe(1);
    expect(await client().findScene(b!)).toBeNull();
    await expectInvalid(() => client().scenesDestroy({ ids: [c!, c!] }), "ids[1]");
  });

  it("sceneMerge moves files into the destination and keeps its untouched fields", async () => {
    const [dest, src] = await seed(
      { title: "Destination", details: "keep these details", rating100: 60, tags: ["dest-tag"], files: [file()], play_history: ["2024-01-01T00:00:00Z"] },
      { title: "Source", details: "source details", tags: ["src-tag"], files: [file()], play_history: ["2024-02-01T00:00:00Z"] },
    );
    const merged = await client().sceneMerge({ source: [src!], destination: dest!, values: { title: "Merged" }, play_history: true });
    expect(merged.id).toBe(dest);
    expect(merged.title).toBe("Merged");
    expect(merged.details).toBe("keep these details");
    expect(merged.rating100).toBe(60);
    expect(merged.tags.map((t) => t.name)).toEqual(["dest-tag"]);
    expect(merged.files).toHaveLength(2);
    expect(merged.play_count).toBe(2);
    expect(await client().findScene(src!)).toBeNull();
    await expectInvalid(() => client().sceneMerge({ source: [dest!], destination: dest! }), "source");
    await expectInvalid(() => client().sceneMerge({ destination: dest! } as never), "source");
    await expectInvalid(() => client().sceneMerge({ source: [], destination: dest! }), "source");
    await expectServerError(() => client().sceneMerge({ source: ["987654321"], destination: dest! }), /not found/);
  });
});

describe("screenshots, files, scrapers and version", () => {
  it("sceneGenerateScreenshot starts a job", async () => {
    const [id] = await seed({ title: "Shot", files: [file()] });
    expect(typeof (await client().sceneGenerateScreenshot(id!, 12.5))).toBe("string");
    await expectInvalid(() => client().sceneGenerateScreenshot(id!, -1), "at");
  });

  it("sceneAssignFile refuses bad ids and reports unknown files", async () => {
    const [id] = await seed({ title: "Assignee" });
    await expectInvalid(() => client().sceneAssignFile({ scene_id: id!, file_id: "x" }), "file_id");
    await expectServerError(() => client().sceneAssignFile({ scene_id: id!, file_id: "987654321" }), /not found|file/i);
  });

  it("scraper calls answer as an unconfigured Stash does, and check their arguments", async () => {
    expect(await client().listSceneScrapers()).toEqual([]);
    expect(await client().scrapeSceneURL("https://example.com/scene/1")).toBeNull();
    await expectServerError(() => client().scrapeSingleScene({ scraper_id: "nope" }, { query: "x" }), /scraper not found/);
    // Stash implements multi-scene scraping only for stash-box endpoints.
    await expectServerError(() => client().scrapeMultiScenes({ scraper_id: "nope" }, { scene_ids: ["1"] }), /not implemented/);
    await expectServerError(
      () => client().scrapeMultiScenes({ stash_box_endpoint: "https://stashdb.org/graphql" }, { scene_ids: ["1"] }),
      /stash box not found/,
    );
    await expectInvalid(() => client().scrapeSingleScene({}, { query: "x" }), "source");
    await expectInvalid(() => client().scrapeSingleScene({ scraper_id: "a" }, { query: "x", scene_id: "1" }), "input");
    await expectInvalid(() => client().scrapeMultiScenes({ scraper_id: "a" }, { scene_ids: [] }), "input.scene_ids");
    await expectInvalid(() => client().scrapeSceneURL("not a url"), "url");
  });

  it("version reports the server's version", async () => {
    const v = await client().version();
    expect(v.version).toBe(stash().version);
    expect(typeof v.hash).toBe("string");
  });

  it("listSceneScrapers and version surface a failing server as StashHttpError", async () => {
    const c = client();
    await c.capabilities();
    for (const [match, call] of [
      ["ListSceneScrapers", () => c.listSceneScrapers()],
      ["Version", () => c.version()],
    ] as const) {
      stash().faults.set({ status: { code: 500, body: "boom" }, match, times: 1 });
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashHttpError);
      expect((err as StashHttpError).status).toBe(500);
    }
    stash().faults.clear();
  });
});

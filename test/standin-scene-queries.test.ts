/**
 * Scene read queries over HTTP: findScene, findSceneByHash, findScenes (ids,
 * paging, sorting, totals, q syntax), findScenesByPathRegex, sceneWall,
 * allScenes and the scene scrape fields of a Stash without scrapers.
 */
import { describe, expect, test } from "vitest";
import type { FixtureScene, SeedResult } from "../src/testing/index";
import { parseSearchString } from "../src/testing/q-search";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const FIND = `query($sf: SceneFilterType, $filter: FindFilterType, $ids: [ID!]) {
  findScenes(scene_filter: $sf, filter: $filter, ids: $ids) { count duration filesize scenes { id title } } }`;

type FindResult = { findScenes: { count: number; duration: number; filesize: number; scenes: { id: string; title: string }[] } };

const file = (path: string, extra: Record<string, unknown> = {}) => ({
  path,
  size: 1000,
  duration: 60,
  width: 1920,
  height: 1080,
  ...extra,
});

/** Seeds scenes whose files live under `/<prefix>/`, so a path filter isolates one test's scenes. */
function seed(prefix: string, scenes: FixtureScene[]): Promise<SeedResult> {
  return stash().seed({ scenes });
}

const inFolder = (prefix: string) => ({ path: { value: `/${prefix}/`, modifier: "INCLUDES" } });

async function find(sf: unknown, filter: unknown, ids?: string[]) {
  return gqlData<FindResult>(stash(), FIND, { sf, filter, ids });
}

describe("findScene and findSceneByHash", () => {
  test("id wins over checksum; a missing id is null without error; a bad id is an error", async () => {
    const ids = await seed("fs", [
      { title: "fs one", files: [file("/fs/one.mp4", { md5: "11111111111111111111111111111111" })] },
      { title: "fs two", files: [file("/fs/two.mp4", { md5: "22222222222222222222222222222222" })] },
    ]);
    const Q = `query($id: ID, $c: String) { findScene(id: $id, checksum: $c) { id title } }`;
    expect((await gqlData(stash(), Q, { id: ids.scenes[0], c: "22222222222222222222222222222222" })).findScene.title).toBe("fs one");
    expect((await gqlData(stash(), Q, { c: "22222222222222222222222222222222" })).findScene.title).toBe("fs two");
    const missing = await gql(stash(), Q, { id: "876543" });
    expect(missing.body).toEqual({ data: { findScene: null } });
    const bad = await gql(stash(), Q, { id: "x1" });
    expect(bad.body.errors?.[0]?.message).toContain('strconv.Atoi: parsing "x1": invalid syntax');
    expect(bad.body.data).toEqual({ findScene: null });
  });

  test("findSceneByHash tries MD5 first, then oshash, and any file of the scene counts", async () => {
    const ids = await seed("fh", [
      { title: "fh md5", files: [file("/fh/a.mp4", { md5: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })] },
      { title: "fh os", files: [file("/fh/b.mp4"), file("/fh/b2.mp4", { oshash: "00000000000000bb" })] },
    ]);
    const Q = `query($input: SceneHashInput!) { findSceneByHash(input: $input) { id } }`;
    const both = await gqlData(stash(), Q, { input: { checksum: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", oshash: "00000000000000bb" } });
    expect(both.findSceneByHash.id).toBe(ids.scenes[0]);
    const fallback = await gqlData(stash(), Q, { input: { checksum: "ffffffffffffffffffffffffffffffff", oshash: "00000000000000bb" } });
    expect(fallback.findSceneByHash.id).toBe(ids.scenes[1]);
    expect((await gqlData(stash(), Q, { input: { oshash: "0000000000000fff" } })).findSceneByHash).toBeNull();
  });
});

describe("findScenes with ids", () => {
  test("keeps the input order, ignores filters and totals primary files only", async () => {
    const ids = await seed("ids", [
      { title: "ids a", files: [file("/ids/a.mp4", { size: 10, duration: 1 }), file("/ids/a2.mp4", { size: 5, duration: 7 })] },
      { title: "ids b", files: [file("/ids/b.mp4", { size: 20, duration: 2 })] },
    ]);
    const res = await find({ title: { value: "nothing matches this", modifier: "EQUALS" } }, { per_page: 1 }, [ids.scenes[1]!, ids.scenes[0]!]);
    expect(res.findScenes.scenes.map((s) => s.id)).toEqual([ids.scenes[1], ids.scenes[0]]);
    expect(res.findScenes).toMatchObject({ count: 2, duration: 3, filesize: 30 });
  });

  test("a repeated id and a missing id are errors that null the whole data", async () => {
    const ids = await seed("idx", [{ title: "idx a", files: [file("/idx/a.mp4")] }]);
    const dup = await gql(stash(), FIND, { ids: [ids.scenes[0], ids.scenes[0]] });
    expect(dup.body.errors?.[0]?.message).toBe(`validating ids: duplicate id found: ${ids.scenes[0]}`);
    expect(dup.body.data).toBeNull();
    const missing = await gql(stash(), FIND, { ids: [ids.scenes[0], "765432"] });
    expect(missing.body.errors?.[0]?.message).toBe("scene with id 765432 not found");
  });

  test("the deprecated scene_ids list works the same way", async () => {
    const ids = await seed("legacy", [{ title: "legacy a" }, { title: "legacy b" }]);
    const res = await gqlData(stash(), `query($s: [Int!]) { findScenes(scene_ids: $s) { count scenes { id } } }`, {
      s: [Number(ids.scenes[1]), Number(ids.scenes[0])],
    });
    expect(res.findScenes.scenes.map((s: { id: string }) => s.id)).toEqual([ids.scenes[1], ids.scenes[0]]);
  });
});

describe("findScenes paging, sorting and totals", () => {
  const titles = ["pg item 10", "pg item 9", "PG item 1", "pg item 2"];
  async function library(prefix: string) {
    return seed(prefix, titles.map((title, i) => ({ title, files: [file(`/${prefix}/${i}.mp4`, { size: 100 * (i + 1), duration: 10 * (i + 1) })] })));
  }

  test("count is the total even with per_page 0; per_page -1 returns everything", async () => {
    await library("pg0");
    const none = await find(inFolder("pg0"), { per_page: 0 });
    expect(none.findScenes.count).toBe(4);
    expect(none.findScenes.scenes).toEqual([]);
    const all = await find(inFolder("pg0"), { per_page: -1 });
    expect(all.findScenes.scenes).toHaveLength(4);
    const page2 = await find(inFolder("pg0"), { per_page: 3, page: 2 });
    expect(page2.findScenes.scenes).toHaveLength(1);
    expect(page2.findScenes.count).toBe(4);
  });

  test("title sorts naturally and case-insensitively; DESC reverses", async () => {
    await library("pgs");
    const asc = await find(inFolder("pgs"), { sort: "title", per_page: -1 });
    expect(asc.findScenes.scenes.map((s) => s.title)).toEqual(["PG item 1", "pg item 2", "pg item 9", "pg item 10"]);
    const desc = await find(inFolder("pgs"), { sort: "title", direction: "DESC", per_page: -1 });
    expect(desc.findScenes.scenes.map((s) => s.title)).toEqual(["pg item 10", "pg item 9", "pg item 2", "PG item 1"]);
    const size = await find(inFolder("pgs"), { sort: "filesize", direction: "DESC", per_page: 1 });
    expect(size.findScenes.scenes[0]?.title).toBe("pg item 2");
  });

  test("an unknown sort is refused with Stash's message", async () => {
    const res = await gql(stash(), FIND, { filter: { sort: "bogus_column" } });
    expect(res.body.errors?.[0]?.message).toBe("invalid sort: bogus_column");
    expect(res.body.data).toBeNull();
  });

  test("duration and filesize sum every file of every match, whatever the page", async () => {
    await seed("tot", [
      { title: "tot a", files: [file("/tot/a.mp4", { size: 10, duration: 1.5 }), file("/tot/a2.mp4", { size: 1, duration: 2 })] },
      { title: "tot b", files: [file("/tot/b.mp4", { size: 20, duration: 3 })] },
    ]);
    const res = await find(inFolder("tot"), { per_page: 1 });
    expect(res.findScenes).toMatchObject({ count: 2, duration: 6.5, filesize: 31 });
    // A path criterion keeps only the matching file rows in the totals, as Stash's join does.
    const one = await find({ path: { value: "/tot/a2.mp4", modifier: "EQUALS" } }, {});
    expect(one.findScenes).toMatchObject({ count: 1, duration: 2, filesize: 1 });
  });
});

describe("q search", () => {
  async function library(prefix: string) {
    return seed(prefix, [
      { title: `${prefix} red apple`, details: "crisp fruit", files: [file(`/${prefix}/one.mp4`, { md5: "cafebabecafebabecafebabecafebabe" })] },
      { title: `${prefix} green apple`, details: "sour", files: [file(`/${prefix}/two.mp4`)] },
      { title: `${prefix} banana`, files: [file(`/${prefix}/three.mp4`)], markers: [{ title: "peel scene", seconds: 1, primary_tag: `${prefix}-tag` }] },
      { title: `${prefix} cherry`, files: [file(`/${prefix}/special-folder/four.mp4`)] },
    ]);
  }
  const titlesFor = async (prefix: string, q: string) =>
    (await find(inFolder(prefix), { q, per_page: -1, sort: "title" })).findScenes.scenes.map((s) => s.title.replace(`${prefix} `, ""));

  test("words are ANDed and matched case-insensitively anywhere in title, details, path, fingerprints and marker titles", async () => {
    await library("qa");
    expect(await titlesFor("qa", "APPLE")).toEqual(["green apple", "red apple"]);
    expect(await titlesFor("qa", "apple crisp")).toEqual(["red apple"]);
    expect(await titlesFor("qa", "peel")).toEqual(["banana"]);
    expect(await titlesFor("qa", "special-folder")).toEqual(["cherry"]);
    expect(await titlesFor("qa", "cafebabecafe")).toEqual(["red apple"]);
  });

  test('"quoted phrases", OR, | and -exclusions', async () => {
    await library("qb");
    expect(await titlesFor("qb", '"red apple"')).toEqual(["red apple"]);
    expect(await titlesFor("qb", '"apple red"')).toEqual([]);
    expect(await titlesFor("qb", "banana OR cherry")).toEqual(["banana", "cherry"]);
    expect(await titlesFor("qb", "banana | sour")).toEqual(["banana", "green apple"]);
    expect(await titlesFor("qb", "apple -green")).toEqual(["red apple"]);
  });
});

describe("parseSearchString (Stash's q grammar)", () => {
  test("phrases, OR runs, exclusions and the literal cases", () => {
    expect(parseSearchString('  one "two three" -four  ')).toEqual({ mustHave: ["one", "two three"], anySets: [], mustNot: ["four"] });
    expect(parseSearchString("a OR b or c d")).toEqual({ mustHave: ["d"], anySets: [["a", "b", "c"]], mustNot: [] });
    expect(parseSearchString("OR a")).toEqual({ mustHave: ["OR", "a"], anySets: [], mustNot: [] });
    expect(parseSearchString('-"not this" "unclosed phrase')).toEqual({ mustHave: ['"unclosed', "phrase"], anySets: [], mustNot: ["not this"] });
    expect(parseSearchString("   ")).toEqual({ mustHave: [], anySets: [], mustNot: [] });
  });
});

describe("findScenesByPathRegex", () => {
  test("matches every file path case-insensitively and pages like findScenes", async () => {
    await seed("rx", [
      { title: "rx one", files: [file("/rx/Clip_001.MP4")] },
      { title: "rx two", files: [file("/rx/other.mkv"), file("/rx/clip_002.mp4")] },
      { title: "rx three", files: [file("/rx/unrelated.mp4")] },
    ]);
    const Q = `query($filter: FindFilterType) { findScenesByPathRegex(filter: $filter) { count scenes { title } } }`;
    const res = await gqlData(stash(), Q, { filter: { q: "^/rx/clip_\\d+\\.mp4$", sort: "title", per_page: 1 } });
    expect(res.findScenesByPathRegex.count).toBe(2);
    expect(res.findScenesByPathRegex.scenes).toEqual([{ title: "rx one" }]);
  });

  test("a pattern that does not compile is an error", async () => {
    const res = await gql(stash(), `query { findScenesByPathRegex(filter: { q: "(unclosed" }) { count } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/^error parsing regexp: missing closing \)/);
    expect(res.body.data).toBeNull();
  });
});

describe("sceneWall and allScenes", () => {
  test("sceneWall returns only scenes whose details contain q", async () => {
    const ids = await seed("wall", [
      { title: "wall a", details: "Glowing Wallpaper text" },
      { title: "wall b", details: "nothing here" },
      { title: "wall c" },
    ]);
    const res = await gqlData(stash(), `query { sceneWall(q: "wallpaper") { id } }`);
    expect(res.sceneWall.map((s: { id: string }) => s.id)).toEqual([ids.scenes[0]]);
    const all = await gqlData(stash(), `query { sceneWall { id details } }`);
    expect(all.sceneWall.length).toBeLessThanOrEqual(80);
    expect(all.sceneWall.every((s: { details: string }) => s.details !== "")).toBe(true);
  });

  test("allScenes is ordered by the primary file's folder and name", async () => {
    const ids = await seed("all", [
      { title: "all z", files: [file("/all/b/z.mp4")] },
      { title: "all y", files: [file("/all/a/y.mp4")] },
      { title: "all x", files: [file("/all/a/x.mp4")] },
    ]);
    const res = await gqlData(stash(), `query { allScenes { id } }`);
    const mine = res.allScenes.map((s: { id: string }) => s.id).filter((id: string) => ids.scenes.includes(id));
    expect(mine).toEqual([ids.scenes[2], ids.scenes[1], ids.scenes[0]]);
  });
});

describe("scene scraping without scrapers", () => {
  test("a named scraper is not found, stash-box lookups fail, and a URL gives null", async () => {
    const single = await gql(
      stash(),
      `query { scrapeSingleScene(source: { scraper_id: "nope" }, input: { query: "x" }) { title } }`,
    );
    expect(single.body.errors?.[0]?.message).toBe("scraper not found: id nope");
    const box = await gql(stash(), `query { scrapeSingleScene(source: { stash_box_index: 0 }, input: { query: "x" }) { title } }`);
    expect(box.body.errors?.[0]?.message).toBe("invalid stash_box_index 0");
    const multi = await gql(stash(), `query { scrapeMultiScenes(source: { scraper_id: "nope" }, input: { scene_ids: ["1"] }) { title } }`);
    expect(multi.body.errors?.[0]?.message).toBe("not implemented");
    const url = await gql(stash(), `query { scrapeSceneURL(url: "https://example.invalid/v/1") { title } }`);
    expect(url.body).toEqual({ data: { scrapeSceneURL: null } });
  });
});

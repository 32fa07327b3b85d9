/**
 * SceneFilterType over HTTP: operator rules, string/int/date criteria with
 * Stash's NULL handling, relationship criteria with hierarchy depth, file
 * criteria evaluated per file row, and sub-filters over related entities.
 */
import { describe, expect, test } from "vitest";
import type { FixtureScene, SeedResult } from "../src/testing/index";
import { likeMatcher, stringMatcher } from "../src/testing/criteria";
import { goRegExp } from "../src/testing/query-regex";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const FIND = `query($sf: SceneFilterType, $filter: FindFilterType) {
  findScenes(scene_filter: $sf, filter: $filter) { count scenes { id title } } }`;

const file = (path: string, extra: Record<string, unknown> = {}) => ({ path, size: 1000, duration: 60, width: 1920, height: 1080, ...extra });

/** Seeds scenes whose first file sits under /<prefix>/ and returns a helper listing matching titles. */
async function library(prefix: string, scenes: FixtureScene[], extra: Omit<Parameters<ReturnType<typeof stash>["seed"]>[0], "scenes"> = {}) {
  const ids = await stash().seed({
    ...extra,
    scenes: scenes.map((s, i) => ({ ...s, files: s.files ?? [file(`/${prefix}/${i}.mp4`)] })),
  });
  const titles = async (sf: Record<string, unknown>): Promise<string[]> => {
    const scoped = { path: { value: `/${prefix}/`, modifier: "INCLUDES" }, AND: sf };
    const res = await gqlData(stash(), FIND, { sf: scoped, filter: { per_page: -1, sort: "title" } });
    return res.findScenes.scenes.map((s: { title: string }) => s.title);
  };
  return { ids, titles };
}

async function errorFor(sf: unknown): Promise<string | undefined> {
  const res = await gql(stash(), FIND, { sf });
  expect(res.body.data).toBeNull();
  return res.body.errors?.[0]?.message;
}

describe("criterion building blocks", () => {
  test("LIKE keeps % and _ as wildcards and folds ASCII case only", () => {
    expect(likeMatcher("a_c%")("ABCdef")).toBe(true);
    expect(likeMatcher("%b%")("abc")).toBe(true);
    expect(likeMatcher("abc")("abcd")).toBe(false);
    expect(likeMatcher("É")("é")).toBe(false);
  });

  test("string criteria on NULL are unknown except for the NULL tests and NOT_MATCHES_REGEX", () => {
    expect(stringMatcher({ value: "x", modifier: "INCLUDES" })(null)).toBeNull();
    expect(stringMatcher({ value: "x", modifier: "NOT_EQUALS" })(null)).toBeNull();
    expect(stringMatcher({ value: "", modifier: "IS_NULL" })("   ")).toBe(true);
    expect(stringMatcher({ value: "x", modifier: "NOT_MATCHES_REGEX" })(null)).toBe(true);
  });

  test("RE2 patterns: leading flags become JS flags, Perl-only syntax is refused with Go's wording", () => {
    expect(goRegExp("(?i)abc").test("xABCx")).toBe(true);
    expect(goRegExp("(?P<n>a+)b").exec("aab")?.groups?.n).toBe("aa");
    expect(() => goRegExp("a(?=b)")).toThrow("error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
    expect(() => goRegExp("[abc")).toThrow(/^error parsing regexp: missing closing \]/);
  });
});

describe("operators", () => {
  test("AND with OR, AND with NOT, and OR with NOT in one filter object are refused", async () => {
    const t = { title: { value: "x", modifier: "EQUALS" } };
    expect(await errorFor({ AND: t, OR: t })).toBe("cannot have AND and OR in the same filter");
    expect(await errorFor({ AND: t, NOT: t })).toBe("cannot have AND and NOT in the same filter");
    expect(await errorFor({ OR: { OR: t, NOT: t } })).toBe("cannot have OR and NOT in the same filter");
  });

  test("OR, NOT and nested combinations", async () => {
    const { titles } = await library("op", [{ title: "a", rating100: 20 }, { title: "b", rating100: 80 }, { title: "c" }]);
    const c = { title: { value: "c", modifier: "EQUALS" } };
    expect(await titles({ rating100: { value: 50, modifier: "GREATER_THAN" }, OR: c })).toEqual(["b", "c"]);
    expect(await titles({ OR: c })).toEqual(["c"]);
    expect(await titles({ NOT: { rating100: { value: 50, modifier: "LESS_THAN" } } })).toEqual(["b"]);
    expect(await titles({ rating100: { value: 0, modifier: "NOT_NULL" }, AND: { NOT: { title: { value: "a", modifier: "EQUALS" } } } })).toEqual(["b"]);
  });

  test("sub-filters run the related entity's whole filter; scenes without a related record are NULL", async () => {
    const { titles } = await library("sub", [{ title: "tagged", tags: ["sub-t"] }, { title: "bare" }], { tags: ["sub-t"] });
    expect(await titles({ tags_filter: { scene_count: { value: 1, modifier: "EQUALS" } } })).toEqual(["tagged"]);
    expect(await titles({ NOT: { tags_filter: { scene_count: { value: 1, modifier: "EQUALS" } } } })).toEqual([]);
    expect(await titles({ galleries_filter: { title: { value: "x", modifier: "EQUALS" } } })).toEqual([]);
  });
});

describe("string and number criteria", () => {
  test("EQUALS is a case-insensitive LIKE; INCLUDES matches any word; EXCLUDES none", async () => {
    const { titles } = await library("str", [{ title: "Hello World" }, { title: "hello there" }, { title: "goodbye" }, { title: "" }]);
    expect(await titles({ title: { value: "HELLO WORLD", modifier: "EQUALS" } })).toEqual(["Hello World"]);
    expect(await titles({ title: { value: "hello_world", modifier: "EQUALS" } })).toEqual(["Hello World"]);
    expect(await titles({ title: { value: "world goodbye", modifier: "INCLUDES" } })).toEqual(["goodbye", "Hello World"]);
    expect(await titles({ title: { value: '"hello there"', modifier: "INCLUDES" } })).toEqual(["hello there"]);
    expect(await titles({ title: { value: "hello", modifier: "EXCLUDES" } })).toEqual(["goodbye"]);
    expect(await titles({ title: { value: "^hello", modifier: "MATCHES_REGEX" } })).toEqual(["hello there"]);
    expect(await titles({ title: { value: "", modifier: "IS_NULL" } })).toEqual([""]);
  });

  test("a NOT over a criterion on an empty column does not select it (SQL NULL)", async () => {
    const { titles } = await library("nul", [{ title: "keep me" }, { title: "" }, { title: "drop me" }]);
    expect(await titles({ NOT: { title: { value: "drop", modifier: "INCLUDES" } } })).toEqual(["keep me"]);
  });

  test("ratings, counts and BETWEEN", async () => {
    const { titles } = await library("num", [
      { title: "r20", rating100: 20, tags: ["num-t1"] },
      { title: "r60", rating100: 60, tags: ["num-t1", "num-t2"], performers: ["num-p"] },
      { title: "none" },
    ]);
    expect(await titles({ rating100: { value: 10, value2: 50, modifier: "BETWEEN" } })).toEqual(["r20"]);
    expect(await titles({ rating100: { value: 0, modifier: "IS_NULL" } })).toEqual(["none"]);
    expect(await titles({ rating100: { value: 20, modifier: "NOT_EQUALS" } })).toEqual(["r60"]);
    expect(await titles({ tag_count: { value: 1, modifier: "GREATER_THAN" } })).toEqual(["r60"]);
    expect(await titles({ performer_count: { value: 0, modifier: "EQUALS" } })).toEqual(["none", "r20"]);
    expect(await titles({ file_count: { value: 1, modifier: "EQUALS" } })).toEqual(["none", "r20", "r60"]);
  });

  test("organized, date, o_counter, play_count and has_markers", async () => {
    const { titles } = await library("misc", [
      { title: "old", date: "2001-05-06", organized: true, o_history: ["2024-01-01T00:00:00Z"], markers: [{ title: "m", seconds: 1, primary_tag: "misc-tag" }] },
      { title: "new", date: "2022", play_history: ["2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"] },
      { title: "undated" },
    ]);
    expect(await titles({ organized: true })).toEqual(["old"]);
    expect(await titles({ date: { value: "2020-01-01", modifier: "GREATER_THAN" } })).toEqual(["new"]);
    expect(await titles({ date: { value: "", modifier: "IS_NULL" } })).toEqual(["undated"]);
    expect(await titles({ o_counter: { value: 0, modifier: "GREATER_THAN" } })).toEqual(["old"]);
    expect(await titles({ play_count: { value: 2, modifier: "EQUALS" } })).toEqual(["new"]);
    expect(await titles({ has_markers: "true" })).toEqual(["old"]);
    expect(await titles({ has_markers: "false" })).toEqual(["new", "undated"]);
  });

  test("is_missing covers Stash's named cases and plain columns", async () => {
    const { titles } = await library("miss", [
      { title: "full", date: "2020-01-01", studio: "miss-studio", performers: ["miss-p"], tags: ["miss-t"], urls: ["https://x.invalid"], details: "d" },
      { title: "bare", files: [file("/miss/bare.mp4", { phash: "0123456789abcdef" })] },
    ]);
    for (const key of ["date", "studio", "performers", "tags", "url", "details"]) {
      expect(await titles({ is_missing: key })).toEqual(["bare"]);
    }
    expect(await titles({ is_missing: "phash" })).toEqual(["full"]);
  });
});

describe("relationship criteria", () => {
  async function tagged(prefix: string) {
    return library(
      prefix,
      [
        { title: "parent only", tags: [`${prefix}-parent`] },
        { title: "child", tags: [`${prefix}-child`] },
        { title: "grandchild", tags: [`${prefix}-grandchild`, `${prefix}-other`] },
        { title: "untagged" },
      ],
      {
        tags: [
          `${prefix}-parent`,
          { name: `${prefix}-child`, parents: [`${prefix}-parent`] },
          { name: `${prefix}-grandchild`, parents: [`${prefix}-child`] },
          `${prefix}-other`,
        ],
      },
    );
  }

  test("tags: INCLUDES with depth 0, 1 and -1", async () => {
    const { ids, titles } = await tagged("tg");
    const parent = ids.tags["tg-parent"];
    expect(await titles({ tags: { value: [parent], modifier: "INCLUDES" } })).toEqual(["parent only"]);
    expect(await titles({ tags: { value: [parent], modifier: "INCLUDES", depth: 1 } })).toEqual(["child", "parent only"]);
    expect(await titles({ tags: { value: [parent], modifier: "INCLUDES", depth: -1 } })).toEqual(["child", "grandchild", "parent only"]);
  });

  test("tags: INCLUDES_ALL, EXCLUDES, excludes, EQUALS, IS_NULL, and NOT_EQUALS refused", async () => {
    const { ids, titles } = await tagged("tq");
    const [gc, other, parent] = [ids.tags["tq-grandchild"], ids.tags["tq-other"], ids.tags["tq-parent"]];
    expect(await titles({ tags: { value: [gc, other], modifier: "INCLUDES_ALL" } })).toEqual(["grandchild"]);
    expect(await titles({ tags: { value: [parent], modifier: "EXCLUDES", depth: -1 } })).toEqual(["untagged"]);
    expect(await titles({ tags: { value: [parent], modifier: "INCLUDES", depth: -1, excludes: [other] } })).toEqual(["child", "parent only"]);
    expect(await titles({ tags: { value: [gc], modifier: "EQUALS" } })).toEqual([]);
    expect(await titles({ tags: { value: [gc, other], modifier: "EQUALS" } })).toEqual(["grandchild"]);
    expect(await titles({ tags: { modifier: "IS_NULL" } })).toEqual(["untagged"]);
    expect(await errorFor({ tags: { value: [gc], modifier: "NOT_EQUALS" } })).toBe(
      "not equals modifier is not supported for hierarchical multi criterion input",
    );
  });

  test("performers, performer_tags and studios with sub-studios", async () => {
    const { ids, titles } = await library(
      "rel",
      [
        { title: "both", performers: ["rel-ann", "rel-bob"], studio: "rel-sub" },
        { title: "ann", performers: ["rel-ann"], studio: "rel-main" },
        { title: "nobody" },
      ],
      { studios: ["rel-main", { name: "rel-sub", parent: "rel-main" }], performers: ["rel-ann", "rel-bob"] },
    );
    const [ann, bob] = [ids.performers["rel-ann"], ids.performers["rel-bob"]];
    expect(await titles({ performers: { value: [ann, bob], modifier: "INCLUDES_ALL" } })).toEqual(["both"]);
    expect(await titles({ performers: { value: [ann], modifier: "EQUALS" } })).toEqual(["ann"]);
    expect(await titles({ performers: { value: [bob], modifier: "EXCLUDES" } })).toEqual(["ann", "nobody"]);
    const main = ids.studios["rel-main"];
    expect(await titles({ studios: { value: [main], modifier: "INCLUDES" } })).toEqual(["ann"]);
    expect(await titles({ studios: { value: [main], modifier: "INCLUDES", depth: -1 } })).toEqual(["ann", "both"]);
    expect(await titles({ studios: { value: [main], modifier: "EXCLUDES", depth: -1 } })).toEqual(["nobody"]);
    expect(await titles({ performers_filter: { name: { value: "rel-bob", modifier: "EQUALS" } } })).toEqual(["both"]);
    expect(await titles({ performer_tags: { modifier: "IS_NULL" } })).toEqual(["ann", "both", "nobody"]);
  });
});

describe("file criteria", () => {
  test("resolution uses the smaller side; path and duration read each file", async () => {
    const { titles } = await library("fil", [
      { title: "uhd", files: [file("/fil/uhd.mp4", { width: 3840, height: 2160, duration: 30.9 })] },
      { title: "portrait", files: [file("/fil/portrait.mp4", { width: 720, height: 1280, duration: 600 })] },
      { title: "sd", files: [file("/fil/sd.mp4", { width: 640, height: 480, duration: 5 })] },
    ]);
    expect(await titles({ resolution: { value: "STANDARD_HD", modifier: "EQUALS" } })).toEqual(["portrait"]);
    expect(await titles({ resolution: { value: "FULL_HD", modifier: "GREATER_THAN" } })).toEqual(["uhd"]);
    expect(await titles({ resolution: { value: "STANDARD_HD", modifier: "LESS_THAN" } })).toEqual(["sd"]);
    expect(await titles({ duration: { value: 30, modifier: "EQUALS" } })).toEqual(["uhd"]);
    expect(await titles({ path: { value: "portrait", modifier: "INCLUDES" } })).toEqual(["portrait"]);
    expect(await titles({ orientation: { value: ["PORTRAIT"] } })).toEqual(["portrait"]);
  });

  test("all file criteria of one filter must hold for the same file", async () => {
    const { titles } = await library("row", [
      { title: "split", files: [file("/row/a-small.mp4", { width: 640, height: 480 }), file("/row/b-big.mp4", { width: 1920, height: 1080 })] },
    ]);
    expect(await titles({ path: { value: "a-small", modifier: "INCLUDES" }, resolution: { value: "FULL_HD", modifier: "EQUALS" } })).toEqual([]);
    expect(await titles({ path: { value: "b-big", modifier: "INCLUDES" }, resolution: { value: "FULL_HD", modifier: "EQUALS" } })).toEqual(["split"]);
    expect(await titles({ files_filter: { basename: { value: "a-small.mp4", modifier: "EQUALS" } } })).toEqual(["split"]);
  });

  test("phash_distance and duplicated", async () => {
    const { titles } = await library("ph", [
      { title: "base", files: [file("/ph/base.mp4", { phash: "ff00ff00ff00ff00" })] },
      { title: "near", files: [file("/ph/near.mp4", { phash: "ff00ff00ff00ff03" })] },
      { title: "copy", files: [file("/ph/copy.mp4", { phash: "ff00ff00ff00ff00" })] },
      { title: "far", files: [file("/ph/far.mp4", { phash: "00ff00ff00ff00ff" })] },
    ]);
    expect(await titles({ phash_distance: { value: "ff00ff00ff00ff00", modifier: "EQUALS" } })).toEqual(["base", "copy"]);
    expect(await titles({ phash_distance: { value: "ff00ff00ff00ff00", modifier: "EQUALS", distance: 3 } })).toEqual(["base", "copy", "near"]);
    expect(await titles({ duplicated: { duplicated: true } })).toEqual(["base", "copy"]);
  });
});

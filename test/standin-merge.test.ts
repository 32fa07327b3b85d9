/**
 * sceneMerge over HTTP: files and markers move to the destination, `values`
 * follow the omitted/null rules, histories move only when asked, sources go.
 */
import { describe, expect, test } from "vitest";
import type { FixtureFile } from "../src/testing/index";
import { gql, gqlData, withStandIn } from "./helpers/standin";

function clock(start: string): { now: () => Date; advance: (seconds: number) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (seconds) => (t += seconds * 1000) };
}

const time = clock("2025-03-01T00:00:00Z");
const stash = withStandIn({ now: time.now });

const MERGE = `mutation($input: SceneMergeInput!) { sceneMerge(input: $input) {
  id title details rating100 updated_at o_counter play_count o_history play_history
  tags { id } urls files { path } scene_markers { id title seconds } } }`;

function file(path: string): FixtureFile {
  return { path, size: 100, duration: 30, width: 640, height: 480, phash: "0123456789abcdef" };
}

async function library(prefix: string) {
  return stash().seed({
    scenes: [
      {
        title: `${prefix} dest`,
        details: "keep me",
        rating100: 60,
        tags: [`${prefix}-dest-tag`],
        urls: ["http://dest"],
        files: [file(`/m/${prefix}/dest.mp4`)],
        markers: [{ title: "dest marker", seconds: 50, primary_tag: "mk" }],
        play_history: ["2024-01-01T00:00:00Z"],
        o_history: ["2024-01-02T00:00:00Z"],
      },
      {
        title: `${prefix} src1`,
        tags: [`${prefix}-src-tag`],
        urls: ["http://src"],
        files: [file(`/m/${prefix}/s1a.mp4`), file(`/m/${prefix}/s1b.mp4`)],
        markers: [{ title: "src marker", seconds: 5, primary_tag: "mk" }],
        play_history: ["2023-01-01T00:00:00Z"],
        o_history: ["2023-01-02T00:00:00Z", "2023-01-03T00:00:00Z"],
      },
      { title: `${prefix} src2`, files: [file(`/m/${prefix}/s2.mp4`)], play_history: ["2022-01-01T00:00:00Z"] },
    ],
  });
}

describe("sceneMerge", () => {
  test("moves files (destination primary kept) and markers, deletes sources, leaves tags and urls", async () => {
    const ids = await library("a");
    const [dest, s1, s2] = ids.scenes as [string, string, string];
    const merged = (await gqlData(stash(), MERGE, { input: { destination: dest, source: [s1, s2] } })).sceneMerge;
    expect(merged.files.map((f: { path: string }) => f.path)).toEqual(["/m/a/dest.mp4", "/m/a/s1a.mp4", "/m/a/s1b.mp4", "/m/a/s2.mp4"]);
    expect(merged.scene_markers.map((m: { title: string }) => m.title)).toEqual(["src marker", "dest marker"]);
    expect(merged).toMatchObject({ title: "a dest", details: "keep me", rating100: 60, urls: ["http://dest"] });
    expect(merged.tags).toEqual([{ id: ids.tags["a-dest-tag"] }]);
    expect(merged).toMatchObject({ play_count: 1, o_counter: 1 });
    const store = stash().store;
    expect(store.has("scenes", Number(s1))).toBe(false);
    expect(store.has("scenes", Number(s2))).toBe(false);
    expect(store.get("files", Number(ids.files["/m/a/s2.mp4"]))?.sceneId).toBe(Number(dest));
  });

  test("a destination without files takes the first moved file as primary", async () => {
    const ids = await stash().seed({ scenes: [{ title: "empty dest" }, { title: "src", files: [file("/m/p/1.mp4"), file("/m/p/2.mp4")] }] });
    const merged = (await gqlData(stash(), MERGE, { input: { destination: ids.scenes[0], source: [ids.scenes[1]] } })).sceneMerge;
    expect(merged.files.map((f: { path: string }) => f.path)).toEqual(["/m/p/1.mp4", "/m/p/2.mp4"]);
  });

  test("values apply to the destination: omitted keys stay, null clears", async () => {
    const ids = await library("v");
    const [dest, s1] = ids.scenes as [string, string];
    const merged = (
      await gqlData(stash(), MERGE, {
        input: { destination: dest, source: [s1], values: { id: s1, title: "Merged", details: null, tag_ids: [ids.tags["v-src-tag"]] } },
      })
    ).sceneMerge;
    expect(merged).toMatchObject({ id: dest, title: "Merged", details: "", rating100: 60 });
    expect(merged.tags).toEqual([{ id: ids.tags["v-src-tag"] }]);
  });

  test("play_history and o_history flags append the sources' histories", async () => {
    const ids = await library("h");
    const [dest, s1, s2] = ids.scenes as [string, string, string];
    const merged = (
      await gqlData(stash(), MERGE, { input: { destination: dest, source: [s1, s2], play_history: true, o_history: true } })
    ).sceneMerge;
    expect(merged.play_history).toEqual(["2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2022-01-01T00:00:00Z"]);
    expect(merged.o_history).toEqual(["2024-01-02T00:00:00Z", "2023-01-03T00:00:00Z", "2023-01-02T00:00:00Z"]);
    expect(merged).toMatchObject({ play_count: 3, o_counter: 3 });
  });

  test("bumps the destination's updated_at", async () => {
    const ids = await library("u");
    const before = stash().store.get("scenes", Number(ids.scenes[0]))!.updatedAt;
    time.advance(120);
    const merged = (await gqlData(stash(), MERGE, { input: { destination: ids.scenes[0], source: [ids.scenes[2]] } })).sceneMerge;
    expect(Date.parse(merged.updated_at) - Date.parse(before)).toBe(120_000);
  });

  test("refuses a destination among the sources, a missing source or destination, and changes nothing", async () => {
    const ids = await library("e");
    const [dest, s1] = ids.scenes as [string, string];
    const snapshot = () => [...stash().store.all("scenes")].length;
    const count = snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ destination: dest, source: [s1, dest] }, "destination scene cannot be in source list"],
      [{ destination: dest, source: [s1, "999999"] }, "finding source scenes: scene with id 999999 not found"],
      [{ destination: "999998", source: [s1] }, "scene with id 999998 not found"],
    ];
    for (const [input, message] of cases) {
      const res = await gql(stash(), MERGE, { input });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]?.message).toBe(message);
      expect(res.body.data?.sceneMerge).toBeNull();
    }
    expect(snapshot()).toBe(count);
    expect(stash().store.get("files", Number(ids.files["/m/e/s1a.mp4"]))?.sceneId).toBe(Number(s1));
    expect(stash().store.sceneMarkers(Number(s1))).toHaveLength(1);
  });
});

/**
 * Scene markers over HTTP: create/update/bulk/destroy rules and the marker
 * queries (findSceneMarkers, sceneMarkerTags, markerWall, markerStrings).
 */
import { describe, expect, test } from "vitest";
import type { SeedResult } from "../src/testing/index";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const MARKER = `id title seconds end_seconds scene { id } primary_tag { id name } tags { id }`;
const CREATE = `mutation($input: SceneMarkerCreateInput!) { sceneMarkerCreate(input: $input) { ${MARKER} } }`;
const UPDATE = `mutation($input: SceneMarkerUpdateInput!) { sceneMarkerUpdate(input: $input) { ${MARKER} } }`;
const BULK = `mutation($input: BulkSceneMarkerUpdateInput!) { bulkSceneMarkerUpdate(input: $input) { ${MARKER} } }`;
const FIND = `query($f: SceneMarkerFilterType, $filter: FindFilterType, $ids: [ID!]) {
  findSceneMarkers(scene_marker_filter: $f, filter: $filter, ids: $ids) { count scene_markers { id title } } }`;

async function library(prefix: string): Promise<SeedResult> {
  return stash().seed({
    tags: [`${prefix}-a`, `${prefix}-b`, { name: `${prefix}-child`, parents: [`${prefix}-a`] }],
    performers: [`${prefix}-perf`],
    scenes: [
      {
        title: `${prefix} first scene`,
        performers: [`${prefix}-perf`],
        tags: [`${prefix}-b`],
        markers: [
          { title: `${prefix} kiss`, seconds: 30, primary_tag: `${prefix}-a` },
          { title: `${prefix} dance`, seconds: 10, end_seconds: 25, primary_tag: `${prefix}-b`, tags: [`${prefix}-child`] },
          { title: `${prefix} kiss`, seconds: 50, primary_tag: `${prefix}-a` },
        ],
      },
      { title: `${prefix} second scene`, markers: [{ title: "", seconds: 5, primary_tag: `${prefix}-child` }] },
    ],
  });
}

const titles = (res: { findSceneMarkers: { scene_markers: { title: string }[] } }) =>
  res.findSceneMarkers.scene_markers.map((m) => m.title);

describe("marker mutations", () => {
  test("create drops the primary tag from tag_ids and trims the title", async () => {
    const ids = await library("c");
    const input = { title: "  New  ", seconds: 12.5, end_seconds: 20, scene_id: ids.scenes[0], primary_tag_id: ids.tags["c-a"], tag_ids: [ids.tags["c-a"], ids.tags["c-b"]] };
    const marker = (await gqlData(stash(), CREATE, { input })).sceneMarkerCreate;
    expect(marker).toMatchObject({ title: "New", seconds: 12.5, end_seconds: 20, scene: { id: ids.scenes[0] }, primary_tag: { id: ids.tags["c-a"] } });
    expect(marker.tags).toEqual([{ id: ids.tags["c-b"] }]);
  });

  test("create refuses end before start, and unknown scenes or tags", async () => {
    const ids = await library("r");
    const base = { title: "x", seconds: 12.5, scene_id: ids.scenes[0], primary_tag_id: ids.tags["r-a"] };
    const before = stash().store.count("markers");
    const early = await gql(stash(), CREATE, { input: { ...base, end_seconds: 10 } });
    expect(early.body.errors?.[0]?.message).toBe("end_seconds (10.000000) must be greater than or equal to seconds (12.500000)");
    for (const input of [{ ...base, scene_id: "999999" }, { ...base, primary_tag_id: "999999" }, { ...base, tag_ids: ["999999"] }]) {
      expect((await gql(stash(), CREATE, { input })).body.errors?.[0]?.message).toContain("FOREIGN KEY constraint failed");
    }
    expect(stash().store.count("markers")).toBe(before);
  });

  test("update: omitted keys stay, end_seconds null clears, tag_ids replaces, merged times are checked", async () => {
    const ids = await library("u");
    const id = ids.markers[1]!;
    const same = (await gqlData(stash(), UPDATE, { input: { id } })).sceneMarkerUpdate;
    expect(same).toMatchObject({ title: "u dance", seconds: 10, end_seconds: 25, tags: [{ id: ids.tags["u-child"] }] });
    const cleared = (await gqlData(stash(), UPDATE, { input: { id, end_seconds: null, tag_ids: [ids.tags["u-a"]] } })).sceneMarkerUpdate;
    expect(cleared).toMatchObject({ end_seconds: null, tags: [{ id: ids.tags["u-a"] }] });
    await gqlData(stash(), UPDATE, { input: { id, end_seconds: 40 } });
    const late = await gql(stash(), UPDATE, { input: { id, seconds: 41 } });
    expect(late.body.errors?.[0]?.message).toBe("end_seconds (40.000000) must be greater than or equal to seconds (41.000000)");
    expect((await gql(stash(), UPDATE, { input: { id: "999999" } })).body.errors?.[0]?.message).toBe("scene marker with id 999999 not found");
  });

  test("bulk update sets title and primary tag and applies tag modes, all or nothing", async () => {
    const ids = await library("b");
    const [m0, m1] = ids.markers as [string, string];
    const out = (
      await gqlData(stash(), BULK, { input: { ids: [m1, m0], title: "Bulk", tag_ids: { ids: [ids.tags["b-b"], ids.tags["b-child"]], mode: "ADD" } } })
    ).bulkSceneMarkerUpdate;
    expect(out.map((m: { id: string }) => m.id)).toEqual([m1, m0]);
    expect(out[0].tags).toEqual([{ id: ids.tags["b-child"] }]); // b-b is m1's primary tag; child already present
    expect(out[1]).toMatchObject({ title: "Bulk", tags: [{ id: ids.tags["b-b"] }, { id: ids.tags["b-child"] }] });
    const failed = await gql(stash(), BULK, { input: { ids: [m0, "999999"], title: "Nope" } });
    expect(failed.body.errors?.[0]?.message).toBe("scene marker with id 999999 not found");
    expect(stash().store.get("markers", Number(m0))!.title).toBe("Bulk");
  });

  test("sceneMarkersDestroy is all-or-nothing; sceneMarkerDestroy deletes one", async () => {
    const ids = await library("d");
    const [m0, m1] = ids.markers as [string, string];
    const res = await gql(stash(), `mutation($ids: [ID!]!) { sceneMarkersDestroy(ids: $ids) }`, { ids: [m0, "999999"] });
    expect(res.body.errors?.[0]?.message).toBe("scene marker with id 999999 not found");
    expect(res.body.data).toBeNull();
    expect(stash().store.has("markers", Number(m0))).toBe(true);
    expect(await gqlData(stash(), `mutation($ids: [ID!]!) { sceneMarkersDestroy(ids: $ids) }`, { ids: [m0, m1] })).toEqual({ sceneMarkersDestroy: true });
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneMarkerDestroy(id: $id) }`, { id: ids.markers[2] })).toEqual({ sceneMarkerDestroy: true });
    expect(stash().store.sceneMarkers(Number(ids.scenes[0]))).toEqual([]);
  });
});

describe("marker queries", () => {
  test("findSceneMarkers by scene, tags (with depth) and performers; default sort is title", async () => {
    const ids = await library("q");
    const byScene = await gqlData(stash(), FIND, { f: { scenes: { value: [ids.scenes[0]], modifier: "INCLUDES" } } });
    expect(byScene.findSceneMarkers.count).toBe(3);
    expect(titles(byScene)).toEqual(["q dance", "q kiss", "q kiss"]);
    const byTag = await gqlData(stash(), FIND, { f: { tags: { value: [ids.tags["q-a"]], modifier: "INCLUDES", depth: -1 } } });
    expect(byTag.findSceneMarkers.scene_markers.map((m: { id: string }) => m.id).sort()).toEqual(
      [ids.markers[0], ids.markers[1], ids.markers[2], ids.markers[3]].sort(),
    );
    const byPerformer = await gqlData(stash(), FIND, { f: { performers: { value: [ids.performers["q-perf"]], modifier: "INCLUDES" } } });
    expect(byPerformer.findSceneMarkers.count).toBe(3);
    const timed = await gqlData(stash(), FIND, { f: { duration: { value: 10, modifier: "GREATER_THAN" }, scenes: { value: [ids.scenes[0]], modifier: "INCLUDES" } } });
    expect(titles(timed)).toEqual(["q dance"]);
  });

  test("q searches marker title, scene title and primary tag name; ids keep input order", async () => {
    const ids = await library("s");
    expect((await gqlData(stash(), FIND, { filter: { q: '"s dance"' } })).findSceneMarkers.count).toBe(1);
    expect((await gqlData(stash(), FIND, { filter: { q: '"s second scene"' } })).findSceneMarkers.count).toBe(1);
    expect((await gqlData(stash(), FIND, { filter: { q: "s-child", per_page: -1 } })).findSceneMarkers.count).toBe(1);
    expect((await gqlData(stash(), FIND, { filter: { q: '"s kiss" OR "s dance"' } })).findSceneMarkers.count).toBe(3);
    const excluded = await gqlData(stash(), FIND, { filter: { q: '"s kiss" OR "s dance" -s-a' } });
    expect(titles(excluded)).toEqual(["s dance"]);
    const byIds = await gqlData(stash(), FIND, { ids: [ids.markers[2], ids.markers[0]] });
    expect(byIds.findSceneMarkers.scene_markers.map((m: { id: string }) => m.id)).toEqual([ids.markers[2], ids.markers[0]]);
  });

  test("sorts by seconds, paging, invalid sorts, and scene_filter", async () => {
    const ids = await library("o");
    const scene = { scenes: { value: [ids.scenes[0]], modifier: "INCLUDES" } };
    const bySeconds = await gqlData(stash(), FIND, { f: scene, filter: { sort: "seconds", direction: "DESC", per_page: 2, page: 1 } });
    expect(bySeconds.findSceneMarkers.count).toBe(3);
    expect(bySeconds.findSceneMarkers.scene_markers.map((m: { id: string }) => m.id)).toEqual([ids.markers[2], ids.markers[0]]);
    expect((await gql(stash(), FIND, { filter: { sort: "nonsense" } })).body.errors?.[0]?.message).toBe("invalid sort: nonsense");
    const viaScene = await gqlData(stash(), FIND, { f: { scene_filter: { title: { value: "o second scene", modifier: "EQUALS" } } } });
    expect(viaScene.findSceneMarkers.scene_markers.map((m: { id: string }) => m.id)).toEqual([ids.markers[3]]);
  });

  test("sceneMarkerTags groups a scene's markers by primary tag, earliest first", async () => {
    const ids = await library("t");
    const res = await gqlData(stash(), `query($id: ID!) { sceneMarkerTags(scene_id: $id) { tag { name } scene_markers { seconds } } }`, { id: ids.scenes[0] });
    expect(res.sceneMarkerTags).toEqual([
      { tag: { name: "t-b" }, scene_markers: [{ seconds: 10 }] },
      { tag: { name: "t-a" }, scene_markers: [{ seconds: 30 }, { seconds: 50 }] },
    ]);
  });

  test("markerStrings groups titles with counts; markerWall filters by title", async () => {
    await library("w");
    const STRINGS = `query($q: String, $sort: String) { markerStrings(q: $q, sort: $sort) { count id title } }`;
    const byCount = (await gqlData(stash(), STRINGS, { q: "w ", sort: "count" })).markerStrings;
    expect(byCount.map((s: { title: string; count: number }) => [s.title, s.count])).toEqual([["w kiss", 2], ["w dance", 1]]);
    const byTitle = (await gqlData(stash(), STRINGS, { q: "w " })).markerStrings;
    expect(byTitle.map((s: { title: string }) => s.title)).toEqual(["w dance", "w kiss"]);
    const wall = (await gqlData(stash(), `query { markerWall(q: "w kiss") { title } }`)).markerWall;
    expect(wall).toEqual([{ title: "w kiss" }, { title: "w kiss" }]);
  });
});

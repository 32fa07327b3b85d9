/**
 * Scenes against the facts of Stash's pkg/sqlite/scene_test.go (v0.30.1).
 * Case list: test/conformance/cases/scenes.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion } from "./cases";
import { find, findIds, expectRejected } from "./find";
import { conformanceCase, openConformance } from "./harness";
import { ALL_SCENES, NUMBER_CASES, RELATION_CASES, STRING_CASES } from "./scenes-cases";
import { buildSceneLibrary, type SceneLibrary } from "./scenes-fixture";

const c = await openConformance();
let lib: SceneLibrary;
const L = () => lib;
const scenes = (l: SceneLibrary) => l.scenes;

beforeAll(async () => {
  lib = await buildSceneLibrary(c);
});

criterion("strings, search and combinators", c, "scenes", L, scenes, STRING_CASES);
criterion("numbers, resolution and flags", c, "scenes", L, scenes, NUMBER_CASES);
criterion("relations", c, "scenes", L, scenes, RELATION_CASES);

describe("sorting and paging", () => {
  const keys = ["bitrate", "duration", "file_mod_time", "filesize", "framerate", "path", "perceptual_similarity", "play_count", "last_played_at", "performer_age"];
  for (const sort of keys) {
    conformanceCase(c, `sort ${sort} answers every scene (scene_test.go TestSceneQuerySorting)`, [], async () => {
      const found = await find(c, "scenes", null, { sort, direction: sort === "bitrate" ? "ASC" : "DESC" });
      expect(found.items.length).toBe(ALL_SCENES.length);
    });
  }
  for (const sort of ["resume_time", "play_duration"]) {
    conformanceCase(c, `sort ${sort} DESC puts the largest first (scene_test.go TestSceneQuerySorting)`, [], async () => {
      const ids = await findIds(c, "scenes", null, { sort, direction: "DESC" });
      expect(lib.scenes.names(ids)[0]).toBe("S1");
    });
  }
  conformanceCase(c, "pages of one and of two agree (scene_test.go TestSceneQueryPagination)", [], async () => {
    const first = await findIds(c, "scenes", null, { per_page: 1, page: 1 });
    const second = await findIds(c, "scenes", null, { per_page: 1, page: 2 });
    const both = await findIds(c, "scenes", null, { per_page: 2, page: 1 });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    expect(both).toEqual([first[0], second[0]]);
  });
});

const SCENE_RELATIONS = "tags { id } performers { id } groups { group { id } } stash_ids { endpoint stash_id } rating100 title o_counter";

async function sceneState(id: string) {
  const data = await c.run(`query($id: ID) { findScene(id: $id) { ${SCENE_RELATIONS} } }`, { id });
  const s = data.findScene;
  return {
    tags: lib.tags.names(s.tags.map((t: { id: string }) => t.id)).sort(),
    performers: lib.performers.names(s.performers.map((p: { id: string }) => p.id)).sort(),
    groups: lib.groups.names(s.groups.map((g: { group: { id: string } }) => g.group.id)).sort(),
    stashIds: s.stash_ids,
    rating100: s.rating100,
    title: s.title,
    o: s.o_counter,
  };
}

const BULK = "mutation($i: BulkSceneUpdateInput!) { bulkSceneUpdate(input: $i) { id } }";

describe("partial updates (scene_test.go Test_sceneQueryBuilder_UpdatePartialRelationships, UpdatePartial)", () => {
  let target = "";
  beforeAll(async () => {
    const data = await c.run(`mutation($i: SceneCreateInput!) { sceneCreate(input: $i) { id } }`, {
      i: { title: "update target", rating100: 40, tag_ids: lib.tags.ids("tag a", "tag b"), performer_ids: lib.performers.ids("perf one") },
    });
    target = data.sceneCreate.id;
  });
  const bulk = (field: string, mode: string, ids: string[]) => c.run(BULK, { i: { ids: [target], [field]: { ids, mode } } });

  conformanceCase(c, "tag_ids ADD adds (\"add tags\")", [], async () => {
    await bulk("tag_ids", "SET", lib.tags.ids("tag a", "tag b"));
    await bulk("tag_ids", "ADD", lib.tags.ids("tag c", "tag top"));
    expect((await sceneState(target)).tags).toEqual(["tag a", "tag b", "tag c", "tag top"]);
  });
  conformanceCase(c, "tag_ids ADD of the same id twice or of a present id adds no duplicate (\"add identical tags\", \"add duplicate tags\")", [], async () => {
    await bulk("tag_ids", "SET", lib.tags.ids("tag a", "tag b"));
    await bulk("tag_ids", "ADD", lib.tags.ids("tag c", "tag c"));
    await bulk("tag_ids", "ADD", lib.tags.ids("tag a", "tag mid"));
    expect((await sceneState(target)).tags).toEqual(["tag a", "tag b", "tag c", "tag mid"]);
  });
  conformanceCase(c, "tag_ids ADD of an unknown id fails and changes nothing (\"add invalid tags\")", [], async () => {
    await bulk("tag_ids", "SET", lib.tags.ids("tag a", "tag b"));
    await expectRejected(c, BULK, { i: { ids: [target], tag_ids: { ids: ["999999"], mode: "ADD" } } });
    expect((await sceneState(target)).tags).toEqual(["tag a", "tag b"]);
  });
  conformanceCase(c, "tag_ids REMOVE removes; removing an unrelated id changes nothing (\"remove tags\", \"remove unrelated tags\")", [], async () => {
    await bulk("tag_ids", "SET", lib.tags.ids("tag a", "tag b"));
    await bulk("tag_ids", "REMOVE", lib.tags.ids("tag leaf"));
    expect((await sceneState(target)).tags).toEqual(["tag a", "tag b"]);
    await bulk("tag_ids", "REMOVE", lib.tags.ids("tag a"));
    expect((await sceneState(target)).tags).toEqual(["tag b"]);
  });
  conformanceCase(c, "performer_ids ADD, duplicate ADD, REMOVE and unknown ids (\"add performers\" … \"remove unrelated performers\")", [], async () => {
    await bulk("performer_ids", "SET", lib.performers.ids("perf one"));
    await bulk("performer_ids", "ADD", lib.performers.ids("perf two", "perf one"));
    expect((await sceneState(target)).performers).toEqual(["perf one", "perf two"]);
    await expectRejected(c, BULK, { i: { ids: [target], performer_ids: { ids: ["999999"], mode: "ADD" } } });
    await bulk("performer_ids", "REMOVE", lib.performers.ids("perf one", "perf leaf"));
    expect((await sceneState(target)).performers).toEqual(["perf two"]);
  });
  conformanceCase(c, "group_ids ADD to a scene without groups, twice (\"add groups to empty\", \"add duplicate groups\")", [], async () => {
    await bulk("group_ids", "ADD", lib.groups.ids("group one"));
    await bulk("group_ids", "ADD", lib.groups.ids("group one", "group two"));
    expect((await sceneState(target)).groups).toEqual(["group one", "group two"]);
    await bulk("group_ids", "REMOVE", lib.groups.ids("group one"));
    expect((await sceneState(target)).groups).toEqual(["group two"]);
  });
  conformanceCase(c, "sceneUpdate changes only the fields it is given; null clears (Test_sceneQueryBuilder_UpdatePartial)", [], async () => {
    const update = "mutation($i: SceneUpdateInput!) { sceneUpdate(input: $i) { id } }";
    await bulk("tag_ids", "SET", lib.tags.ids("tag a"));
    await c.run(update, { i: { id: target, title: "renamed target" } });
    const after = await sceneState(target);
    expect([after.title, after.rating100, after.tags]).toEqual(["renamed target", 40, ["tag a"]]);
    await c.run(update, { i: { id: target, rating100: null, tag_ids: [] } });
    const cleared = await sceneState(target);
    expect([cleared.title, cleared.rating100, cleared.tags]).toEqual(["renamed target", null, []]);
  });
  conformanceCase(c, "stash_ids set then cleared (scene_test.go TestSceneStashIDs)", [], async () => {
    const update = "mutation($i: SceneUpdateInput!) { sceneUpdate(input: $i) { id } }";
    const stashId = { endpoint: "endpoint", stash_id: "stashID" };
    await c.run(update, { i: { id: target, stash_ids: [stashId] } });
    expect((await sceneState(target)).stashIds).toEqual([stashId]);
    await c.run(update, { i: { id: target, stash_ids: [] } });
    expect((await sceneState(target)).stashIds).toEqual([]);
  });
  conformanceCase(c, "sceneSaveActivity replaces resume_time and adds play_duration (scene_test.go TestSceneStore_SaveActivity)", [], async () => {
    const SAVE = "mutation($id: ID!, $r: Float, $p: Float) { sceneSaveActivity(id: $id, resume_time: $r, playDuration: $p) }";
    const activity = async () => (await c.run("query($id: ID) { findScene(id: $id) { resume_time play_duration } }", { id: target })).findScene;
    const before = await activity();
    await c.run(SAVE, { id: target, r: 111.2, p: 98.7 });
    const both = await activity();
    expect(both.resume_time).toBeCloseTo(111.2);
    expect(both.play_duration).toBeCloseTo((before.play_duration ?? 0) + 98.7);
    await c.run(SAVE, { id: target });
    expect(await activity()).toEqual(both);
    await expectRejected(c, SAVE, { id: "999999", r: 1 });
  });
  conformanceCase(c, "sceneAddPlay records one view; an unknown scene is an error (scene_test.go TestSceneStore_AddView)", [], async () => {
    const ADD = "mutation($id: ID!) { sceneAddPlay(id: $id) { count history } }";
    const before = (await c.run("query($id: ID) { findScene(id: $id) { play_count } }", { id: target })).findScene.play_count;
    const added = (await c.run(ADD, { id: target })).sceneAddPlay;
    expect(added.count).toBe(before + 1);
    await expectRejected(c, ADD, { id: "999999" });
  });
  conformanceCase(c, "sceneAddO / sceneDeleteO / sceneResetO (Test_sceneQueryBuilder_AddO, DeleteO, ResetO)", [], async () => {
    await c.run("mutation($id: ID!) { sceneAddO(id: $id) { count } }", { id: target });
    await c.run("mutation($id: ID!) { sceneAddO(id: $id) { count } }", { id: target });
    expect((await sceneState(target)).o).toBe(2);
    await c.run("mutation($id: ID!) { sceneDeleteO(id: $id) { count } }", { id: target });
    expect((await sceneState(target)).o).toBe(1);
    await c.run("mutation($id: ID!) { sceneResetO(id: $id) }", { id: target });
    expect((await sceneState(target)).o).toBe(0);
  });
});

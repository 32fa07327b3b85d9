/**
 * Scene mutations of the stand-in over HTTP: sceneCreate, sceneUpdate,
 * scenesUpdate, bulkSceneUpdate, destroy, file assignment and screenshots,
 * checked against the rules in Stash's scene semantics.
 */
import { describe, expect, test } from "vitest";
import type { Fixture, FixtureFile } from "../src/testing/index";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const SCENE = `id title code details director urls date rating100 organized play_duration resume_time
  o_counter play_count updated_at studio { id } tags { id } performers { id } galleries { id }
  groups { group { id } scene_index } stash_ids { endpoint stash_id } files { id path }`;

function clock(start: string): { now: () => Date; advance: (seconds: number) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (seconds) => (t += seconds * 1000) };
}

const time = clock("2025-01-01T00:00:00Z");
const stash = withStandIn({ now: time.now });

let serial = 0;
function file(name: string): FixtureFile {
  serial++;
  return { path: `/lib/${name}-${serial}.mp4`, size: 1000, duration: 60, width: 1280, height: 720, phash: "00000000000000ff" };
}

async function seed(fixture: Fixture) {
  return stash().seed(fixture);
}

const UPDATE = `mutation($input: SceneUpdateInput!) { sceneUpdate(input: $input) { ${SCENE} } }`;
const FIND = `query($id: ID) { findScene(id: $id) { ${SCENE} } }`;

async function update(input: Record<string, unknown>) {
  return gql(stash(), UPDATE, { input });
}
async function find(id: string) {
  return (await gqlData(stash(), FIND, { id })).findScene;
}

describe("sceneCreate", () => {
  const CREATE = `mutation($input: SceneCreateInput!) { sceneCreate(input: $input) { ${SCENE} } }`;

  test("needs a title or a file", async () => {
    const res = await gql(stash(), CREATE, { input: { title: "   " } });
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.message).toBe("title must be set if scene has no files");
    expect(res.body.errors?.[0]?.path).toEqual(["sceneCreate"]);
    expect(res.body.data?.sceneCreate).toBeNull();
  });

  test("defaults: organized false, empty strings, null rating and date, urls over url, groups over movies", async () => {
    const ids = await seed({ groups: ["G1", "G2"] });
    const created = (
      await gqlData(stash(), CREATE, {
        input: {
          title: "  New  ",
          url: "http://legacy",
          urls: [" http://a ", "http://b"],
          groups: [{ group_id: ids.groups.G1, scene_index: 3 }],
          movies: [{ movie_id: ids.groups.G2 }],
        },
      })
    ).sceneCreate;
    expect(created).toMatchObject({ title: "New", code: "", details: "", director: "", organized: false, rating100: null, date: null });
    expect(created.urls).toEqual(["http://a", "http://b"]);
    expect(created.groups).toEqual([{ group: { id: ids.groups.G1 }, scene_index: 3 }]);
  });

  test("unknown related ids fail with a foreign key error and create nothing", async () => {
    const before = stash().store.count("scenes");
    const res = await gql(stash(), CREATE, { input: { title: "x", tag_ids: ["999999"] } });
    expect(res.body.errors?.[0]?.message).toContain("FOREIGN KEY constraint failed");
    expect(stash().store.count("scenes")).toBe(before);
  });

  test("the first file becomes primary; a secondary file moves; another scene's primary cannot", async () => {
    const a = file("a");
    const b = file("b");
    const ids = await seed({ scenes: [{ title: "Owner", files: [a, b] }] });
    const created = (await gqlData(stash(), CREATE, { input: { file_ids: [ids.files[b.path]] } })).sceneCreate;
    expect(created.title).toBe("");
    expect(created.files.map((f: { path: string }) => f.path)).toEqual([b.path]);
    expect((await find(ids.scenes[0]!)).files.map((f: { path: string }) => f.path)).toEqual([a.path]);

    const res = await gql(stash(), CREATE, { input: { title: "thief", file_ids: [ids.files[a.path]] } });
    expect(res.body.errors?.[0]?.message).toContain("cannot reassign primary file");
    expect((await find(ids.scenes[0]!)).files).toHaveLength(1);
  });
});

describe("sceneUpdate", () => {
  test("omitted keys stay, null clears, [] and null clear lists, strings are trimmed", async () => {
    const ids = await seed({
      scenes: [{ title: "T", details: "D", code: "C", rating100: 80, date: "2020-01-02", tags: ["x", "y"], performers: ["p"], studio: "S", files: [file("u")] }],
    });
    const id = ids.scenes[0]!;
    const omitted = (await update({ id, director: "  Dir  " })).body.data!.sceneUpdate;
    expect(omitted).toMatchObject({ title: "T", details: "D", code: "C", rating100: 80, date: "2020-01-02", director: "Dir" });
    expect(omitted.tags).toHaveLength(2);

    const cleared = (await update({ id, details: null, code: null, rating100: null, date: null, studio_id: null, tag_ids: [], performer_ids: null })).body.data!.sceneUpdate;
    expect(cleared).toMatchObject({ title: "T", details: "", code: "", rating100: null, date: null, studio: null, tags: [], performers: [] });
  });

  test("title rule: a blank or null title fails only on a scene without files", async () => {
    const ids = await seed({ scenes: [{ title: "No files" }, { title: "Has file", files: [file("t")] }] });
    for (const title of [null, "  "]) {
      const res = await update({ id: ids.scenes[0], title });
      expect(res.body.errors?.[0]?.message).toBe("title must be set if scene has no files");
    }
    expect((await find(ids.scenes[0]!)).title).toBe("No files");
    expect((await update({ id: ids.scenes[1], title: null })).body.data!.sceneUpdate.title).toBe("");
  });

  test("errors: bad id, missing scene, studio_id \"\", organized null, foreign primary file", async () => {
    const ids = await seed({ scenes: [{ title: "E", files: [file("e")] }] });
    const id = ids.scenes[0]!;
    expect((await update({ id: "abc" })).body.errors?.[0]?.message).toContain('strconv.Atoi: parsing "abc": invalid syntax');
    expect((await update({ id: "987654" })).body.errors?.[0]?.message).toBe("scene with id 987654 not found");
    expect((await update({ id, studio_id: "" })).body.errors?.[0]?.message).toContain('strconv.Atoi: parsing ""');
    expect((await update({ id, organized: null })).body.errors?.[0]?.message).toMatch(/organized/);
    expect((await update({ id, play_duration: null })).body.errors?.[0]?.message).toMatch(/play_duration/);
    expect((await update({ id, primary_file_id: "999999" })).body.errors?.[0]?.message).toBe(
      "file with id 999999 not associated with scene",
    );
  });

  test("primary_file_id reorders files; duplicates are de-duplicated; stash ids replace", async () => {
    const [a, b] = [file("p1"), file("p2")];
    const ids = await seed({ tags: ["t1"], scenes: [{ title: "P", files: [a, b] }] });
    const res = await update({
      id: ids.scenes[0],
      primary_file_id: ids.files[b.path],
      tag_ids: [ids.tags.t1, ids.tags.t1],
      stash_ids: [{ endpoint: "https://box/graphql", stash_id: "abc" }],
    });
    const scene = res.body.data!.sceneUpdate;
    expect(scene.files.map((f: { path: string }) => f.path)).toEqual([b.path, a.path]);
    expect(scene.tags).toEqual([{ id: ids.tags.t1 }]);
    expect(scene.stash_ids).toEqual([{ endpoint: "https://box/graphql", stash_id: "abc" }]);
    const dup = await update({
      id: ids.scenes[0],
      stash_ids: [
        { endpoint: "https://box/graphql", stash_id: "one" },
        { endpoint: "https://box/graphql", stash_id: "two" },
      ],
    });
    expect(dup.body.errors?.[0]?.message).toMatch(/endpoint/);
  });

  test("play_duration is absolute; resume_time, o_counter, play_count are ignored", async () => {
    const ids = await seed({ scenes: [{ title: "Play", resume_time: 5, play_duration: 10, o_history: ["2024-01-01T00:00:00Z"] }] });
    const scene = (await update({ id: ids.scenes[0], play_duration: 42.5, resume_time: 99, o_counter: 7, play_count: 3 })).body
      .data!.sceneUpdate;
    expect(scene).toMatchObject({ play_duration: 42.5, resume_time: 5, o_counter: 1, play_count: 0 });
  });

  test("cover_image: data URL sets the cover, bad base64 and plain URLs fail, \"\" changes nothing", async () => {
    const ids = await seed({ scenes: [{ title: "Cover" }] });
    const id = ids.scenes[0]!;
    expect((await update({ id, cover_image: "" })).body.errors).toBeUndefined();
    expect(stash().store.get("scenes", Number(id))!.hasCover).toBe(false);
    expect((await update({ id, cover_image: "data:image/png;base64,!!!" })).body.errors?.[0]?.message).toContain("base64");
    expect((await update({ id, cover_image: "http://example.invalid/x.jpg" })).body.errors?.[0]?.message).toMatch(/cannot fetch/);
    expect((await update({ id, cover_image: "data:image/png;base64,iVBORw0KGgo=" })).body.errors).toBeUndefined();
    expect(stash().store.get("scenes", Number(id))!.hasCover).toBe(true);
  });

  test("every update bumps updated_at", async () => {
    const ids = await seed({ scenes: [{ title: "Bump" }] });
    const before = (await find(ids.scenes[0]!)).updated_at;
    time.advance(61);
    const after = (await update({ id: ids.scenes[0] })).body.data!.sceneUpdate.updated_at;
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(61_000);
  });
});

describe("scenesUpdate and bulkSceneUpdate", () => {
  const MANY = `mutation($input: [SceneUpdateInput!]!) { scenesUpdate(input: $input) { id title } }`;
  const BULK = `mutation($input: BulkSceneUpdateInput!) { bulkSceneUpdate(input: $input) { id title rating100 urls tags { id } } }`;

  test("scenesUpdate answers in input order and rolls back entirely on one bad item", async () => {
    const ids = await seed({ scenes: [{ title: "M1" }, { title: "M2" }] });
    const [a, b] = ids.scenes as [string, string];
    const ok = await gqlData(stash(), MANY, { input: [{ id: b, title: "B" }, { id: a, title: "A" }] });
    expect(ok.scenesUpdate).toEqual([{ id: b, title: "B" }, { id: a, title: "A" }]);
    const bad = await gql(stash(), MANY, { input: [{ id: a, title: "changed" }, { id: "999999", title: "x" }] });
    expect(bad.body.errors?.[0]?.message).toBe("scene with id 999999 not found");
    expect((await find(a)).title).toBe("A");
  });

  test("bulk ADD skips present ids, REMOVE drops, SET replaces, null leaves alone", async () => {
    const ids = await seed({ tags: ["a", "b", "c"], scenes: [{ title: "B1", tags: ["a"] }, { title: "B2", tags: ["b"] }] });
    const [s1, s2] = ids.scenes as [string, string];
    const { a, b, c } = ids.tags as Record<string, string>;
    const add = await gqlData(stash(), BULK, { input: { ids: [s2, s1], tag_ids: { ids: [a, c], mode: "ADD" } } });
    expect(add.bulkSceneUpdate.map((s: { id: string }) => s.id)).toEqual([s2, s1]);
    // Tags come back in Stash's tag order (by name), whatever order the join rows were written in.
    expect(add.bulkSceneUpdate[0].tags).toEqual([{ id: a }, { id: b }, { id: c }]);
    expect(add.bulkSceneUpdate[1].tags).toEqual([{ id: a }, { id: c }]);
    const remove = await gqlData(stash(), BULK, { input: { ids: [s1], tag_ids: { ids: [a, b], mode: "REMOVE" }, urls: { values: ["u"], mode: "ADD" } } });
    expect(remove.bulkSceneUpdate[0]).toMatchObject({ tags: [{ id: c }], urls: ["u"] });
    const set = await gqlData(stash(), BULK, { input: { ids: [s1], tag_ids: { ids: [b], mode: "SET" }, rating100: 40 } });
    expect(set.bulkSceneUpdate[0]).toMatchObject({ tags: [{ id: b }], rating100: 40 });
    const untouched = await gqlData(stash(), BULK, { input: { ids: [s1], tag_ids: null, rating100: null } });
    expect(untouched.bulkSceneUpdate[0]).toMatchObject({ tags: [{ id: b }], rating100: null });
  });

  test("bulk with a missing scene changes nothing", async () => {
    const ids = await seed({ scenes: [{ title: "Keep" }] });
    const res = await gql(stash(), BULK, { input: { ids: [ids.scenes[0], "999999"], title: "Changed" } });
    expect(res.body.errors?.[0]?.message).toBe("scene with id 999999 not found");
    expect((await find(ids.scenes[0]!)).title).toBe("Keep");
  });
});

describe("destroy, assign file, screenshot", () => {
  const DESTROY = `mutation($input: SceneDestroyInput!) { sceneDestroy(input: $input) }`;
  const DESTROY_MANY = `mutation($input: ScenesDestroyInput!) { scenesDestroy(input: $input) }`;

  test("sceneDestroy removes markers and keeps files unattached; delete_file removes them", async () => {
    const [keep, drop] = [file("keep"), file("drop")];
    const ids = await seed({
      scenes: [
        { title: "D1", files: [keep], markers: [{ title: "m", seconds: 1, primary_tag: "mt" }] },
        { title: "D2", files: [drop] },
      ],
    });
    const store = stash().store;
    expect(await gqlData(stash(), DESTROY, { input: { id: ids.scenes[0] } })).toEqual({ sceneDestroy: true });
    expect(store.has("markers", Number(ids.markers[0]))).toBe(false);
    expect(store.get("files", Number(ids.files[keep.path]))?.sceneId).toBeNull();
    await gqlData(stash(), DESTROY, { input: { id: ids.scenes[1], delete_file: true } });
    expect(store.has("files", Number(ids.files[drop.path]))).toBe(false);
    expect(await find(ids.scenes[1]!)).toBeNull();
  });

  test("scenesDestroy is all-or-nothing; a repeated id fails on its second occurrence", async () => {
    const ids = await seed({ scenes: [{ title: "X1" }, { title: "X2" }] });
    const [a, b] = ids.scenes as [string, string];
    const missing = await gql(stash(), DESTROY_MANY, { input: { ids: [a, "999999"] } });
    expect(missing.body.errors?.[0]?.message).toBe("scene with id 999999 not found");
    expect(missing.body.data).toBeNull();
    const repeated = await gql(stash(), DESTROY_MANY, { input: { ids: [a, b, a] } });
    expect(repeated.body.errors?.[0]?.message).toBe(`scene with id ${a} not found`);
    expect((await find(a))?.title).toBe("X1");
    expect((await find(b))?.title).toBe("X2");
  });

  test("sceneAssignFile moves a secondary file, primary only for a scene without files", async () => {
    const [p, s] = [file("ap"), file("as")];
    const ids = await seed({ scenes: [{ title: "From", files: [p, s] }, { title: "To" }] });
    const ASSIGN = `mutation($input: AssignSceneFileInput!) { sceneAssignFile(input: $input) }`;
    expect(await gqlData(stash(), ASSIGN, { input: { scene_id: ids.scenes[1], file_id: ids.files[s.path] } })).toEqual({
      sceneAssignFile: true,
    });
    expect((await find(ids.scenes[1]!)).files.map((f: { path: string }) => f.path)).toEqual([s.path]);
    const refused = await gql(stash(), ASSIGN, { input: { scene_id: ids.scenes[1], file_id: ids.files[p.path] } });
    expect(refused.body.errors?.[0]?.message).toBe("assigning file to scene: cannot reassign primary file");
  });

  test("sceneGenerateScreenshot answers a string, and an error for a missing scene", async () => {
    const ids = await seed({ scenes: [{ title: "Shot", files: [file("shot")] }] });
    const SHOT = `mutation($id: ID!) { sceneGenerateScreenshot(id: $id, at: 1.5) }`;
    const ok = await gqlData(stash(), SHOT, { id: ids.scenes[0] });
    expect(typeof ok.sceneGenerateScreenshot).toBe("string");
    expect(stash().store.get("scenes", Number(ids.scenes[0]))!.hasCover).toBe(true);
    const missing = await gql(stash(), SHOT, { id: "999999" });
    expect(missing.body.errors?.[0]?.message).toBe("scene with id 999999 not found");
  });
});

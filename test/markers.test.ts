import { describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashGraphQLError, StashHttpError, StashValidationError } from "../src/core/errors";
import {
  bulkSceneMarkerUpdate,
  createSceneMarker,
  destroySceneMarker,
  destroySceneMarkers,
  findSceneMarkers,
  markerStrings,
  markerWall,
  sceneMarkerTags,
  updateSceneMarker,
} from "../src/markers/markers";
import { iterateSceneMarkers } from "../src/markers/iterate";
import type { Fixture, FixtureMarker, SeedResult } from "../src/testing/index";
import { usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn();
const core = () => new StashCore({ url: stash().url, retry: false });

let sceneCounter = 0;
/** Seeds one scene with the given markers; titles are unique per call so tests do not see each other's data. */
async function seedScene(markers: FixtureMarker[]): Promise<{ sceneId: string; ids: SeedResult }> {
  const title = `marker scene ${++sceneCounter}`;
  const fixture: Fixture = { scenes: [{ title, markers }] };
  const ids = await stash().seed(fixture);
  return { sceneId: ids.scenes[0]!, ids };
}

/** Runs `fn` and asserts it threw a validation error for `argument` without any request reaching the server. */
async function rejectsBeforeRequest(fn: () => Promise<unknown>, argument: string): Promise<void> {
  const before = stash().requests;
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StashValidationError);
  expect((err as StashValidationError).argument).toBe(argument);
  expect(stash().requests).toBe(before);
}

const scenesFilter = (...ids: string[]) => ({ scenes: { value: ids, modifier: "INCLUDES" as const } });

describe("findSceneMarkers", () => {
  it("finds a scene's markers with the real scene criterion, by q, and by ids", async () => {
    const seeded = [
      { title: "Opening kiss", seconds: 5, primary_tag: "Kiss" },
      { title: "Closing", seconds: 90, end_seconds: 100, primary_tag: "Outro", tags: ["Kiss"] },
    ];
    const { sceneId, ids } = await seedScene(seeded);
    const all = await findSceneMarkers(core(), { markerFilter: scenesFilter(sceneId), filter: { per_page: -1 } });
    expect(all.count).toBe(seeded.length);
    expect(all.scene_markers.map((m) => m.id).sort()).toEqual([...ids.markers].sort());
    expect(all.scene_markers.every((m) => m.scene.id === sceneId)).toBe(true);

    const byQ = await findSceneMarkers(core(), { markerFilter: scenesFilter(sceneId), q: "opening" });
    expect(byQ.scene_markers.map((m) => m.title)).toEqual([seeded[0]!.title]);

    const reversed = [...ids.markers].reverse();
    const byIds = await findSceneMarkers(core(), { ids: reversed });
    expect(byIds.scene_markers.map((m) => m.id)).toEqual(reversed);
  });

  it("rejects bad ids and conflicting searches before sending, and surfaces server errors", async () => {
    await rejectsBeforeRequest(() => findSceneMarkers(core(), { ids: ["abc"] }), "ids[0]");
    await rejectsBeforeRequest(() => findSceneMarkers(core(), { filter: { q: "a" }, q: "b" }), "q");
    await rejectsBeforeRequest(() => findSceneMarkers(core(), { filter: { per_page: 1.5 } }), "filter.per_page");
    await rejectsBeforeRequest(() => findSceneMarkers(core(), { filter: { sort: "no_such_sort" } }), "filter.sort");
    // A typo such as the wire name instead of the facade's is refused, not silently dropped.
    await rejectsBeforeRequest(() => findSceneMarkers(core(), { scene_marker_filter: {} } as never), "args");
    const err = await findSceneMarkers(core(), { ids: ["987654"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashGraphQLError);
    expect((err as Error).message).toContain("scene marker with id 987654 not found");
  });
});

describe("createSceneMarker / updateSceneMarker", () => {
  it("creates a marker with end and tags, then updates only what is given and clears end with null", async () => {
    const { sceneId, ids } = await seedScene([{ title: "seed", seconds: 1, primary_tag: "Primary A", tags: ["Extra B"] }]);
    const primary = ids.tags["Primary A"]!;
    const extra = ids.tags["Extra B"]!;
    const created = await createSceneMarker(core(), {
      title: "  New one  ",
      seconds: 12.5,
      end_seconds: 20,
      scene_id: sceneId,
      primary_tag_id: primary,
      tag_ids: [extra, primary],
    });
    expect(created).toMatchObject({ title: "New one", seconds: 12.5, end_seconds: 20, scene: { id: sceneId } });
    expect(created.primary_tag.id).toBe(primary);
    // Stash drops the primary tag from the secondary tags.
    expect(created.tags.map((t) => t.id)).toEqual([extra]);

    const moved = await updateSceneMarker(core(), { id: created.id, seconds: 14, title: undefined });
    expect(moved).toMatchObject({ seconds: 14, end_seconds: 20, title: "New one" });
    const cleared = await updateSceneMarker(core(), { id: created.id, end_seconds: null });
    expect(cleared.end_seconds).toBeNull();
    expect(cleared.tags.map((t) => t.id)).toEqual([extra]);
  });

  it("checks seconds and ids client-side and reports server failures", async () => {
    const { sceneId, ids } = await seedScene([{ title: "seed", seconds: 1, primary_tag: "Primary C" }]);
    const primary = ids.tags["Primary C"]!;
    const base = { title: "x", scene_id: sceneId, primary_tag_id: primary };
    await rejectsBeforeRequest(() => createSceneMarker(core(), { ...base, seconds: 10, end_seconds: 5 }), "input.end_seconds");
    await rejectsBeforeRequest(() => createSceneMarker(core(), { ...base, seconds: -1 }), "input.seconds");
    await rejectsBeforeRequest(() => createSceneMarker(core(), { ...base, seconds: 1, scene_id: "" }), "input.scene_id");
    await rejectsBeforeRequest(() => updateSceneMarker(core(), { id: "x1", seconds: 3 }), "input.id");
    await rejectsBeforeRequest(() => updateSceneMarker(core(), { id: ids.markers[0]!, seconds: 9, end_seconds: 3 }), "input.end_seconds");

    const missingTag = await createSceneMarker(core(), { ...base, seconds: 1, primary_tag_id: "987654" }).catch((e: unknown) => e);
    expect(missingTag).toBeInstanceOf(StashGraphQLError);
    expect((missingTag as Error).message).toContain("FOREIGN KEY constraint failed");

    const missing = await updateSceneMarker(core(), { id: "987654", title: "y" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StashGraphQLError);
    expect((missing as Error).message).toContain("scene marker with id 987654 not found");
  });
});

describe("bulkSceneMarkerUpdate", () => {
  it("retitles several markers and adds a tag to each", async () => {
    const { ids } = await seedScene([
      { title: "one", seconds: 1, primary_tag: "Bulk P", tags: ["Bulk T1"] },
      { title: "two", seconds: 2, primary_tag: "Bulk P" },
    ]);
    const added = (await stash().seed({ tags: ["Bulk T2"] })).tags["Bulk T2"]!;
    const updated = await bulkSceneMarkerUpdate(core(), {
      ids: ids.markers,
      title: "renamed",
      tag_ids: { ids: [added], mode: "ADD" },
    });
    expect(updated.map((m) => m.id)).toEqual(ids.markers);
    expect(updated.every((m) => m.title === "renamed" && m.tags.some((t) => t.id === added))).toBe(true);
    expect(updated[0]!.tags.map((t) => t.id)).toContain(ids.tags["Bulk T1"]);
  });

  it("rejects empty ids and a bad mode before sending; an old server refuses the operation", async () => {
    await rejectsBeforeRequest(() => bulkSceneMarkerUpdate(core(), { ids: [], title: "t" }), "input.ids");
    await rejectsBeforeRequest(
      () => bulkSceneMarkerUpdate(core(), { ids: ["1"], tag_ids: { ids: ["1"], mode: "MERGE" as never } }),
      "input.tag_ids.mode",
    );
    await usingStandIn({ version: "v0.29.3" }, async (old) => {
      const err = await bulkSceneMarkerUpdate(new StashCore({ url: old.url, retry: false }), { ids: ["1"], title: "t" }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StashHttpError);
      expect((err as StashHttpError).status).toBe(422);
    });
  });
});

describe("destroySceneMarker / destroySceneMarkers", () => {
  it("deletes one marker, then several in one call", async () => {
    const { sceneId, ids } = await seedScene([
      { title: "d1", seconds: 1, primary_tag: "Del" },
      { title: "d2", seconds: 2, primary_tag: "Del" },
      { title: "d3", seconds: 3, primary_tag: "Del" },
    ]);
    const [first, ...rest] = ids.markers as [string, ...string[]];
    expect(await destroySceneMarker(core(), first)).toBe(true);
    expect((await findSceneMarkers(core(), { markerFilter: scenesFilter(sceneId) })).count).toBe(rest.length);
    expect(await destroySceneMarkers(core(), rest)).toBe(true);
    expect((await findSceneMarkers(core(), { markerFilter: scenesFilter(sceneId) })).count).toBe(0);
  });

  it("fails on a missing id, deleting nothing from the batch", async () => {
    const { sceneId, ids } = await seedScene([{ title: "keep", seconds: 1, primary_tag: "Del" }]);
    await rejectsBeforeRequest(() => destroySceneMarker(core(), "abc"), "id");
    await rejectsBeforeRequest(() => destroySceneMarkers(core(), []), "ids");
    const one = await destroySceneMarker(core(), "987654").catch((e: unknown) => e);
    expect(one).toBeInstanceOf(StashGraphQLError);
    const batch = await destroySceneMarkers(core(), [ids.markers[0]!, "987654"]).catch((e: unknown) => e);
    expect(batch).toBeInstanceOf(StashGraphQLError);
    expect((batch as Error).message).toContain("scene marker with id 987654 not found");
    expect((await findSceneMarkers(core(), { markerFilter: scenesFilter(sceneId) })).count).toBe(1);
  });
});

describe("sceneMarkerTags / markerWall / markerStrings", () => {
  it("groups a scene's markers by primary tag", async () => {
    const { sceneId, ids } = await seedScene([
      { title: "a", seconds: 1, primary_tag: "Group X" },
      { title: "b", seconds: 2, primary_tag: "Group Y" },
      { title: "c", seconds: 3, primary_tag: "Group X" },
    ]);
    const groups = await sceneMarkerTags(core(), sceneId);
    const byTag = Object.fromEntries(groups.map((g) => [g.tag.id, g.scene_markers.map((m) => m.title).sort()]));
    expect(byTag).toEqual({ [ids.tags["Group X"]!]: ["a", "c"], [ids.tags["Group Y"]!]: ["b"] });
    await rejectsBeforeRequest(() => sceneMarkerTags(core(), "scene-1"), "sceneId");
  });

  it("markerWall filters by q; markerStrings counts titles and sorts by count", async () => {
    const word = `wallword${Date.now()}`;
    await seedScene([
      { title: `${word} one`, seconds: 1, primary_tag: "Wall" },
      { title: `${word} one`, seconds: 2, primary_tag: "Wall" },
      { title: `${word} two`, seconds: 3, primary_tag: "Wall" },
    ]);
    const wall = await markerWall(core(), word);
    expect(wall).toHaveLength(3);
    expect(wall.every((m) => m.title.includes(word))).toBe(true);

    const strings = await markerStrings(core(), { q: word, sort: "count" });
    expect(strings.map((s) => [s.title, s.count])).toEqual([
      [`${word} one`, 2],
      [`${word} two`, 1],
    ]);
    await rejectsBeforeRequest(() => markerWall(core(), 5 as never), "q");
    await rejectsBeforeRequest(() => markerStrings(core(), { sort: 1 as never }), "sort");
  });
});

describe("iterateSceneMarkers", () => {
  it("walks every matching marker in id order, one request per page", async () => {
    const markers = Array.from({ length: 7 }, (_, i) => ({ title: `it ${7 - i}`, seconds: 7 - i, primary_tag: "Iter" }));
    const { sceneId, ids } = await seedScene(markers);
    const before = stash().requests;
    const seen: string[] = [];
    for await (const m of iterateSceneMarkers(core(), { markerFilter: scenesFilter(sceneId), perPage: 3 })) seen.push(m.id);
    expect(seen).toEqual([...ids.markers].sort((a, b) => Number(a) - Number(b)));
    expect(stash().requests - before).toBe(Math.ceil(markers.length / 3));
  });

  it("rejects a non-positive page size and a sort it cannot page stably", async () => {
    const drain = async (args: Parameters<typeof iterateSceneMarkers>[1]) => {
      for await (const _ of iterateSceneMarkers(core(), args)) void _;
    };
    await rejectsBeforeRequest(() => drain({ perPage: 0 }), "perPage");
    await rejectsBeforeRequest(() => drain({ perPage: -5 }), "perPage");
    await rejectsBeforeRequest(() => drain({ filter: { sort: "title" } }), "filter.sort");
  });
});

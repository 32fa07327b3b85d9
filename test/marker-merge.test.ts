import { describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashGraphQLError, StashHttpError, StashValidationError } from "../src/core/errors";
import { mergeSceneMarkers } from "../src/markers/merge";
import { findSceneMarkers, type SceneMarker } from "../src/markers/markers";
import type { FixtureMarker, FixtureScene } from "../src/testing/index";
import { withStandIn } from "./helpers/standin";

const stash = withStandIn();
const core = () => new StashCore({ url: stash().url, retry: false });

let counter = 0;
/** Seeds scenes (target first) with the given markers and returns their ids. */
async function seedScenes(...markerLists: FixtureMarker[][]): Promise<{ target: string; sources: string[]; tags: Record<string, string> }> {
  const scenes: FixtureScene[] = markerLists.map((markers) => ({ title: `merge scene ${++counter}`, markers }));
  const ids = await stash().seed({ scenes });
  const [target, ...sources] = ids.scenes as [string, ...string[]];
  return { target, sources, tags: ids.tags };
}

async function markersOf(sceneId: string): Promise<SceneMarker[]> {
  const res = await findSceneMarkers(core(), {
    markerFilter: { scenes: { value: [sceneId], modifier: "INCLUDES" } },
    filter: { per_page: -1, sort: "seconds" },
  });
  return res.scene_markers;
}

/** What makes a marker the same marker, as mergeSceneMarkers compares them. */
const shape = (m: SceneMarker) => ({
  title: m.title,
  seconds: m.seconds,
  end_seconds: m.end_seconds,
  primary: m.primary_tag.id,
  tags: m.tags.map((t) => t.id).sort(),
});
const byTime = (a: { seconds: number; title: string }, b: { seconds: number; title: string }) =>
  a.seconds - b.seconds || a.title.localeCompare(b.title);

describe("mergeSceneMarkers", () => {
  it("copies source markers with all their fields, skips ones the target has, and a second run creates nothing", async () => {
    const shared = { title: "Shared", seconds: 30, primary_tag: "MM Kiss" };
    const { target, sources, tags } = await seedScenes(
      [shared],
      [shared, { title: "Only in A", seconds: 10, end_seconds: 15.5, primary_tag: "MM Kiss", tags: ["MM Extra", "MM Other"] }],
      [{ title: "Only in A", seconds: 10, end_seconds: 15.5, primary_tag: "MM Kiss", tags: ["MM Extra"] }, { title: "B", seconds: 50, primary_tag: "MM Outro" }],
    );
    const sourceMarkers = [...(await markersOf(sources[0]!)), ...(await markersOf(sources[1]!))];
    const before = await markersOf(target);

    const first = await mergeSceneMarkers(core(), target, [...sources, sources[0]!]);
    expect(first.sourceIds).toEqual(sources);
    expect(first.failed).toEqual([]);
    expect(first.skipped.map((s) => s.reason).sort()).toEqual(["duplicate-in-sources", "exists-on-target"]);
    expect(first.created).toHaveLength(sourceMarkers.length - first.skipped.length);
    expect(first.created.every((m) => m.scene.id === target)).toBe(true);

    // The target now holds its own markers plus one copy of each distinct source marker.
    const after = await markersOf(target);
    const copied = first.planned.map((p) => p.source);
    expect(after.map(shape).sort(byTime)).toEqual([...before, ...copied].map(shape).sort(byTime));
    expect(copied.find((m) => m.title === "Only in A")?.tags.map((t) => t.id).sort()).toEqual(
      [tags["MM Extra"], tags["MM Other"]].sort(),
    );
    // Sources keep their markers: this copies, it does not move.
    expect((await markersOf(sources[0]!)).length + (await markersOf(sources[1]!)).length).toBe(sourceMarkers.length);

    const second = await mergeSceneMarkers(core(), target, sources);
    expect(second.created).toEqual([]);
    expect(second.planned).toEqual([]);
    expect(second.skipped).toHaveLength(sourceMarkers.length);
    expect((await markersOf(target)).length).toBe(after.length);
  });

  it("with dryRun reports what it would create and creates nothing", async () => {
    const { target, sources } = await seedScenes([], [
      { title: "x", seconds: 1, primary_tag: "MM Dry" },
      { title: "y", seconds: 2, primary_tag: "MM Dry" },
    ]);
    const before = stash().requests;
    const plan = await mergeSceneMarkers(core(), target, sources, { dryRun: true });
    expect(stash().requests - before).toBe(1);
    expect(plan.dryRun).toBe(true);
    expect(plan.planned.map((p) => p.input)).toEqual(
      (await markersOf(sources[0]!)).map((m) => ({ title: m.title, seconds: m.seconds, scene_id: target, primary_tag_id: m.primary_tag.id, tag_ids: [] })),
    );
    expect(plan.created).toEqual([]);
    expect(await markersOf(target)).toEqual([]);
  });

  it("rejects a bad target, an empty source list and the target among the sources before any request", async () => {
    const before = stash().requests;
    const cases: [() => Promise<unknown>, string][] = [
      [() => mergeSceneMarkers(core(), "", ["2"]), "targetId"],
      [() => mergeSceneMarkers(core(), "1", []), "sourceIds"],
      [() => mergeSceneMarkers(core(), "1", ["2", "1"]), "sourceIds[1]"],
      [() => mergeSceneMarkers(core(), "1", ["two"]), "sourceIds[0]"],
      [() => mergeSceneMarkers(core(), "1", ["2"], { chunkSize: 0 }), "chunkSize"],
    ];
    for (const [run, argument] of cases) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashValidationError);
      expect((err as StashValidationError).argument).toBe(argument);
    }
    expect(stash().requests).toBe(before);
  });

  it("refuses a missing target or source after one read, creating nothing", async () => {
    const { target, sources } = await seedScenes([], [{ title: "m", seconds: 1, primary_tag: "MM Missing" }]);
    const before = stash().requests;
    const noTarget = await mergeSceneMarkers(core(), "987654", sources).catch((e: unknown) => e);
    expect(noTarget).toBeInstanceOf(StashValidationError);
    expect((noTarget as StashValidationError).argument).toBe("targetId");
    const noSource = await mergeSceneMarkers(core(), target, [sources[0]!, "987655"]).catch((e: unknown) => e);
    expect((noSource as StashValidationError).argument).toBe("sourceIds");
    expect((noSource as Error).message).toContain("987655");
    expect(stash().requests - before).toBe(2);
    expect(await markersOf(target)).toEqual([]);
  });

  it("copies 500 markers from 5 sources in at most 4 requests", async () => {
    const perSource = 100;
    const lists = Array.from({ length: 5 }, (_, s) =>
      Array.from({ length: perSource }, (_, i) => ({ title: `bulk ${s}-${i}`, seconds: i, primary_tag: "MM Bulk" })),
    );
    const { target, sources } = await seedScenes([], ...lists);
    stash().resetStats();
    const result = await mergeSceneMarkers(core(), target, sources);
    expect(stash().requests).toBeLessThanOrEqual(4);
    expect(result.failed).toEqual([]);
    expect(result.created).toHaveLength(5 * perSource);
    expect((await markersOf(target)).length).toBe(5 * perSource);
  });

  it("reports per-marker failures from an aliased mutation and still creates the rest", async () => {
    const { target, sources, tags } = await seedScenes(
      [],
      [
        { title: "fine 1", seconds: 1, primary_tag: "MM Fine" },
        { title: "doomed", seconds: 2, primary_tag: "MM Doomed" },
        { title: "fine 2", seconds: 3, primary_tag: "MM Fine", tags: ["MM Side"] },
      ],
    );
    const doomedTag = Number(tags["MM Doomed"]);
    // The tag disappears between the read and the create, as if another client
    // deleted it: the server then fails only that marker's alias.
    const fetchImpl = async (input: string | URL | Request, init?: RequestInit) => {
      if (typeof init?.body === "string" && init.body.includes("mutation MergeSceneMarkersCreate")) stash().store.remove("tags", doomedTag);
      return fetch(input, init);
    };
    const racing = new StashCore({ url: stash().url, retry: false, fetch: fetchImpl });
    const result = await mergeSceneMarkers(racing, target, sources);

    expect(result.created.map((m) => m.title).sort()).toEqual(["fine 1", "fine 2"]);
    expect(result.failed).toHaveLength(1);
    const failure = result.failed[0]!;
    expect(failure.source.title).toBe("doomed");
    expect(failure.sent).toBe(true);
    expect(failure.error).toBeInstanceOf(StashGraphQLError);
    expect(failure.error.message).toContain("FOREIGN KEY constraint failed");
    expect((failure.error as StashGraphQLError).errors[0]?.path?.[0]).toMatch(/^m\d+$/);
    expect((await markersOf(target)).map((m) => m.title).sort()).toEqual(["fine 1", "fine 2"]);
  });

  it("stops at a chunk the server did not take and marks later chunks as not sent", async () => {
    const { target, sources } = await seedScenes(
      [],
      Array.from({ length: 5 }, (_, i) => ({ title: `chunk ${i}`, seconds: i, primary_tag: "MM Chunk" })),
    );
    stash().faults.set({ status: { code: 503, body: "maintenance" }, match: "MergeSceneMarkersCreate", times: 1 });
    const result = await mergeSceneMarkers(core(), target, sources, { chunkSize: 2 });
    stash().faults.clear();
    expect(result.created).toEqual([]);
    expect(result.failed).toHaveLength(5);
    expect(result.failed.every((f) => f.error instanceof StashHttpError && f.error.status === 503)).toBe(true);
    expect(result.failed.map((f) => f.sent)).toEqual([true, true, false, false, false]);
    expect(await markersOf(target)).toEqual([]);

    // Nothing was lost: a rerun copies them all.
    const rerun = await mergeSceneMarkers(core(), target, sources, { chunkSize: 2 });
    expect(rerun.created).toHaveLength(5);
  });
});

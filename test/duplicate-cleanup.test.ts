import { describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashGraphQLError, StashValidationError } from "../src/core/errors";
import {
  applyDuplicateCleanup,
  planDuplicateCleanup,
  type CleanupResult,
  type CleanupScene,
  type DuplicateCleanupPlan,
} from "../src/scenes/duplicate-cleanup";
import { findDuplicateScenes } from "../src/scenes/duplicates";
import { FindSceneDocument, SceneDestroyDocument } from "../generated/graphql";
import type { FixtureScene } from "../src/testing/index";
import { usingStandIn } from "./helpers/standin";

function fake(id: number, over: Partial<CleanupScene> & { size?: number; w?: number; h?: number } = {}): CleanupScene {
  const { size = 1000, w = 1280, h = 720, ...rest } = over;
  return { id: String(id), play_count: 0, o_counter: 0, files: [{ size, width: w, height: h }], ...rest };
}

const keeperIds = (plan: DuplicateCleanupPlan) => plan.groups.map((g) => g.keep.id);

describe("planDuplicateCleanup", () => {
  it("keeps the largest primary file, the lower id on a tie", () => {
    const plan = planDuplicateCleanup(
      [
        [fake(1, { size: 100 }), fake(2, { size: 300 }), fake(3, { size: 200 })],
        [fake(7, { size: 500 }), fake(5, { size: 500 })],
      ],
      { keep: "largest" },
    );
    expect(keeperIds(plan)).toEqual(["2", "5"]);
    expect(plan.groups[0]!.remove.map((s) => s.id)).toEqual(["3", "1"]);
    expect(plan.groups[1]!.reason).toContain("lower id kept");
    expect(plan.groups[0]!.merge).toEqual({ source: ["3", "1"], destination: "2", play_history: true, o_history: true });
    expect(plan.summary).toEqual({ groups: 2, keep: 2, remove: 3, skippedGroups: 0 });
  });

  it("keeps the highest resolution, the most played (then most O), and the oldest", () => {
    const group = [
      fake(10, { w: 1920, h: 1080, play_count: 2, o_counter: 1, created_at: "2024-03-01T00:00:00Z" }),
      fake(11, { w: 3840, h: 2160, play_count: 5, o_counter: 0, created_at: "2023-01-01T00:00:00Z" }),
      fake(12, { w: 1280, h: 720, play_count: 5, o_counter: 3, created_at: "2025-01-01T00:00:00Z" }),
    ];
    expect(keeperIds(planDuplicateCleanup([group], { keep: "highest-resolution" }))).toEqual(["11"]);
    expect(keeperIds(planDuplicateCleanup([group], { keep: "most-played" }))).toEqual(["12"]);
    expect(keeperIds(planDuplicateCleanup([group], { keep: "oldest" }))).toEqual(["11"]);
    // Without created_at on every scene, the lowest id (Stash's creation order) stands in.
    const undated = group.map((s, i) => (i === 1 ? { ...s, created_at: undefined } : s));
    expect(keeperIds(planDuplicateCleanup([undated], { keep: "oldest" }))).toEqual(["10"]);
  });

  it("never plans one scene twice and skips groups left with fewer than two scenes", () => {
    const plan = planDuplicateCleanup(
      [[fake(1), fake(2)], [fake(2), fake(3), fake(3)], [fake(4)], [fake(3), fake(5)]],
      { keep: "largest" },
    );
    expect(plan.groups.map((g) => [g.keep.id, ...g.remove.map((s) => s.id)])).toEqual([
      ["1", "2"],
      ["3", "5"],
    ]);
    expect(plan.skipped.map((s) => s.scenes.map((x) => x.id))).toEqual([["2", "3", "3"], ["4"]]);
    expect(plan.summary.skippedGroups).toBe(2);
  });

  it("rejects an unknown strategy and malformed groups", () => {
    for (const [run, argument] of [
      [() => planDuplicateCleanup([], { keep: "newest" as never }), "keep"],
      [() => planDuplicateCleanup([[fake(1), { ...fake(2), id: "x" }]], { keep: "oldest" }), "groups[0][1].id"],
      [() => planDuplicateCleanup({} as never, { keep: "oldest" }), "groups"],
    ] as const) {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StashValidationError);
      expect((caught as StashValidationError).argument).toBe(argument);
    }
  });
});

/** Two groups of exact duplicates with different sizes, each scene with its own plays and O's. */
function library(): FixtureScene[] {
  const scenes: FixtureScene[] = [];
  ["1111222233334444", "aaaabbbbccccdddd"].forEach((phash, g) => {
    [300, 900, 600].forEach((size, i) => {
      scenes.push({
        title: `dup ${g}-${i}`,
        files: [{ path: `/lib/dup-${g}-${i}.mp4`, size: size * 1000, duration: 120, width: 1280, height: 720, phash }],
        play_history: Array.from({ length: i + 1 }, (_, k) => `2024-0${g + 1}-1${k}T10:00:00Z`),
        o_history: i === 0 ? ["2024-05-05T05:05:05Z"] : [],
      });
    });
  });
  return scenes;
}

describe("applyDuplicateCleanup", () => {
  it("merges every group into its keeper: files, plays and O's move there, source records go, files stay", async () => {
    await usingStandIn({}, async (stash) => {
      const core = new StashCore({ url: stash.url, retry: false });
      const seeded = await stash.seed({ scenes: library() });
      const groups = await findDuplicateScenes(core);
      const plan = planDuplicateCleanup(groups, { keep: "largest" });
      expect(plan.groups).toHaveLength(groups.length);

      const progress: [number, number, CleanupResult][] = [];
      const applied = await applyDuplicateCleanup(core, plan, { onProgress: (d, t, item) => progress.push([d, t, item]) });
      expect(applied).toMatchObject({ merged: plan.groups.length, failed: 0, skipped: 0 });
      expect(progress.map(([d, t]) => [d, t])).toEqual(plan.groups.map((_, i) => [i + 1, plan.groups.length]));

      for (const [i, group] of plan.groups.entries()) {
        const members = [group.keep, ...group.remove];
        const keeper = (await core.request(FindSceneDocument, { id: group.keep.id })).findScene!;
        const paths = members.flatMap((s) => s.files.map((f) => f.path));
        expect(keeper.files.map((f) => f.path).sort()).toEqual(paths.sort());
        expect(keeper.files[0]!.path).toBe(group.keep.files[0]!.path);
        expect(keeper.play_count).toBe(members.reduce((n, s) => n + (s.play_count ?? 0), 0));
        expect(keeper.o_counter).toBe(members.reduce((n, s) => n + (s.o_counter ?? 0), 0));
        expect(applied.results[i]!.scene?.id).toBe(group.keep.id);
        for (const gone of group.remove) {
          expect((await core.request(FindSceneDocument, { id: gone.id })).findScene).toBeNull();
        }
      }
      // Every file of the library still exists, now on the keepers.
      expect(Object.keys(seeded.files).every((path) => [...stash.store.all("files")].some((f) => f.path === path))).toBe(true);
      expect(await findDuplicateScenes(core)).toEqual([]);
    });
  });

  it("plans 'oldest' from the created_at the server reports, not from id order", async () => {
    await usingStandIn({}, async (stash) => {
      const core = new StashCore({ url: stash.url, retry: false });
      // Created later in the fixture (higher id) but dated earlier.
      const created = ["2024-06-01T00:00:00Z", "2021-02-03T04:05:06Z", "2023-01-01T00:00:00Z"];
      const seeded = await stash.seed({
        scenes: created.map((created_at, i) => ({
          title: `aged ${i}`,
          created_at,
          files: [{ path: `/aged/${i}.mp4`, size: 1000, duration: 60, width: 640, height: 360, phash: "0123456789abcdef" }],
        })),
      });
      const plan = planDuplicateCleanup(await findDuplicateScenes(core), { keep: "oldest" });
      const earliest = created.indexOf([...created].sort()[0]!);
      expect(plan.groups.map((g) => g.keep.id)).toEqual([seeded.scenes[earliest]]);
      expect(plan.groups[0]!.reason).toContain("created");
    });
  });

  it("keeps going past a failed group, and a dry run sends nothing", async () => {
    await usingStandIn({}, async (stash) => {
      const core = new StashCore({ url: stash.url, retry: false });
      await stash.seed({ scenes: library() });
      const plan = planDuplicateCleanup(await findDuplicateScenes(core), { keep: "most-played" });
      expect(plan.groups.length).toBeGreaterThanOrEqual(2);

      const before = stash.requests;
      const dry = await applyDuplicateCleanup(core, plan, { dryRun: true });
      expect(stash.requests).toBe(before);
      expect(dry).toMatchObject({ merged: 0, failed: 0, skipped: plan.groups.length });

      // Someone deletes a scene the first group would merge.
      const vanished = plan.groups[0]!.merge.source[0]!;
      await core.request(SceneDestroyDocument, { input: { id: vanished } });
      const applied = await applyDuplicateCleanup(core, plan);
      expect(applied.failed).toBe(1);
      expect(applied.merged).toBe(plan.groups.length - 1);
      const failed = applied.results[0]!;
      expect(failed.status).toBe("failed");
      expect(failed.error).toBeInstanceOf(StashGraphQLError);
      expect(failed.error!.message).toContain(`scene with id ${vanished} not found`);
      expect(applied.results.slice(1).every((r) => r.status === "merged")).toBe(true);
    });
  });

  it("rejects a malformed plan before any request", async () => {
    await usingStandIn({}, async (stash) => {
      const core = new StashCore({ url: stash.url, retry: false });
      const bad = [
        [{} as never, "plan.groups"],
        [{ groups: [{ merge: { source: [], destination: "1" } }] } as never, "plan.groups[0].merge.source"],
        [{ groups: [{ merge: { source: ["2", "1"], destination: "1" } }] } as never, "plan.groups[0].merge.source[1]"],
      ] as const;
      for (const [plan, argument] of bad) {
        const err = await applyDuplicateCleanup(core, plan).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StashValidationError);
        expect((err as StashValidationError).argument).toBe(argument);
      }
      expect(stash.requests).toBe(0);
    });
  });
});

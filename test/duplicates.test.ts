import { describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashHttpError, StashValidationError } from "../src/core/errors";
import {
  DUPLICATE_PRESETS,
  findDuplicateScenes,
  findDuplicateScenesWrapper,
  resolveDuplicateArgs,
  type SlimScene,
} from "../src/scenes/duplicates";
import { generateLibrary } from "../src/testing/generate";
import type { FixtureScene, StandIn } from "../src/testing/index";
import { usingStandIn, withStandIn } from "./helpers/standin";

const BASE = 0x0f0f_3c3c_a5a5_5a5an;

/** BASE with `bits` bits flipped from bit `offset` up: exactly `bits` away from BASE in Hamming distance. */
function phashAt(bits: number, offset = 0): string {
  const mask = ((1n << BigInt(bits)) - 1n) << BigInt(offset);
  return (BASE ^ mask).toString(16).padStart(16, "0");
}

function scene(title: string, bits: number, duration = 600, phash = phashAt(bits)): FixtureScene {
  return {
    title,
    files: [{ path: `/dups/${title}.mp4`, size: 1_000_000, duration, width: 1920, height: 1080, phash }],
  };
}

/** Every bit of BASE flipped: 64 bits away from it. */
const FAR = (~BASE & 0xffff_ffff_ffff_ffffn).toString(16).padStart(16, "0");

/** Groups as sorted id lists, sorted, so comparisons ignore the server's order. */
const idSets = (groups: SlimScene[][]) =>
  groups.map((g) => g.map((s) => s.id).sort((a, b) => Number(a) - Number(b))).sort((a, b) => Number(a[0]) - Number(b[0]));

async function withLibrary<R>(scenes: FixtureScene[], fn: (stash: StandIn, core: StashCore, ids: string[]) => Promise<R>): Promise<R> {
  return usingStandIn({}, async (stash) => {
    const seeded = await stash.seed({ scenes });
    return fn(stash, new StashCore({ url: stash.url, retry: false }), seeded.scenes);
  });
}

describe("findDuplicateScenes", () => {
  it("groups exact phash matches at distance 0 (also the server default)", async () => {
    // Two copies, a near copy 3 bits away, and an unrelated scene (all bits flipped).
    const fixture = [scene("a", 0), scene("b", 0), scene("near", 3), scene("other", 64, 600, FAR)];
    await withLibrary(fixture, async (_stash, core, [a, b]) => {
      const exact = await findDuplicateScenes(core, { distance: 0 });
      expect(idSets(exact)).toEqual([[a, b]]);
      expect(exact[0]![0]!.files[0]!.fingerprints.some((f) => f.type === "phash")).toBe(true);
      expect(idSets(await findDuplicateScenes(core))).toEqual(idSets(exact));
    });
  });

  it("joins near matches at distance > 0 and drops files whose durations differ by more than durationDiff", async () => {
    const fixture = [scene("a", 0, 600), scene("b", 2, 600.5), scene("c", 4, 640)];
    await withLibrary(fixture, async (_stash, core, [a, b, c]) => {
      expect(idSets(await findDuplicateScenes(core, { distance: 4 }))).toEqual([[a, b, c]]);
      expect(idSets(await findDuplicateScenes(core, { distance: 4, durationDiff: 1 }))).toEqual([[a, b]]);
      expect(idSets(await findDuplicateScenes(core, { distance: 1 }))).toEqual([]);
    });
  });

  it("finds every planted exact group of a generated library", async () => {
    const lib = generateLibrary({ scenes: 60, duplicateGroups: 4, seed: 7 });
    await usingStandIn({}, async (stash) => {
      const seeded = await stash.seed(lib.fixture);
      const groups = idSets(await findDuplicateScenes(new StashCore({ url: stash.url }), { distance: 0 }));
      for (const planted of lib.duplicates.filter((d) => d.exact)) {
        expect(groups).toContainEqual(planted.sceneIndexes.map((i) => seeded.scenes[i]!).sort((x, y) => Number(x) - Number(y)));
      }
    });
  });

  it("rejects wrongly typed arguments before sending and passes server failures on", async () => {
    await withLibrary([], async (stash, core) => {
      for (const [args, argument] of [
        [{ distance: 1.5 }, "distance"],
        [{ durationDiff: Number.NaN }, "durationDiff"],
        [{ distance: "4" as never }, "distance"],
      ] as const) {
        const err = await findDuplicateScenes(core, args).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StashValidationError);
        expect((err as StashValidationError).argument).toBe(argument);
      }
      expect(stash.requests).toBe(0);
      stash.faults.set({ status: { code: 500, body: "boom" }, match: "FindDuplicateScenes" });
      const err = await findDuplicateScenes(core).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashHttpError);
      expect((err as StashHttpError).status).toBe(500);
    });
  });
});

describe("findDuplicateScenesWrapper", () => {
  it("defaults to exact matches and maps each preset to its distance", async () => {
    const distances = Object.values(DUPLICATE_PRESETS);
    // One scene at every preset distance from an origin, and one just beyond the loosest.
    // Each flips its own bit range, so two of them are further apart than either is from
    // the origin and the (transitive) groups grow only through the origin.
    const beyond = Math.max(...distances) + 1;
    const bits = [...new Set([0, ...distances, beyond])];
    const offsets = bits.map((_, i) => bits.slice(0, i).reduce((sum, n) => sum + n, 0));
    expect(offsets.at(-1)! + beyond).toBeLessThanOrEqual(64);
    const fixture = [scene("origin", 0), ...bits.map((n, i) => scene(`at-${n}`, n, 600, phashAt(n, offsets[i])))];
    await withLibrary(fixture, async (_stash, core, ids) => {
      const [origin, ...atBits] = ids as [string, ...string[]];
      const expected = (max: number) =>
        [origin, ...atBits.filter((_, i) => bits[i]! <= max)].sort((x, y) => Number(x) - Number(y));

      expect(idSets(await findDuplicateScenesWrapper(core))).toEqual([expected(0)]);
      for (const [preset, distance] of Object.entries(DUPLICATE_PRESETS)) {
        const groups = await findDuplicateScenesWrapper(core, { preset: preset as keyof typeof DUPLICATE_PRESETS });
        expect(idSets(groups)).toEqual([expected(distance)]);
      }
      const withDuration = await findDuplicateScenesWrapper(core, { distance: 0, durationDiff: 0 });
      expect(idSets(withDuration)).toEqual([expected(0)]);
    });
  });

  it("rejects out-of-range distances, negative durations, unknown presets and preset with distance", async () => {
    await withLibrary([], async (stash, core) => {
      const cases: [Parameters<typeof findDuplicateScenesWrapper>[1], string][] = [
        [{ distance: 65 }, "distance"],
        [{ distance: -1 }, "distance"],
        [{ distance: 2.5 }, "distance"],
        [{ durationDiff: -1 }, "durationDiff"],
        [{ preset: "extreme" as never }, "preset"],
        [{ preset: "high", distance: 4 }, "preset"],
      ];
      for (const [args, argument] of cases) {
        const err = await findDuplicateScenesWrapper(core, args).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StashValidationError);
        expect((err as StashValidationError).argument).toBe(argument);
      }
      expect(stash.requests).toBe(0);
      expect(resolveDuplicateArgs({ preset: "medium", durationDiff: 2 })).toEqual({ distance: DUPLICATE_PRESETS.medium, durationDiff: 2 });
    });
  });
});

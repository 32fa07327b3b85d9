/**
 * findDuplicateScenes over HTTP: exact phash groups, the duration rule,
 * near matches grouped transitively, secondary files, and group order.
 */
import { describe, expect, test } from "vitest";
import type { FixtureScene } from "../src/testing/index";
import { gql, gqlData, usingStandIn } from "./helpers/standin";

const DUPES = `query($d: Int, $dd: Float) { findDuplicateScenes(distance: $d, duration_diff: $dd) { id title } }`;

const file = (path: string, phash: string | null, extra: Record<string, unknown> = {}) => ({
  path,
  phash,
  size: 1000,
  duration: 100,
  width: 1280,
  height: 720,
  ...extra,
});

/** Runs `fn` against a fresh stand-in holding only `scenes`, with titles as the handle. */
async function withLibrary(scenes: FixtureScene[], fn: (groups: (d?: number, dd?: number) => Promise<string[][]>) => Promise<void>) {
  await usingStandIn({}, async (stash) => {
    await stash.seed({ scenes });
    await fn(async (d, dd) => {
      const data = await gqlData<{ findDuplicateScenes: { title: string }[][] }>(stash, DUPES, { d, dd });
      return data.findDuplicateScenes.map((g) => g.map((s) => s.title));
    });
  });
}

describe("findDuplicateScenes", () => {
  test("distance 0 groups equal phashes of different scenes and ignores scenes without a match", async () => {
    await withLibrary(
      [
        { title: "a1", files: [file("/d/a1.mp4", "aaaaaaaaaaaaaaaa")] },
        { title: "a2", files: [file("/d/a2.mp4", "aaaaaaaaaaaaaaaa")] },
        { title: "lonely", files: [file("/d/lonely.mp4", "1234123412341234")] },
        { title: "unhashed", files: [file("/d/none.mp4", null)] },
        { title: "twin files", files: [file("/d/t1.mp4", "5555555555555555"), file("/d/t2.mp4", "5555555555555555")] },
      ],
      async (groups) => {
        expect(await groups()).toEqual([["a1", "a2"]]);
      },
    );
  });

  test("secondary files take part, not only primary ones", async () => {
    await withLibrary(
      [
        { title: "primary", files: [file("/s/p.mp4", "0f0f0f0f0f0f0f0f")] },
        { title: "secondary", files: [file("/s/x.mp4", "1111111111111111"), file("/s/y.mp4", "0f0f0f0f0f0f0f0f")] },
      ],
      async (groups) => {
        expect(await groups(0)).toEqual([["primary", "secondary"]]);
      },
    );
  });

  test("duration_diff keeps only files close to the longest of their phash group", async () => {
    await withLibrary(
      [
        { title: "long", files: [file("/t/long.mp4", "abababababababab", { duration: 100 })] },
        { title: "close", files: [file("/t/close.mp4", "abababababababab", { duration: 98 })] },
        { title: "short", files: [file("/t/short.mp4", "abababababababab", { duration: 50 })] },
      ],
      async (groups) => {
        expect(await groups(0, -1)).toEqual([["long", "close", "short"]]);
        expect(await groups(0, 5)).toEqual([["long", "close"]]);
        expect(await groups(0, 1)).toEqual([]);
      },
    );
  });

  test("distance > 0 joins near phashes transitively, largest file first", async () => {
    await withLibrary(
      [
        { title: "x", files: [file("/n/x.mp4", "ffffffffffffff00", { size: 10 })] },
        { title: "y", files: [file("/n/y.mp4", "ffffffffffffff03", { size: 30 })] },
        { title: "z", files: [file("/n/z.mp4", "ffffffffffffff0f", { size: 20 })] },
        { title: "far", files: [file("/n/far.mp4", "0000000000000000")] },
      ],
      async (groups) => {
        // x-y and y-z are 2 bits apart, x-z 4 bits: one component, walked from y (the largest file),
        // then through y's neighbours in file-size order.
        expect(await groups(2)).toEqual([["y", "z", "x"]]);
        expect(await groups(1)).toEqual([]);
        expect(await groups(4)).toEqual([["y", "z", "x"]]);
      },
    );
  });

  test("near matches respect duration_diff; a zero duration always matches", async () => {
    await withLibrary(
      [
        { title: "p", files: [file("/m/p.mp4", "ffffffffffffff00", { duration: 100 })] },
        { title: "q", files: [file("/m/q.mp4", "ffffffffffffff01", { duration: 200 })] },
        { title: "r", files: [file("/m/r.mp4", "ffffffffffffff01", { duration: 0 })] },
      ],
      async (groups) => {
        expect(await groups(1, 10)).toEqual([["p", "r", "q"]]);
        expect(await groups(1, -1)).toHaveLength(1);
      },
    );
  });

  test("a negative distance finds nothing; groups are ordered by their smallest primary path", async () => {
    await withLibrary(
      [
        { title: "b1", files: [file("/o/b/1.mp4", "bbbbbbbbbbbbbbbb", { size: 5000 })] },
        { title: "b2", files: [file("/o/b/2.mp4", "bbbbbbbbbbbbbbbb", { size: 5000 })] },
        { title: "a1", files: [file("/o/a/1.mp4", "cccccccccccccccc")] },
        { title: "a2", files: [file("/o/a/2.mp4", "cccccccccccccccc")] },
      ],
      async (groups) => {
        expect(await groups(0)).toEqual([["a1", "a2"], ["b1", "b2"]]);
        expect(await groups(-1)).toEqual([]);
      },
    );
  });

  test("a library of thousands of near-duplicate files is grouped exactly", async () => {
    // 3,000 groups of three scenes, members at most 2 bits from each other; bases are well mixed
    // 64-bit values, so different groups are almost surely far more than 4 bits apart.
    const mix = (x: bigint) => {
      let z = (x + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
      return z ^ (z >> 31n);
    };
    const scenes: FixtureScene[] = [];
    for (let g = 0; g < 3000; g++) {
      const base = mix(BigInt(g));
      [0n, 1n, 3n].forEach((flip, k) => {
        const hash = (base ^ flip).toString(16).padStart(16, "0");
        scenes.push({ title: `g${g}-${k}`, files: [file(`/big/${g}/${k}.mp4`, hash, { size: 1000 - k })] });
      });
    }
    await usingStandIn({}, async (stash) => {
      await stash.seed({ scenes });
      const res = await gql<{ findDuplicateScenes: { title: string }[][] }>(stash, DUPES, { d: 4 });
      const groups = res.body.data!.findDuplicateScenes.map((g) => g.map((s) => s.title).sort());
      expect(groups).toHaveLength(3000);
      expect(groups.every((g) => g.length === 3 && g.every((t) => t.startsWith(g[0]!.split("-")[0]! + "-")))).toBe(true);
    });
  });
});

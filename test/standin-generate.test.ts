import { describe, expect, it } from "vitest";
import { generateLibrary, type PlantedDuplicateGroup } from "../src/testing/index";
import { gqlData, usingStandIn } from "./helpers/standin";

function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x; x >>= 1n) n += Number(x & 1n);
  return n;
}

/** Scene-id groups, order-free, for comparing duplicate reports. */
function canonical(groups: readonly (readonly string[])[]): string[] {
  return groups.map((g) => [...g].sort((a, b) => Number(a) - Number(b)).join(",")).sort();
}

/** Members of a planted group that share one exact phash, as findDuplicateScenes(distance: 0) groups them. */
function exactSubgroups(group: PlantedDuplicateGroup): number[][] {
  const byPhash = new Map<string, number[]>();
  group.sceneIndexes.forEach((scene, k) => {
    const list = byPhash.get(group.phashes[k]!) ?? [];
    list.push(scene);
    byPhash.set(group.phashes[k]!, list);
  });
  return [...byPhash.values()].filter((members) => members.length >= 2);
}

describe("generateLibrary", () => {
  it("is deterministic for a seed and varies with it", () => {
    const a = generateLibrary({ scenes: 300, duplicateGroups: 10, markersPerScene: 2, seed: 42 });
    const b = generateLibrary({ scenes: 300, duplicateGroups: 10, markersPerScene: 2, seed: 42 });
    const c = generateLibrary({ scenes: 300, duplicateGroups: 10, markersPerScene: 2, seed: 43 });
    expect(b).toEqual(a);
    expect(c.fixture.scenes).not.toEqual(a.fixture.scenes);
  });

  it("plants groups of 2-4 scenes with near phashes and similar durations", () => {
    const lib = generateLibrary({ scenes: 1000, duplicateGroups: 40, seed: 5 });
    const scenes = lib.fixture.scenes!;
    expect(scenes).toHaveLength(1000);
    expect(lib.duplicates).toHaveLength(40);
    const seen = new Set<number>();
    for (const group of lib.duplicates) {
      expect(group.sceneIndexes.length).toBeGreaterThanOrEqual(2);
      expect(group.sceneIndexes.length).toBeLessThanOrEqual(4);
      const files = group.sceneIndexes.map((i) => scenes[i]!.files![0]!);
      files.forEach((f, k) => expect(f.phash).toBe(group.phashes[k]));
      let maxDistance = 0;
      for (const f of files) for (const g of files) maxDistance = Math.max(maxDistance, hamming(f.phash!, g.phash!));
      expect(maxDistance).toBe(group.maxDistance);
      expect(group.exact).toBe(maxDistance === 0);
      const durations = files.map((f) => f.duration);
      expect(Math.max(...durations) - Math.min(...durations)).toBeLessThanOrEqual(group.maxDurationDiff + 1e-9);
      for (const i of group.sceneIndexes) {
        expect(seen.has(i)).toBe(false);
        seen.add(i);
      }
    }
    expect(lib.duplicates.some((g) => g.exact)).toBe(true);
    expect(lib.duplicates.some((g) => !g.exact)).toBe(true);
    const paths = scenes.flatMap((s) => s.files!.map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("seeds a generated library whose planted duplicates findDuplicateScenes finds", async () => {
    const lib = generateLibrary({ scenes: 2000, duplicateGroups: 30, markersPerScene: 1, seed: 11 });
    await usingStandIn({}, async (stash) => {
      const ids = await stash.seed(lib);
      const toIds = (groups: number[][]) => groups.map((g) => g.map((i) => ids.scenes[i]!));
      const counted = await gqlData(stash, `{ findScenes(filter: { per_page: 0 }) { count } findSceneMarkers(filter: { per_page: 0 }) { count } }`);
      expect(counted.findScenes.count).toBe(2000);
      expect(counted.findSceneMarkers.count).toBe(2000);
      const exact = await gqlData(stash, `{ findDuplicateScenes(distance: 0) { id } }`);
      expect(canonical(exact.findDuplicateScenes.map((g: { id: string }[]) => g.map((s) => s.id)))).toEqual(
        canonical(toIds(lib.duplicates.flatMap(exactSubgroups))),
      );
      const maxDistance = Math.max(...lib.duplicates.map((g) => g.maxDistance));
      const near = await gqlData(stash, `query($d: Int) { findDuplicateScenes(distance: $d) { id } }`, { d: maxDistance });
      expect(canonical(near.findDuplicateScenes.map((g: { id: string }[]) => g.map((s) => s.id)))).toEqual(
        canonical(toIds(lib.duplicates.map((g) => [...g.sceneIndexes]))),
      );
    });
  });

  it("builds and seeds 100,000 scenes in seconds", async () => {
    const started = performance.now();
    const lib = generateLibrary({ scenes: 100_000, duplicateGroups: 1000, seed: 3 });
    expect(performance.now() - started).toBeLessThan(15_000); // a sanity bound, not a benchmark
    expect(lib.fixture.scenes).toHaveLength(100_000);
    await usingStandIn({}, async (stash) => {
      const ids = await stash.seed(lib);
      expect(ids.scenes).toHaveLength(100_000);
      expect(new Set(ids.scenes).size).toBe(100_000);
      const tags = await gqlData(stash, `{ findTags(filter: { per_page: 0 }) { count } }`);
      expect(tags.findTags.count).toBe(lib.fixture.tags!.length);
    });
  });

  it("refuses impossible options", () => {
    expect(() => generateLibrary({ scenes: 3, duplicateGroups: 2 })).toThrow(/at least 4 scenes/);
    expect(() => generateLibrary({ scenes: -1 })).toThrow(/non-negative/);
  });
});

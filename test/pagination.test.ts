import { describe, expect, it } from "vitest";
import { CriterionModifier, StashAbortError, StashClient, StashValidationError } from "../src/index";
import { generateLibrary } from "../src/testing/index";
import { withStandIn } from "./helpers/standin";

const stash = withStandIn();
const client = () => new StashClient({ url: stash().url, retry: false });
let library: string[] = [];

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of it) out.push(item);
  return out;
}

async function seedLibrary(): Promise<string[]> {
  if (library.length === 0) {
    const { fixture } = generateLibrary({ scenes: 320, seed: 7 });
    library = (await stash().seed(fixture)).scenes;
  }
  return library;
}

describe("iterateScenes", () => {
  it("walks a few hundred scenes: every id once, count matches, then stops", async () => {
    const ids = await seedLibrary();
    const total = (await client().findScenes({ filter: { per_page: 0 } })).count;
    expect(total).toBe(ids.length);
    const walker = client();
    await walker.capabilities(); // the once-per-client probe, so only pages are counted below
    stash().resetStats();
    const seen = await collect(walker.iterateScenes({ perPage: 50 }));
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
    // 320 scenes at 50 a page: 7 requests, the last one short, no empty extra request.
    expect(stash().requests).toBe(Math.ceil(total / 50));
    // Slim by default: no markers or histories in each item.
    expect(seen[0]).not.toHaveProperty("scene_markers");
  });

  it("applies the caller's filter, even one with OR, under the id cursor", async () => {
    await seedLibrary();
    const sceneFilter = {
      rating100: { value: 50, modifier: CriterionModifier.GREATER_THAN },
      OR: { organized: true },
    };
    const expected = await client().findScenes({ sceneFilter, filter: { per_page: -1 } });
    const seen = await collect(client().iterateScenes({ sceneFilter, perPage: 7, fragment: "full" }));
    expect(seen.map((s) => s.id)).toEqual(expected.scenes.map((s) => s.id));
    expect(seen[0]).toHaveProperty("scene_markers");
  });

  it("walks in descending id order and by numbered pages for other sorts", async () => {
    await seedLibrary();
    const desc = await collect(client().iterateScenes({ filter: { direction: "DESC" }, perPage: 40 }));
    const numeric = desc.map((s) => Number(s.id));
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
    const byTitle = await collect(client().iterateScenes({ filter: { sort: "title", q: "a" }, perPage: 30 }));
    const expected = await client().findScenes({ filter: { sort: "title", q: "a", per_page: -1 } });
    expect(byTitle.map((s) => s.id)).toEqual(expected.scenes.map((s) => s.id));
  });

  it("refuses bad page sizes and options before any request", async () => {
    const before = stash().requests;
    for (const perPage of [0, -1, 2.5, Number.NaN]) {
      expect(() => client().iterateScenes({ perPage })).toThrow(StashValidationError);
    }
    expect(() => client().iterateScenes({ filter: { sort: "random" } })).toThrow(StashValidationError);
    expect(() => client().iterateScenes({ filter: { per_page: 10 } as never })).toThrow(StashValidationError);
    expect(() => client().iterateScenes({ fragment: "tiny" as never })).toThrow(StashValidationError);
    expect(() => client().iterateScenes({ sceneFilter: { AND: { organized: true }, NOT: { organized: false } } })).toThrow(StashValidationError);
    expect(stash().requests).toBe(before);
  });

  it("stops with StashAbortError when the signal fires between pages", async () => {
    await seedLibrary();
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const scene of client().iterateScenes({ perPage: 20 }, { signal: controller.signal })) {
        seen.push(scene.id);
        if (seen.length === 30) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(StashAbortError);
    expect(seen).toHaveLength(30);
  });
  // Runs last: it deletes scenes of the shared library.
  it("does not skip or repeat when scenes are deleted mid-walk", async () => {
    const ids = await seedLibrary();
    const total = (await client().findScenes({ filter: { per_page: 0 } })).count;
    const seen: string[] = [];
    let deleted: string[] = [];
    for await (const scene of client().iterateScenes({ perPage: 25 })) {
      seen.push(scene.id);
      if (seen.length === 30) {
        // Delete two scenes already seen and one ahead; the walk must neither skip nor repeat.
        deleted = [seen[0]!, seen[1]!, ids[ids.length - 1]!];
        await client().scenesDestroy({ ids: deleted });
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total - 1);
    expect(seen).not.toContain(deleted[2]);
  });
});

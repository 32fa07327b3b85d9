/**
 * The stand-in judged by another real Stash client's own operations, unchanged:
 * the npm package `stashapp-api` with its field presets. Every non-null field
 * those presets select must resolve, with values that agree with the fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupFields, PerformerFields, SceneFields, StashClient as PeerClient, StudioFields, TagFields } from "stashapp-api";
import { startStandIn, type SeedResult, type StandIn } from "../src/testing";

const KEY = "peer-client-key";
let stash: StandIn;
let ids: SeedResult;
let peer: PeerClient;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  ids = await stash.seed({
    tags: ["Beach", { name: "Outdoor", aliases: ["outside"] }],
    performers: [{ name: "Alex Stone", aliases: ["A. Stone"] }],
    studios: ["Cobalt"],
    groups: ["Summer Series"],
    scenes: [
      {
        title: "Beach Day",
        date: "2024-06-01",
        rating100: 80,
        tags: ["Beach", "Outdoor"],
        performers: ["Alex Stone"],
        studio: "Cobalt",
        groups: [{ name: "Summer Series", scene_index: 1 }],
        urls: ["https://example.com/beach"],
        play_history: ["2024-06-02T10:00:00Z"],
        o_history: ["2024-06-02T10:30:00Z"],
        files: [{ path: "/media/beach.mp4", size: 5_000_000, duration: 120, width: 1920, height: 1080, phash: "c3a1f0e2d4b59687" }],
        markers: [{ title: "Waves", seconds: 30, primary_tag: "Beach" }],
      },
      { title: "Draft" },
    ],
  });
  // stashapp-api appends /graphql itself.
  peer = new PeerClient({ url: stash.baseUrl, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});

describe("stashapp-api's presets against the stand-in", () => {
  it("findScenes with SceneFields", async () => {
    const data = await peer.query({ findScenes: { __args: { filter: { per_page: -1, sort: "id" } }, count: true, scenes: SceneFields } });
    expect(data.findScenes.count).toBe(2);
    const [beach, draft] = data.findScenes.scenes;
    expect(beach).toMatchObject({
      id: ids.scenes[0],
      title: "Beach Day",
      date: "2024-06-01",
      rating100: 80,
      organized: false,
      o_counter: 1,
      play_count: 1,
      urls: ["https://example.com/beach"],
      studio: { name: "Cobalt" },
      performers: [{ name: "Alex Stone" }],
      play_history: ["2024-06-02T10:00:00Z"],
      o_history: ["2024-06-02T10:30:00Z"],
    });
    expect(beach?.tags.map((t) => t.name)).toEqual(["Beach", "Outdoor"]);
    expect(draft).toMatchObject({ title: "Draft", code: "", details: "", date: null, rating100: null, tags: [], performers: [], studio: null, stash_ids: [] });
  });

  it("findPerformers, findStudios, findTags and findGroups with their presets", async () => {
    const data = await peer.query({
      findPerformers: { __args: { filter: { per_page: -1 } }, count: true, performers: PerformerFields },
      findStudios: { __args: { filter: { per_page: -1 } }, count: true, studios: StudioFields },
      findTags: { __args: { filter: { per_page: -1 } }, count: true, tags: TagFields },
      findGroups: { __args: { filter: { per_page: -1 } }, count: true, groups: GroupFields },
    });
    expect(data.findPerformers.performers[0]).toMatchObject({ name: "Alex Stone", alias_list: ["A. Stone"], scene_count: 1, favorite: false });
    expect(data.findStudios.studios[0]).toMatchObject({ name: "Cobalt", scene_count: 1 });
    expect(data.findTags.tags.map((t) => t.name)).toEqual(["Beach", "Outdoor"]);
    expect(data.findTags.tags.find((t) => t.name === "Outdoor")).toMatchObject({ aliases: ["outside"], scene_count: 1 });
    expect(data.findGroups.groups[0]).toMatchObject({ name: "Summer Series", scene_count: 1 });
  });

  it("a sceneUpdate mutation through the peer client", async () => {
    const data = await peer.mutation({
      sceneUpdate: { __args: { input: { id: ids.scenes[1]!, title: "Draft 2", rating100: 40 } }, id: true, title: true, rating100: true },
    });
    expect(data.sceneUpdate).toEqual({ id: ids.scenes[1], title: "Draft 2", rating100: 40 });
  });

  it("raw query with markers and files, as a script would write it", async () => {
    const data = await peer.raw<{ findScene: { scene_markers: { title: string; primary_tag: { name: string } }[]; files: { path: string; fingerprint: string | null }[] } }>(
      `query($id: ID!) { findScene(id: $id) { scene_markers { title primary_tag { name } } files { path fingerprint(type: "phash") } } }`,
      { id: ids.scenes[0] },
    );
    expect(data.findScene.scene_markers).toEqual([{ title: "Waves", primary_tag: { name: "Beach" } }]);
    expect(data.findScene.files).toEqual([{ path: "/media/beach.mp4", fingerprint: "c3a1f0e2d4b59687" }]);
  });
});

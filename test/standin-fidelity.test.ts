/**
 * The stand-in judged by another real Stash client's own operations, unchanged:
 * the npm package `stashapp-api` with its field presets, typed builders and
 * bulk helper. Every non-null field those presets select must resolve, with
 * values that agree with the fixture. This file covers scenes and a first look
 * at the entity presets; standin-fidelity-entities, -media and -system cover
 * the other domains and stashapp-api's root fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkSceneUpdateChunked, GroupFields, PerformerFields, SceneFields, StashClient as PeerClient, StudioFields, TagFields } from "stashapp-api";
import { startStandIn, type SeedResult, type StandIn } from "../src/testing";

const KEY = "peer-client-key";
const OSHASH = "00ff00ff00ff00ff";
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
        files: [{ path: "/media/beach.mp4", size: 5_000_000, duration: 120, width: 1920, height: 1080, phash: "c3a1f0e2d4b59687", oshash: OSHASH }],
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

  it("scene lookups by hash and by path regex", async () => {
    const data = await peer.query({
      findSceneByHash: { __args: { input: { oshash: OSHASH } }, id: true, title: true },
      findScenesByPathRegex: { __args: { filter: { q: "beach\\.mp4$" } }, count: true, scenes: { id: true } },
    });
    expect(data.findSceneByHash).toEqual({ id: ids.scenes[0], title: "Beach Day" });
    expect(data.findScenesByPathRegex).toEqual({ count: 1, scenes: [{ id: ids.scenes[0] }] });
  });

  it("scene mutations: create, bulk update in chunks with modes, history, merge, destroy", async () => {
    const { sceneCreate } = await peer.mutation({ sceneCreate: { __args: { input: { title: "Extra", tag_ids: [ids.tags.Beach!] } }, ...SceneFields } });
    expect(sceneCreate).toMatchObject({ title: "Extra", o_counter: 0, play_count: 0, tags: [{ id: ids.tags.Beach, name: "Beach" }] });
    const extra = sceneCreate!.id;
    const draft = ids.scenes[1]!;
    // stashapp-api's own helper: one bulkSceneUpdate per chunk of ids.
    const updated = await bulkSceneUpdateChunked(peer, { ids: [extra, draft], tag_ids: { mode: "ADD", ids: [ids.tags.Outdoor!] }, group_ids: { mode: "ADD", ids: [ids.groups["Summer Series"]!] } }, { chunkSize: 1 });
    expect(updated.map((s) => s.id)).toEqual([extra, draft]);
    const read = await peer.query({ findScenes: { __args: { ids: [extra, draft] }, scenes: { id: true, tags: { name: true }, groups: { group: { name: true }, scene_index: true } } } });
    expect(read.findScenes.scenes.map((s) => [s.id, s.tags.map((t) => t.name).sort(), s.groups])).toEqual([
      [extra, ["Beach", "Outdoor"], [{ group: { name: "Summer Series" }, scene_index: null }]],
      [draft, ["Outdoor"], [{ group: { name: "Summer Series" }, scene_index: null }]],
    ]);
    const removed = await peer.mutation({ bulkSceneUpdate: { __args: { input: { ids: [draft], tag_ids: { mode: "REMOVE", ids: [ids.tags.Outdoor!] } } }, tags: { id: true } } });
    expect(removed.bulkSceneUpdate).toEqual([{ tags: [] }]);

    const history = await peer.mutation({
      sceneAddO: { __args: { id: extra, times: ["2024-07-01T00:00:00Z"] }, count: true, history: true },
      sceneAddPlay: { __args: { id: extra, times: ["2024-07-01T01:00:00Z"] }, count: true, history: true },
    });
    expect(history).toEqual({ sceneAddO: { count: 1, history: ["2024-07-01T00:00:00Z"] }, sceneAddPlay: { count: 1, history: ["2024-07-01T01:00:00Z"] } });
    const { sceneMerge } = await peer.mutation({ sceneMerge: { __args: { input: { source: [extra], destination: draft, o_history: true, play_history: true } }, id: true, o_history: true, play_history: true } });
    expect(sceneMerge).toEqual({ id: draft, o_history: ["2024-07-01T00:00:00Z"], play_history: ["2024-07-01T01:00:00Z"] });
    expect((await peer.query({ findScene: { __args: { id: extra }, id: true } })).findScene).toBeNull();
    expect((await peer.mutation({ scenesDestroy: { __args: { input: { ids: [draft] } } } })).scenesDestroy).toBe(true);
    expect((await peer.query({ findScenes: { count: true } })).findScenes.count).toBe(1);
  });
});

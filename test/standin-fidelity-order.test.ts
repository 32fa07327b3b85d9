/**
 * The stand-in judged by stashapp-api, unchanged, on the order in which it
 * lists related records (an entity's tags, performers and aliases, a tag's parents):
 * Stash's SQL fixes that order, and a client that shows lists as they come
 * relies on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient as PeerClient } from "stashapp-api";
import { startStandIn, type SeedResult, type StandIn } from "../src/testing";

const KEY = "peer-order-key";
// Given in this order; Stash sorts tags by COALESCE(sort_name, name) COLLATE NATURAL_CI (pkg/sqlite/tables.go tagTableSort).
const GIVEN = ["ord-i10", "Ord-C", "ord-b", "Ord-A", "ord-i9"];
const ORDERED = ["ord-b", "Ord-C", "ord-i9", "ord-i10", "Ord-A"];

let stash: StandIn;
let ids: SeedResult;
let peer: PeerClient;
let scrambled: string[];

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  ids = await stash.seed({
    tags: [...GIVEN.map((name) => (name === "Ord-A" ? { name, sort_name: "ord-z" } : name)), "Beach"],
    // Seeded in this order, so Alex has the lower id.
    performers: ["Alex", "Blair"],
    studios: ["Cobalt"],
    scenes: [{ title: "Beach Day" }],
    galleries: [{ title: "Album" }],
    images: [{ title: "Shot", files: [{ path: "/pics/shot.jpg", size: 10, width: 10, height: 10 }] }],
  });
  scrambled = GIVEN.map((name) => ids.tags[name]!);
  peer = new PeerClient({ url: stash.baseUrl, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});

const namesOf = (lists: readonly ({ name: string }[] | undefined)[]) => lists.map((tags) => tags?.map((t) => t.name));

describe("the order of related records", () => {
  it("tags of images, galleries, performers, studios and a tag's parents come back in Stash's tag order", async () => {
    const data = await peer.mutation({
      imageUpdate: { __args: { input: { id: ids.images[0]!, tag_ids: scrambled } }, tags: { name: true } },
      galleryUpdate: { __args: { input: { id: ids.galleries[0]!, tag_ids: scrambled } }, tags: { name: true } },
      performerUpdate: { __args: { input: { id: ids.performers.Blair!, tag_ids: scrambled } }, tags: { name: true } },
      studioUpdate: { __args: { input: { id: ids.studios.Cobalt!, tag_ids: scrambled } }, tags: { name: true } },
      tagUpdate: { __args: { input: { id: ids.tags.Beach!, parent_ids: scrambled } }, parents: { name: true } },
    });
    const lists = [data.imageUpdate?.tags, data.galleryUpdate?.tags, data.performerUpdate?.tags, data.studioUpdate?.tags, data.tagUpdate?.parents];
    expect(namesOf(lists)).toEqual(lists.map(() => ORDERED));
  });

  // Scenes', groups' and markers' tags follow Stash's tag order too (pkg/sqlite/scene.go sceneRepository.tags orderBy tagTableSortSQL; tables.go
  // groupsTagsTableMgr; tag.go FindBySceneMarkerID).
  it("tags of scenes, groups and markers come back in Stash's tag order", async () => {
    const data = await peer.mutation({
      sceneUpdate: { __args: { input: { id: ids.scenes[0]!, tag_ids: scrambled } }, tags: { name: true } },
      groupCreate: { __args: { input: { name: "ord group", tag_ids: scrambled } }, tags: { name: true } },
      sceneMarkerCreate: { __args: { input: { scene_id: ids.scenes[0]!, title: "ord", seconds: 1, primary_tag_id: ids.tags.Beach!, tag_ids: scrambled } }, tags: { name: true } },
    });
    const lists = [data.sceneUpdate?.tags, data.groupCreate?.tags, data.sceneMarkerCreate?.tags];
    expect(namesOf(lists)).toEqual(lists.map(() => ORDERED));
  });

  // Performers of scenes, images and galleries: Stash reads them with no ORDER BY through the PRIMARY KEY(<id>, performer_id) index, so in performer
  // id order (pkg/sqlite/repository.go joinRepository.getIDs; migrations/35_assoc_tables.up.sql).
  it("performers of scenes, images and galleries come back in performer id order", async () => {
    const byId = [ids.performers.Alex!, ids.performers.Blair!];
    const reversed = [...byId].reverse();
    const data = await peer.mutation({
      sceneUpdate: { __args: { input: { id: ids.scenes[0]!, performer_ids: reversed } }, performers: { id: true } },
      imageUpdate: { __args: { input: { id: ids.images[0]!, performer_ids: reversed } }, performers: { id: true } },
      galleryUpdate: { __args: { input: { id: ids.galleries[0]!, performer_ids: reversed } }, performers: { id: true } },
    });
    const lists = [data.sceneUpdate?.performers, data.imageUpdate?.performers, data.galleryUpdate?.performers];
    expect(lists.map((ps) => ps?.map((p) => p.id))).toEqual(lists.map(() => byId));
  });

  // Alias lists: Stash reads performer_aliases, tag_aliases and
  // studio_aliases without ORDER BY through their PRIMARY KEY(<id>, alias) index, so it answers them sorted
  // by alias (pkg/sqlite/table.go stringTable.get; migrations 35_assoc_tables and 42_performer_disambig_aliases).
  it("alias lists come back in the alias order Stash's index gives them", async () => {
    const { performerCreate } = await peer.mutation({ performerCreate: { __args: { input: { name: "Dana Vale", alias_list: ["Zed", "Ada"] } }, alias_list: true } });
    const { tagCreate } = await peer.mutation({ tagCreate: { __args: { input: { name: "Noon", aliases: ["midday", "high noon"] } }, aliases: true } });
    const { studioCreate } = await peer.mutation({ studioCreate: { __args: { input: { name: "Umber", aliases: ["Umber B", "Umber A"] } }, aliases: true } });
    expect([performerCreate?.alias_list, tagCreate?.aliases, studioCreate?.aliases]).toEqual([
      ["Ada", "Zed"],
      ["high noon", "midday"],
      ["Umber A", "Umber B"],
    ]);
  });
});

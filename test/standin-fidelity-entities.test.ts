/**
 * The stand-in judged by stashapp-api, unchanged, for performers, studios,
 * tags, groups and saved filters: its presets and typed builders read the
 * seeded hierarchy, aliases and depth counts, and its mutations create,
 * update, bulk update (BulkUpdateIds modes), merge and destroy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupFields, PerformerFields, StashClient as PeerClient, StudioFields, TagFields, type BulkPerformerUpdateInput } from "stashapp-api";
import { startStandIn, type Fixture, type SeedResult, type StandIn } from "../src/testing";

const KEY = "peer-entities-key";
const ALEX = {
  name: "Alex Stone",
  aliases: ["A. Stone"],
  gender: "FEMALE",
  birthdate: "1990-05-01",
  country: "NZ",
  height_cm: 170,
  rating100: 90,
  favorite: true,
  urls: ["https://example.com/alex"],
  tags: ["Portrait"],
  custom_fields: { eyes: "green" },
} as const;
const SUMMER = {
  name: "Summer Series",
  aliases: "Summer",
  duration: 3600,
  date: "2024-06-01",
  director: "Dee Rector",
  synopsis: "A summer.",
  studio: "Cobalt",
  tags: ["Beach"],
  sub_groups: [{ name: "Summer Part 1", description: "first" }, "Summer Part 2"],
} as const;
const FIXTURE: Fixture = {
  tags: [{ name: "Nature", aliases: ["outdoors"], description: "Out there" }, { name: "Beach", parents: ["Nature"] }, { name: "Sunset", parents: ["Beach"] }, "Portrait"],
  performers: [ALEX, "Blair Moss"],
  studios: [{ name: "Cobalt", aliases: ["Cobalt Media"], tags: ["Nature"], urls: ["https://cobalt.example"] }, { name: "Cobalt West", parent: "Cobalt" }],
  groups: [SUMMER],
  saved_filters: [{ mode: "SCENES", name: "Beach first", find_filter: { q: "beach", per_page: 40, sort: "date", direction: "DESC" }, object_filter: { organized: { value: true } }, ui_options: { display_mode: 0 } }],
  scenes: [
    { title: "Beach Day", tags: ["Beach"], performers: ["Alex Stone", "Blair Moss"], studio: "Cobalt West", groups: [{ name: "Summer Part 1", scene_index: 2 }], o_history: ["2024-06-01 10:00:00", "2024-06-02 10:00:00"] },
    { title: "Sunset Walk", tags: ["Sunset"], studio: "Cobalt", groups: [{ name: "Summer Series", scene_index: 1 }, { name: "Summer Part 2", scene_index: 1 }], o_history: ["2024-06-03 10:00:00"] },
  ],
  galleries: [{ title: "Alex Album", performers: ["Alex Stone"], studio: "Cobalt West", tags: ["Portrait"] }],
  images: [{ title: "Alex Portrait", o_counter: 4, performers: ["Alex Stone"], tags: ["Portrait"], studio: "Cobalt", files: [{ path: "/pics/alex.jpg", size: 10, width: 10, height: 10 }] }],
};

let stash: StandIn;
let ids: SeedResult;
let peer: PeerClient;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  ids = await stash.seed(FIXTURE);
  peer = new PeerClient({ url: stash.baseUrl, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});

const names = (xs: readonly { name: string }[] | null | undefined) => (xs ?? []).map((x) => x.name).sort();

describe("stashapp-api reads seeded entities", () => {
  it("performers with PerformerFields: fields, aliases, custom fields and counts", async () => {
    const { findPerformer } = await peer.query({ findPerformer: { __args: { id: ids.performers[ALEX.name]! }, ...PerformerFields } });
    expect(findPerformer).toMatchObject({
      name: ALEX.name,
      alias_list: ALEX.aliases,
      gender: ALEX.gender,
      birthdate: ALEX.birthdate,
      country: ALEX.country,
      height_cm: ALEX.height_cm,
      rating100: ALEX.rating100,
      favorite: ALEX.favorite,
      urls: ALEX.urls,
      custom_fields: ALEX.custom_fields,
      scene_count: 1,
      image_count: 1,
      gallery_count: 1,
      group_count: 1,
      // Blair appears with Alex in Beach Day (pkg/performer/query.go CountByAppearsWith).
      performer_count: 1,
      // Scenes' o-history plus images' o-counters (internal/api/resolver_model_performer.go OCounter).
      o_counter: 2 + 4,
    });
    expect(names(findPerformer?.tags)).toEqual(ALEX.tags);
    const { findPerformers } = await peer.query({ findPerformers: { __args: { filter: { q: "A. Stone" } }, count: true, performers: { name: true } } });
    expect(findPerformers.performers.map((p) => p.name)).toEqual([ALEX.name]);
  });

  it("studios with StudioFields: parent, children, aliases and counts with depth", async () => {
    const { findStudios } = await peer.query({
      findStudios: { __args: { filter: { per_page: -1, sort: "name" } }, studios: { ...StudioFields, child_studios: { name: true } } },
    });
    const [cobalt, west] = findStudios.studios;
    expect(cobalt).toMatchObject({ name: "Cobalt", aliases: ["Cobalt Media"], urls: ["https://cobalt.example"], parent_studio: null, scene_count: 1, image_count: 1, gallery_count: 0, group_count: 1, o_counter: 1 + 4 });
    expect(names(cobalt?.child_studios)).toEqual(["Cobalt West"]);
    expect(names(cobalt?.tags)).toEqual(["Nature"]);
    expect(west).toMatchObject({ name: "Cobalt West", parent_studio: { id: ids.studios.Cobalt, name: "Cobalt" }, scene_count: 1, gallery_count: 1, o_counter: 2 });
    const deep = await peer.query({ findStudio: { __args: { id: ids.studios.Cobalt! }, scene_count: { __args: { depth: -1 } }, gallery_count: { __args: { depth: -1 } } } });
    expect(deep.findStudio).toEqual({ scene_count: 2, gallery_count: 1 });
  });

  it("tags with TagFields: hierarchy, aliases and counts with depth", async () => {
    const { findTags } = await peer.query({ findTags: { __args: { filter: { per_page: -1, sort: "name" } }, count: true, tags: TagFields } });
    const tag = (name: string) => findTags.tags.find((t) => t.name === name)!;
    expect(findTags.count).toBe(4);
    expect(tag("Nature")).toMatchObject({ aliases: ["outdoors"], description: "Out there", parent_count: 0, child_count: 1, scene_count: 0, studio_count: 1 });
    expect(names(tag("Nature").children)).toEqual(["Beach"]);
    expect(tag("Beach")).toMatchObject({ parent_count: 1, child_count: 1, scene_count: 1, group_count: 1 });
    expect(names(tag("Sunset").parents)).toEqual(["Beach"]);
    expect(tag("Portrait")).toMatchObject({ performer_count: 1, image_count: 1, gallery_count: 1 });
    const deep = await peer.query({ findTag: { __args: { id: ids.tags.Nature! }, scene_count: { __args: { depth: -1 } }, group_count: { __args: { depth: -1 } } } });
    expect(deep.findTag).toEqual({ scene_count: 2, group_count: 1 });
    const byAlias = await peer.query({ findTags: { __args: { filter: { q: "outdoors" } }, tags: { name: true } } });
    expect(byAlias.findTags.tags.map((t) => t.name)).toEqual(["Nature"]);
  });

  it("groups with GroupFields: sub-groups, containing groups and scenes with their index", async () => {
    const { findGroup } = await peer.query({
      findGroup: {
        __args: { id: ids.groups[SUMMER.name]! },
        ...GroupFields,
        sub_groups: { group: { name: true }, description: true },
        scenes: { title: true, groups: { group: { name: true }, scene_index: true } },
      },
    });
    const { name, aliases, duration, date, director, synopsis } = SUMMER;
    expect(findGroup).toMatchObject({ name, aliases, duration, date, director, synopsis, studio: { name: SUMMER.studio }, scene_count: 1, sub_group_count: 2, o_counter: 1 });
    expect(names(findGroup?.tags)).toEqual(SUMMER.tags);
    expect(findGroup?.sub_groups).toEqual([
      { group: { name: "Summer Part 1" }, description: "first" },
      { group: { name: "Summer Part 2" }, description: null },
    ]);
    expect(findGroup?.scenes.map((s) => s.title)).toEqual(["Sunset Walk"]);
    expect(findGroup?.scenes[0]?.groups).toContainEqual({ group: { name: SUMMER.name }, scene_index: 1 });
    const deep = await peer.query({
      findGroup: { __args: { id: ids.groups[SUMMER.name]! }, scene_count: { __args: { depth: -1 } }, containing_groups: { group: { name: true } } },
      findGroups: { __args: { filter: { per_page: -1, sort: "name" } }, groups: { name: true, containing_groups: { group: { name: true }, description: true } } },
    });
    expect(deep.findGroup).toEqual({ scene_count: 2, containing_groups: [] });
    expect(deep.findGroups.groups.find((g) => g.name === "Summer Part 1")?.containing_groups).toEqual([{ group: { name: SUMMER.name }, description: "first" }]);
  });

  it("saved filters as seeded", async () => {
    const { findSavedFilters } = await peer.query({
      findSavedFilters: { __args: { mode: "SCENES" }, id: true, mode: true, name: true, find_filter: { q: true, per_page: true, sort: true, direction: true }, object_filter: true, ui_options: true },
    });
    const seeded = FIXTURE.saved_filters![0]!;
    expect(findSavedFilters).toEqual([{ id: ids.savedFilters[0], mode: seeded.mode, name: seeded.name, find_filter: seeded.find_filter, object_filter: seeded.object_filter, ui_options: seeded.ui_options }]);
  });
});

describe("stashapp-api's mutations on entities", () => {
  it("performers: create, partial update, bulk update with modes, the name clash, destroy", async () => {
    const tagIds = [ids.tags.Portrait!, ids.tags.Beach!];
    const { performerCreate } = await peer.mutation({
      performerCreate: {
        __args: { input: { name: "Casey Reed", alias_list: ["CR"], gender: "MALE", tag_ids: [tagIds[0]!], custom_fields: { shoe: 42 } } },
        ...{ id: true, name: true, alias_list: true, gender: true, custom_fields: true },
      },
    });
    expect(performerCreate).toMatchObject({ name: "Casey Reed", alias_list: ["CR"], gender: "MALE", custom_fields: { shoe: 42 } });
    const id = performerCreate!.id;
    const updated = await peer.mutation({ performerUpdate: { __args: { input: { id, country: "AU" } }, ...PerformerFields } });
    // A partial update keeps every field it does not name.
    expect(updated.performerUpdate).toMatchObject({ name: "Casey Reed", country: "AU", alias_list: ["CR"], gender: "MALE" });
    const bulk = await peer.mutation({
      bulkPerformerUpdate: {
        __args: { input: { ids: [id, ids.performers[ALEX.name]!], tag_ids: { mode: "ADD", ids: [tagIds[1]!] }, alias_list: { mode: "ADD", values: ["Both"] }, rating100: 55 } },
        name: true,
        rating100: true,
        alias_list: true,
        tags: { name: true },
      },
    });
    expect(bulk.bulkPerformerUpdate?.map((p) => [p.name, p.rating100, p.alias_list.slice().sort(), names(p.tags)])).toEqual([
      ["Casey Reed", 55, ["Both", "CR"], ["Beach", "Portrait"]],
      [ALEX.name, 55, ["A. Stone", "Both"], ["Beach", "Portrait"]],
    ]);
    const removed = await peer.mutation({ bulkPerformerUpdate: { __args: { input: { ids: [id], tag_ids: { mode: "REMOVE", ids: [tagIds[0]!] } } }, tags: { name: true } } });
    expect(names(removed.bulkPerformerUpdate?.[0]?.tags)).toEqual(["Beach"]);
    await expect(peer.mutation({ performerCreate: { __args: { input: { name: "casey reed" } }, id: true } })).rejects.toThrow("performer with name 'casey reed' already exists");
    const { performerDestroy } = await peer.mutation({ performerDestroy: { __args: { input: { id } } } });
    expect(performerDestroy).toBe(true);
    expect((await peer.query({ findPerformer: { __args: { id }, id: true } })).findPerformer).toBeNull();
    // Put Alex back as seeded (SET mode) for the tests after this one.
    const alex: BulkPerformerUpdateInput = { ids: [ids.performers[ALEX.name]!], tag_ids: { mode: "SET", ids: [tagIds[0]!] }, alias_list: { mode: "SET", values: [...ALEX.aliases] }, rating100: ALEX.rating100 };
    await peer.mutation({ bulkPerformerUpdate: { __args: { input: alex }, id: true } });
  });

  it("studios: create under a parent, update, bulk update, destroy", async () => {
    const { studioCreate } = await peer.mutation({ studioCreate: { __args: { input: { name: "Cobalt East", parent_id: ids.studios.Cobalt!, aliases: ["CE"] } }, ...StudioFields } });
    expect(studioCreate).toMatchObject({ name: "Cobalt East", aliases: ["CE"], parent_studio: { name: "Cobalt" }, scene_count: 0 });
    const id = studioCreate!.id;
    const { studioUpdate } = await peer.mutation({ studioUpdate: { __args: { input: { id, details: "east side" } }, name: true, details: true, aliases: true } });
    expect(studioUpdate).toEqual({ name: "Cobalt East", details: "east side", aliases: ["CE"] });
    const { bulkStudioUpdate } = await peer.mutation({
      bulkStudioUpdate: {
        __args: { input: { ids: [id], tag_ids: { mode: "SET", ids: [ids.tags.Sunset!] }, favorite: true, parent_id: ids.studios["Cobalt West"]! } },
        ...{ favorite: true, tags: { name: true }, parent_studio: { name: true } },
      },
    });
    expect(bulkStudioUpdate).toEqual([{ favorite: true, tags: [{ name: "Sunset" }], parent_studio: { name: "Cobalt West" } }]);
    await expect(peer.mutation({ studioCreate: { __args: { input: { name: "Cobalt" } }, id: true } })).rejects.toThrow("studio with name 'Cobalt' already exists");
    expect((await peer.mutation({ studioDestroy: { __args: { input: { id } } } })).studioDestroy).toBe(true);
    const { findStudio } = await peer.query({ findStudio: { __args: { id: ids.studios["Cobalt West"]! }, child_studios: { id: true } } });
    expect(findStudio?.child_studios).toEqual([]);
  });

  it("tags: create in the hierarchy, update, bulk update, merge and destroy", async () => {
    const { tagCreate } = await peer.mutation({ tagCreate: { __args: { input: { name: "Dusk", parent_ids: [ids.tags.Sunset!], aliases: ["twilight"] } }, ...TagFields } });
    expect(tagCreate).toMatchObject({ name: "Dusk", aliases: ["twilight"], parent_count: 1, parents: [{ name: "Sunset" }] });
    const dusk = tagCreate!.id;
    const { tagUpdate } = await peer.mutation({ tagUpdate: { __args: { input: { id: dusk, description: "late" } }, name: true, description: true, aliases: true } });
    expect(tagUpdate).toEqual({ name: "Dusk", description: "late", aliases: ["twilight"] });
    const { bulkTagUpdate } = await peer.mutation({
      bulkTagUpdate: { __args: { input: { ids: [dusk], parent_ids: { mode: "ADD", ids: [ids.tags.Nature!] }, aliases: { mode: "ADD", values: ["gloaming"] } } }, parents: { name: true }, aliases: true },
    });
    expect(names(bulkTagUpdate?.[0]?.parents)).toEqual(["Nature", "Sunset"]);
    expect(bulkTagUpdate?.[0]?.aliases.slice().sort()).toEqual(["gloaming", "twilight"]);
    await expect(peer.mutation({ tagCreate: { __args: { input: { name: "beach" } }, id: true } })).rejects.toThrow("tag with name 'beach' already exists");

    // tagsMerge moves Sunset's scenes onto Dusk, and Sunset's name becomes Dusk's alias (pkg/sqlite/tag.go Merge).
    const { tagsMerge } = await peer.mutation({ tagsMerge: { __args: { input: { source: [ids.tags.Sunset!], destination: dusk } }, name: true, aliases: true, scene_count: true } });
    expect(tagsMerge).toMatchObject({ name: "Dusk", scene_count: 1 });
    expect(tagsMerge?.aliases).toContain("Sunset");
    expect((await peer.query({ findTag: { __args: { id: ids.tags.Sunset! }, id: true } })).findTag).toBeNull();
    const walk = await peer.query({ findScene: { __args: { id: ids.sceneIdsByTitle["Sunset Walk"]! }, tags: { name: true } } });
    expect(names(walk.findScene?.tags)).toEqual(["Dusk"]);
    expect((await peer.mutation({ tagDestroy: { __args: { input: { id: dusk } } } })).tagDestroy).toBe(true);
    const { findTag } = await peer.query({ findTag: { __args: { id: ids.tags.Nature! }, children: { name: true }, scene_count: { __args: { depth: -1 } } } });
    expect(findTag).toEqual({ children: [{ name: "Beach" }], scene_count: 1 });
  });

  it("groups: create, update, bulk update with modes, sub-group add/reorder/remove, destroy", async () => {
    const part1 = ids.groups["Summer Part 1"]!;
    const part2 = ids.groups["Summer Part 2"]!;
    const { groupCreate } = await peer.mutation({
      groupCreate: { __args: { input: { name: "Winter Series", duration: 1800, studio_id: ids.studios.Cobalt!, sub_groups: [{ group_id: part2, description: "borrowed" }] } }, ...GroupFields },
    });
    expect(groupCreate).toMatchObject({ name: "Winter Series", duration: 1800, studio: { name: "Cobalt" }, sub_group_count: 1 });
    const winter = groupCreate!.id;
    const { groupUpdate } = await peer.mutation({ groupUpdate: { __args: { input: { id: winter, synopsis: "cold" } }, name: true, synopsis: true, duration: true } });
    expect(groupUpdate).toEqual({ name: "Winter Series", synopsis: "cold", duration: 1800 });
    const { bulkGroupUpdate } = await peer.mutation({
      bulkGroupUpdate: {
        __args: { input: { ids: [winter], tag_ids: { mode: "ADD", ids: [ids.tags.Beach!] }, sub_groups: { mode: "ADD", groups: [{ group_id: part1 }] }, rating100: 30 } },
        rating100: true,
        tags: { name: true },
        sub_groups: { group: { id: true } },
      },
    });
    expect(bulkGroupUpdate).toEqual([{ rating100: 30, tags: [{ name: "Beach" }], sub_groups: [{ group: { id: part2 } }, { group: { id: part1 } }] }]);
    await peer.mutation({ reorderSubGroups: { __args: { input: { group_id: winter, sub_group_ids: [part1], insert_at_id: part2 } } } });
    const subs = async () => (await peer.query({ findGroup: { __args: { id: winter }, sub_groups: { group: { id: true } } } })).findGroup?.sub_groups.map((s) => s.group.id);
    expect(await subs()).toEqual([part1, part2]);
    const { groupCreate: spring } = await peer.mutation({ groupCreate: { __args: { input: { name: "Spring Special" } }, id: true } });
    // insert_index names a stored order index, and those start at 1: 1 inserts first (pkg/sqlite/group_relationships.go AddSubGroups).
    await peer.mutation({ addGroupSubGroups: { __args: { input: { containing_group_id: winter, sub_groups: [{ group_id: spring!.id }], insert_index: 1 } } } });
    expect(await subs()).toEqual([spring!.id, part1, part2]);
    await peer.mutation({ removeGroupSubGroups: { __args: { input: { containing_group_id: winter, sub_group_ids: [part1] } } } });
    expect(await subs()).toEqual([spring!.id, part2]);
    expect((await peer.mutation({ groupDestroy: { __args: { input: { id: spring!.id } } } })).groupDestroy).toBe(true);
    expect(await subs()).toEqual([part2]);
    expect((await peer.mutation({ groupsDestroy: { __args: { ids: [winter] } } })).groupsDestroy).toBe(true);
    // findGroups by ids refuses a missing id rather than skipping it (pkg/sqlite/group.go FindMany).
    await expect(peer.query({ findGroups: { __args: { ids: [winter, part2] }, groups: { id: true } } })).rejects.toThrow(`group with id ${winter} not found`);
  });

  it("saved filters: save, update by id and destroy", async () => {
    const { saveFilter } = await peer.mutation({
      saveFilter: {
        __args: { input: { mode: "PERFORMERS", name: "Favourites", object_filter: { filter_favorites: true }, find_filter: { sort: "name" } } },
        ...{ id: true, mode: true, name: true, object_filter: true, find_filter: { sort: true } },
      },
    });
    expect(saveFilter).toMatchObject({ mode: "PERFORMERS", name: "Favourites", object_filter: { filter_favorites: true }, find_filter: { sort: "name" } });
    const renamed = await peer.mutation({ saveFilter: { __args: { input: { id: saveFilter.id, mode: "PERFORMERS", name: "Faves" } }, id: true, name: true } });
    expect(renamed.saveFilter).toEqual({ id: saveFilter.id, name: "Faves" });
    expect((await peer.query({ findSavedFilter: { __args: { id: saveFilter.id }, name: true } })).findSavedFilter).toEqual({ name: "Faves" });
    expect((await peer.mutation({ destroySavedFilter: { __args: { input: { id: saveFilter.id } } } })).destroySavedFilter).toBe(true);
    expect((await peer.query({ findSavedFilters: { __args: { mode: "PERFORMERS" }, id: true } })).findSavedFilters).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { generateLibrary } from "../src/testing/index";
import { gql, gqlData, gqlError, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const PNG = "data:image/png;base64,iVBORw0KGgo=";

const CREATE = `mutation($input: GroupCreateInput!) { groupCreate(input: $input) { id name } }`;
const SUBS = `query($id: ID!) { findGroup(id: $id) { sub_groups { group { name } description } } }`;

async function createGroup(input: Record<string, unknown>): Promise<string> {
  const data = await gqlData(stash(), CREATE, { input });
  return data.groupCreate.id;
}

async function subGroupNames(id: string): Promise<string[]> {
  const data = await gqlData(stash(), SUBS, { id });
  return data.findGroup.sub_groups.map((s: { group: { name: string } }) => s.group.name);
}

const errorOf = (query: string, variables: Record<string, unknown>) => gqlError(stash(), query, variables);

describe("stand-in groups", () => {
  it("creates a group with every field and reads it back, relations and descriptions included", async () => {
    const tag = await gqlData(stash(), `mutation { tagCreate(input: { name: "Saga" }) { id } }`);
    const studio = await gqlData(stash(), `mutation { studioCreate(input: { name: "Group Studio" }) { id } }`);
    const parent = await createGroup({ name: "Box Set" });
    const child = await createGroup({ name: "Part One" });
    const id = await createGroup({
      name: "  Trilogy  ",
      aliases: " Tri ",
      duration: 5400,
      date: "2020-05-01",
      rating100: 80,
      director: "Someone",
      synopsis: "A story",
      urls: [" https://example.com/t "],
      studio_id: studio.studioCreate.id,
      tag_ids: [tag.tagCreate.id],
      containing_groups: [{ group_id: parent, description: "vol 1" }],
      sub_groups: [{ group_id: child }],
      back_image: PNG,
    });
    const data = await gqlData(
      stash(),
      `query($id: ID!) { findGroup(id: $id) {
        name aliases duration date rating100 director synopsis urls
        studio { name } tags { name } front_image_path back_image_path
        containing_groups { group { name } description } sub_groups { group { name } description }
        sub_group_count scene_count performer_count } }`,
      { id },
    );
    const g = data.findGroup;
    expect(g).toMatchObject({
      name: "Trilogy",
      aliases: "Tri",
      duration: 5400,
      date: "2020-05-01",
      rating100: 80,
      urls: ["https://example.com/t"],
      studio: { name: "Group Studio" },
      tags: [{ name: "Saga" }],
      containing_groups: [{ group: { name: "Box Set" }, description: "vol 1" }],
      sub_groups: [{ group: { name: "Part One" }, description: null }],
      sub_group_count: 1,
      scene_count: 0,
    });
    // A back image alone gives the group Stash's default front image too, so no `default=true`.
    expect(g.front_image_path).toMatch(new RegExp(`/group/${id}/frontimage\\?t=\\d+$`));
    expect(g.back_image_path).toMatch(new RegExp(`/group/${id}/backimage\\?t=\\d+$`));
    const plain = await gqlData(stash(), `query($id: ID!) { findGroup(id: $id) { front_image_path back_image_path } }`, { id: child });
    expect(plain.findGroup.front_image_path).toMatch(/&default=true$/);
    expect(plain.findGroup.back_image_path).toBeNull();
  });

  it("refuses blank names, unknown ids and hierarchy loops with Stash's messages", async () => {
    expect(await errorOf(CREATE, { input: { name: "  " } })).toBe("name cannot be empty");
    expect(await errorOf(CREATE, { input: { name: "x", tag_ids: ["999"] } })).toBe("FOREIGN KEY constraint failed");
    expect(await errorOf(CREATE, { input: { name: "x", sub_groups: [{ group_id: "abc" }] } })).toMatch(/^converting containing group ids: strconv.Atoi/);
    const a = await createGroup({ name: "Loop A" });
    const b = await createGroup({ name: "Loop B", containing_groups: [{ group_id: a }] });
    const update = `mutation($input: GroupUpdateInput!) { groupUpdate(input: $input) { id } }`;
    expect(await errorOf(update, { input: { id: a, containing_groups: [{ group_id: b }] } })).toBe(
      "a group cannot be contained by one of its subgroups",
    );
    expect(await errorOf(update, { input: { id: a, sub_groups: [{ group_id: a }] } })).toBe("a group cannot be contained by one of its subgroups");
    expect(await errorOf(update, { input: { id: "9999", name: "x" } })).toBe("not found");
    expect(await errorOf(`mutation { groupDestroy(input: { id: "9999" }) }`, {})).toBe("id 9999 does not exist in groups");
    // Group names are not unique in Stash (the unique index went in migration 59).
    expect(await createGroup({ name: "Loop A" })).not.toBe(a);
  });

  it("adds, reorders and removes sub-groups by Stash's order-index rules", async () => {
    const box = await createGroup({ name: "Shelf" });
    const ids: Record<string, string> = {};
    for (const name of ["S1", "S2", "S3", "S4"]) ids[name] = await createGroup({ name });
    const add = `mutation($input: GroupSubGroupAddInput!) { addGroupSubGroups(input: $input) }`;
    await gqlData(stash(), add, { input: { containing_group_id: box, sub_groups: [{ group_id: ids.S1 }, { group_id: ids.S2, description: "two" }] } });
    // insert_index is an order index (1-based): S3 goes before the sub-group at index 1.
    await gqlData(stash(), add, { input: { containing_group_id: box, sub_groups: [{ group_id: ids.S3 }], insert_index: 1 } });
    expect(await subGroupNames(box)).toEqual(["S3", "S1", "S2"]);
    // An index with no sub-group appends.
    await gqlData(stash(), add, { input: { containing_group_id: box, sub_groups: [{ group_id: ids.S4 }], insert_index: 0 } });
    expect(await subGroupNames(box)).toEqual(["S3", "S1", "S2", "S4"]);
    expect(await errorOf(add, { input: { containing_group_id: box, sub_groups: [{ group_id: ids.S1 }, { group_id: ids.S2 }] } })).toBe(
      `subgroups with IDs [${ids.S1} ${ids.S2}] already in group`,
    );

    const reorder = `mutation($input: ReorderSubGroupsInput!) { reorderSubGroups(input: $input) }`;
    await gqlData(stash(), reorder, { input: { group_id: box, sub_group_ids: [ids.S4], insert_at_id: ids.S3 } });
    expect(await subGroupNames(box)).toEqual(["S4", "S3", "S1", "S2"]);
    // After the insert point, several ids land one by one right after it, so in reverse.
    await gqlData(stash(), reorder, { input: { group_id: box, sub_group_ids: [ids.S4, ids.S3], insert_at_id: ids.S2, insert_after: true } });
    expect(await subGroupNames(box)).toEqual(["S1", "S2", "S3", "S4"]);
    expect(await errorOf(reorder, { input: { group_id: box, sub_group_ids: [ids.S1], insert_at_id: "9999" } })).toBe(
      `sub-group 9999 not found in containing group ${box}`,
    );

    await gqlData(stash(), `mutation($input: GroupSubGroupRemoveInput!) { removeGroupSubGroups(input: $input) }`, {
      input: { containing_group_id: box, sub_group_ids: [ids.S2] },
    });
    expect(await subGroupNames(box)).toEqual(["S1", "S3", "S4"]);
    const s3 = await gqlData(stash(), `query($id: ID!) { findGroup(id: $id) { containing_groups { group { name } } } }`, { id: ids.S3 });
    expect(s3.findGroup.containing_groups).toEqual([{ group: { name: "Shelf" } }]);
  });

  it("counts scenes, sub-groups and performers with depth, and destroying a group unlinks its scenes", async () => {
    const top = await createGroup({ name: "Top" });
    const mid = await createGroup({ name: "Mid", containing_groups: [{ group_id: top }] });
    const leaf = await createGroup({ name: "Leaf", containing_groups: [{ group_id: mid }] });
    const performer = await gqlData(stash(), `mutation { performerCreate(input: { name: "Group Performer" }) { id } }`);
    const sceneCreate = `mutation($input: SceneCreateInput!) { sceneCreate(input: $input) { id } }`;
    const s1 = await gqlData(stash(), sceneCreate, { input: { title: "In top", groups: [{ group_id: top, scene_index: 2 }] } });
    await gqlData(stash(), sceneCreate, { input: { title: "In leaf", groups: [{ group_id: leaf }], performer_ids: [performer.performerCreate.id] } });
    const counts = await gqlData(
      stash(),
      `query($id: ID!) { findGroup(id: $id) {
        scenes { title groups { scene_index group { name } } }
        own: scene_count all: scene_count(depth: -1) one: scene_count(depth: 1)
        subs: sub_group_count deep: sub_group_count(depth: -1)
        performers: performer_count allPerformers: performer_count(depth: -1) } }`,
      { id: top },
    );
    expect(counts.findGroup).toEqual({
      scenes: [{ title: "In top", groups: [{ scene_index: 2, group: { name: "Top" } }] }],
      own: 1,
      all: 2,
      one: 1,
      subs: 1,
      deep: 2,
      performers: 0,
      allPerformers: 1,
    });
    await gqlData(stash(), `mutation($id: ID!) { groupDestroy(input: { id: $id }) }`, { id: top });
    const scene = await gqlData(stash(), `query($id: ID!) { findScene(id: $id) { groups { group { id } } } }`, { id: s1.sceneCreate.id });
    expect(scene.findScene.groups).toEqual([]);
    const midAfter = await gqlData(stash(), `query($id: ID!) { findGroup(id: $id) { containing_groups { group { id } } } }`, { id: mid });
    expect(midAfter.findGroup.containing_groups).toEqual([]);
  });

  it("bulk-updates tags, sub-groups and urls with SET, ADD and REMOVE, and updates clear with null", async () => {
    const t1 = (await gqlData(stash(), `mutation { tagCreate(input: { name: "Bulk T1" }) { id } }`)).tagCreate.id;
    const t2 = (await gqlData(stash(), `mutation { tagCreate(input: { name: "Bulk T2" }) { id } }`)).tagCreate.id;
    const g1 = await createGroup({ name: "Bulk 1", tag_ids: [t1], urls: ["a"] });
    const g2 = await createGroup({ name: "Bulk 2" });
    const sub = await createGroup({ name: "Bulk Sub" });
    const bulk = `mutation($input: BulkGroupUpdateInput!) { bulkGroupUpdate(input: $input) { name tags { name } urls sub_groups { group { name } } rating100 } }`;
    const added = await gqlData(stash(), bulk, {
      input: {
        ids: [g1, g2],
        rating100: 60,
        tag_ids: { mode: "ADD", ids: [t2] },
        urls: { mode: "ADD", values: ["b"] },
        sub_groups: { mode: "ADD", groups: [{ group_id: sub }] },
      },
    });
    expect(added.bulkGroupUpdate).toEqual([
      { name: "Bulk 1", tags: [{ name: "Bulk T1" }, { name: "Bulk T2" }], urls: ["a", "b"], sub_groups: [{ group: { name: "Bulk Sub" } }], rating100: 60 },
      { name: "Bulk 2", tags: [{ name: "Bulk T2" }], urls: ["b"], sub_groups: [{ group: { name: "Bulk Sub" } }], rating100: 60 },
    ]);
    const removed = await gqlData(stash(), bulk, { input: { ids: [g1], tag_ids: { mode: "REMOVE", ids: [t1] }, sub_groups: { mode: "SET", groups: [] } } });
    expect(removed.bulkGroupUpdate[0]).toMatchObject({ tags: [{ name: "Bulk T2" }], sub_groups: [] });
    const cleared = await gqlData(stash(), `mutation($input: GroupUpdateInput!) { groupUpdate(input: $input) { rating100 urls director tags { id } } }`, {
      input: { id: g1, rating100: null, urls: null, director: null, tag_ids: [] },
    });
    expect(cleared.groupUpdate).toEqual({ rating100: null, urls: [], director: "", tags: [] });
  });

  it("answers the deprecated movie fields from the same records", async () => {
    const created = await gqlData(stash(), `mutation { movieCreate(input: { name: "Old Movie", url: "https://m.example" }) { id name url urls } }`);
    const id = created.movieCreate.id;
    expect(created.movieCreate).toMatchObject({ name: "Old Movie", url: "https://m.example", urls: ["https://m.example"] });
    const asGroup = await gqlData(stash(), `query($id: ID!) { findGroup(id: $id) { name urls } }`, { id });
    expect(asGroup.findGroup).toEqual({ name: "Old Movie", urls: ["https://m.example"] });
    const updated = await gqlData(stash(), `mutation($id: ID!) { movieUpdate(input: { id: $id, synopsis: "moved on" }) { synopsis } }`, { id });
    expect(updated.movieUpdate.synopsis).toBe("moved on");
    const scene = await gqlData(stash(), `mutation($id: ID!) { sceneCreate(input: { title: "Movie scene", movies: [{ movie_id: $id, scene_index: 3 }] }) { movies { movie { name } scene_index } } }`, { id });
    expect(scene.sceneCreate.movies).toEqual([{ movie: { name: "Old Movie" }, scene_index: 3 }]);
    expect((await gqlData(stash(), `query($id: ID!) { findMovie(id: $id) { scene_count } }`, { id })).findMovie.scene_count).toBe(1);
    await gqlData(stash(), `mutation($ids: [ID!]!) { moviesDestroy(ids: $ids) }`, { ids: [id] });
    expect((await gqlData(stash(), `query($id: ID!) { findMovie(id: $id) { id } }`, { id })).findMovie).toBeNull();
  });

  it("seeds groups with details, sub-groups and scene indexes from a fixture, and names a bad record", async () => {
    const ids = await stash().seed({
      groups: [
        { name: "Fixture Box", studio: "Fixture Studio", tags: ["Fixture Tag"], date: "2021", sub_groups: ["Fixture Vol 1", { name: "Fixture Vol 2", description: "second" }] },
        { name: "Fixture Vol 2", director: "D" },
      ],
      scenes: [{ title: "Fixture scene", groups: [{ name: "Fixture Vol 1", scene_index: 4 }] }],
    });
    const box = await gqlData(
      stash(),
      `query($id: ID!) { findGroup(id: $id) { date studio { name } tags { name } sub_groups { group { name director } description } deep: scene_count(depth: -1) } }`,
      { id: ids.groups["Fixture Box"] },
    );
    expect(box.findGroup).toEqual({
      date: "2021",
      studio: { name: "Fixture Studio" },
      tags: [{ name: "Fixture Tag" }],
      sub_groups: [
        { group: { name: "Fixture Vol 1", director: "" }, description: null },
        { group: { name: "Fixture Vol 2", director: "D" }, description: "second" },
      ],
      deep: 1,
    });
    await expect(stash().seed({ groups: [{ name: "L1", sub_groups: ["L2"] }, { name: "L2", sub_groups: ["L1"] }] })).rejects.toThrow(
      "invalid fixture: groups[1].sub_groups[0] makes a loop: a group cannot be contained by one of its subgroups",
    );
    await expect(stash().seed({ groups: [{ name: "Bad", rating100: 101 }] })).rejects.toThrow("invalid fixture: groups[0].rating100 must be at most 100");
  });

  it("finds groups by q, filter and sort, sub-group order included, and movies through the same filter", async () => {
    const shelf = await createGroup({ name: "Find Shelf" });
    const b = await createGroup({ name: "Find Beta", aliases: "zulu", rating100: 40, containing_groups: [{ group_id: shelf }] });
    const a = await createGroup({ name: "Find Alpha", rating100: 90, containing_groups: [{ group_id: shelf }] });
    const find = `query($f: FindFilterType, $g: GroupFilterType) { findGroups(filter: $f, group_filter: $g) { count groups { id name } } }`;
    const byAlias = await gqlData(stash(), find, { f: { q: "zulu" } });
    expect(byAlias.findGroups.groups).toEqual([{ id: b, name: "Find Beta" }]);
    const inShelf = await gqlData(stash(), find, { f: { sort: "sub_group_order" }, g: { containing_groups: { value: [shelf], modifier: "INCLUDES" } } });
    expect(inShelf.findGroups.groups.map((g: { name: string }) => g.name)).toEqual(["Find Beta", "Find Alpha"]);
    const rated = await gqlData(stash(), find, { f: { q: "Find", sort: "rating", direction: "DESC" }, g: { rating100: { value: 30, modifier: "GREATER_THAN" } } });
    expect(rated.findGroups).toEqual({ count: 2, groups: [{ id: a, name: "Find Alpha" }, { id: b, name: "Find Beta" }] });
    const movies = await gqlData(stash(), `query { findMovies(filter: { q: "Find", sort: "name" }, movie_filter: { rating100: { value: 50, modifier: LESS_THAN } }) { count movies { name } } }`);
    expect(movies.findMovies).toEqual({ count: 1, movies: [{ name: "Find Beta" }] });
    const byIds = await gql(stash(), `query($ids: [ID!]) { findGroups(ids: $ids) { count } }`, { ids: [a, a] });
    expect(byIds.body.errors?.[0]?.message).toBe(`validating ids: duplicate id found: ${a}`);
  });

  it("generateLibrary plants groups, box sets holding sub-groups, and scenes with indexes", async () => {
    const lib = generateLibrary({ scenes: 120, duplicateGroups: 0, groups: 8, seed: 5 });
    expect(lib.fixture.groups).toHaveLength(8);
    const again = generateLibrary({ scenes: 120, duplicateGroups: 0, groups: 0, seed: 5 });
    // Groups draw from their own random stream: everything else is generated as without them.
    expect(again.fixture.scenes!.map((s) => s.title)).toEqual(lib.fixture.scenes!.map((s) => s.title));
    const ids = await stash().seed(lib.fixture);
    const box = (lib.fixture.groups![0] as { name: string }).name;
    const data = await gqlData(stash(), `query($id: ID!) { findGroup(id: $id) { sub_group_count all: scene_count(depth: -1) sub_groups { description } } }`, { id: ids.groups[box] });
    const joined = lib.fixture.scenes!.filter((s) => s.groups?.some((g) => (lib.fixture.groups!.slice(1, 4) as { name: string }[]).some((x) => x.name === (g as { name: string }).name))).length;
    expect(data.findGroup).toEqual({ sub_group_count: 3, all: joined, sub_groups: [{ description: "Part 1" }, { description: "Part 2" }, { description: "Part 3" }] });
  });
});

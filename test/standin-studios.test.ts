/**
 * Studios in the stand-in over real HTTP: every input field stored and
 * answered, partial updates, bulk modes, Stash's name/alias/ancestor errors,
 * counts with depth and destroy clean-up (SET NULL on what pointed at it).
 */
import { describe, expect, it } from "vitest";
import { blankGallery } from "../src/testing/records/gallery";
import { blankGroup } from "../src/testing/records/group";
import { blankImage } from "../src/testing/records/image";
import { gqlData, gqlError, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const FIELDS = `id name aliases urls url details rating100 favorite ignore_auto_tag image_path
  parent_studio { name } child_studios { name } tags { name } stash_ids { endpoint stash_id }`;
const CREATE = `mutation($input: StudioCreateInput!) { studioCreate(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: StudioUpdateInput!) { studioUpdate(input: $input) { ${FIELDS} } }`;
const BULK = `mutation($input: BulkStudioUpdateInput!) { bulkStudioUpdate(input: $input) { name urls rating100 parent_studio { name } tags { name } } }`;
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function studio(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await gqlData(stash(), CREATE, { input: { name, ...extra } })).studioCreate;
}

const error = (query: string, variables: Record<string, unknown>) => gqlError(stash(), query, variables);

async function tagId(name: string): Promise<string> {
  return (await gqlData(stash(), `mutation($n: String!) { tagCreate(input: { name: $n }) { id } }`, { n: name })).tagCreate.id;
}

describe("stand-in studios", () => {
  it("stores every StudioCreateInput field and answers it", async () => {
    const t = await tagId("Studio Tag");
    const parent = await studio("Parent Net");
    const created = await studio(" Child Site ", {
      aliases: [" CS "],
      url: "https://legacy.example",
      urls: ["https://one.example"],
      details: " about ",
      rating100: 90,
      favorite: true,
      ignore_auto_tag: true,
      parent_id: parent.id,
      tag_ids: [t],
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "st1" }],
      image: PNG,
    });
    expect(created).toMatchObject({
      name: "Child Site",
      aliases: ["CS"],
      urls: ["https://legacy.example", "https://one.example"],
      url: "https://legacy.example",
      details: "about",
      rating100: 90,
      favorite: true,
      ignore_auto_tag: true,
      parent_studio: { name: "Parent Net" },
      tags: [{ name: "Studio Tag" }],
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "st1" }],
    });
    expect(created.image_path).toMatch(new RegExp(`/studio/${created.id}/image\\?t=\\d+$`));
    const bare = await studio("Bare Studio");
    expect(bare).toMatchObject({ aliases: [], urls: [], url: null, details: "", rating100: null, parent_studio: null });
    expect((await gqlData(stash(), `query($id: ID!) { findStudio(id: $id) { child_studios { name } } }`, { id: parent.id })).findStudio.child_studios).toEqual([{ name: "Child Site" }]);
  });

  it("updates partially and refuses a studio as its own ancestor", async () => {
    const top = await studio("Anc Top");
    const mid = await studio("Anc Mid", { parent_id: top.id });
    const low = await studio("Anc Low", { parent_id: mid.id, rating100: 50, urls: ["https://x.example"] });
    const update = async (input: Record<string, unknown>) => (await gqlData(stash(), UPDATE, { input })).studioUpdate;
    expect(await update({ id: low.id, details: "d" })).toMatchObject({ rating100: 50, details: "d", parent_studio: { name: "Anc Mid" } });
    expect(await update({ id: low.id, parent_id: null, rating100: null, url: null })).toMatchObject({ parent_studio: null, rating100: null, urls: [] });
    expect(await error(UPDATE, { input: { id: top.id, parent_id: mid.id } })).toBe("studio cannot be an ancestor of itself");
    expect(await error(UPDATE, { input: { id: top.id, parent_id: top.id } })).toBe("studio cannot be an ancestor of itself");
    expect(await error(UPDATE, { input: { id: top.id, parent_id: "515151" } })).toBe("studio with id 515151 not found");
    expect(await error(UPDATE, { input: { id: top.id, parent_id: "" } })).toBe('converting parent id: converting  to int: strconv.Atoi: parsing "": invalid syntax');
    expect(await error(UPDATE, { input: { id: top.id, urls: [], url: "x" } })).toBe("url field must not be included if urls is included");
    expect(await error(UPDATE, { input: { id: "525252" } })).toBe("studio with id 525252 not found");
    expect(await error(UPDATE, { input: { id: top.id, name: null } })).toBe("name cannot be null: send a name or leave the field out");
  });

  it("words name and alias clashes as Stash does", async () => {
    await studio("Clash Studio", { aliases: ["Clash Alias"] });
    expect(await error(CREATE, { input: { name: "clash studio" } })).toBe("studio with name 'clash studio' already exists");
    expect(await error(CREATE, { input: { name: "clash alias" } })).toBe("name 'clash alias' is used as alias for 'Clash Studio'");
    expect(await error(CREATE, { input: { name: "New S", aliases: ["Clash Studio"] } })).toBe("studio with name 'Clash Studio' already exists");
    expect(await error(CREATE, { input: { name: "New S", aliases: [" "] } })).toBe("studio alias must not be an empty string");
    expect(await error(CREATE, { input: { name: "" } })).toBe("studio name must not be blank");
    expect(await error(CREATE, { input: { name: "Orphan S", parent_id: "999999" } })).toBe("FOREIGN KEY constraint failed");
    const other = await studio("Other S");
    expect(await error(UPDATE, { input: { id: other.id, name: "CLASH STUDIO" } })).toBe("studio with name 'CLASH STUDIO' already exists");
    expect(await error(UPDATE, { input: { id: other.id, aliases: ["clash alias"] } })).toBe("name 'clash alias' is used as alias for 'Clash Studio'");
    expect((await gqlData(stash(), UPDATE, { input: { id: other.id, name: "Other S", aliases: ["os"] } })).studioUpdate.aliases).toEqual(["os"]);
  });

  it("applies bulkStudioUpdate with SET, ADD and REMOVE, all or nothing", async () => {
    const [t1, t2] = [await tagId("BS One"), await tagId("BS Two")];
    const net = await studio("Bulk Net");
    const a = await studio("Bulk SA", { urls: ["https://a.example"] });
    const b = await studio("Bulk SB");
    const ids = [a.id, b.id];
    const bulk = async (input: Record<string, unknown>) => (await gqlData(stash(), BULK, { input: { ids, ...input } })).bulkStudioUpdate;
    expect((await bulk({ rating100: 30, parent_id: net.id, tag_ids: { ids: [t1, t2], mode: "ADD" } })).map((s: any) => [s.rating100, s.parent_studio.name, s.tags.length])).toEqual([
      [30, "Bulk Net", 2],
      [30, "Bulk Net", 2],
    ]);
    expect((await bulk({ tag_ids: { ids: [t2], mode: "REMOVE" } })).map((s: any) => s.tags)).toEqual([[{ name: "BS One" }], [{ name: "BS One" }]]);
    expect((await bulk({ urls: { values: ["https://b.example"], mode: "ADD" } })).map((s: any) => s.urls)).toEqual([["https://a.example", "https://b.example"], ["https://b.example"]]);
    expect((await bulk({ urls: { values: ["https://a.example"], mode: "REMOVE" } })).map((s: any) => s.urls)).toEqual([["https://b.example"], ["https://b.example"]]);
    expect((await bulk({ tag_ids: { ids: [t2], mode: "SET" }, parent_id: null })).map((s: any) => [s.tags, s.parent_studio])).toEqual([
      [[{ name: "BS Two" }], null],
      [[{ name: "BS Two" }], null],
    ]);
    expect(await error(BULK, { input: { ids: [net.id, a.id], rating100: 5, parent_id: a.id } })).toBe("studio cannot be an ancestor of itself");
    expect((await gqlData(stash(), `query($id: ID!) { findStudio(id: $id) { rating100 } }`, { id: net.id })).findStudio.rating100).toBeNull();
  });

  it("counts with depth and destroys with SET NULL on what pointed at it", async () => {
    const seeded = await stash().seed({
      studios: ["Depth Top", { name: "Depth Mid", parent: "Depth Top" }, { name: "Depth Low", parent: "Depth Mid" }],
      scenes: [
        { title: "ds1", studio: "Depth Mid", performers: ["Depth P1"], o_history: ["2024-01-01 00:00:00"] },
        { title: "ds2", studio: "Depth Low", performers: ["Depth P2"] },
        { title: "ds3", studio: "Depth Top" },
      ],
    });
    const [top, mid, low] = ["Depth Top", "Depth Mid", "Depth Low"].map((n) => Number(seeded.studios[n]));
    const { store } = stash();
    const stamp = store.nowTime();
    const image = store.put("images", { ...blankImage(store.allocateId("images"), "di", stamp), studioId: low!, oCounter: 2, performerIds: [] });
    const gallery = store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "dg", stamp), studioId: mid! });
    const group = store.put("groups", { ...blankGroup(store.allocateId("groups"), "dgr", stamp), studioId: low! });
    const counts = `scene_count d1: scene_count(depth: 1) all: scene_count(depth: -1) image_count images_all: image_count(depth: -1)
      gallery_count galleries_all: gallery_count(depth: -1) group_count groups_all: group_count(depth: -1)
      performer_count performers_all: performer_count(depth: -1) o_counter`;
    const view = async (id: number) => (await gqlData(stash(), `query($id: ID!) { findStudio(id: $id) { ${counts} } }`, { id: String(id) })).findStudio;
    expect(await view(top!)).toEqual({
      scene_count: 1, d1: 2, all: 3, image_count: 0, images_all: 1, gallery_count: 0, galleries_all: 1,
      group_count: 0, groups_all: 1, performer_count: 0, performers_all: 2, o_counter: 0,
    });
    expect(await view(mid!)).toMatchObject({ scene_count: 1, all: 2, gallery_count: 1, performer_count: 1, o_counter: 1 });
    expect(await view(low!)).toMatchObject({ image_count: 1, group_count: 1, o_counter: 2 });
    const destroyed = await gqlData(stash(), `mutation($ids: [ID!]!) { studiosDestroy(ids: $ids) }`, { ids: [String(mid)] });
    expect(destroyed.studiosDestroy).toBe(true);
    const after = await gqlData(stash(), `query($s: ID!, $l: ID!) { findScene(id: $s) { title studio { name } } findStudio(id: $l) { parent_studio { name } } }`, {
      s: seeded.scenes[0],
      l: String(low),
    });
    expect(after).toEqual({ findScene: { title: "ds1", studio: null }, findStudio: { parent_studio: null } });
    expect(store.get("galleries", gallery.id)?.studioId).toBeNull();
    expect(store.get("images", image.id)?.studioId).toBe(low);
    expect(store.get("groups", group.id)?.studioId).toBe(low);
    expect(await error(`mutation($id: ID!) { studioDestroy(input: { id: $id }) }`, { id: String(mid) })).toBe(`id ${mid} does not exist in studios`);
  });

  it("seeds studios with every fixture field and refuses a parent loop by path", async () => {
    const seeded = await stash().seed({
      studios: [
        { name: "Fx Network", rating100: 70 },
        { name: "Fx Studio", parent: "Fx Network", aliases: ["FxS"], urls: ["https://fx.example"], details: "d", favorite: true, ignore_auto_tag: true, tags: ["Fx Studio Tag"] },
      ],
    });
    const found = await gqlData(stash(), `query($id: ID!) { findStudio(id: $id) { parent_studio { name rating100 } aliases urls details favorite ignore_auto_tag tags { name } } }`, {
      id: seeded.studios["Fx Studio"],
    });
    expect(found.findStudio).toEqual({
      parent_studio: { name: "Fx Network", rating100: 70 },
      aliases: ["FxS"],
      urls: ["https://fx.example"],
      details: "d",
      favorite: true,
      ignore_auto_tag: true,
      tags: [{ name: "Fx Studio Tag" }],
    });
    await expect(stash().seed({ studios: [{ name: "Fx Network", parent: "Fx Studio" }] })).rejects.toThrow(
      'invalid fixture: studios[0].parent makes the studio hierarchy loop back to "Fx Network"',
    );
    await expect(stash().seed({ studios: [{ name: "S1", parent: "S2" }, { name: "S2", parent: "S1" }] })).rejects.toThrow(
      'invalid fixture: studios[0].parent makes the studio hierarchy loop back to "S1"',
    );
  });
});

/**
 * Tags in the stand-in over real HTTP: every input field stored and answered,
 * partial updates, bulk modes, Stash's uniqueness and hierarchy errors,
 * counts with depth, destroy clean-up and tagsMerge moving every link.
 */
import { describe, expect, it } from "vitest";
import { generateLibrary } from "../src/testing/index";
import { blankGallery } from "../src/testing/records/gallery";
import { blankGroup } from "../src/testing/records/group";
import { blankImage } from "../src/testing/records/image";
import { gqlData, gqlError, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const TAG_FIELDS = `id name sort_name description aliases favorite ignore_auto_tag image_path
  stash_ids { endpoint stash_id updated_at } parents { name } children { name } parent_count child_count`;
const CREATE = `mutation($input: TagCreateInput!) { tagCreate(input: $input) { ${TAG_FIELDS} } }`;
const UPDATE = `mutation($input: TagUpdateInput!) { tagUpdate(input: $input) { ${TAG_FIELDS} } }`;
const BULK = `mutation($input: BulkTagUpdateInput!) { bulkTagUpdate(input: $input) { id name aliases favorite parents { name } children { name } } }`;
const FIND = `query($id: ID!) { findTag(id: $id) { ${TAG_FIELDS} } }`;
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function tag(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await gqlData(stash(), CREATE, { input: { name, ...extra } })).tagCreate;
}

const error = (query: string, variables: Record<string, unknown>) => gqlError(stash(), query, variables);

describe("stand-in tags", () => {
  it("stores every TagCreateInput field and answers it", async () => {
    const parent = await tag("Create Parent");
    const child = await tag("Create Child");
    const created = await tag("  Created  ", {
      sort_name: " sorted ",
      description: "about it",
      aliases: [" alias one ", "alias two"],
      favorite: true,
      ignore_auto_tag: true,
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "abc", updated_at: "2024-05-06T07:08:09Z" }],
      parent_ids: [parent.id],
      child_ids: [child.id],
      image: PNG,
    });
    expect(created).toMatchObject({
      name: "Created",
      sort_name: "sorted",
      description: "about it",
      aliases: ["alias one", "alias two"],
      favorite: true,
      ignore_auto_tag: true,
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "abc", updated_at: "2024-05-06T07:08:09Z" }],
      parents: [{ name: "Create Parent" }],
      children: [{ name: "Create Child" }],
      parent_count: 1,
      child_count: 1,
    });
    expect(created.image_path).toMatch(new RegExp(`/tag/${created.id}/image\\?t=\\d+$`));
    const plain = await tag("Plain Tag");
    expect(plain).toMatchObject({ sort_name: "", description: "", aliases: [], favorite: false, stash_ids: [] });
    expect(plain.image_path).toMatch(/&default=true$/);
    const childView = (await gqlData(stash(), FIND, { id: child.id })).findTag;
    expect(childView.parents).toEqual([{ name: "Created" }]);
  });

  it("updates partially: absent keeps, null clears, lists replace", async () => {
    const t = await tag("Partial", { sort_name: "s", description: "d", aliases: ["p1"], favorite: true });
    const kept = (await gqlData(stash(), UPDATE, { input: { id: t.id, ignore_auto_tag: true } })).tagUpdate;
    expect(kept).toMatchObject({ sort_name: "s", description: "d", aliases: ["p1"], favorite: true, ignore_auto_tag: true });
    const cleared = (await gqlData(stash(), UPDATE, { input: { id: t.id, sort_name: null, description: null, aliases: [], stash_ids: [] } })).tagUpdate;
    expect(cleared).toMatchObject({ name: "Partial", sort_name: "", description: "", aliases: [], favorite: true });
    expect(await error(UPDATE, { input: { id: t.id, name: "  " } })).toBe("tag name must not be blank");
    expect(await error(UPDATE, { input: { id: t.id, favorite: null } })).toBe("favorite cannot be null: send true or false");
    expect(await error(UPDATE, { input: { id: "99999" } })).toBe("tag with id 99999 not found");
    expect(await error(UPDATE, { input: { id: "x" } })).toBe('converting id: strconv.Atoi: parsing "x": invalid syntax');
  });

  it("words name and alias clashes as Stash does", async () => {
    await tag("Clash Name", { aliases: ["Clash Alias"] });
    expect(await error(CREATE, { input: { name: "clash name" } })).toBe("tag with name 'clash name' already exists");
    expect(await error(CREATE, { input: { name: "CLASH ALIAS" } })).toBe("name 'CLASH ALIAS' is used as alias for 'Clash Name'");
    expect(await error(CREATE, { input: { name: "Fresh", aliases: ["clash name"] } })).toBe("tag with name 'clash name' already exists");
    expect(await error(CREATE, { input: { name: "Fresh", aliases: ["clash alias"] } })).toBe("name 'clash alias' is used as alias for 'Clash Name'");
    expect(await error(CREATE, { input: { name: "Fresh", aliases: ["twice", "twice"] } })).toBe("UNIQUE constraint failed: tag_aliases.alias");
    const other = await tag("Clash Other");
    expect(await error(UPDATE, { input: { id: other.id, aliases: ["Clash Name"] } })).toBe("tag with name 'Clash Name' already exists");
    // A tag's own name and aliases never clash with themselves.
    const self = (await gqlData(stash(), UPDATE, { input: { id: other.id, name: "clash other", aliases: ["Clash Other"] } })).tagUpdate;
    expect(self).toMatchObject({ name: "clash other", aliases: ["Clash Other"] });
    expect(await error(CREATE, { input: { name: "" } })).toBe("tag name must not be blank");
    const found = await gqlData(stash(), `{ findTags(tag_filter: { name: { value: "Fresh", modifier: EQUALS } }) { count } }`);
    expect(found.findTags.count).toBe(0);
  });

  it("refuses parent/child links that would make a cycle, naming the path", async () => {
    const a = await tag("Cycle A");
    const b = await tag("Cycle B", { parent_ids: [a.id] });
    const c = await tag("Cycle C", { parent_ids: [b.id] });
    expect(await error(UPDATE, { input: { id: a.id, parent_ids: [c.id] } })).toBe(
      'cannot apply tag "Cycle C" as a parent of "Cycle A" as it is already a descendant (Cycle A->Cycle B->Cycle C)',
    );
    expect(await error(UPDATE, { input: { id: c.id, child_ids: [a.id] } })).toBe(
      'cannot apply tag "Cycle A" as a child of "Cycle C" as it is already an ancestor (Cycle A->Cycle B->Cycle C)',
    );
    expect(await error(UPDATE, { input: { id: a.id, parent_ids: [a.id] } })).toBe(
      'cannot apply tag "Cycle A" as a parent of "Cycle A" as it is already a descendant (Cycle A)',
    );
    expect(await error(CREATE, { input: { name: "Cycle New", parent_ids: [c.id], child_ids: [a.id] } })).toBe(
      // A new tag has no name in this message and no path (pkg/tag/update.go InvalidTagHierarchyError).
      'cannot apply tag "Cycle C" as a parent of tag as it is already a descendant',
    );
    expect(await error(CREATE, { input: { name: "Cycle Orphan", parent_ids: ["424242"] } })).toBe("FOREIGN KEY constraint failed");
    const unchanged = (await gqlData(stash(), FIND, { id: a.id })).findTag;
    expect(unchanged.parents).toEqual([]);
  });

  it("applies bulkTagUpdate with SET, ADD and REMOVE, all or nothing", async () => {
    const p1 = await tag("Bulk P1");
    const p2 = await tag("Bulk P2");
    const x = await tag("Bulk X", { aliases: ["bx"] });
    const y = await tag("Bulk Y");
    const ids = [x.id, y.id];
    const bulk = async (input: Record<string, unknown>) => (await gqlData(stash(), BULK, { input })).bulkTagUpdate;
    const added = await bulk({ ids, favorite: true, parent_ids: { ids: [p1.id, p2.id], mode: "ADD" } });
    expect(added.map((t: any) => [t.name, t.favorite, t.parents.map((p: any) => p.name)])).toEqual([
      ["Bulk X", true, ["Bulk P1", "Bulk P2"]],
      ["Bulk Y", true, ["Bulk P1", "Bulk P2"]],
    ]);
    expect((await bulk({ ids, parent_ids: { ids: [p1.id], mode: "REMOVE" } })).map((t: any) => t.parents)).toEqual([[{ name: "Bulk P2" }], [{ name: "Bulk P2" }]]);
    expect((await bulk({ ids, parent_ids: { ids: [p1.id], mode: "SET" } })).map((t: any) => t.parents)).toEqual([[{ name: "Bulk P1" }], [{ name: "Bulk P1" }]]);
    expect((await bulk({ ids: [x.id], aliases: { values: ["bx2", "bx"], mode: "ADD" } }))[0].aliases).toEqual(["bx", "bx2"]);
    expect((await bulk({ ids: [x.id], aliases: { values: ["bx"], mode: "REMOVE" } }))[0].aliases).toEqual(["bx2"]);
    expect((await bulk({ ids: [x.id], aliases: { values: ["bz"], mode: "SET" } }))[0].aliases).toEqual(["bz"]);
    expect((await bulk({ ids: [p2.id], child_ids: { ids: [x.id], mode: "ADD" } }))[0].children).toEqual([{ name: "Bulk X" }]);
    expect((await bulk({ ids: [p2.id], child_ids: { ids: [x.id], mode: "REMOVE" } }))[0].children).toEqual([]);
    // Two tags cannot share an alias: the second fails and the first is undone too.
    expect(await error(BULK, { input: { ids, favorite: false, aliases: { values: ["shared"], mode: "ADD" } } })).toBe("name 'shared' is used as alias for 'Bulk X'");
    const after = (await gqlData(stash(), FIND, { id: x.id })).findTag;
    expect(after).toMatchObject({ aliases: ["bz"], favorite: true });
  });

  it("counts scenes, markers, performers, studios, images, galleries and groups, with depth", async () => {
    const top = await tag("Count Top");
    const mid = await tag("Count Mid", { parent_ids: [top.id] });
    const leaf = await tag("Count Leaf", { parent_ids: [mid.id] });
    await stash().seed({
      scenes: [
        { title: "count s1", tags: ["Count Leaf"], markers: [{ title: "m1", seconds: 1, primary_tag: "Count Leaf", tags: ["Count Mid"] }] },
        { title: "count s2", tags: ["Count Leaf", "Count Mid"] },
        { title: "count s3", tags: ["Count Mid"] },
      ],
      performers: [{ name: "Count Performer" }],
    });
    const { store } = stash();
    const stamp = store.nowTime();
    const midId = Number(mid.id);
    const leafId = Number(leaf.id);
    store.put("images", { ...blankImage(store.allocateId("images"), "count image", stamp), tagIds: [leafId] });
    store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "count gallery", stamp), tagIds: [midId] });
    store.put("groups", { ...blankGroup(store.allocateId("groups"), "count group", stamp), tagIds: [leafId] });
    await gqlData(stash(), `mutation($id: ID!, $t: [ID!]) { performerUpdate(input: { id: $id, tag_ids: $t }) { id } }`, {
      id: (await gqlData(stash(), `{ findPerformers(filter: { q: "Count Performer" }) { performers { id } } }`)).findPerformers.performers[0].id,
      t: [leaf.id],
    });
    await gqlData(stash(), `mutation($t: [ID!]) { studioCreate(input: { name: "Count Studio", tag_ids: $t }) { id } }`, { t: [mid.id] });
    const counts = `scene_count d0: scene_count(depth: 0) d1: scene_count(depth: 1) all: scene_count(depth: -1)
      scene_marker_count markers_all: scene_marker_count(depth: -1) performer_count performers_all: performer_count(depth: -1)
      studio_count studios_all: studio_count(depth: -1) image_count images_all: image_count(depth: -1)
      gallery_count galleries_all: gallery_count(depth: -1) group_count groups_all: group_count(depth: -1) movie_count(depth: -1)`;
    const view = async (id: string) => (await gqlData(stash(), `query($id: ID!) { findTag(id: $id) { ${counts} } }`, { id })).findTag;
    expect(await view(top.id)).toEqual({
      scene_count: 0, d0: 0, d1: 2, all: 3,
      scene_marker_count: 0, markers_all: 1, performer_count: 0, performers_all: 1,
      studio_count: 0, studios_all: 1, image_count: 0, images_all: 1,
      gallery_count: 0, galleries_all: 1, group_count: 0, groups_all: 1, movie_count: 1,
    });
    expect(await view(mid.id)).toMatchObject({ scene_count: 2, d1: 3, scene_marker_count: 1, studio_count: 1, gallery_count: 1, image_count: 0 });
    expect(await view(leaf.id)).toMatchObject({ scene_count: 2, all: 2, scene_marker_count: 1, performer_count: 1, image_count: 1, group_count: 1 });
  });

  it("destroys a tag: its links go, scenes and children stay", async () => {
    const parent = await tag("Doomed Parent");
    const doomed = await tag("Doomed", { parent_ids: [parent.id] });
    const child = await tag("Doomed Child", { parent_ids: [doomed.id] });
    const seeded = await stash().seed({ scenes: [{ title: "doomed scene", tags: ["Doomed", "Doomed Parent"] }] });
    const destroyed = await gqlData(stash(), `mutation($id: ID!) { tagDestroy(input: { id: $id }) }`, { id: doomed.id });
    expect(destroyed.tagDestroy).toBe(true);
    const after = await gqlData(stash(), `query($s: ID!, $c: ID!, $d: ID!) { findScene(id: $s) { tags { name } } findTag(id: $c) { parents { name } } gone: findTag(id: $d) { id } p: findTag(id: "${parent.id}") { child_count } }`, {
      s: seeded.scenes[0],
      c: child.id,
      d: doomed.id,
    });
    expect(after).toEqual({ findScene: { tags: [{ name: "Doomed Parent" }] }, findTag: { parents: [] }, gone: null, p: { child_count: 0 } });
    expect(await error(`mutation($id: ID!) { tagDestroy(input: { id: $id }) }`, { id: doomed.id })).toBe(`id ${doomed.id} does not exist in tags`);
  });

  it("refuses to destroy a marker's primary tag, and tagsDestroy is all or nothing", async () => {
    await stash().seed({ scenes: [{ title: "primary scene", markers: [{ title: "pm", seconds: 2, primary_tag: "Primary Only" }] }] });
    const primary = (await gqlData(stash(), `{ findTags(tag_filter: { name: { value: "Primary Only", modifier: EQUALS } }) { tags { id } } }`)).findTags.tags[0];
    const spare = await tag("Spare");
    const message = "cannot delete tag used as a primary tag in scene markers";
    expect(await error(`mutation($id: ID!) { tagDestroy(input: { id: $id }) }`, { id: primary.id })).toBe(message);
    expect(await error(`mutation($ids: [ID!]!) { tagsDestroy(ids: $ids) }`, { ids: [spare.id, primary.id] })).toBe(message);
    expect((await gqlData(stash(), FIND, { id: spare.id })).findTag.name).toBe("Spare");
  });

  it("tagsMerge moves every link, name, alias, stash id and relative to the destination", async () => {
    const pd = await tag("Merge PD");
    const ps = await tag("Merge PS");
    const dest = await tag("Merge Dest", { aliases: ["d-alias"], parent_ids: [pd.id] });
    const s1 = await tag("Merge S1", { aliases: ["s1-alias"], parent_ids: [ps.id], stash_ids: [{ endpoint: "https://e.example", stash_id: "s1" }] });
    const s2 = await tag("Merge S2");
    const cs = await tag("Merge CS", { parent_ids: [s1.id] });
    const seeded = await stash().seed({
      scenes: [
        { title: "merge a", tags: ["Merge S1"], markers: [{ title: "mm", seconds: 3, primary_tag: "Merge S2", tags: ["Merge S1"] }] },
        { title: "merge b", tags: ["Merge S1", "Merge Dest"] },
      ],
    });
    const { store } = stash();
    const stamp = store.nowTime();
    const [n1, n2, nd] = [Number(s1.id), Number(s2.id), Number(dest.id)];
    const image = store.put("images", { ...blankImage(store.allocateId("images"), "merge image", stamp), tagIds: [n1] });
    const gallery = store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "merge gallery", stamp), tagIds: [n2, nd] });
    const group = store.put("groups", { ...blankGroup(store.allocateId("groups"), "merge group", stamp), tagIds: [n1] });
    const performer = await gqlData(stash(), `mutation($t: [ID!]) { performerCreate(input: { name: "Merge Performer", tag_ids: $t }) { id } }`, { t: [s2.id] });
    const studio = await gqlData(stash(), `mutation($t: [ID!]) { studioCreate(input: { name: "Merge Studio", tag_ids: $t }) { id } }`, { t: [s1.id] });
    const merged = await gqlData(stash(), `mutation($s: [ID!]!, $d: ID!) { tagsMerge(input: { source: $s, destination: $d }) { ${TAG_FIELDS} scene_count scene_marker_count } }`, {
      s: [s1.id, s2.id],
      d: dest.id,
    });
    expect(merged.tagsMerge).toMatchObject({
      name: "Merge Dest",
      // Aliases are answered in their index's byte order (upper case first).
      aliases: ["Merge S1", "Merge S2", "d-alias", "s1-alias"],
      parents: [{ name: "Merge PD" }, { name: "Merge PS" }],
      children: [{ name: "Merge CS" }],
      stash_ids: [{ endpoint: "https://e.example", stash_id: "s1" }],
      scene_count: 2,
      scene_marker_count: 1,
    });
    const gone = await gqlData(stash(), `query($a: ID!, $b: ID!) { a: findTag(id: $a) { id } b: findTag(id: $b) { id } }`, { a: s1.id, b: s2.id });
    expect(gone).toEqual({ a: null, b: null });
    const scenes = await gqlData(stash(), `query($a: ID!, $b: ID!) { a: findScene(id: $a) { tags { name } scene_markers { primary_tag { name } tags { name } } } b: findScene(id: $b) { tags { name } } }`, {
      a: seeded.scenes[0],
      b: seeded.scenes[1],
    });
    expect(scenes).toEqual({
      a: { tags: [{ name: "Merge Dest" }], scene_markers: [{ primary_tag: { name: "Merge Dest" }, tags: [{ name: "Merge Dest" }] }] },
      b: { tags: [{ name: "Merge Dest" }] },
    });
    expect(store.get("images", image.id)?.tagIds).toEqual([nd]);
    expect(store.get("galleries", gallery.id)?.tagIds).toEqual([nd]);
    expect(store.get("groups", group.id)?.tagIds).toEqual([nd]);
    const others = await gqlData(stash(), `query($p: ID!, $s: ID!) { findPerformer(id: $p) { tags { name } } findStudio(id: $s) { tags { name } } }`, {
      p: performer.performerCreate.id,
      s: studio.studioCreate.id,
    });
    expect(others).toEqual({ findPerformer: { tags: [{ name: "Merge Dest" }] }, findStudio: { tags: [{ name: "Merge Dest" }] } });
    expect((await gqlData(stash(), FIND, { id: cs.id })).findTag.parents).toEqual([{ name: "Merge Dest" }]);
  });

  it("tagsMerge refuses bad input and undoes a merge that would make a cycle", async () => {
    const MERGE = `mutation($s: [ID!]!, $d: ID!) { tagsMerge(input: { source: $s, destination: $d }) { id } }`;
    const a = await tag("MC A");
    const b = await tag("MC B", { parent_ids: [a.id] });
    const c = await tag("MC C", { parent_ids: [b.id] });
    expect(await error(MERGE, { s: [a.id], d: a.id })).toBe("cannot merge where source == destination");
    expect(await error(MERGE, { s: [a.id], d: "777777" })).toBe("tag with id 777777 not found");
    expect((await gqlData(stash(), MERGE, { s: [], d: a.id })).tagsMerge).toBeNull();
    expect(await error(MERGE, { s: [a.id], d: c.id })).toBe('cannot apply tag "MC B" as a parent of "MC C" as it is already a descendant (MC C->MC B)');
    const still = (await gqlData(stash(), FIND, { id: b.id })).findTag;
    expect(still).toMatchObject({ parents: [{ name: "MC A" }], children: [{ name: "MC C" }] });
  });

  it("seeds tags with every fixture field and a hierarchy, refusing loops by path", async () => {
    const seeded = await stash().seed({
      tags: [
        { name: "Fx Root", description: "root", favorite: true },
        { name: "Fx Mid", parents: ["Fx Root"], aliases: ["fx-m"], sort_name: "m", ignore_auto_tag: true },
        { name: "Fx Leaf", parents: ["Fx Mid"] },
      ],
      scenes: [{ title: "fx scene", tags: ["Fx Leaf"] }],
    });
    const root = await gqlData(stash(), `query($id: ID!) { findTag(id: $id) { description favorite children { name aliases sort_name ignore_auto_tag children { name } } scene_count all: scene_count(depth: -1) } }`, {
      id: seeded.tags["Fx Root"],
    });
    expect(root.findTag).toEqual({
      description: "root",
      favorite: true,
      children: [{ name: "Fx Mid", aliases: ["fx-m"], sort_name: "m", ignore_auto_tag: true, children: [{ name: "Fx Leaf" }] }],
      scene_count: 0,
      all: 1,
    });
    await expect(stash().seed({ tags: [{ name: "Loop A", parents: ["Loop B"] }, { name: "Loop B", parents: ["Loop A"] }] })).rejects.toThrow(
      'invalid fixture: tags[0].parents[0] makes the tag hierarchy loop back to "Loop A"',
    );
    await expect(stash().seed({ tags: [{ name: "Fx Root", parents: ["Fx Leaf"] }] })).rejects.toThrow(
      'invalid fixture: tags[0].parents[0] makes the tag hierarchy loop back to "Fx Root"',
    );
    await expect(stash().seed({ tags: [{ name: "Bad", favorite: "yes" as unknown as boolean }] })).rejects.toThrow("invalid fixture: tags[0].favorite must be a boolean");
  });

  it("generates libraries whose tags form a three-level hierarchy", async () => {
    const lib = generateLibrary({ scenes: 40, seed: 5 });
    const seeded = await stash().seed(lib);
    const topics = await gqlData(stash(), `query($id: ID!) { findTag(id: $id) { children { name parent_count } all: scene_count(depth: -1) } }`, { id: seeded.tags["Topics"] });
    expect(topics.findTag.children.map((c: { name: string }) => c.name)).toEqual(["Format", "Mood", "Setting", "Subject"]);
    const tagged = lib.fixture.scenes!.filter((s) => (s.tags ?? []).length > 0).length;
    expect(topics.findTag.all).toBe(tagged);
    expect(generateLibrary({ scenes: 4, seed: 5, tagHierarchy: false }).fixture.tags!.every((t) => typeof t === "string")).toBe(true);
  });
});

/**
 * Performers in the stand-in over real HTTP: every input field stored and
 * answered, partial updates (custom fields, deprecated URL fields), bulk
 * modes, Stash's name/alias/date errors, counts and destroy clean-up.
 */
import { describe, expect, it } from "vitest";
import { blankGallery } from "../src/testing/records/gallery";
import { blankImage } from "../src/testing/records/image";
import { gqlData, gqlError, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const FIELDS = `id name disambiguation alias_list urls url twitter instagram gender birthdate death_date ethnicity country
  eye_color hair_color height_cm weight measurements fake_tits penis_length circumcised career_length tattoos piercings
  details rating100 favorite ignore_auto_tag custom_fields image_path tags { name } stash_ids { endpoint stash_id }`;
const CREATE = `mutation($input: PerformerCreateInput!) { performerCreate(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: PerformerUpdateInput!) { performerUpdate(input: $input) { ${FIELDS} } }`;
const BULK = `mutation($input: BulkPerformerUpdateInput!) { bulkPerformerUpdate(input: $input) { name alias_list urls rating100 tags { name } } }`;
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function performer(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await gqlData(stash(), CREATE, { input: { name, ...extra } })).performerCreate;
}

const error = (query: string, variables: Record<string, unknown>) => gqlError(stash(), query, variables);

async function tagId(name: string): Promise<string> {
  return (await gqlData(stash(), `mutation($n: String!) { tagCreate(input: { name: $n }) { id } }`, { n: name })).tagCreate.id;
}

describe("stand-in performers", () => {
  it("stores every PerformerCreateInput field and answers it", async () => {
    const t = await tagId("Perf Tag");
    const full = {
      disambiguation: " 1990s ",
      alias_list: [" J. D. ", "Jay"],
      urls: ["https://example.org/jd"],
      url: "https://site.example/jd",
      twitter: "jd_handle",
      instagram: "https://www.instagram.com/jd",
      gender: "FEMALE",
      birthdate: "1990-02-03",
      death_date: "2060",
      ethnicity: "e",
      country: "NZ",
      eye_color: "green",
      hair_color: "red",
      height_cm: 170,
      weight: 60,
      measurements: "m",
      fake_tits: "no",
      penis_length: 1.5,
      circumcised: "CUT",
      career_length: "2010-",
      tattoos: "t",
      piercings: "p",
      details: "d",
      rating100: 80,
      favorite: true,
      ignore_auto_tag: true,
      custom_fields: { shoe: 40, note: "x" },
      tag_ids: [t],
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "p1" }],
      image: PNG,
    };
    const created = await performer("  Jane Doe ", full);
    expect(created).toMatchObject({
      name: "Jane Doe",
      disambiguation: "1990s",
      alias_list: ["J. D.", "Jay"],
      urls: ["https://site.example/jd", "https://twitter.com/jd_handle", "https://www.instagram.com/jd", "https://example.org/jd"],
      url: "https://site.example/jd",
      twitter: "https://twitter.com/jd_handle",
      instagram: "https://www.instagram.com/jd",
      birthdate: "1990-02-03",
      death_date: "2060",
      height_cm: 170,
      penis_length: 1.5,
      circumcised: "CUT",
      rating100: 80,
      custom_fields: { shoe: 40, note: "x" },
      tags: [{ name: "Perf Tag" }],
      stash_ids: [{ endpoint: "https://stashdb.example/graphql", stash_id: "p1" }],
    });
    expect(created.image_path).not.toContain("default=true");
    const bare = await performer("Bare Performer");
    expect(bare).toMatchObject({ disambiguation: "", alias_list: [], urls: [], url: null, gender: null, birthdate: null, ethnicity: "", rating100: null, custom_fields: {} });
  });

  it("updates partially, with custom fields and the deprecated URL fields", async () => {
    const p = await performer("Partial P", { country: "AU", rating100: 40, urls: ["https://a.example/x", "https://twitter.com/old"], custom_fields: { a: 1, b: 2 } });
    const update = async (input: Record<string, unknown>) => (await gqlData(stash(), UPDATE, { input: { id: p.id, ...input } })).performerUpdate;
    expect(await update({ details: "new" })).toMatchObject({ country: "AU", rating100: 40, details: "new" });
    expect(await update({ country: null, rating100: null, birthdate: "" })).toMatchObject({ country: "", rating100: null, birthdate: null });
    expect((await update({ custom_fields: { partial: { c: 3 }, remove: ["a"] } })).custom_fields).toEqual({ b: 2, c: 3 });
    expect((await update({ custom_fields: { full: { z: true } } })).custom_fields).toEqual({ z: true });
    expect((await update({ url: "https://b.example/y", twitter: "new_handle" })).urls).toEqual(["https://b.example/y", "https://twitter.com/new_handle"]);
    expect((await update({ urls: ["https://c.example"] })).urls).toEqual(["https://c.example"]);
    expect(await error(UPDATE, { input: { id: p.id, urls: [], url: "x" } })).toBe("url field must not be included if urls is included");
    expect(await error(UPDATE, { input: { id: p.id, custom_fields: { partial: { k: 1 }, remove: ["k"] } } })).toBe('custom field name "k" cannot be in both values and delete keys');
    expect(await error(UPDATE, { input: { id: p.id, birthdate: "not a date" } })).toBe('converting birthdate: failed to parse date "not a date"');
    expect(await error(UPDATE, { input: { id: "424242", details: "x" } })).toBe("performer with id 424242 not found");
  });

  it("words name, alias and date errors as Stash does", async () => {
    await performer("Sam Same");
    await performer("Sam Same", { disambiguation: "two" });
    expect(await error(CREATE, { input: { name: "sam same" } })).toBe("performer with name 'sam same' already exists");
    expect(await error(CREATE, { input: { name: "Sam Same", disambiguation: "TWO" } })).toBe("performer with name 'Sam Same' and disambiguation 'TWO' already exists");
    expect(await error(CREATE, { input: { name: " " } })).toBe("performer name must not be blank");
    expect(await error(CREATE, { input: { name: "Aliased", alias_list: ["aliased"] } })).toBe("performer contains duplicate alias 'aliased'");
    expect(await error(CREATE, { input: { name: "Aliased", alias_list: ["x", "X"] } })).toBe("performer contains duplicate alias 'X'");
    expect(await error(CREATE, { input: { name: "Dated", birthdate: "2000-01-01", death_date: "1999-12-31" } })).toBe("death date 1999-12-31 should be after birthdate 2000-01-01");
    const other = await performer("Sam Other", { disambiguation: "two" });
    expect(await error(UPDATE, { input: { id: other.id, alias_list: ["dup", "dup"] } })).toBe("performer contains duplicate alias 'dup'");
    expect(await error(UPDATE, { input: { id: other.id, name: "SAM SAME" } })).toBe("performer with name 'SAM SAME' and disambiguation 'two' already exists");
    const renamed = (await gqlData(stash(), UPDATE, { input: { id: other.id, name: "Sam Same", disambiguation: "three" } })).performerUpdate;
    expect(renamed).toMatchObject({ name: "Sam Same", disambiguation: "three" });
    expect(await error(UPDATE, { input: { id: other.id, death_date: "1900" , birthdate: "1950-05-05"} })).toBe("death date 1900 should be after birthdate 1950-05-05");
  });

  it("applies bulkPerformerUpdate with SET, ADD and REMOVE, all or nothing", async () => {
    const [t1, t2] = [await tagId("BP One"), await tagId("BP Two")];
    const a = await performer("Bulk PA", { alias_list: ["pa"], urls: ["https://u1.example"] });
    const b = await performer("Bulk PB");
    const ids = [a.id, b.id];
    const bulk = async (input: Record<string, unknown>) => (await gqlData(stash(), BULK, { input: { ids, ...input } })).bulkPerformerUpdate;
    expect((await bulk({ rating100: 70, tag_ids: { ids: [t1, t2], mode: "ADD" } })).map((p: any) => [p.rating100, p.tags.length])).toEqual([[70, 2], [70, 2]]);
    expect((await bulk({ tag_ids: { ids: [t1], mode: "REMOVE" } })).map((p: any) => p.tags)).toEqual([[{ name: "BP Two" }], [{ name: "BP Two" }]]);
    expect((await bulk({ tag_ids: { ids: [t1], mode: "SET" } })).map((p: any) => p.tags)).toEqual([[{ name: "BP One" }], [{ name: "BP One" }]]);
    expect((await bulk({ urls: { values: ["https://u2.example"], mode: "ADD" } })).map((p: any) => p.urls)).toEqual([["https://u1.example", "https://u2.example"], ["https://u2.example"]]);
    expect((await bulk({ alias_list: { values: ["shared"], mode: "ADD" } })).map((p: any) => p.alias_list)).toEqual([["pa", "shared"], ["shared"]]);
    expect((await bulk({ alias_list: { values: ["pa"], mode: "REMOVE" } })).map((p: any) => p.alias_list)).toEqual([["shared"], ["shared"]]);
    // The second performer's alias equals its name: the first performer's change is undone too.
    expect(await error(BULK, { input: { ids, rating100: 10, alias_list: { values: ["bulk pb"], mode: "ADD" } } })).toBe("performer contains duplicate alias 'bulk pb'");
    expect((await gqlData(stash(), `query($id: ID!) { findPerformer(id: $id) { rating100 } }`, { id: a.id })).findPerformer.rating100).toBe(70);
  });

  it("counts scenes, images, galleries, groups, co-performers and o-count", async () => {
    const seeded = await stash().seed({
      scenes: [
        { title: "pc1", performers: ["Count P", "Co Star"], groups: ["PC Group"], o_history: ["2024-01-01 10:00:00", "2024-01-02 10:00:00"] },
        { title: "pc2", performers: ["Count P"], groups: ["PC Group"] },
      ],
    });
    const pid = Number(seeded.performers["Count P"]);
    const co = Number(seeded.performers["Co Star"]);
    const { store } = stash();
    const stamp = store.nowTime();
    store.put("images", { ...blankImage(store.allocateId("images"), "pc image", stamp), performerIds: [pid], oCounter: 3 });
    store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "pc gallery", stamp), performerIds: [pid, co] });
    const gallery2 = store.put("galleries", { ...blankGallery(store.allocateId("galleries"), "pc gallery 2", stamp), performerIds: [pid] });
    const view = await gqlData(stash(), `query($id: ID!) { findPerformer(id: $id) { scene_count image_count gallery_count group_count movie_count performer_count o_counter scenes { title } groups { name } } }`, { id: String(pid) });
    expect(view.findPerformer).toEqual({
      scene_count: 2,
      image_count: 1,
      gallery_count: 2,
      group_count: 1,
      movie_count: 1,
      performer_count: 1,
      o_counter: 5,
      scenes: [{ title: "pc1" }, { title: "pc2" }],
      groups: [{ name: "PC Group" }],
    });
    const destroyed = await gqlData(stash(), `mutation($ids: [ID!]!) { performersDestroy(ids: $ids) }`, { ids: [String(pid)] });
    expect(destroyed.performersDestroy).toBe(true);
    const scene = await gqlData(stash(), `query($id: ID!) { findScene(id: $id) { title performers { name } } }`, { id: seeded.scenes[0] });
    expect(scene.findScene).toEqual({ title: "pc1", performers: [{ name: "Co Star" }] });
    expect(store.get("galleries", gallery2.id)?.performerIds).toEqual([]);
    expect(await error(`mutation($id: ID!) { performerDestroy(input: { id: $id }) }`, { id: String(pid) })).toBe(`id ${pid} does not exist in performers`);
  });

  it("seeds performers with every fixture field and names a bad one", async () => {
    const seeded = await stash().seed({
      performers: [
        {
          name: "Fx Performer",
          disambiguation: "fx",
          aliases: ["F. P."],
          gender: "NON_BINARY",
          birthdate: "1991-04",
          country: "GB",
          height_cm: 180,
          rating100: 60,
          favorite: true,
          urls: ["https://example.org/fx"],
          tags: ["Fx Performer Tag"],
          custom_fields: { shoe: 42 },
        },
      ],
    });
    const found = await gqlData(stash(), `query($id: ID!) { findPerformer(id: $id) { disambiguation alias_list gender birthdate country height_cm rating100 favorite urls tags { name } custom_fields } }`, {
      id: seeded.performers["Fx Performer"],
    });
    expect(found.findPerformer).toEqual({
      disambiguation: "fx",
      alias_list: ["F. P."],
      gender: "NON_BINARY",
      birthdate: "1991-04",
      country: "GB",
      height_cm: 180,
      rating100: 60,
      favorite: true,
      urls: ["https://example.org/fx"],
      tags: [{ name: "Fx Performer Tag" }],
      custom_fields: { shoe: 42 },
    });
    await expect(stash().seed({ performers: ["Ok", { name: "Bad", gender: "ROBOT" as never }] })).rejects.toThrow(/^invalid fixture: performers\[1\]\.gender must be one of FEMALE/);
    await expect(stash().seed({ performers: [{ name: "Bad", birthdate: "1990-13-01" }] })).rejects.toThrow("invalid fixture: performers[0].birthdate must be YYYY, YYYY-MM or YYYY-MM-DD");
  });
});

/**
 * The stand-in's one filter engine over HTTP, beyond scenes and markers:
 * tag, performer, studio and group filters (criteria chosen from the schema's
 * input types, sub-filters, relatives with depth, custom fields, q), the
 * entity sorts with Stash's tie-breaks and `random_<seed>`, and id-ordered
 * paging from the id index.
 */
import { describe, expect, test } from "vitest";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const FIND_TAGS = `query($f: TagFilterType, $filter: FindFilterType) { findTags(tag_filter: $f, filter: $filter) { count tags { name } } }`;
const FIND_PERFORMERS = `query($f: PerformerFilterType, $filter: FindFilterType) { findPerformers(performer_filter: $f, filter: $filter) { count performers { name } } }`;
const FIND_STUDIOS = `query($f: StudioFilterType, $filter: FindFilterType) { findStudios(studio_filter: $f, filter: $filter) { count studios { name } } }`;
const FIND_GROUPS = `query($f: GroupFilterType, $filter: FindFilterType) { findGroups(group_filter: $f, filter: $filter) { count groups { name } } }`;

type Named = { name: string };

/** Names of the records a find returns, in id order unless `filter` sorts otherwise. */
async function names(query: string, key: string, f: Record<string, unknown> | null, filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await gqlData(stash(), query, { f, filter: { per_page: -1, sort: "id", ...filter } });
  const root = Object.values(data)[0] as Record<string, Named[]>;
  return root[key]!.map((r) => r.name);
}

const tags = (f: Record<string, unknown> | null, filter: Record<string, unknown> = {}) =>
  names(FIND_TAGS, "tags", { name: { value: "^fe-", modifier: "MATCHES_REGEX" }, ...(f ? { AND: f } : {}) }, filter);
const performers = (f: Record<string, unknown> | null, filter: Record<string, unknown> = {}) =>
  names(FIND_PERFORMERS, "performers", { name: { value: "^fe-", modifier: "MATCHES_REGEX" }, ...(f ? { AND: f } : {}) }, filter);

let seeded: Promise<Awaited<ReturnType<ReturnType<typeof stash>["seed"]>>> | undefined;

/** One shared fixture, seeded on first use. */
function library() {
  seeded ??= stash().seed({
    tags: [
      { name: "fe-top", aliases: ["fe-summit"] },
      { name: "fe-mid", parents: ["fe-top"], sort_name: "fe-a-mid" },
      { name: "fe-leaf", parents: ["fe-mid"] },
      { name: "fe-Other", description: "spare" },
      "fe-tag2",
      "fe-tag10",
    ],
    performers: [
      { name: "fe-ann", birthdate: "1950-06-15", death_date: "1980-06-14", gender: "FEMALE", custom_fields: { shoe: 39, note: "left-handed" }, tags: ["fe-leaf"] },
      { name: "fe-bob", birthdate: "1950-06-15", death_date: "1980-06-15", gender: "MALE", favorite: true },
      { name: "fe-cy" },
    ],
    studios: [{ name: "fe-parent" }, { name: "fe-child", parent: "fe-parent", rating100: 70 }, { name: "fe-lone", aliases: ["fe-alone"] }],
    groups: [{ name: "fe-g-top", sub_groups: ["fe-g-mid"] }, { name: "fe-g-mid", sub_groups: ["fe-g-bottom"] }, "fe-g-bottom"],
    scenes: [
      { title: "fe-s1", tags: ["fe-leaf", "fe-tag2"], performers: ["fe-ann", "fe-bob"], studio: "fe-child", o_history: ["2024-01-01T00:00:00Z"] },
      { title: "fe-s2", tags: ["fe-tag2"], performers: ["fe-bob"], studio: "fe-lone" },
    ],
  });
  return seeded;
}

describe("tag filter", () => {
  test("strings follow Stash's SQL: INCLUDES any word, EQUALS is LIKE, regex is case-sensitive unless (?i)", async () => {
    await library();
    expect(await tags({ name: { value: "leaf other", modifier: "INCLUDES" } })).toEqual(["fe-leaf", "fe-Other"]);
    expect(await tags({ name: { value: "FE-OTHER", modifier: "EQUALS" } })).toEqual(["fe-Other"]);
    expect(await tags({ name: { value: "other", modifier: "MATCHES_REGEX" } })).toEqual([]);
    expect(await tags({ name: { value: "(?i)other", modifier: "MATCHES_REGEX" } })).toEqual(["fe-Other"]);
    expect(await tags({ description: { value: "", modifier: "IS_NULL" } })).not.toContain("fe-Other");
    expect(await tags({ aliases: { value: "summit", modifier: "INCLUDES" } })).toEqual(["fe-top"]);
  });

  test("counts come from relations; parents/children with depth exclude the named tags", async () => {
    await library();
    expect(await tags({ scene_count: { value: 2, modifier: "EQUALS" } })).toEqual(["fe-tag2"]);
    expect(await tags({ performer_count: { value: 0, modifier: "GREATER_THAN" } })).toEqual(["fe-leaf"]);
    expect(await tags({ child_count: { value: 1, modifier: "EQUALS" } })).toEqual(["fe-top", "fe-mid"]);
    const { tags: ids } = await library();
    expect(await tags({ parents: { value: [ids["fe-top"]], modifier: "INCLUDES" } })).toEqual(["fe-mid"]);
    expect(await tags({ parents: { value: [ids["fe-top"]], modifier: "INCLUDES", depth: -1 } })).toEqual(["fe-mid", "fe-leaf"]);
    expect(await tags({ children: { value: [ids["fe-leaf"]], modifier: "INCLUDES", depth: 1 } })).toEqual(["fe-top", "fe-mid"]);
    expect(await tags({ parents: { modifier: "IS_NULL" } })).toEqual(["fe-top", "fe-Other", "fe-tag2", "fe-tag10"]);
  });

  test("sub-filters and is_missing; an unknown is_missing column is SQLite's error", async () => {
    await library();
    expect(await tags({ scenes_filter: { title: { value: "fe-s2", modifier: "EQUALS" } } })).toEqual(["fe-tag2"]);
    const res = await gql(stash(), FIND_TAGS, { f: { is_missing: "nope" } });
    expect(res.body.errors?.[0]?.message).toBe("error querying aggregate fields: no such column: tags.nope");
  });

  test("q searches name, aliases and sort name, all terms within one alias row", async () => {
    await library();
    expect(await tags(null, { q: "summit" })).toEqual(["fe-top"]);
    expect(await tags(null, { q: "a-mid" })).toEqual(["fe-mid"]);
    expect(await tags(null, { q: "fe -tag" })).toEqual(["fe-top", "fe-mid", "fe-leaf", "fe-Other"]);
  });
});

describe("performer, studio and group filters", () => {
  test("performers: age ends at death, enums, custom fields, appears-with and sub-filters", async () => {
    const { performers: ids } = await library();
    expect(await performers({ age: { value: 29, modifier: "EQUALS" } })).toEqual(["fe-ann"]);
    expect(await performers({ age: { value: 29, modifier: "NOT_EQUALS" } })).toEqual(["fe-bob"]);
    expect(await performers({ gender: { value_list: ["FEMALE"], modifier: "EXCLUDES" } })).toEqual(["fe-bob"]);
    expect(await performers({ custom_fields: [{ field: "shoe", modifier: "GREATER_THAN", value: [38] }] })).toEqual(["fe-ann"]);
    expect(await performers({ custom_fields: [{ field: "note", modifier: "IS_NULL" }] })).toEqual(["fe-bob", "fe-cy"]);
    expect(await performers({ performers: { value: [ids["fe-ann"]], modifier: "INCLUDES" } })).toEqual(["fe-bob"]);
    expect(await performers({ tags_filter: { parent_count: { value: 1, modifier: "EQUALS" } } })).toEqual(["fe-ann"]);
    expect(await performers({ o_counter: { value: 1, modifier: "EQUALS" } })).toEqual(["fe-ann", "fe-bob"]);
    expect(await performers({ filter_favorites: true })).toEqual(["fe-bob"]);
  });

  test("studios and groups: parents, counts, relatives with depth, q over aliases", async () => {
    const { studios: sids, groups: gids } = await library();
    const scoped = { name: { value: "^fe-", modifier: "MATCHES_REGEX" } };
    expect(await names(FIND_STUDIOS, "studios", { ...scoped, AND: { parents: { value: [sids["fe-parent"]], modifier: "INCLUDES" } } })).toEqual(["fe-child"]);
    expect(await names(FIND_STUDIOS, "studios", { ...scoped, AND: { child_count: { value: 0, modifier: "GREATER_THAN" } } })).toEqual(["fe-parent"]);
    expect(await names(FIND_STUDIOS, "studios", scoped, { q: "alone" })).toEqual(["fe-lone"]);
    const groups = (f: Record<string, unknown>) => names(FIND_GROUPS, "groups", { name: { value: "^fe-", modifier: "MATCHES_REGEX" }, AND: f });
    expect(await groups({ containing_groups: { value: [gids["fe-g-top"]], modifier: "INCLUDES", depth: -1 } })).toEqual(["fe-g-mid", "fe-g-bottom"]);
    expect(await groups({ sub_group_count: { value: 1, modifier: "EQUALS" } })).toEqual(["fe-g-top", "fe-g-mid"]);
  });
});

describe("sorting and paging", () => {
  test("random_<seed> is Stash's formula: stable per seed, a bad seed is refused", async () => {
    await library();
    const a = await tags(null, { sort: "random_42" });
    expect(await tags(null, { sort: "random_42" })).toEqual(a);
    expect([...a].sort()).toEqual(["fe-leaf", "fe-mid", "fe-Other", "fe-tag10", "fe-tag2", "fe-top"].sort());
    const res = await gql(stash(), FIND_TAGS, { filter: { sort: "random_x" } });
    expect(res.body.errors?.[0]?.message).toBe("invalid random seed: x");
  });

  test("tags sort by sort name in natural order; counts descending keep name ascending as tie-break", async () => {
    await library();
    // fe-mid's sort name is fe-a-mid; digit runs compare by value (tag2 before tag10).
    expect(await tags(null, { sort: "name" })).toEqual(["fe-mid", "fe-leaf", "fe-Other", "fe-tag2", "fe-tag10", "fe-top"]);
    const byScenes = await tags(null, { sort: "scenes_count", direction: "DESC" });
    expect(byScenes.slice(0, 2)).toEqual(["fe-tag2", "fe-leaf"]);
    // Ties (no scenes) stay in name order even though the direction is DESC.
    expect(byScenes.slice(2)).toEqual(["fe-mid", "fe-Other", "fe-tag10", "fe-top"]);
  });

  test("id-cursor pages read the same scenes as one request, in both directions", async () => {
    await library();
    const FIND = `query($sf: SceneFilterType, $filter: FindFilterType) { findScenes(scene_filter: $sf, filter: $filter) { count scenes { id } } }`;
    const all = (await gqlData(stash(), FIND, { filter: { per_page: -1, sort: "id" } })).findScenes.scenes.map((s: { id: string }) => Number(s.id));
    for (const direction of ["ASC", "DESC"] as const) {
      const walked: number[] = [];
      let cursor: number | undefined;
      for (;;) {
        const sf = cursor === undefined ? null : { id: { value: cursor, modifier: direction === "ASC" ? "GREATER_THAN" : "LESS_THAN" } };
        const page = (await gqlData(stash(), FIND, { sf, filter: { per_page: 1, sort: "id", direction } })).findScenes;
        expect(page.count).toBe(all.length - walked.length);
        if (page.scenes.length === 0) break;
        cursor = Number(page.scenes[0].id);
        walked.push(cursor);
      }
      expect(walked).toEqual(direction === "ASC" ? all : [...all].reverse());
    }
    // The index follows deletes: a destroyed scene leaves both the page and the count.
    await gqlData(stash(), `mutation($id: ID!) { sceneDestroy(input: { id: $id }) }`, { id: String(all[0]) });
    const after = (await gqlData(stash(), FIND, { sf: { id: { value: 0, modifier: "GREATER_THAN" } }, filter: { per_page: 1, sort: "id" } })).findScenes;
    expect(after.count).toBe(all.length - 1);
    expect(Number(after.scenes[0].id)).toBe(all[1]);
  });
});

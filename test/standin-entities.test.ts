import { describe, expect, it } from "vitest";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const CREATE = {
  tag: `mutation($input: TagCreateInput!) { tagCreate(input: $input) { id name aliases parents { name } } }`,
  performer: `mutation($input: PerformerCreateInput!) { performerCreate(input: $input) { id name disambiguation alias_list } }`,
  studio: `mutation($input: StudioCreateInput!) { studioCreate(input: $input) { id name parent_studio { name } } }`,
  group: `mutation($input: GroupCreateInput!) { groupCreate(input: $input) { id name } }`,
};

describe("stand-in entities", () => {
  it("creates a tag with aliases and parents and finds it by id", async () => {
    const parent = await gqlData(stash(), CREATE.tag, { input: { name: "  Parent  " } });
    expect(parent.tagCreate.name).toBe("Parent");
    const child = await gqlData(stash(), CREATE.tag, {
      input: { name: "Child", aliases: ["Kid"], parent_ids: [parent.tagCreate.id] },
    });
    expect(child.tagCreate).toMatchObject({ name: "Child", aliases: ["Kid"], parents: [{ name: "Parent" }] });
    const found = await gqlData(stash(), `query($id: ID!) { findTag(id: $id) { name children { name } } }`, {
      id: parent.tagCreate.id,
    });
    expect(found.findTag).toEqual({ name: "Parent", children: [{ name: "Child" }] });
  });

  it("rejects a duplicate name, case-insensitively, with Stash's message", async () => {
    await gqlData(stash(), CREATE.tag, { input: { name: "Unique" } });
    const res = await gql(stash(), CREATE.tag, { input: { name: "unique" } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ tagCreate: null });
    expect(res.body.errors?.[0]?.message).toBe("tag with name 'unique' already exists");
    const studio = await gqlData(stash(), CREATE.studio, { input: { name: "Dup Studio" } });
    expect(studio.studioCreate.name).toBe("Dup Studio");
    const again = await gql(stash(), CREATE.studio, { input: { name: "Dup Studio" } });
    expect(again.body.errors?.[0]?.message).toBe("studio with name 'Dup Studio' already exists");
  });

  it("rejects a blank name and unknown related ids", async () => {
    // Each entity words it as its own package does (pkg/tag/validate.go); groups are covered by their own tests.
    const blank = await gql(stash(), CREATE.tag, { input: { name: "   " } });
    expect(blank.body.errors?.[0]?.message).toBe("tag name must not be blank");
    const orphan = await gql(stash(), CREATE.studio, { input: { name: "Orphan", parent_id: "999999" } });
    expect(orphan.body.errors?.[0]?.message).toContain("FOREIGN KEY constraint failed");
  });

  it("stores create input fields it used to refuse", async () => {
    // Every TagCreateInput field is now stored (test/standin-tags.test.ts covers them all).
    const res = await gqlData(stash(), `mutation { tagCreate(input: { name: "Described", description: "words" }) { description } }`);
    expect(res.tagCreate.description).toBe("words");
  });

  it("tells performers apart by disambiguation", async () => {
    const a = await gqlData(stash(), CREATE.performer, { input: { name: "Sam Doe", disambiguation: "1990s" } });
    const b = await gqlData(stash(), CREATE.performer, { input: { name: "Sam Doe", alias_list: ["S.D."] } });
    expect(a.performerCreate.id).not.toBe(b.performerCreate.id);
    expect(b.performerCreate).toMatchObject({ disambiguation: "", alias_list: ["S.D."] });
    const dup = await gql(stash(), CREATE.performer, { input: { name: "Sam Doe", disambiguation: "1990s" } });
    // pkg/performer/validate.go names the disambiguation when there is one.
    expect(dup.body.errors?.[0]?.message).toBe("performer with name 'Sam Doe' and disambiguation '1990s' already exists");
  });

  it("finds studios and groups by id, null when missing", async () => {
    const parent = await gqlData(stash(), CREATE.studio, { input: { name: "Parent Co" } });
    const child = await gqlData(stash(), CREATE.studio, { input: { name: "Child Co", parent_id: parent.studioCreate.id } });
    expect(child.studioCreate.parent_studio).toEqual({ name: "Parent Co" });
    const group = await gqlData(stash(), CREATE.group, { input: { name: "Series One" } });
    const found = await gqlData(stash(), `query($s: ID!, $g: ID!) { findStudio(id: $s) { name } findGroup(id: $g) { name } missing: findGroup(id: "424242") { name } }`, {
      s: child.studioCreate.id,
      g: group.groupCreate.id,
    });
    expect(found).toEqual({ findStudio: { name: "Child Co" }, findGroup: { name: "Series One" }, missing: null });
  });

  it("searches with q, the name criterion and AND/OR/NOT, sorted and paged", async () => {
    for (const name of ["Alpha One", "Alpha Two", "Beta One", "Gamma"]) await gqlData(stash(), CREATE.group, { input: { name } });
    const q = await gqlData(stash(), `{ findGroups(filter: { q: "alpha", sort: "name", direction: DESC }) { count groups { name } } }`);
    expect(q.findGroups).toEqual({ count: 2, groups: [{ name: "Alpha Two" }, { name: "Alpha One" }] });
    const crit = await gqlData(
      stash(),
      `{ findGroups(group_filter: { name: { value: "alpha gamma", modifier: INCLUDES }, OR: { name: { value: "Beta One", modifier: EQUALS } } }, filter: { per_page: -1 }) { count groups { name } } }`,
    );
    // INCLUDES matches any word of the value (pkg/sqlite/sql.go getStringSearchClause).
    expect(crit.findGroups.groups.map((g: { name: string }) => g.name)).toEqual(["Alpha One", "Alpha Two", "Beta One", "Gamma"]);
    // Stash's regexp is Go's, case-sensitive unless the pattern says (?i) (pkg/sqlite/regex.go).
    const not = await gqlData(
      stash(),
      `{ findGroups(group_filter: { name: { value: "(?i)^(alpha|beta)", modifier: MATCHES_REGEX }, NOT: { name: { value: "two", modifier: INCLUDES } } }) { groups { name } } }`,
    );
    expect(not.findGroups.groups.map((g: { name: string }) => g.name)).toEqual(["Alpha One", "Beta One"]);
    const paged = await gqlData(stash(), `{ findGroups(filter: { q: "a", per_page: 1, page: 2, sort: "name" }) { count groups { name } } }`);
    expect(paged.findGroups.count).toBeGreaterThanOrEqual(4);
    expect(paged.findGroups.groups).toEqual([{ name: "Alpha Two" }]);
  });

  it("looks entities up by ids in input order and refuses missing or repeated ids", async () => {
    const a = await gqlData(stash(), CREATE.tag, { input: { name: "Ids A" } });
    const b = await gqlData(stash(), CREATE.tag, { input: { name: "Ids B" } });
    const found = await gqlData(stash(), `query($ids: [ID!]) { findTags(ids: $ids) { count tags { name } } }`, {
      ids: [b.tagCreate.id, a.tagCreate.id],
    });
    expect(found.findTags).toEqual({ count: 2, tags: [{ name: "Ids B" }, { name: "Ids A" }] });
    const missing = await gql(stash(), `{ findTags(ids: ["987654"]) { count } }`);
    expect(missing.body.data).toBeNull();
    expect(missing.body.errors?.[0]?.message).toBe("tag with id 987654 not found");
    const repeated = await gql(stash(), `query($ids: [ID!]) { findTags(ids: $ids) { count } }`, { ids: [a.tagCreate.id, a.tagCreate.id] });
    expect(repeated.body.errors?.[0]?.message).toBe(`validating ids: duplicate id found: ${a.tagCreate.id}`);
    const deprecated = await gqlData(stash(), `{ findPerformers(performer_ids: [1]) { count } }`);
    expect(deprecated.findPerformers.count).toBe(1);
  });

  it("honours count criteria it used to refuse", async () => {
    // The shared filter engine now serves every TagFilterType key, so the former "not supported" answer became a real count.
    await stash().seed({ scenes: [{ title: "counted", tags: ["Counted Tag"] }] });
    const res = await gqlData(
      stash(),
      `{ findTags(tag_filter: { scene_count: { value: 1, modifier: EQUALS }, name: { value: "Counted Tag", modifier: EQUALS } }) { count } }`,
    );
    expect(res.findTags.count).toBe(1);
  });

  it("refuses AND and OR in the same filter", async () => {
    const res = await gql(
      stash(),
      `{ findStudios(studio_filter: { AND: { name: { value: "a", modifier: INCLUDES } }, OR: { name: { value: "b", modifier: INCLUDES } } }) { count } }`,
    );
    expect(res.body.errors?.[0]?.message).toBe("cannot have AND and OR in the same filter");
  });

  it("answers version with a fixed hash and build time", async () => {
    const data = await gqlData(stash(), "{ version { version hash build_time } }");
    expect(data.version.version).toBe("v0.30.1");
    expect(data.version.hash).toMatch(/^[0-9a-f]{8,}$/);
    expect(data.version.build_time).not.toBe("");
  });

  it("answers scraper listings as a Stash without scrapers", async () => {
    const data = await gqlData(stash(), "{ listScrapers(types: [SCENE]) { id } }");
    expect(data.listScrapers).toEqual([]);
    const res = await gql(stash(), `{ scrapeSingleScene(source: { scraper_id: "nope" }, input: { scene_id: "1" }) { title } }`);
    expect(res.body.errors?.[0]?.message).toBe("scraper not found: id nope");
    const byUrl = await gqlData(stash(), `{ scrapeSceneURL(url: "https://example.com/x") { title } }`);
    expect(byUrl.scrapeSceneURL).toBeNull();
  });
});

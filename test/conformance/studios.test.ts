/**
 * Studios against the facts of Stash's pkg/sqlite/studio_test.go (v0.30.1).
 * Case list: test/conformance/cases/studios.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { create } from "./fixture-builder";
import { findIds } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { buildStudioLibrary, STUDIO_NAMES, STUDIO_URLS, type StudioLibrary } from "./studios-fixture";
import { int, multi, str } from "./criterion-values";

const c = await openConformance();
/** The studio filter engine answers at all (a refusal fails the file). */
await probe(c, "{ findStudios(studio_filter: { scene_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: StudioLibrary;
const L = () => lib;
const studios = (l: StudioLibrary) => l.studios;
const ALL = Object.keys(STUDIO_NAMES);
const but = (...drop: string[]) => ALL.filter((s) => !drop.includes(s));
const q = (label: string) => ({ q: STUDIO_NAMES[label]! });
const nameIs = (label: string) => ({ name: str("EQUALS", STUDIO_NAMES[label]) });
type Case = FilterCase<StudioLibrary>;

beforeAll(async () => {
  lib = await buildStudioLibrary(c);
});

const STRING_CASES: readonly Case[] = [
  { title: "name OR name (TestStudioQueryNameOr)", filter: () => ({ ...nameIs("ST1"), OR: nameIs("ST2") }), ordered: ["ST1", "ST2"] },
  { title: "name AND url (TestStudioQueryNameAndUrl)", needs: ["studio.urls"], filter: () => ({ ...nameIs("ST1"), AND: { url: str("EQUALS", STUDIO_URLS.ST1) } }), exactly: ["ST1"] },
  { title: "name NOT url (TestStudioQueryNameNotUrl)", needs: ["studio.urls"], filter: () => ({ name: str("MATCHES_REGEX", "studio_.*1_Name"), NOT: { url: str("EQUALS", STUDIO_URLS.ST1) } }), exactly: [] },
  ...(["AND+OR", "AND+NOT", "OR+NOT"] as const).map((pair): Case => ({
    title: `${pair} in one filter is an error (TestStudioIllegalQuery)`, rejected: true,
    filter: () => Object.fromEntries(pair.split("+").map((k) => [k, nameIs("ST1")])),
  })),
  { title: "ignore_auto_tag (TestStudioQueryIgnoreAutoTag)", needs: ["studio.ignore_auto_tag"], filter: () => ({ ignore_auto_tag: true }), exactly: ["ST1"] },
  { title: "name EQUALS (TestStudioQueryName)", filter: () => nameIs("ST1"), exactly: ["ST1"] },
  { title: "name NOT_EQUALS (TestStudioQueryName)", filter: () => ({ name: str("NOT_EQUALS", STUDIO_NAMES.ST1) }), exactly: but("ST1") },
  { title: "name MATCHES_REGEX (TestStudioQueryName)", filter: () => ({ name: str("MATCHES_REGEX", "studio_.*1_Name") }), exactly: ["ST1"] },
  { title: "name NOT_MATCHES_REGEX (TestStudioQueryName)", filter: () => ({ name: str("NOT_MATCHES_REGEX", "studio_.*1_Name") }), exactly: but("ST1") },
  { title: "aliases EQUALS (TestStudioQueryAlias)", filter: () => ({ aliases: str("EQUALS", "studio_0001_Alias") }), exactly: ["ST1"] },
  { title: "aliases NOT_EQUALS (TestStudioQueryAlias)", filter: () => ({ aliases: str("NOT_EQUALS", "studio_0001_Alias") }), include: ["ST2"], exclude: ["ST1"] },
  { title: "aliases MATCHES_REGEX (TestStudioQueryAlias)", filter: () => ({ aliases: str("MATCHES_REGEX", "studio_.*2_Alias") }), exactly: ["ST2"] },
  { title: "aliases NOT_MATCHES_REGEX (TestStudioQueryAlias)", filter: () => ({ aliases: str("NOT_MATCHES_REGEX", "studio_.*2_Alias") }), include: ["ST1"], exclude: ["ST2"] },
  { title: "url EQUALS (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("EQUALS", STUDIO_URLS.ST1) }), exactly: ["ST1"] },
  { title: "url NOT_EQUALS (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("NOT_EQUALS", STUDIO_URLS.ST1) }), include: ["ST2"], exclude: ["ST1"] },
  { title: "url MATCHES_REGEX (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("MATCHES_REGEX", "studio_.*1_URL") }), exactly: ["ST1"] },
  { title: "url NOT_MATCHES_REGEX (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("NOT_MATCHES_REGEX", "studio_.*1_URL") }), include: ["ST2"], exclude: ["ST1"] },
  { title: "url IS_NULL (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("IS_NULL") }), exactly: ["SP", "SC", "SB"] },
  { title: "url NOT_NULL (TestStudioQueryURL)", needs: ["studio.urls"], filter: () => ({ url: str("NOT_NULL") }), exactly: ["ST1", "ST2"] },
];

const NUMBER_CASES: readonly Case[] = [
  { title: "rating100 EQUALS (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("EQUALS", 60) }), exactly: ["ST1"] },
  { title: "rating100 NOT_EQUALS skips unrated (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("NOT_EQUALS", 60) }), exactly: ["ST2"] },
  { title: "rating100 GREATER_THAN (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("GREATER_THAN", 60) }), exactly: ["ST2"] },
  { title: "rating100 LESS_THAN skips unrated (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("LESS_THAN", 60) }), exactly: [] },
  { title: "rating100 IS_NULL (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("IS_NULL", 0) }), exactly: ["SP", "SC", "SB"] },
  { title: "rating100 NOT_NULL (TestStudioQueryRating)", needs: ["studio.rating100"], filter: () => ({ rating100: int("NOT_NULL", 0) }), exactly: ["ST1", "ST2"] },
  { title: "is_missing rating (TestStudioQueryIsMissingRating)", needs: ["studio.rating100"], filter: () => ({ is_missing: "rating" }), exactly: ["SP", "SC", "SB"] },
  ...countCases("scene_count", "TestStudioQuerySceneCount", { one: ["ST2"], more: ["ST1"] }),
  ...countCases("gallery_count", "TestStudioQueryGalleryCount", { one: ["ST1"], more: [] }, ["gallery"]),
  ...countCases("image_count", "TestStudioQueryImageCount", { one: ["ST2"], more: [] }, ["image"]),
  ...countCases("tag_count", "TestStudioQueryTagCount", { one: ["ST1"], more: ["ST2"] }, ["studio.tag_ids"]),
];

/** EQUALS / NOT_EQUALS / GREATER_THAN / LESS_THAN 1, as each *_count test runs them. */
function countCases(field: string, goTest: string, by: { one: string[]; more: string[] }, needs: string[] = []): Case[] {
  return [
    { title: `${field} EQUALS 1 (${goTest})`, needs, filter: () => ({ [field]: int("EQUALS", 1) }), exactly: by.one },
    { title: `${field} NOT_EQUALS 1 (${goTest})`, needs, filter: () => ({ [field]: int("NOT_EQUALS", 1) }), exactly: but(...by.one) },
    { title: `${field} GREATER_THAN 1 (${goTest})`, needs, filter: () => ({ [field]: int("GREATER_THAN", 1) }), exactly: by.more },
    { title: `${field} LESS_THAN 1 (${goTest})`, needs, filter: () => ({ [field]: int("LESS_THAN", 1) }), exactly: but(...by.one, ...by.more) },
  ];
}

const RELATION_CASES: readonly Case[] = [
  { title: "parents INCLUDES (TestStudioQueryParent)", filter: (l) => ({ parents: multi("INCLUDES", l.studios.ids("SP")) }), exactly: ["SC"] },
  { title: "parents EXCLUDES (TestStudioQueryParent)", filter: (l) => ({ parents: multi("EXCLUDES", l.studios.ids("SP")) }), find: q("SC"), exactly: [] },
  { title: "tags INCLUDES (TestStudioQueryTags)", needs: ["studio.tag_ids"], filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("st tag one", "st tag two")) }), exactly: ["ST1", "ST2"] },
  { title: "tags INCLUDES_ALL (TestStudioQueryTags)", needs: ["studio.tag_ids"], filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("st tag one", "st tag two")) }), exactly: ["ST2"] },
  { title: "tags EXCLUDES (TestStudioQueryTags)", needs: ["studio.tag_ids"], filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("st tag one")) }), find: q("ST2"), exactly: [] },
];

/** TestStudioQueryFast: each criterion on its own is accepted. */
const FAST: Record<string, unknown> = {
  name: str("EQUALS", "test"),
  aliases: str("EQUALS", "test"),
  stash_id_endpoint: { endpoint: "test", stash_id: "test", modifier: "EQUALS" },
  url: str("EQUALS", "test"),
  rating100: int("EQUALS", 1),
  scene_count: int("EQUALS", 1),
  image_count: int("EQUALS", 1),
  gallery_count: int("EQUALS", 1),
  tag_count: int("EQUALS", 1),
  tags: multi("INCLUDES", ["1"]),
  parents: multi("INCLUDES", ["1"]),
  is_missing: "rating",
  ignore_auto_tag: false,
};

describe("studios", () => {
  criterion("strings and combinators", c, "studios", L, studios, STRING_CASES);
  criterion("numbers and counts", c, "studios", L, studios, NUMBER_CASES);
  criterion("relations", c, "studios", L, studios, RELATION_CASES);

  describe("each criterion alone (studio_test.go TestStudioQueryFast)", () => {
    for (const [key, value] of Object.entries(FAST)) {
      conformanceCase(c, `${key} is accepted`, [], async () => {
        const ids = await findIds(c, "studios", { [key]: value });
        expect(Array.isArray(ids)).toBe(true);
      });
    }
  });

  describe("hierarchy and updates", () => {
    const STUDIO = "query($id: ID!) { findStudio(id: $id) { id aliases parent_studio { id } child_studios { id } stash_ids { endpoint stash_id } } }";
    const UPDATE = "mutation($i: StudioUpdateInput!) { studioUpdate(input: $i) { id } }";
    conformanceCase(c, "child_studios lists the child (studio_test.go TestStudioFindChildren)", [], async () => {
      const data = await c.run(STUDIO, { id: lib.studios.id("SP") });
      expect(lib.studios.names(data.findStudio.child_studios.map((s: { id: string }) => s.id))).toEqual(["SC"]);
    });
    conformanceCase(c, "destroying a parent, then its child, both succeed (studio_test.go TestStudioDestroyParent)", [], async () => {
      const parent = await create(c, "studio", { name: "destroy parent" });
      const child = await create(c, "studio", { name: "destroy child", parent_id: parent });
      await c.run("mutation($id: ID!) { studioDestroy(input: { id: $id }) }", { id: parent });
      await c.run("mutation($id: ID!) { studioDestroy(input: { id: $id }) }", { id: child });
      const left = await c.run("query($a: ID!, $b: ID!) { a: findStudio(id: $a) { id } b: findStudio(id: $b) { id } }", { a: parent, b: child });
      expect([left.a, left.b]).toEqual([null, null]);
    });
    conformanceCase(c, "parent_id: null clears the parent (studio_test.go TestStudioUpdateClearParent)", [], async () => {
      const parent = await create(c, "studio", { name: "clearParent_parent" });
      const child = await create(c, "studio", { name: "clearParent_child", parent_id: parent });
      await c.run(UPDATE, { i: { id: child, parent_id: null } });
      expect((await c.run(STUDIO, { id: child })).findStudio.parent_studio).toBeNull();
    });
    conformanceCase(c, "aliases set then cleared (studio_test.go TestStudioAlias)", [], async () => {
      const id = await create(c, "studio", { name: "TestStudioAlias" });
      await c.run(UPDATE, { i: { id, aliases: ["alias1", "alias2"] } });
      expect((await c.run(STUDIO, { id })).findStudio.aliases).toEqual(["alias1", "alias2"]);
      await c.run(UPDATE, { i: { id, aliases: [] } });
      expect((await c.run(STUDIO, { id })).findStudio.aliases).toEqual([]);
    });
    conformanceCase(c, "stash_ids set then cleared (studio_test.go TestStudioStashIDs)", [], async () => {
      const id = await create(c, "studio", { name: "TestStudioStashIDs" });
      const stashId = { endpoint: "endpoint", stash_id: "stashID" };
      await c.run(UPDATE, { i: { id, stash_ids: [stashId] } });
      expect((await c.run(STUDIO, { id })).findStudio.stash_ids).toEqual([stashId]);
      await c.run(UPDATE, { i: { id, stash_ids: [] } });
      expect((await c.run(STUDIO, { id })).findStudio.stash_ids).toEqual([]);
    });
  });
});

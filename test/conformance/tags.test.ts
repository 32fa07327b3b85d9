/**
 * Tags against the facts of Stash's pkg/sqlite/tag_test.go (v0.30.1).
 * Case list: test/conformance/cases/tags.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { create } from "./fixture-builder";
import { expectRejected, findIds } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { buildTagLibrary, TAG_NAMES, TAG_STASH_ID, type TagLibrary } from "./tags-fixture";
import { int, multi, str } from "./criterion-values";

const c = await openConformance();
/** The tag filter engine answers at all (a refusal fails the file). */
await probe(c, "{ findTags(tag_filter: { scene_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: TagLibrary;
const L = () => lib;
const tags = (l: TagLibrary) => l.tags;
const ALL = Object.keys(TAG_NAMES);
const but = (...drop: string[]) => ALL.filter((t) => !drop.includes(t));
const q = (label: string) => ({ q: TAG_NAMES[label]! });
type Case = FilterCase<TagLibrary>;

beforeAll(async () => {
  lib = await buildTagLibrary(c);
});

const STRING_CASES: readonly Case[] = [
  { title: "name EQUALS (TestTagQueryName)", filter: () => ({ name: str("EQUALS", TAG_NAMES.T1) }), exactly: ["T1"] },
  { title: "name NOT_EQUALS (TestTagQueryName)", filter: () => ({ name: str("NOT_EQUALS", TAG_NAMES.T1) }), exactly: but("T1") },
  { title: "name MATCHES_REGEX (TestTagQueryName)", filter: () => ({ name: str("MATCHES_REGEX", "tag_.*1_Name") }), exactly: ["T1"] },
  { title: "name NOT_MATCHES_REGEX (TestTagQueryName)", filter: () => ({ name: str("NOT_MATCHES_REGEX", "tag_.*1_Name") }), exactly: but("T1") },
  { title: "aliases EQUALS (TestTagQueryAlias)", filter: () => ({ aliases: str("EQUALS", "tag_0001_Alias") }), exactly: ["T1"] },
  { title: "aliases NOT_EQUALS (TestTagQueryAlias)", filter: () => ({ aliases: str("NOT_EQUALS", "tag_0001_Alias") }), include: ["T2"], exclude: ["T1"] },
  { title: "aliases MATCHES_REGEX (TestTagQueryAlias)", filter: () => ({ aliases: str("MATCHES_REGEX", "tag_.*1_Alias") }), exactly: ["T1"] },
  { title: "aliases NOT_MATCHES_REGEX (TestTagQueryAlias)", filter: () => ({ aliases: str("NOT_MATCHES_REGEX", "tag_.*1_Alias") }), include: ["T2"], exclude: ["T1"] },
  { title: "aliases IS_NULL (TestTagQueryAlias)", filter: () => ({ aliases: str("IS_NULL") }), exactly: but("T1", "T2") },
  { title: "aliases NOT_NULL (TestTagQueryAlias)", filter: () => ({ aliases: str("NOT_NULL") }), exactly: ["T1", "T2"] },
  { title: "stash_id_endpoint EQUALS (TestTagQuery)", needs: ["tag.stash_ids"], filter: () => ({ stash_id_endpoint: { ...TAG_STASH_ID, modifier: "EQUALS" } }), include: ["T1"] },
  { title: "stash_id_endpoint NOT_EQUALS (TestTagQuery)", needs: ["tag.stash_ids"], filter: () => ({ stash_id_endpoint: { ...TAG_STASH_ID, modifier: "NOT_EQUALS" } }), exclude: ["T1"] },
  { title: "stash_id_endpoint IS_NULL (TestTagQuery)", needs: ["tag.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: TAG_STASH_ID.endpoint, modifier: "IS_NULL" } }), exclude: ["T1"] },
  { title: "stash_id_endpoint NOT_NULL (TestTagQuery)", needs: ["tag.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: TAG_STASH_ID.endpoint, modifier: "NOT_NULL" } }), include: ["T1"] },
  { title: "ignore_auto_tag (TestTagQueryIgnoreAutoTag)", needs: ["tag.ignore_auto_tag"], filter: () => ({ ignore_auto_tag: true }), exactly: ["T1"] },
  { title: "is_missing image, searched (TestTagQueryIsMissingImage)", needs: ["tag.image"], filter: () => ({ is_missing: "image" }), find: q("TIMG"), exactly: [] },
  { title: "is_missing image (TestTagQueryIsMissingImage)", needs: ["tag.image"], filter: () => ({ is_missing: "image" }), exactly: but("TIMG") },
];

/** The four modifiers each *_count test runs, with `one` the tags counted once and `some` those counted at all. */
function countCases(field: string, goTest: string, one: string[], some: string[], needs: string[] = []): Case[] {
  return [
    { title: `${field} EQUALS 1 (${goTest})`, needs, filter: () => ({ [field]: int("EQUALS", 1) }), exactly: one },
    { title: `${field} NOT_EQUALS 1 (${goTest})`, needs, filter: () => ({ [field]: int("NOT_EQUALS", 1) }), exactly: but(...one) },
    { title: `${field} LESS_THAN 1 (${goTest})`, needs, filter: () => ({ [field]: int("LESS_THAN", 1) }), exactly: but(...some) },
    { title: `${field} GREATER_THAN 0 (${goTest})`, needs, filter: () => ({ [field]: int("GREATER_THAN", 0) }), exactly: some },
  ];
}

const COUNT_CASES: readonly Case[] = [
  ...countCases("scene_count", "TestTagQuerySceneCount", ["T1"], ["T1", "T2"]),
  ...countCases("marker_count", "TestTagQueryMarkerCount", ["TMS"], ["TMP", "TMS"]),
  ...countCases("image_count", "TestTagQueryImageCount", ["T1"], ["T1", "TI"], ["image"]),
  ...countCases("gallery_count", "TestTagQueryGalleryCount", ["T1"], ["T1", "TG"], ["gallery"]),
  ...countCases("performer_count", "TestTagQueryPerformerCount", ["T1"], ["T1", "TP"]),
  ...countCases("studio_count", "TestTagQueryStudioCount", ["T1"], ["T1", "TS"], ["studio.tag_ids"]),
  ...countCases("parent_count", "TestTagQueryParentCount", ["TCH", "MID", "LEAF"], ["TCH", "MID", "LEAF"]),
  ...countCases("child_count", "TestTagQueryChildCount", ["TPA", "TOP", "MID"], ["TPA", "TOP", "MID"]),
];

const HIERARCHY_CASES: readonly Case[] = [
  { title: "parents INCLUDES (TestTagQueryParent)", filter: (l) => ({ parents: multi("INCLUDES", l.tags.ids("TPA")) }), exactly: ["TCH"] },
  { title: "parents EXCLUDES (TestTagQueryParent)", filter: (l) => ({ parents: multi("EXCLUDES", l.tags.ids("TPA")) }), find: q("TCH"), exactly: [] },
  { title: "parents INCLUDES depth -1: all descendants (TestTagQueryParent)", filter: (l) => ({ parents: multi("INCLUDES", l.tags.ids("TOP"), -1) }), exactly: ["MID", "LEAF"] },
  { title: "parents INCLUDES depth 1 (TestTagQueryParent)", filter: (l) => ({ parents: multi("INCLUDES", l.tags.ids("TOP"), 1) }), exactly: ["MID", "LEAF"] },
  { title: "parents IS_NULL on a root tag (TestTagQueryParent)", filter: () => ({ parents: multi("IS_NULL") }), find: q("TG"), exactly: ["TG"] },
  { title: "parents IS_NULL on a child tag (TestTagQueryParent)", filter: () => ({ parents: multi("IS_NULL") }), find: q("TCH"), exactly: [] },
  { title: "parents NOT_NULL on a child tag (TestTagQueryParent)", filter: () => ({ parents: multi("NOT_NULL") }), find: q("TCH"), exactly: ["TCH"] },
  { title: "parents NOT_NULL on a root tag (TestTagQueryParent)", filter: () => ({ parents: multi("NOT_NULL") }), find: q("TG"), exactly: [] },
  { title: "children INCLUDES (TestTagQueryChild)", filter: (l) => ({ children: multi("INCLUDES", l.tags.ids("TCH")) }), exactly: ["TPA"] },
  { title: "children EXCLUDES (TestTagQueryChild)", filter: (l) => ({ children: multi("EXCLUDES", l.tags.ids("TCH")) }), find: q("TPA"), exactly: [] },
  { title: "children INCLUDES depth -1: all ancestors (TestTagQueryChild)", filter: (l) => ({ children: multi("INCLUDES", l.tags.ids("LEAF"), -1) }), exactly: ["MID", "TOP"] },
  { title: "children INCLUDES depth 1 (TestTagQueryChild)", filter: (l) => ({ children: multi("INCLUDES", l.tags.ids("LEAF"), 1) }), exactly: ["MID", "TOP"] },
  { title: "children IS_NULL on a leaf tag (TestTagQueryChild)", filter: () => ({ children: multi("IS_NULL") }), find: q("TG"), exactly: ["TG"] },
  { title: "children IS_NULL on a parent tag (TestTagQueryChild)", filter: () => ({ children: multi("IS_NULL") }), find: q("TPA"), exactly: [] },
  { title: "children NOT_NULL on a parent tag (TestTagQueryChild)", filter: () => ({ children: multi("NOT_NULL") }), find: q("TPA"), exactly: ["TPA"] },
  { title: "children NOT_NULL on a leaf tag (TestTagQueryChild)", filter: () => ({ children: multi("NOT_NULL") }), find: q("TG"), exactly: [] },
];

describe("tags", () => {
  criterion("strings and flags", c, "tags", L, tags, STRING_CASES);
  criterion("counts", c, "tags", L, tags, COUNT_CASES);
  criterion("hierarchy", c, "tags", L, tags, HIERARCHY_CASES);

  describe("sorting (tag_test.go TestTagQuerySort)", () => {
    const firsts: [string, string, string[]][] = [
      ["scenes_count", "T2", []],
      ["scene_markers_count", "TMP", []],
      ["images_count", "TI", ["image"]],
      ["galleries_count", "TG", ["gallery"]],
      ["performers_count", "TP", []],
      ["studios_count", "TS", ["studio.tag_ids"]],
      ["movies_count", "TGR", ["group.tag_ids"]],
    ];
    for (const [sort, first, needs] of firsts) {
      conformanceCase(c, `sort ${sort} DESC puts ${first} first`, needs, async () => {
        const ids = await findIds(c, "tags", null, { sort, direction: "DESC" });
        expect(lib.tags.names(ids)[0]).toBe(first);
      });
    }
  });

  describe("updates and merges", () => {
    const TAG = "query($id: ID!) { findTag(id: $id) { id aliases stash_ids { endpoint stash_id } } }";
    const UPDATE = "mutation($i: TagUpdateInput!) { tagUpdate(input: $i) { id } }";
    conformanceCase(c, "aliases set then cleared (tag_test.go TestTagUpdateAlias)", [], async () => {
      const id = await create(c, "tag", { name: "alias update target" });
      await c.run(UPDATE, { i: { id, aliases: ["alias1", "alias2"] } });
      expect((await c.run(TAG, { id })).findTag.aliases).toEqual(["alias1", "alias2"]);
      await c.run(UPDATE, { i: { id, aliases: [] } });
      expect((await c.run(TAG, { id })).findTag.aliases).toEqual([]);
    });
    conformanceCase(c, "stash_ids set then cleared (tag_test.go TestTagStashIDs)", [], async () => {
      const id = await create(c, "tag", { name: "stash id target" });
      const stashId = { endpoint: "endpoint", stash_id: "stashID" };
      await c.run(UPDATE, { i: { id, stash_ids: [stashId] } });
      expect((await c.run(TAG, { id })).findTag.stash_ids).toEqual([stashId]);
      await c.run(UPDATE, { i: { id, stash_ids: [] } });
      expect((await c.run(TAG, { id })).findTag.stash_ids).toEqual([]);
    });
    const MERGE = "mutation($s: [ID!]!, $d: ID!) { tagsMerge(input: { source: $s, destination: $d }) { id } }";
    conformanceCase(c, "merging a tag into itself is an error (tag_test.go TestTagMerge)", [], async () => {
      const id = await create(c, "tag", { name: "merge self" });
      await expectRejected(c, MERGE, { s: [id], d: id });
    });
    conformanceCase(c, "merge deletes the sources, keeps their names as aliases and moves their uses (tag_test.go TestTagMerge)", [], async () => {
      const [src1, src2, dest] = [await create(c, "tag", { name: "merge src one" }), await create(c, "tag", { name: "merge src two" }), await create(c, "tag", { name: "merge dest" })];
      const performer = await create(c, "performer", { name: "merge performer", tag_ids: [src2] });
      const scene = lib.scenes.id("tag scene two");
      await c.run("mutation($i: SceneUpdateInput!) { sceneUpdate(input: $i) { id } }", { i: { id: scene, tag_ids: [lib.tags.id("T2"), src1] } });
      await c.run(MERGE, { s: [src1, src2], d: dest });
      const after = await c.run(
        "query($a: ID!, $b: ID!, $d: ID!, $p: ID!, $s: ID) { a: findTag(id: $a) { id } b: findTag(id: $b) { id } d: findTag(id: $d) { aliases } p: findPerformer(id: $p) { tags { id } } s: findScene(id: $s) { tags { id } } }",
        { a: src1, b: src2, d: dest, p: performer, s: scene },
      );
      expect([after.a, after.b]).toEqual([null, null]);
      expect([...after.d.aliases].sort()).toEqual(["merge src one", "merge src two"]);
      expect(after.p.tags.map((t: { id: string }) => t.id)).toContain(dest);
      expect(after.s.tags.map((t: { id: string }) => t.id)).toContain(dest);
    });
  });
});

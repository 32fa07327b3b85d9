/**
 * Groups against the facts of Stash's pkg/sqlite/group_test.go (v0.30.1).
 * Case list: test/conformance/cases/groups.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { create } from "./fixture-builder";
import { expectRejected, findIds } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { buildGroupLibrary, GROUP_NAMES, GROUP_URLS, type GroupLibrary } from "./groups-fixture";
import { int, multi, str } from "./criterion-values";

const c = await openConformance();
/** The group filter engine answers at all (a refusal fails the file). */
await probe(c, "{ findGroups(group_filter: { tag_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: GroupLibrary;
const L = () => lib;
const groups = (l: GroupLibrary) => l.groups;
const ALL = Object.keys(GROUP_NAMES);
const but = (...drop: string[]) => ALL.filter((g) => !drop.includes(g));
const q = (label: string) => ({ q: GROUP_NAMES[label]! });
const SUB = ["group.sub_groups"];
type Case = FilterCase<GroupLibrary>;

beforeAll(async () => {
  lib = await buildGroupLibrary(c);
});

const FIELD_CASES: readonly Case[] = [
  { title: "is_missing front_image is accepted (TestGroupQuery)", filter: () => ({ is_missing: "front_image" }), exactly: ALL },
  { title: "is_missing back_image is accepted (TestGroupQuery)", filter: () => ({ is_missing: "back_image" }), exactly: ALL },
  { title: "studios INCLUDES (TestGroupQueryStudio)", needs: ["group.studio_id"], filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio g")) }), exactly: ["GA"] },
  { title: "studios EXCLUDES (TestGroupQueryStudio)", needs: ["group.studio_id"], filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio g")) }), find: q("GA"), exactly: [] },
  { title: "url EQUALS (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("EQUALS", GROUP_URLS.GA![0]) }), exactly: ["GA"] },
  { title: "url NOT_EQUALS (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("NOT_EQUALS", GROUP_URLS.GA![0]) }), include: ["GB"], exclude: ["GA"] },
  { title: "url MATCHES_REGEX (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("MATCHES_REGEX", "group_.*1_URL") }), exactly: ["GA"] },
  { title: "url NOT_MATCHES_REGEX (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("NOT_MATCHES_REGEX", "group_.*1_URL") }), include: ["GB"], exclude: ["GA"] },
  { title: "url IS_NULL (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("IS_NULL") }), exactly: but("GA", "GB", "GU") },
  { title: "url NOT_NULL (TestGroupQueryURL)", needs: ["group.urls"], filter: () => ({ url: str("NOT_NULL") }), exactly: ["GA", "GB", "GU"] },
  { title: "url EXCLUDES one of two urls (TestGroupQueryURLExcludes)", needs: ["group.urls"], filter: () => ({ url: str("EXCLUDES", "aaa"), name: str("EQUALS", GROUP_NAMES.GU) }), exactly: [] },
  { title: "url EXCLUDES an absent url (TestGroupQueryURLExcludes)", needs: ["group.urls"], filter: () => ({ url: str("EXCLUDES", "ccc"), name: str("EQUALS", GROUP_NAMES.GU) }), exactly: ["GU"] },
  { title: "tags INCLUDES (TestGroupQueryTags)", needs: ["group.tag_ids"], filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("gt", "gt1")) }), exactly: ["GA", "GB", "GC", "GD"] },
  { title: "tags INCLUDES_ALL (TestGroupQueryTags)", needs: ["group.tag_ids"], filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("gt1", "gt2")) }), exactly: ["GB", "GC"] },
  { title: "tags EXCLUDES (TestGroupQueryTags)", needs: ["group.tag_ids"], filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("gt1")) }), find: q("GB"), exactly: [] },
  { title: "tag_count EQUALS 1 (TestGroupQueryTagCount)", needs: ["group.tag_ids"], filter: () => ({ tag_count: int("EQUALS", 1) }), exactly: ["GA", "GD"] },
  { title: "tag_count NOT_EQUALS 1 (TestGroupQueryTagCount)", needs: ["group.tag_ids"], filter: () => ({ tag_count: int("NOT_EQUALS", 1) }), exactly: but("GA", "GD") },
  { title: "tag_count GREATER_THAN 1 (TestGroupQueryTagCount)", needs: ["group.tag_ids"], filter: () => ({ tag_count: int("GREATER_THAN", 1) }), exactly: ["GB", "GC"] },
  { title: "tag_count LESS_THAN 1 (TestGroupQueryTagCount)", needs: ["group.tag_ids"], filter: () => ({ tag_count: int("LESS_THAN", 1) }), exactly: but("GA", "GB", "GC", "GD") },
];

const HIERARCHY_CASES: readonly Case[] = [
  { title: "containing_groups INCLUDES (TestGroupQueryContainingGroups)", needs: SUB, filter: (l) => ({ containing_groups: multi("INCLUDES", l.groups.ids("GP")) }), exactly: ["GK"] },
  { title: "containing_groups EXCLUDES (TestGroupQueryContainingGroups)", needs: SUB, filter: (l) => ({ containing_groups: multi("EXCLUDES", l.groups.ids("GP")) }), find: q("GK"), exactly: [] },
  { title: "containing_groups INCLUDES all levels (TestGroupQueryContainingGroups)", needs: SUB, filter: (l) => ({ containing_groups: multi("INCLUDES", l.groups.ids("GT"), -1) }), exactly: ["GM", "GBT"] },
  { title: "containing_groups INCLUDES 1 level (TestGroupQueryContainingGroups)", needs: SUB, filter: (l) => ({ containing_groups: multi("INCLUDES", l.groups.ids("GT"), 1) }), exactly: ["GM", "GBT"] },
  { title: "containing_groups IS_NULL (TestGroupQueryContainingGroups)", needs: SUB, filter: () => ({ containing_groups: multi("IS_NULL") }), find: q("GK"), exactly: [] },
  { title: "containing_groups NOT_NULL (TestGroupQueryContainingGroups)", needs: SUB, filter: () => ({ containing_groups: multi("NOT_NULL") }), exactly: ["GK", "GM", "GBT"] },
  { title: "sub_groups INCLUDES (TestGroupQuerySubGroups)", needs: SUB, filter: (l) => ({ sub_groups: multi("INCLUDES", l.groups.ids("GK")) }), exactly: ["GP"] },
  { title: "sub_groups EXCLUDES (TestGroupQuerySubGroups)", needs: SUB, filter: (l) => ({ sub_groups: multi("EXCLUDES", l.groups.ids("GK")) }), find: q("GP"), exactly: [] },
  { title: "sub_groups INCLUDES all levels (TestGroupQuerySubGroups)", needs: SUB, filter: (l) => ({ sub_groups: multi("INCLUDES", l.groups.ids("GBT"), -1) }), exactly: ["GT", "GM"] },
  { title: "sub_groups INCLUDES 1 level (TestGroupQuerySubGroups)", needs: SUB, filter: (l) => ({ sub_groups: multi("INCLUDES", l.groups.ids("GBT"), 1) }), exactly: ["GT", "GM"] },
  { title: "sub_groups IS_NULL (TestGroupQuerySubGroups)", needs: SUB, filter: () => ({ sub_groups: multi("IS_NULL") }), find: q("GP"), exactly: [] },
  { title: "sub_groups NOT_NULL (TestGroupQuerySubGroups)", needs: SUB, filter: () => ({ sub_groups: multi("NOT_NULL") }), exactly: ["GP", "GT", "GM"] },
  { title: "containing_group_count EQUALS 1 (TestGroupQueryContainingGroupCount)", needs: SUB, filter: () => ({ containing_group_count: int("EQUALS", 1) }), exactly: ["GK", "GM", "GBT"] },
  { title: "containing_group_count NOT_EQUALS 1 (TestGroupQueryContainingGroupCount)", needs: SUB, filter: () => ({ containing_group_count: int("NOT_EQUALS", 1) }), find: q("GK"), exactly: [] },
  { title: "containing_group_count LESS_THAN 1 (TestGroupQueryContainingGroupCount)", needs: SUB, filter: () => ({ containing_group_count: int("LESS_THAN", 1) }), find: q("GK"), exactly: [] },
  { title: "containing_group_count GREATER_THAN 0 (TestGroupQueryContainingGroupCount)", needs: SUB, filter: () => ({ containing_group_count: int("GREATER_THAN", 0) }), exactly: ["GK", "GM", "GBT"] },
  { title: "sub_group_count EQUALS 1 (TestGroupQuerySubGroupCount)", needs: SUB, filter: () => ({ sub_group_count: int("EQUALS", 1) }), exactly: ["GP", "GT", "GM"] },
  { title: "sub_group_count NOT_EQUALS 1 (TestGroupQuerySubGroupCount)", needs: SUB, filter: () => ({ sub_group_count: int("NOT_EQUALS", 1) }), find: q("GP"), exactly: [] },
  { title: "sub_group_count LESS_THAN 1 (TestGroupQuerySubGroupCount)", needs: SUB, filter: () => ({ sub_group_count: int("LESS_THAN", 1) }), find: q("GP"), exactly: [] },
  { title: "sub_group_count GREATER_THAN 0 (TestGroupQuerySubGroupCount)", needs: SUB, filter: () => ({ sub_group_count: int("GREATER_THAN", 0) }), exactly: ["GP", "GT", "GM"] },
];

/** A container with `n` sub-groups created through `containing_groups`, in order. */
async function container(n: number): Promise<{ id: string; subs: string[] }> {
  const id = await create(c, "group", { name: `container ${Math.random().toString(36).slice(2)}` });
  const subs: string[] = [];
  for (let i = 0; i < n; i++) subs.push(await create(c, "group", { name: `sub ${id}-${i}`, containing_groups: [{ group_id: id }] }));
  return { id, subs };
}

async function subOrder(id: string, subs: readonly string[]): Promise<number[]> {
  const data = await c.run("query($id: ID!) { findGroup(id: $id) { sub_groups { group { id } } } }", { id });
  return data.findGroup.sub_groups.map((d: { group: { id: string } }) => subs.indexOf(d.group.id));
}

describe("groups", () => {
  criterion("fields, urls and tags", c, "groups", L, groups, FIELD_CASES);
  criterion("containing and sub-groups", c, "groups", L, groups, HIERARCHY_CASES);

  describe("sorting", () => {
    conformanceCase(c, "scenes_count DESC first and ASC last is the group with most scenes (group_test.go TestGroupQuerySorting)", [], async () => {
      const desc = await findIds(c, "groups", null, { sort: "scenes_count", direction: "DESC" });
      const asc = await findIds(c, "groups", null, { sort: "scenes_count", direction: "ASC" });
      expect([lib.groups.names(desc)[0], lib.groups.names(asc).at(-1)]).toEqual(["GA", "GA"]);
    });
    conformanceCase(c, "sub_group_order is accepted, with and without containing_groups (group_test.go TestGroupQuerySortOrderIndex)", SUB, async () => {
      const within = await findIds(c, "groups", { containing_groups: multi("INCLUDES", lib.groups.ids("GP")) }, { sort: "sub_group_order", direction: "DESC" });
      const all = await findIds(c, "groups", null, { sort: "sub_group_order", direction: "DESC" });
      expect([lib.groups.names(within), all.length]).toEqual([["GK"], ALL.length]);
    });
  });

  describe("partial updates (group_test.go Test_groupQueryBuilder_UpdatePartial)", () => {
    const GROUP = "query($id: ID!) { findGroup(id: $id) { name director synopsis aliases urls date duration rating100 studio { id } tags { id } containing_groups { group { id } description } sub_groups { group { id } } } }";
    const UPDATE = "mutation($i: GroupUpdateInput!) { groupUpdate(input: $i) { id } }";
    conformanceCase(c, "\"full\" sets every field, \"clear all\" empties them, \"invalid id\" fails", [], async () => {
      const id = await create(c, "group", { name: "partial target" });
      const full = { name: "name", director: "director", synopsis: "synopsis", aliases: "alias1, alias2", urls: ["url"], date: "2003-02-01", duration: 34, rating100: 60 };
      await c.run(UPDATE, { i: { id, ...full, studio_id: lib.studios.id("studio g"), tag_ids: lib.tags.ids("gt") } });
      const set = (await c.run(GROUP, { id })).findGroup;
      expect({ ...set, studio: set.studio?.id, tags: set.tags.map((t: { id: string }) => t.id), containing_groups: undefined, sub_groups: undefined }).toEqual({
        ...full, studio: lib.studios.id("studio g"), tags: lib.tags.ids("gt"), containing_groups: undefined, sub_groups: undefined,
      });
      await c.run(UPDATE, { i: { id, director: null, synopsis: null, aliases: null, urls: [], date: null, duration: null, rating100: null, studio_id: null, tag_ids: [] } });
      const cleared = (await c.run(GROUP, { id })).findGroup;
      expect([cleared.name, cleared.director ?? "", cleared.synopsis ?? "", cleared.aliases ?? "", cleared.urls, cleared.date, cleared.duration, cleared.rating100, cleared.studio, cleared.tags]).toEqual(["name", "", "", "", [], null, null, null, null, []]);
      await expectRejected(c, UPDATE, { i: { id: "999999", name: "nobody" } });
    });
    conformanceCase(c, "\"add containing group\" keeps the existing one and stores the description; \"clear group relationships\" empties both sides", SUB, async () => {
      const BULK = "mutation($i: BulkGroupUpdateInput!) { bulkGroupUpdate(input: $i) { id } }";
      const kid = await create(c, "group", { name: "partial kid", containing_groups: [{ group_id: lib.groups.id("GP") }] });
      await c.run(BULK, { i: { ids: [kid], containing_groups: { groups: [{ group_id: lib.groups.id("GA"), description: "containingGroupDescription" }], mode: "ADD" } } });
      const added = (await c.run(GROUP, { id: kid })).findGroup.containing_groups;
      // Listed by each link's order_index (pkg/sqlite/group_relationships.go), which differs per containing group: compare as a set.
      const links = added.map((d: any) => [lib.groups.names([d.group.id])[0], d.description ?? null]).sort();
      expect(links).toEqual([["GA", "containingGroupDescription"], ["GP", null]]);
      await c.run(UPDATE, { i: { id: kid, containing_groups: [], sub_groups: [] } });
      const cleared = (await c.run(GROUP, { id: kid })).findGroup;
      expect([cleared.containing_groups, cleared.sub_groups]).toEqual([[], []]);
    });
  });

  describe("sub-group order (group_test.go TestGroupReorderSubGroups, TestGroupAddSubGroups, TestGroupRemoveSubGroups)", () => {
    const REORDER = "mutation($i: ReorderSubGroupsInput!) { reorderSubGroups(input: $i) }";
    const reorders: [string, number[], number, boolean, number[]][] = [
      ["move single back before", [2], 1, false, [0, 2, 1, 3, 4]],
      ["move single forward before", [2], 4, false, [0, 1, 3, 2, 4]],
      ["move multiple back before", [3, 2, 4], 0, false, [3, 2, 4, 0, 1]],
      ["move multiple forward before", [2, 1, 0], 4, false, [3, 2, 1, 0, 4]],
      ["move single back after", [2], 0, true, [0, 2, 1, 3, 4]],
      ["move single forward after", [2], 4, true, [0, 1, 3, 4, 2]],
    ];
    for (const [name, move, at, after, expected] of reorders) {
      conformanceCase(c, `reorderSubGroups: ${name}`, [], async () => {
        const { id, subs } = await container(5);
        await c.run(REORDER, { i: { group_id: id, sub_group_ids: move.map((i) => subs[i]), insert_at_id: subs[at], insert_after: after } });
        expect(await subOrder(id, subs)).toEqual(expected);
      });
    }
    const ADD = "mutation($i: GroupSubGroupAddInput!) { addGroupSubGroups(input: $i) }";
    // The Go test compares elements only (assert.ElementsMatch), so its listed orders are not checked
    // there; the orders here follow pkg/sqlite/group_relationships.go: order_index starts at 1, the
    // new groups go before the sub-group at insert_index, and an index with no sub-group appends.
    const adds: [string, number, number, number[]][] = [
      ["append single", 1, 999, [0, 1, 2, 3, 4]],
      ["insert single middle", 1, 2, [0, 4, 1, 2, 3]],
      ["insert single at index 0 appends", 1, 0, [0, 1, 2, 3, 4]],
      ["append multiple", 2, 999, [0, 1, 2, 3, 4, 5]],
      ["insert multiple middle", 2, 2, [0, 4, 5, 1, 2, 3]],
      ["insert multiple at index 0 appends", 2, 0, [0, 1, 2, 3, 4, 5]],
    ];
    for (const [name, count, index, expected] of adds) {
      conformanceCase(c, `addGroupSubGroups: ${name}`, [], async () => {
        const { id, subs } = await container(4);
        for (let i = 0; i < count; i++) subs.push(await create(c, "group", { name: `inserted ${id}-${i}` }));
        await c.run(ADD, { i: { containing_group_id: id, sub_groups: subs.slice(4).map((g) => ({ group_id: g })), insert_index: index } });
        expect(await subOrder(id, subs)).toEqual(expected);
      });
    }
    const REMOVE = "mutation($i: GroupSubGroupRemoveInput!) { removeGroupSubGroups(input: $i) }";
    const removes: [string, number[], number[]][] = [
      ["remove last", [3], [0, 1, 2]],
      ["remove first", [0], [1, 2, 3]],
      ["remove middle", [2], [0, 1, 3]],
      ["remove multiple", [1, 3], [0, 2]],
      ["remove all", [0, 1, 2, 3], []],
    ];
    for (const [name, drop, expected] of removes) {
      conformanceCase(c, `removeGroupSubGroups: ${name}`, [], async () => {
        const { id, subs } = await container(4);
        await c.run(REMOVE, { i: { containing_group_id: id, sub_group_ids: drop.map((i) => subs[i]) } });
        expect(await subOrder(id, subs)).toEqual(expected);
      });
    }
  });
});

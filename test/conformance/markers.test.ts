/**
 * Scene markers against the facts of Stash's pkg/sqlite/scene_marker_test.go
 * (and the marker parts of tag_test.go), v0.30.1. Case list: test/conformance/cases/markers.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { find } from "./find";
import { conformanceCase, openConformance } from "./harness";
import { buildMarkerLibrary, MARKER_SCENES, type MarkerLibrary } from "./markers-fixture";
import { multi } from "./criterion-values";

const c = await openConformance();
let lib: MarkerLibrary;
const L = () => lib;
const markers = (l: MarkerLibrary) => l.markers;

beforeAll(async () => {
  lib = await buildMarkerLibrary(c);
});

type Case = FilterCase<MarkerLibrary>;
const TAG_FIELDS = "primary_tag { id } tags { id } scene { id tags { id } }";
const ids = (list: { id: string }[]) => list.map((t) => t.id);
/** Primary and secondary tags of a marker, as the Go test's testTags sees them. */
const allTags = (m: any): string[] => [...ids(m.tags), m.primary_tag.id];
const sceneTags = (m: any): string[] => ids(m.scene.tags);
const sameSet = (a: string[], b: string[]) => a.length === b.length && b.every((x) => a.includes(x));

const TAG_CASES: readonly Case[] = [
  { title: "tags IS_NULL: no secondary tags (TestMarkerQueryTags)", filter: () => ({ tags: multi("IS_NULL") }), include: ["M3", "M4"], every: { fields: TAG_FIELDS, nonEmpty: true, test: (m) => m.tags.length === 0 } },
  { title: "tags NOT_NULL: some secondary tag (TestMarkerQueryTags)", filter: () => ({ tags: multi("NOT_NULL") }), include: ["M1", "M2", "M5"], every: { fields: TAG_FIELDS, nonEmpty: true, test: (m) => m.tags.length > 0 } },
  {
    title: "tags INCLUDES counts the primary tag too (TestMarkerQueryTags)", filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("mk one")) }), include: ["M1", "M2", "M4"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => allTags(m).includes(l.tags.id("mk one")) },
  },
  {
    title: "tags INCLUDES_ALL (TestMarkerQueryTags)", filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("mk one", "mk two")) }), include: ["M1"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => l.tags.ids("mk one", "mk two").every((t) => allTags(m).includes(t)) },
  },
  {
    title: "tags EQUALS primary + secondary set (TestMarkerQueryTags)", filter: (l) => ({ tags: multi("EQUALS", l.tags.ids("mk primary", "mk one", "mk two")) }), include: ["M1"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => sameSet(allTags(m), l.tags.ids("mk primary", "mk one", "mk two")) },
  },
  {
    title: "tags INCLUDES a secondary-only tag (TestMarkerQueryTags \"excludes\")", filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("mk two")) }), include: ["M1", "M5"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => allTags(m).includes(l.tags.id("mk two")) },
  },
];

const SCENE_TAG_CASES: readonly Case[] = [
  { title: "scene_tags IS_NULL (TestMarkerQuerySceneTags)", filter: () => ({ scene_tags: multi("IS_NULL") }), exactly: ["M5"], every: { fields: TAG_FIELDS, nonEmpty: true, test: (m) => sceneTags(m).length === 0 } },
  { title: "scene_tags NOT_NULL (TestMarkerQuerySceneTags)", filter: () => ({ scene_tags: multi("NOT_NULL") }), exactly: ["M1", "M2", "M3", "M4"], every: { fields: TAG_FIELDS, nonEmpty: true, test: (m) => sceneTags(m).length > 0 } },
  {
    title: "scene_tags INCLUDES (TestMarkerQuerySceneTags)", filter: (l) => ({ scene_tags: multi("INCLUDES", l.tags.ids("scene t3")) }), exactly: ["M1", "M2", "M3", "M4"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => sceneTags(m).includes(l.tags.id("scene t3")) },
  },
  {
    title: "scene_tags INCLUDES_ALL (TestMarkerQuerySceneTags)", filter: (l) => ({ scene_tags: multi("INCLUDES_ALL", l.tags.ids("scene t2", "scene t3")) }), exactly: ["M1", "M2", "M3"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => l.tags.ids("scene t2", "scene t3").every((t) => sceneTags(m).includes(t)) },
  },
  {
    title: "scene_tags EQUALS (TestMarkerQuerySceneTags)", filter: (l) => ({ scene_tags: multi("EQUALS", l.tags.ids("scene t2", "scene t3")) }), exactly: ["M1", "M2", "M3"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => sameSet(sceneTags(m), l.tags.ids("scene t2", "scene t3")) },
  },
  {
    title: "scene_tags INCLUDES (TestMarkerQuerySceneTags \"excludes\")", filter: (l) => ({ scene_tags: multi("INCLUDES", l.tags.ids("scene t2")) }), exactly: ["M1", "M2", "M3"],
    every: { fields: TAG_FIELDS, nonEmpty: true, test: (m, l) => sceneTags(m).includes(l.tags.id("scene t2")) },
  },
];

const dur = (modifier: string, value = 0) => ({ duration: { modifier, value } });
const DURATION_CASES: readonly Case[] = [
  { title: "duration IS_NULL: no end time (TestMarkerQueryDuration)", filter: () => dur("IS_NULL"), include: ["M3"], exclude: ["M1"] },
  { title: "duration NOT_NULL (TestMarkerQueryDuration)", filter: () => dur("NOT_NULL"), include: ["M1"], exclude: ["M3"] },
  { title: "duration EQUALS (TestMarkerQueryDuration)", filter: () => dur("EQUALS", 2), include: ["M1"], exclude: ["M2", "M3"] },
  { title: "duration NOT_EQUALS never matches NULL (TestMarkerQueryDuration)", filter: () => dur("NOT_EQUALS", 5), include: ["M1"], exclude: ["M2", "M3"] },
  { title: "duration GREATER_THAN (TestMarkerQueryDuration)", filter: () => dur("GREATER_THAN", 2), include: ["M2"], exclude: ["M1", "M3"] },
  { title: "duration LESS_THAN (TestMarkerQueryDuration)", filter: () => dur("LESS_THAN", 5), include: ["M1"], exclude: ["M2", "M3"] },
];

const SCENE_CASES: readonly Case[] = [
  {
    title: "scenes INCLUDES lists the scene's markers (TestMarkerFindBySceneID)", filter: (l) => ({ scenes: multi("INCLUDES", l.scenes.ids("MS1")) }), exactly: ["M1", "M2", "M3"],
    every: { fields: "scene { id }", nonEmpty: true, test: (m, l) => m.scene.id === l.scenes.id("MS1") },
  },
  { title: "scenes INCLUDES a scene without markers (TestMarkerFindBySceneID)", filter: (l) => ({ scenes: multi("INCLUDES", l.scenes.ids("MS4")) }), exactly: [] },
];

criterion("tags", c, "markers", L, markers, TAG_CASES);
criterion("scene_tags", c, "markers", L, markers, SCENE_TAG_CASES);
criterion("duration", c, "markers", L, markers, DURATION_CASES);
criterion("scenes", c, "markers", L, markers, SCENE_CASES);

describe("search, sort and counts", () => {
  conformanceCase(c, "q finds markers by their scene's title (scene_marker_test.go TestMarkerQueryQ)", [], async () => {
    const found = await find<any>(c, "markers", null, { q: MARKER_SCENES.MS2 }, "scene { id }");
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items[0].scene.id).toBe(lib.scenes.id("MS2"));
  });
  conformanceCase(c, "sort scenes_updated_at answers every marker (scene_marker_test.go TestMarkerQuerySortBySceneUpdated)", [], async () => {
    const found = await find(c, "markers", null, { sort: "scenes_updated_at" });
    expect(found.items.length).toBe(5);
  });
  conformanceCase(c, "a tag's scene_marker_count counts primary and secondary uses (scene_marker_test.go TestMarkerCountByTagID)", [], async () => {
    const data = await c.run("query($ids: [ID!]) { findTags(ids: $ids) { tags { id scene_marker_count } } }", { ids: lib.tags.ids("mk primary", "mk one") });
    const counts = Object.fromEntries(data.findTags.tags.map((t: any) => [lib.tags.names([t.id])[0], t.scene_marker_count]));
    expect(counts).toEqual({ "mk primary": 4, "mk one": 3 });
  });
  conformanceCase(c, "tagsMerge moves primary and secondary marker tags to the destination (tag_test.go TestTagMerge)", [], async () => {
    const dest = lib.tags.id("scene t2");
    await c.run("mutation($s: [ID!]!, $d: ID!) { tagsMerge(input: { source: $s, destination: $d }) { id } }", { s: lib.tags.ids("mk two"), d: dest });
    const found = await find<any>(c, "markers", { scenes: multi("INCLUDES", lib.scenes.ids("MS1", "MS3")) }, {}, "title primary_tag { id } tags { id }");
    const byTitle = Object.fromEntries(found.items.map((m: any) => [m.title, m]));
    expect(ids(byTitle.first.tags)).toContain(dest);
    expect(byTitle.fifth.primary_tag.id).toBe(dest);
  });
});

/**
 * Performers against the facts of Stash's pkg/sqlite/performer_test.go (v0.30.1).
 * Case list: test/conformance/cases/performers.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { create } from "./fixture-builder";
import { expectRejected, findIds } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { buildPerformerLibrary, PERFORMER_FIELDS, PERFORMER_NAMES, type PerformerLibrary } from "./performers-fixture";
import { float, int, multi, str } from "./criterion-values";

const c = await openConformance();
/** The performer filter engine answers at all (a refusal fails the file). */
await probe(c, "{ findPerformers(performer_filter: { scene_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: PerformerLibrary;
const L = () => lib;
const performers = (l: PerformerLibrary) => l.performers;
const ALL = Object.keys(PERFORMER_NAMES);
const but = (...drop: string[]) => ALL.filter((p) => !drop.includes(p));
const nameIs = (label: string) => ({ name: str("EQUALS", PERFORMER_NAMES[label]) });
const eth = (label: "PA" | "PB") => ({ ethnicity: str("EQUALS", PERFORMER_FIELDS[label].ethnicity) });
const custom = (field: string, modifier: string, value: unknown[] = []) => ({ custom_fields: [{ field, modifier, value }] });
const PA_CUSTOM = PERFORMER_FIELDS.PA.custom_fields.full.string;
type Case = FilterCase<PerformerLibrary>;

beforeAll(async () => {
  lib = await buildPerformerLibrary(c);
});

const FIELD_CASES: readonly Case[] = [
  { title: "ethnicity OR ethnicity (TestPerformerQueryEthnicityOr)", needs: ["performer.ethnicity"], filter: () => ({ ...eth("PA"), OR: eth("PB") }), exactly: ["PA", "PB"] },
  { title: "ethnicity AND rating100 (TestPerformerQueryEthnicityAndRating)", needs: ["performer.ethnicity", "performer.rating100"], filter: () => ({ ...eth("PA"), AND: { rating100: int("EQUALS", 60) } }), exactly: ["PA"] },
  { title: "ethnicity NOT rating100 (TestPerformerQueryEthnicityNotRating)", needs: ["performer.ethnicity", "performer.rating100"], filter: () => ({ ethnicity: str("MATCHES_REGEX", "performer_.*1_Ethnicity"), NOT: { rating100: int("EQUALS", 60) } }), exactly: [] },
  ...(["AND+OR", "AND+NOT", "OR+NOT"] as const).map((pair): Case => ({
    title: `${pair} in one filter is an error (TestPerformerIllegalQuery)`, rejected: true,
    filter: () => Object.fromEntries(pair.split("+").map((k) => [k, nameIs("PA")])),
  })),
  { title: "ignore_auto_tag (TestPerformerQueryIgnoreAutoTag)", needs: ["performer.ignore_auto_tag"], filter: () => ({ ignore_auto_tag: true }), exactly: ["PA"] },
  { title: "stash_id_endpoint EQUALS (TestPerformerQuery)", needs: ["performer.stash_ids"], filter: () => ({ stash_id_endpoint: { ...PERFORMER_FIELDS.PA.stash_ids[0], modifier: "EQUALS" } }), include: ["PA"] },
  { title: "stash_id_endpoint NOT_EQUALS (TestPerformerQuery)", needs: ["performer.stash_ids"], filter: () => ({ stash_id_endpoint: { ...PERFORMER_FIELDS.PA.stash_ids[0], modifier: "NOT_EQUALS" } }), exclude: ["PA"] },
  { title: "stash_id_endpoint IS_NULL (TestPerformerQuery)", needs: ["performer.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: PERFORMER_FIELDS.PA.stash_ids[0].endpoint, modifier: "IS_NULL" } }), exclude: ["PA"] },
  { title: "stash_id_endpoint NOT_NULL (TestPerformerQuery)", needs: ["performer.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: PERFORMER_FIELDS.PA.stash_ids[0].endpoint, modifier: "NOT_NULL" } }), include: ["PA"] },
  { title: "circumcised INCLUDES (TestPerformerQuery)", needs: ["performer.circumcised"], filter: () => ({ circumcised: { value: ["CUT"], modifier: "INCLUDES" } }), include: ["PA"], exclude: ["PB", "PC"] },
  { title: "circumcised EXCLUDES skips NULL (TestPerformerQuery)", needs: ["performer.circumcised"], filter: () => ({ circumcised: { value: ["CUT"], modifier: "EXCLUDES" } }), include: ["PB"], exclude: ["PA", "PC"] },
  { title: "custom_fields EQUALS (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => custom("string", "EQUALS", [PA_CUSTOM]), include: ["PA"] },
  { title: "custom_fields NOT_EQUALS (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("string", "NOT_EQUALS", [PA_CUSTOM]) }), exclude: ["PA"] },
  { title: "custom_fields INCLUDES (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => custom("string", "INCLUDES", [PA_CUSTOM.slice(9)]), include: ["PA"] },
  { title: "custom_fields EXCLUDES (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("string", "EXCLUDES", [PA_CUSTOM.slice(9)]) }), exclude: ["PA"] },
  { title: "custom_fields MATCHES_REGEX (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => custom("string", "MATCHES_REGEX", [".*13_custom"]), include: ["PA"] },
  { title: "custom_fields invalid regex is an error (TestPerformerQueryCustomFields)", rejected: true, filter: () => custom("string", "MATCHES_REGEX", ["["]) },
  { title: "custom_fields NOT_MATCHES_REGEX (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("string", "NOT_MATCHES_REGEX", [".*13_custom"]) }), exclude: ["PA"] },
  { title: "custom_fields invalid NOT_MATCHES_REGEX is an error (TestPerformerQueryCustomFields)", rejected: true, filter: () => custom("string", "NOT_MATCHES_REGEX", ["["]) },
  { title: "custom_fields IS_NULL on a field nobody has (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("not existing", "IS_NULL") }), include: ["PA"] },
  { title: "custom_fields NOT_NULL (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("string", "NOT_NULL") }), include: ["PA"] },
  { title: "custom_fields BETWEEN (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => custom("real", "BETWEEN", [0.05, 0.15]), include: ["PA"], exclude: ["PB"] },
  { title: "custom_fields NOT_BETWEEN (TestPerformerQueryCustomFields)", needs: ["performer.custom_fields"], filter: () => ({ ...nameIs("PA"), ...custom("real", "NOT_BETWEEN", [0.05, 0.15]) }), exclude: ["PA"] },
  { title: "penis_length EQUALS (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("EQUALS", 1) }), exactly: ["PA"] },
  { title: "penis_length NOT_EQUALS skips NULL (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("NOT_EQUALS", 1) }), exactly: ["PB", "PD"] },
  { title: "penis_length GREATER_THAN (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("GREATER_THAN", 1) }), exactly: ["PB", "PD"] },
  { title: "penis_length BETWEEN (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("BETWEEN", 2, 4) }), exactly: ["PB"] },
  { title: "penis_length NOT_BETWEEN skips NULL (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("NOT_BETWEEN", 2, 4) }), exactly: ["PA", "PD"] },
  { title: "penis_length IS_NULL (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("IS_NULL", 0) }), exactly: ["PC", "PE"] },
  { title: "penis_length NOT_NULL (TestPerformerQueryPenisLength)", needs: ["performer.penis_length"], filter: () => ({ penis_length: float("NOT_NULL", 0) }), exactly: ["PA", "PB", "PD"] },
  { title: "age EQUALS, ended by the death date (TestPerformerQueryAge)", needs: ["performer.birthdate", "performer.death_date"], filter: () => ({ age: int("EQUALS", 29) }), exactly: ["PA"] },
  { title: "age NOT_EQUALS skips performers without birthdate (TestPerformerQueryAge)", needs: ["performer.birthdate", "performer.death_date"], filter: () => ({ age: int("NOT_EQUALS", 29) }), exactly: ["PB"] },
  { title: "age GREATER_THAN (TestPerformerQueryAge)", needs: ["performer.birthdate", "performer.death_date"], filter: () => ({ age: int("GREATER_THAN", 29) }), exactly: ["PB"] },
  { title: "age LESS_THAN (TestPerformerQueryAge)", needs: ["performer.birthdate", "performer.death_date"], filter: () => ({ age: int("LESS_THAN", 30) }), exactly: ["PA"] },
  { title: "career_length EQUALS (TestPerformerQueryCareerLength)", needs: ["performer.career_length"], filter: () => ({ career_length: str("EQUALS", "2005") }), exactly: ["PA"] },
  { title: "career_length NOT_EQUALS (TestPerformerQueryCareerLength)", needs: ["performer.career_length"], filter: () => ({ career_length: str("NOT_EQUALS", "2005") }), include: ["PB"], exclude: ["PA"] },
  { title: "career_length MATCHES_REGEX (TestPerformerQueryCareerLength)", needs: ["performer.career_length"], filter: () => ({ career_length: str("MATCHES_REGEX", "2005") }), exactly: ["PA"] },
  { title: "career_length NOT_MATCHES_REGEX (TestPerformerQueryCareerLength)", needs: ["performer.career_length"], filter: () => ({ career_length: str("NOT_MATCHES_REGEX", "2005") }), include: ["PB"], exclude: ["PA"] },
  { title: "url EQUALS (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("EQUALS", PERFORMER_FIELDS.PA.urls[0]) }), exactly: ["PA"] },
  { title: "url NOT_EQUALS (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("NOT_EQUALS", PERFORMER_FIELDS.PA.urls[0]) }), include: ["PB"], exclude: ["PA"] },
  { title: "url MATCHES_REGEX (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("MATCHES_REGEX", "performer_.*1_URL") }), exactly: ["PA"] },
  { title: "url NOT_MATCHES_REGEX (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("NOT_MATCHES_REGEX", "performer_.*1_URL") }), include: ["PB"], exclude: ["PA"] },
  { title: "url IS_NULL (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("IS_NULL") }), exactly: ["PC", "PD", "PE"] },
  { title: "url NOT_NULL (TestPerformerQueryURL)", needs: ["performer.urls"], filter: () => ({ url: str("NOT_NULL") }), exactly: ["PA", "PB"] },
  { title: "rating100 EQUALS (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("EQUALS", 60) }), exactly: ["PA"] },
  { title: "rating100 NOT_EQUALS (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("NOT_EQUALS", 60) }), exactly: ["PB", "PD"] },
  { title: "rating100 GREATER_THAN (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("GREATER_THAN", 60) }), exactly: ["PB"] },
  { title: "rating100 LESS_THAN (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("LESS_THAN", 60) }), exactly: ["PD"] },
  { title: "rating100 IS_NULL (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("IS_NULL", 0) }), exactly: ["PC", "PE"] },
  { title: "rating100 NOT_NULL (TestPerformerQueryRating100)", needs: ["performer.rating100"], filter: () => ({ rating100: int("NOT_NULL", 0) }), exactly: ["PA", "PB", "PD"] },
  { title: "is_missing rating (TestPerformerQueryIsMissingRating)", needs: ["performer.rating100"], filter: () => ({ is_missing: "rating" }), exactly: ["PC", "PE"] },
  { title: "is_missing image (TestPerformerQueryIsMissingImage)", filter: () => ({ is_missing: "image" }), exactly: ALL },
  { title: "is_missing aliases (TestPerformerQueryIsMissingAlias)", filter: () => ({ is_missing: "aliases" }), exactly: but("PA") },
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
  { title: "tags INCLUDES (TestPerformerQueryTags)", filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("pt1", "pt2")) }), exactly: ["PA", "PB", "PD"] },
  { title: "tags INCLUDES_ALL (TestPerformerQueryTags)", filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("pt1", "pt2")) }), exactly: ["PB"] },
  { title: "tags EXCLUDES (TestPerformerQueryTags)", filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("pt1")) }), find: { q: PERFORMER_NAMES.PB }, exactly: [] },
  ...countCases("tag_count", "TestPerformerQueryTagCount", { one: ["PA", "PD"], more: ["PB"] }),
  ...countCases("scene_count", "TestPerformerQuerySceneCount", { one: ["PA"], more: ["PB", "PE"] }),
  ...countCases("image_count", "TestPerformerQueryImageCount", { one: ["PC"], more: [] }, ["image"]),
  ...countCases("gallery_count", "TestPerformerQueryGalleryCount", { one: ["PD"], more: [] }, ["gallery"]),
  { title: "studios INCLUDES a scene studio (TestPerformerQuery, TestPerformerQueryStudio)", filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("st scene")) }), include: ["PA", "PB"], exclude: ["PC", "PD", "PE"] },
  { title: "studios INCLUDES an image studio (TestPerformerQuery, TestPerformerQueryStudio)", needs: ["image"], filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("st image")) }), include: ["PC"] },
  { title: "studios INCLUDES a gallery studio (TestPerformerQuery, TestPerformerQueryStudio)", needs: ["gallery"], filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("st gallery")) }), include: ["PD"] },
  { title: "studios EXCLUDES a scene studio (TestPerformerQuery)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("st scene")) }), exclude: ["PA", "PB"] },
  { title: "studios EXCLUDES an image studio (TestPerformerQuery)", needs: ["image"], filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("st image")) }), exclude: ["PC"] },
  { title: "studios EXCLUDES a gallery studio (TestPerformerQuery)", needs: ["gallery"], filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("st gallery")) }), exclude: ["PD"] },
  { title: "studios INCLUDES one, excludes another (TestPerformerQuery)", filter: (l) => ({ studios: { modifier: "INCLUDES", value: l.studios.ids("st one"), excludes: l.studios.ids("st two") } }), exclude: ["PE"] },
];

describe("performers", () => {
  criterion("fields and combinators", c, "performers", L, performers, FIELD_CASES);
  criterion("relations and counts", c, "performers", L, performers, RELATION_CASES);

  describe("sorting (performer_test.go TestPerformerQuerySortScenesCount)", () => {
    conformanceCase(c, "scenes_count DESC puts the performer with most scenes first, ASC last", [], async () => {
      const desc = await findIds(c, "performers", null, { sort: "scenes_count", direction: "DESC" });
      const asc = await findIds(c, "performers", null, { sort: "scenes_count", direction: "ASC" });
      expect([lib.performers.names(desc)[0], lib.performers.names(asc).at(-1)]).toEqual(["PB", "PB"]);
    });
  });

  describe("updates", () => {
    const PERFORMER = "query($id: ID!) { findPerformer(id: $id) { custom_fields stash_ids { endpoint stash_id } } }";
    const UPDATE = "mutation($i: PerformerUpdateInput!) { performerUpdate(input: $i) { id } }";
    conformanceCase(c, "custom_fields full, cleared, partial merge and remove (performer_test.go Test_PerformerStore_UpdatePartialCustomFields)", [], async () => {
      const id = await create(c, "performer", { name: "custom fields target" });
      const fields = async () => (await c.run(PERFORMER, { id })).findPerformer.custom_fields;
      await c.run(UPDATE, { i: { id, custom_fields: { full: { int: 3, real: 1.3, string: "aaa" } } } });
      expect(await fields()).toEqual({ int: 3, real: 1.3, string: "aaa" });
      await c.run(UPDATE, { i: { id, custom_fields: { partial: { string: "bbb", new_field: "new" } } } });
      expect(await fields()).toEqual({ int: 3, real: 1.3, string: "bbb", new_field: "new" });
      await c.run(UPDATE, { i: { id, custom_fields: { remove: ["new_field"] } } });
      expect(await fields()).toEqual({ int: 3, real: 1.3, string: "bbb" });
      await c.run(UPDATE, { i: { id, custom_fields: { full: {} } } });
      expect(await fields()).toEqual({});
    });
    conformanceCase(c, "\"full\" sets fields, \"clear all\" empties them, \"invalid id\" fails (performer_test.go Test_PerformerStore_UpdatePartial)", [], async () => {
      const FIELDS = "query($id: ID!) { findPerformer(id: $id) { name disambiguation details country ethnicity rating100 birthdate urls alias_list tags { id } } }";
      const id = await create(c, "performer", { name: "partial performer" });
      const full = { disambiguation: "disambiguation", details: "details", country: "country", ethnicity: "ethnicity", rating100: 60, birthdate: "2000-01-02", urls: ["url"], alias_list: ["alias1", "alias2"] };
      await c.run(UPDATE, { i: { id, ...full, tag_ids: lib.tags.ids("pt1") } });
      const set = (await c.run(FIELDS, { id })).findPerformer;
      expect({ ...set, tags: set.tags.map((t: { id: string }) => t.id) }).toEqual({ name: "partial performer", ...full, tags: lib.tags.ids("pt1") });
      await c.run(UPDATE, { i: { id, disambiguation: null, details: null, country: null, ethnicity: null, rating100: null, birthdate: null, urls: [], alias_list: [], tag_ids: [] } });
      const cleared = (await c.run(FIELDS, { id })).findPerformer;
      const blank = (v: unknown) => v ?? "";
      expect([cleared.name, blank(cleared.disambiguation), blank(cleared.details), blank(cleared.country), blank(cleared.ethnicity), cleared.rating100, cleared.birthdate, cleared.urls, cleared.alias_list, cleared.tags]).toEqual(["partial performer", "", "", "", "", null, null, [], [], []]);
      await expectRejected(c, UPDATE, { i: { id: "999999", name: "nobody" } });
    });
    conformanceCase(c, "stash_ids set then cleared (performer_test.go TestPerformerStashIDs)", [], async () => {
      const id = await create(c, "performer", { name: "TestPerformerStashIDs" });
      const stashId = { endpoint: "endpoint", stash_id: "stashID" };
      await c.run(UPDATE, { i: { id, stash_ids: [stashId] } });
      expect((await c.run(PERFORMER, { id })).findPerformer.stash_ids).toEqual([stashId]);
      await c.run(UPDATE, { i: { id, stash_ids: [] } });
      expect((await c.run(PERFORMER, { id })).findPerformer.stash_ids).toEqual([]);
    });
  });
});

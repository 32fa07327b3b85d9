/**
 * Images against the facts of Stash's pkg/sqlite/image_test.go (v0.30.1).
 * Case list: test/conformance/cases/images.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { expectRejected, find, findIds } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { buildImageLibrary, IMAGE_PATHS, IMAGE_TITLES, IMAGE_URLS, type ImageLibrary } from "./images-fixture";
import { int, multi, str } from "./criterion-values";

const c = await openConformance();
/** Images can be filtered at all (they are seeded by the fixture in beforeAll; every case also needs "image"). */
await probe(c, "{ findImages(image_filter: { tag_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: ImageLibrary;
const L = () => lib;
const images = (l: ImageLibrary) => l.images;
const ALL = Object.keys(IMAGE_TITLES);
const but = (...drop: string[]) => ALL.filter((i) => !drop.includes(i));
const q = (label: string) => ({ q: IMAGE_TITLES[label]! });
const pathIs = (label: string) => ({ path: str("EQUALS", IMAGE_PATHS[label]) });
const I = ["image"];
const G = ["image", "gallery", "image.gallery_ids"];
type Case = FilterCase<ImageLibrary>;

beforeAll(async () => {
  lib = await buildImageLibrary(c);
});

/** Adds the base "image" need to every case. */
const needImage = (cases: Case[]): Case[] => cases.map((k) => ({ ...k, needs: [...I, ...(k.needs ?? [])] }));

const FIELD_CASES: readonly Case[] = needImage([
  { title: "q matches one image (TestImageQueryQ)", filter: () => null, find: { q: "image_0002" }, exactly: ["IB"] },
  { title: "no q returns every image (TestImageQueryQ)", filter: () => null, exactly: ALL },
  { title: "url EQUALS (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("EQUALS", IMAGE_URLS.IA) }), exactly: ["IA"] },
  { title: "url NOT_EQUALS (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("NOT_EQUALS", IMAGE_URLS.IA) }), include: ["IB"], exclude: ["IA"] },
  { title: "url MATCHES_REGEX (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("MATCHES_REGEX", "image_.*1_URL") }), exactly: ["IA"] },
  { title: "url NOT_MATCHES_REGEX (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("NOT_MATCHES_REGEX", "image_.*1_URL") }), include: ["IB"], exclude: ["IA"] },
  { title: "url IS_NULL (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("IS_NULL") }), exactly: but("IA", "IB") },
  { title: "url NOT_NULL (TestImageQueryURL)", needs: ["image.urls"], filter: () => ({ url: str("NOT_NULL") }), exactly: ["IA", "IB"] },
  { title: "path EQUALS (TestImageQueryPath)", filter: () => pathIs("IA"), exactly: ["IA"] },
  { title: "path NOT_EQUALS (TestImageQueryPath)", filter: () => ({ path: str("NOT_EQUALS", IMAGE_PATHS.IA) }), exactly: but("IA") },
  { title: "path MATCHES_REGEX (TestImageQueryPath)", filter: () => ({ path: str("MATCHES_REGEX", "image_.*01_Path") }), exactly: ["IA"] },
  { title: "path NOT_MATCHES_REGEX (TestImageQueryPath)", filter: () => ({ path: str("NOT_MATCHES_REGEX", "image_.*01_Path") }), exactly: but("IA") },
  { title: "path OR path (TestImageQueryPathOr)", filter: () => ({ ...pathIs("IA"), OR: pathIs("IB") }), exactly: ["IA", "IB"] },
  { title: "path AND rating100 (TestImageQueryPathAndRating)", needs: ["image.rating100"], filter: () => ({ ...pathIs("IA"), AND: { rating100: int("EQUALS", 60) } }), exactly: ["IA"] },
  { title: "path NOT rating100 (TestImageQueryPathNotRating)", needs: ["image.rating100"], filter: () => ({ path: str("MATCHES_REGEX", "image_.*1_Path"), NOT: { rating100: int("EQUALS", 60) } }), exactly: [] },
  ...(["AND+OR", "AND+NOT", "OR+NOT"] as const).map((pair): Case => ({
    title: `${pair} in one filter is an error (TestImageIllegalQuery)`, rejected: true,
    filter: () => Object.fromEntries(pair.split("+").map((k) => [k, pathIs("IA")])),
  })),
  { title: "rating100 EQUALS (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("EQUALS", 60) }), exactly: ["IA"] },
  { title: "rating100 NOT_EQUALS (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("NOT_EQUALS", 60) }), exactly: ["IB", "ID"] },
  { title: "rating100 GREATER_THAN (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("GREATER_THAN", 60) }), exactly: ["IB"] },
  { title: "rating100 LESS_THAN (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("LESS_THAN", 60) }), exactly: ["ID"] },
  { title: "rating100 IS_NULL (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("IS_NULL", 0) }), exactly: ["IC", "IE", "IF"] },
  { title: "rating100 NOT_NULL (TestImageQueryRating100)", needs: ["image.rating100"], filter: () => ({ rating100: int("NOT_NULL", 0) }), exactly: ["IA", "IB", "ID"] },
  { title: "o_counter EQUALS (TestImageQueryOCounter)", needs: ["image.o"], filter: () => ({ o_counter: int("EQUALS", 1) }), exactly: ["IA"] },
  { title: "o_counter NOT_EQUALS (TestImageQueryOCounter)", needs: ["image.o"], filter: () => ({ o_counter: int("NOT_EQUALS", 1) }), exactly: but("IA") },
  { title: "o_counter GREATER_THAN (TestImageQueryOCounter)", needs: ["image.o"], filter: () => ({ o_counter: int("GREATER_THAN", 1) }), exactly: ["IB"] },
  { title: "o_counter LESS_THAN (TestImageQueryOCounter)", needs: ["image.o"], filter: () => ({ o_counter: int("LESS_THAN", 1) }), exactly: but("IA", "IB") },
  ...([["LOW", "IA"], ["STANDARD", "IE"], ["STANDARD_HD", "IB"], ["FULL_HD", "IC"], ["FOUR_K", "ID"]] as const).map(([value, only]): Case => ({
    title: `resolution EQUALS ${value} (TestImageQueryResolution)`, filter: () => ({ resolution: { value, modifier: "EQUALS" } }), exactly: [only],
  })),
  { title: "is_missing galleries, searched (TestImageQueryIsMissingGalleries)", needs: G, filter: () => ({ is_missing: "galleries" }), find: q("IA"), exactly: [] },
  { title: "is_missing galleries (TestImageQueryIsMissingGalleries)", needs: G, filter: () => ({ is_missing: "galleries" }), exactly: but("IA", "IB") },
  { title: "is_missing studio, searched (TestImageQueryIsMissingStudio)", needs: ["image.studio_id"], filter: () => ({ is_missing: "studio" }), find: q("IA"), exactly: [] },
  { title: "is_missing studio (TestImageQueryIsMissingStudio)", needs: ["image.studio_id"], filter: () => ({ is_missing: "studio" }), exactly: but("IA", "IB") },
  { title: "is_missing performers, searched (TestImageQueryIsMissingPerformers)", needs: ["image.performer_ids"], filter: () => ({ is_missing: "performers" }), find: q("IA"), exactly: [] },
  { title: "is_missing performers (TestImageQueryIsMissingPerformers)", needs: ["image.performer_ids"], filter: () => ({ is_missing: "performers" }), exactly: ["IF"] },
  { title: "is_missing tags, searched (TestImageQueryIsMissingTags)", needs: ["image.tag_ids"], filter: () => ({ is_missing: "tags" }), find: q("IB"), exactly: [] },
  { title: "is_missing tags (TestImageQueryIsMissingTags)", needs: ["image.tag_ids"], filter: () => ({ is_missing: "tags" }), exactly: ["ID", "IE", "IF"] },
  { title: "is_missing rating (TestImageQueryIsMissingRating)", needs: ["image.rating100"], filter: () => ({ is_missing: "rating" }), exactly: ["IC", "IE", "IF"] },
]);

const P = ["image.performer_ids"];
const T = ["image.tag_ids"];
const S = ["image.studio_id"];
const RELATION_CASES: readonly Case[] = needImage([
  { title: "galleries INCLUDES (TestImageQueryGallery)", needs: G, filter: (l) => ({ galleries: multi("INCLUDES", l.galleries.ids("gal one")) }), exactly: ["IA"] },
  { title: "galleries INCLUDES_ALL (TestImageQueryGallery)", needs: G, filter: (l) => ({ galleries: multi("INCLUDES_ALL", l.galleries.ids("gal two", "gal three")) }), exactly: ["IB"] },
  { title: "galleries EXCLUDES, searched (TestImageQueryGallery)", needs: G, filter: (l) => ({ galleries: multi("EXCLUDES", l.galleries.ids("gal two")) }), find: q("IB"), exactly: [] },
  { title: "galleries EXCLUDES keeps images without galleries (TestImageQueryGallery)", needs: G, filter: (l) => ({ galleries: multi("EXCLUDES", l.galleries.ids("gal two")) }), find: q("IC"), exactly: ["IC"] },
  { title: "performers INCLUDES (TestImageQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("INCLUDES", l.performers.ids("ip one", "ip two")) }), include: ["IA", "IB"], exclude: ["IF"] },
  { title: "performers INCLUDES_ALL (TestImageQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("INCLUDES_ALL", l.performers.ids("ip two", "ip four")) }), include: ["IB", "IC"], exclude: ["IA"] },
  { title: "performers EXCLUDES (TestImageQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("EXCLUDES", l.performers.ids("ip two")) }), include: ["IA"], exclude: ["IB", "IC"] },
  { title: "performers IS_NULL (TestImageQueryPerformers)", needs: P, filter: () => ({ performers: multi("IS_NULL") }), include: ["IF"], exclude: ["IA", "IB", "IC", "ID", "IE"] },
  { title: "performers NOT_NULL (TestImageQueryPerformers)", needs: P, filter: () => ({ performers: multi("NOT_NULL") }), include: ["IA", "IB", "IC", "ID", "IE"], exclude: ["IF"] },
  { title: "performers EQUALS is the exact set (TestImageQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("EQUALS", l.performers.ids("ip two", "ip four")) }), include: ["IB"], exclude: ["IC"] },
  { title: "performers NOT_EQUALS is an error (TestImageQueryPerformers)", rejected: true, filter: (l) => ({ performers: multi("NOT_EQUALS", l.performers.ids("ip two", "ip four")) }) },
  { title: "tags INCLUDES (TestImageQueryTags)", needs: T, filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("ib", "ic")) }), include: ["IB", "IC"], exclude: ["IA"] },
  { title: "tags INCLUDES_ALL (TestImageQueryTags)", needs: T, filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("ib", "ic")) }), include: ["IC"], exclude: ["IB"] },
  { title: "tags EXCLUDES (TestImageQueryTags)", needs: T, filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("ib")) }), include: ["IA"], exclude: ["IB", "IC"] },
  { title: "tags IS_NULL (TestImageQueryTags)", needs: T, filter: () => ({ tags: multi("IS_NULL") }), include: ["ID"], exclude: ["IA", "IB", "IC"] },
  { title: "tags NOT_NULL (TestImageQueryTags)", needs: T, filter: () => ({ tags: multi("NOT_NULL") }), include: ["IA", "IB", "IC"], exclude: ["ID"] },
  { title: "tags EQUALS is the exact set (TestImageQueryTags)", needs: T, filter: (l) => ({ tags: multi("EQUALS", l.tags.ids("ia", "ib")) }), include: ["IB"], exclude: ["IC"] },
  { title: "tags NOT_EQUALS is an error (TestImageQueryTags)", rejected: true, filter: (l) => ({ tags: multi("NOT_EQUALS", l.tags.ids("ia", "ib")) }) },
  { title: "studios INCLUDES (TestImageQueryStudio)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio other")) }), exactly: ["IA"] },
  { title: "studios EXCLUDES (TestImageQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: q("IA"), exactly: [] },
  { title: "studios EXCLUDES keeps images without a studio (TestImageQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: q("IC"), exactly: ["IC"] },
  { title: "studios EQUALS (TestImageQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EQUALS", l.studios.ids("studio other")) }), exactly: ["IA"] },
  { title: "studios NOT_EQUALS (TestImageQueryStudio)", needs: S, filter: (l) => ({ studios: multi("NOT_EQUALS", l.studios.ids("studio other")) }), find: q("IA"), exactly: [] },
  { title: "studios INCLUDES depth 2 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 2) }), exactly: ["IB"] },
  { title: "studios INCLUDES depth 1 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 1) }), exactly: [] },
  { title: "studios INCLUDES child depth 1 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio mid"), 1) }), exactly: ["IB"] },
  { title: "studios EXCLUDES depth 2 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 2) }), find: q("IB"), exactly: [] },
  { title: "studios EXCLUDES depth 1 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 1) }), find: q("IB"), exactly: ["IB"] },
  { title: "studios EXCLUDES child depth 1 (TestImageQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio mid"), 1) }), find: q("IB"), exactly: [] },
  { title: "performer_tags INCLUDES (TestImageQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("pt a", "pt b")) }), include: ["IA", "IB", "IC"], exclude: ["IE", "IF"] },
  { title: "performer_tags INCLUDES sub-tags (TestImageQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("pt mid"), -1) }), include: ["IE"], exclude: ["IA", "IB", "IC"] },
  { title: "performer_tags INCLUDES_ALL (TestImageQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES_ALL", l.tags.ids("pt b", "pt c")) }), include: ["IB", "IC"], exclude: ["IA"] },
  { title: "performer_tags EXCLUDES (TestImageQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("pt c")) }), include: ["IA", "IE"], exclude: ["IB", "IC"] },
  { title: "performer_tags EXCLUDES sub-tags (TestImageQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("pt mid"), -1) }), include: ["IA", "IB", "IC", "ID"], exclude: ["IE"] },
  { title: "performer_tags IS_NULL (TestImageQueryPerformerTags)", needs: P, filter: () => ({ performer_tags: multi("IS_NULL") }), include: ["ID", "IF"], exclude: ["IA", "IE"] },
  { title: "performer_tags NOT_NULL (TestImageQueryPerformerTags)", needs: P, filter: () => ({ performer_tags: multi("NOT_NULL") }), include: ["IA", "IE"], exclude: ["ID", "IF"] },
  { title: "performer_tags EQUALS is an error (TestImageQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("EQUALS", l.tags.ids("pt b")) }) },
  { title: "performer_tags NOT_EQUALS is an error (TestImageQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("NOT_EQUALS", l.tags.ids("pt b")) }) },
  { title: "tag_count EQUALS 1 (TestImageQueryTagCount)", needs: T, filter: () => ({ tag_count: int("EQUALS", 1) }), exactly: ["IA"] },
  { title: "tag_count NOT_EQUALS 1 (TestImageQueryTagCount)", needs: T, filter: () => ({ tag_count: int("NOT_EQUALS", 1) }), exactly: but("IA") },
  { title: "tag_count GREATER_THAN 1 (TestImageQueryTagCount)", needs: T, filter: () => ({ tag_count: int("GREATER_THAN", 1) }), exactly: ["IB", "IC"] },
  { title: "tag_count LESS_THAN 1 (TestImageQueryTagCount)", needs: T, filter: () => ({ tag_count: int("LESS_THAN", 1) }), exactly: ["ID", "IE", "IF"] },
  { title: "performer_count EQUALS 1 (TestImageQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("EQUALS", 1) }), exactly: ["IA", "ID", "IE"] },
  { title: "performer_count NOT_EQUALS 1 (TestImageQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("NOT_EQUALS", 1) }), exactly: ["IB", "IC", "IF"] },
  { title: "performer_count GREATER_THAN 1 (TestImageQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("GREATER_THAN", 1) }), exactly: ["IB", "IC"] },
  { title: "performer_count LESS_THAN 1 (TestImageQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("LESS_THAN", 1) }), exactly: ["IF"] },
]);

describe("images", () => {
  criterion("fields, resolution and flags", c, "images", L, images, FIELD_CASES);
  criterion("relations", c, "images", L, images, RELATION_CASES);

  describe("sorting and paging", () => {
    for (const sort of ["file_mod_time", "filesize", "path"]) {
      conformanceCase(c, `sort ${sort} DESC answers every image (image_test.go TestImageQuerySorting)`, I, async () => {
        expect((await find(c, "images", null, { sort, direction: "DESC" })).items.length).toBe(ALL.length);
      });
    }
    conformanceCase(c, "sort date DESC: latest first, undated after dated (image_test.go TestImageQuerySorting)", [...I, "image.date"], async () => {
      const ids = lib.images.names(await findIds(c, "images", null, { sort: "date", direction: "DESC" }));
      expect(ids.slice(0, 2)).toEqual(["IA", "IB"]);
    });
    conformanceCase(c, "pages of one and of two agree (image_test.go TestImageQueryPagination)", I, async () => {
      const first = await findIds(c, "images", null, { per_page: 1, page: 1 });
      const second = await findIds(c, "images", null, { per_page: 1, page: 2 });
      const both = await findIds(c, "images", null, { per_page: 2, page: 1 });
      expect([first.length, second.length, second[0] !== first[0]]).toEqual([1, 1, true]);
      expect(both).toEqual([first[0], second[0]]);
    });
  });

  describe("o-counter and partial updates", () => {
    conformanceCase(c, "imageIncrementO / imageDecrementO / imageResetO (image_test.go Test_imageQueryBuilder_IncrementOCounter, DecrementOCounter, ResetOCounter)", I, async () => {
      const id = lib.images.id("IF");
      const o = async () => (await c.run("query($id: ID) { findImage(id: $id) { o_counter } }", { id })).findImage.o_counter;
      await c.run("mutation($id: ID!) { imageIncrementO(id: $id) }", { id });
      await c.run("mutation($id: ID!) { imageIncrementO(id: $id) }", { id });
      expect(await o()).toBe(2);
      await c.run("mutation($id: ID!) { imageDecrementO(id: $id) }", { id });
      expect(await o()).toBe(1);
      await c.run("mutation($id: ID!) { imageResetO(id: $id) }", { id });
      expect(await o()).toBe(0);
    });
    conformanceCase(c, "bulkImageUpdate tag_ids ADD / identical / invalid / REMOVE / unrelated (image_test.go Test_imageQueryBuilder_UpdatePartialRelationships)", I, async () => {
      const id = lib.images.id("IF");
      const BULK = "mutation($i: BulkImageUpdateInput!) { bulkImageUpdate(input: $i) { id } }";
      const tagsOf = async () => lib.tags.names((await c.run("query($id: ID) { findImage(id: $id) { tags { id } } }", { id })).findImage.tags.map((t: { id: string }) => t.id)).sort();
      await c.run(BULK, { i: { ids: [id], tag_ids: { ids: lib.tags.ids("ia", "ib", "ib"), mode: "ADD" } } });
      await c.run(BULK, { i: { ids: [id], tag_ids: { ids: lib.tags.ids("ia"), mode: "ADD" } } });
      expect(await tagsOf()).toEqual(["ia", "ib"]);
      await expectRejected(c, BULK, { i: { ids: [id], tag_ids: { ids: ["999999"], mode: "ADD" } } });
      await c.run(BULK, { i: { ids: [id], tag_ids: { ids: lib.tags.ids("ia", "ic"), mode: "REMOVE" } } });
      expect(await tagsOf()).toEqual(["ib"]);
    });
  });
});

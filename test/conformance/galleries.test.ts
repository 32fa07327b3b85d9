/**
 * Galleries against the facts of Stash's pkg/sqlite/gallery_test.go (v0.30.1).
 * Case list: test/conformance/cases/galleries.md.
 */
import { beforeAll, describe, expect } from "vitest";
import { criterion, type FilterCase } from "./cases";
import { buildGalleryLibrary, GALLERY_FOLDER, GALLERY_TITLES, GALLERY_URLS, type GalleryLibrary } from "./galleries-fixture";
import { expectRejected, find } from "./find";
import { conformanceCase, openConformance, probe } from "./harness";
import { int, multi, str } from "./criterion-values";

const c = await openConformance();
/** Galleries can be created and filtered at all. */
await probe(c, "{ findGalleries(gallery_filter: { tag_count: { value: 0, modifier: GREATER_THAN } }) { count } }");
let lib: GalleryLibrary;
const L = () => lib;
const galleries = (l: GalleryLibrary) => l.galleries;
/** Every gallery the fixture built (the folder gallery GP only when the fixture could make it). */
const all = (l: GalleryLibrary) => l.galleries.all();
const but = (...drop: string[]) => (l: GalleryLibrary) => all(l).filter((g) => !drop.includes(g));
const q = (label: string) => ({ q: GALLERY_TITLES[label]! });
const titleIs = (label: string) => ({ title: str("EQUALS", GALLERY_TITLES[label]) });
type Case = FilterCase<GalleryLibrary>;

beforeAll(async () => {
  lib = await buildGalleryLibrary(c);
});

const FIELD_CASES: readonly Case[] = [
  { title: "q matches one gallery (TestGalleryQueryQ)", filter: () => null, find: { q: "gallery_0001" }, exactly: ["GA"] },
  { title: "no q returns every gallery (TestGalleryQueryQ)", filter: () => null, exactly: all },
  { title: "path EQUALS (TestGalleryQueryPath)", needs: ["gallery.folder"], filter: () => ({ path: str("EQUALS", GALLERY_FOLDER) }), exactly: ["GP"] },
  { title: "path NOT_EQUALS (TestGalleryQueryPath)", needs: ["gallery.folder"], filter: () => ({ path: str("NOT_EQUALS", GALLERY_FOLDER) }), exclude: ["GP"] },
  { title: "path MATCHES_REGEX (TestGalleryQueryPath)", needs: ["gallery.folder"], filter: () => ({ path: str("MATCHES_REGEX", "gallery.*9_Path") }), exactly: ["GP"] },
  { title: "path NOT_MATCHES_REGEX (TestGalleryQueryPath)", needs: ["gallery.folder"], filter: () => ({ path: str("NOT_MATCHES_REGEX", "gallery.*9_Path") }), exclude: ["GP"] },
  { title: "OR (TestGalleryQueryPathOr)", filter: () => ({ ...titleIs("GA"), OR: titleIs("GB") }), exactly: ["GA", "GB"] },
  { title: "AND rating100 (TestGalleryQueryPathAndRating)", needs: ["gallery.rating100"], filter: () => ({ ...titleIs("GA"), AND: { rating100: int("EQUALS", 60) } }), exactly: ["GA"] },
  { title: "NOT rating100 (TestGalleryQueryPathNotRating)", needs: ["gallery.rating100"], filter: () => ({ title: str("MATCHES_REGEX", "gallery_.*1_Title"), NOT: { rating100: int("EQUALS", 60) } }), exactly: [] },
  ...(["AND+OR", "AND+NOT", "OR+NOT"] as const).map((pair): Case => ({
    title: `${pair} in one filter is an error (TestGalleryIllegalQuery)`, rejected: true,
    filter: () => Object.fromEntries(pair.split("+").map((k) => [k, titleIs("GA")])),
  })),
  { title: "url EQUALS (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("EQUALS", GALLERY_URLS.GA) }), exactly: ["GA"] },
  { title: "url NOT_EQUALS (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("NOT_EQUALS", GALLERY_URLS.GA) }), include: ["GB"], exclude: ["GA"] },
  { title: "url MATCHES_REGEX (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("MATCHES_REGEX", "gallery_.*1_URL") }), exactly: ["GA"] },
  { title: "url NOT_MATCHES_REGEX (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("NOT_MATCHES_REGEX", "gallery_.*1_URL") }), include: ["GB"], exclude: ["GA"] },
  { title: "url IS_NULL (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("IS_NULL") }), exactly: but("GA", "GB") },
  { title: "url NOT_NULL (TestGalleryQueryURL)", needs: ["gallery.urls"], filter: () => ({ url: str("NOT_NULL") }), exactly: ["GA", "GB"] },
  { title: "rating100 EQUALS (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("EQUALS", 60) }), exactly: ["GA"] },
  { title: "rating100 NOT_EQUALS (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("NOT_EQUALS", 60) }), exactly: ["GB"] },
  { title: "rating100 GREATER_THAN (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("GREATER_THAN", 60) }), exactly: ["GB"] },
  { title: "rating100 LESS_THAN (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("LESS_THAN", 60) }), exactly: [] },
  { title: "rating100 IS_NULL (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("IS_NULL", 0) }), exactly: but("GA", "GB") },
  { title: "rating100 NOT_NULL (TestGalleryQueryRating100)", needs: ["gallery.rating100"], filter: () => ({ rating100: int("NOT_NULL", 0) }), exactly: ["GA", "GB"] },
  { title: "is_missing scenes, searched (TestGalleryQueryIsMissingScene)", needs: ["gallery.scene_ids"], filter: () => ({ is_missing: "scenes" }), find: q("GA"), exactly: [] },
  { title: "is_missing scenes (TestGalleryQueryIsMissingScene)", needs: ["gallery.scene_ids"], filter: () => ({ is_missing: "scenes" }), exclude: ["GA"], include: ["GB"] },
  { title: "is_missing studio, searched (TestGalleryQueryIsMissingStudio)", needs: ["gallery.studio_id"], filter: () => ({ is_missing: "studio" }), find: q("GA"), exactly: [] },
  { title: "is_missing studio (TestGalleryQueryIsMissingStudio)", needs: ["gallery.studio_id"], filter: () => ({ is_missing: "studio" }), exactly: but("GA", "GB") },
  { title: "is_missing performers, searched (TestGalleryQueryIsMissingPerformers)", needs: ["gallery.performer_ids"], filter: () => ({ is_missing: "performers" }), find: q("GA"), exactly: [] },
  { title: "is_missing performers (TestGalleryQueryIsMissingPerformers)", needs: ["gallery.performer_ids"], filter: () => ({ is_missing: "performers" }), include: ["GE"], exclude: ["GA"] },
  { title: "is_missing tags, searched (TestGalleryQueryIsMissingTags)", needs: ["gallery.tag_ids"], filter: () => ({ is_missing: "tags" }), find: q("GB"), exactly: [] },
  { title: "is_missing tags (TestGalleryQueryIsMissingTags)", needs: ["gallery.tag_ids"], filter: () => ({ is_missing: "tags" }), include: ["GD"] },
  { title: "is_missing date (TestGalleryQueryIsMissingDate)", needs: ["gallery.date"], filter: () => ({ is_missing: "date" }), exactly: but("GA", "GB") },
  { title: "has_chapters true (TestGalleryQueryHasChapters)", needs: ["gallery.chapter"], filter: () => ({ has_chapters: "true" }), find: q("GB"), exactly: ["GB"] },
  { title: "has_chapters false, searched (TestGalleryQueryHasChapters)", needs: ["gallery.chapter"], filter: () => ({ has_chapters: "false" }), find: q("GB"), exactly: [] },
  { title: "has_chapters false (TestGalleryQueryHasChapters)", needs: ["gallery.chapter"], filter: () => ({ has_chapters: "false" }), exactly: but("GB") },
  { title: "average_resolution EQUALS LOW (TestGalleryQueryAverageResolution)", needs: ["image"], filter: () => ({ average_resolution: { value: "LOW", modifier: "EQUALS" } }), include: ["GA"] },
  { title: "image_count EQUALS 0 (TestGalleryQueryImageCount)", needs: ["image"], filter: () => ({ image_count: int("EQUALS", 0) }), exactly: but("GA", "GB") },
  { title: "image_count NOT_EQUALS 0 (TestGalleryQueryImageCount)", needs: ["image"], filter: () => ({ image_count: int("NOT_EQUALS", 0) }), exactly: ["GA", "GB"] },
  { title: "image_count GREATER_THAN 0 (TestGalleryQueryImageCount)", needs: ["image"], filter: () => ({ image_count: int("GREATER_THAN", 0) }), exactly: ["GA", "GB"] },
  { title: "image_count LESS_THAN 0 (TestGalleryQueryImageCount)", needs: ["image"], filter: () => ({ image_count: int("LESS_THAN", 0) }), exactly: [] },
];

const P = ["gallery.performer_ids"];
const T = ["gallery.tag_ids"];
const S = ["gallery.studio_id"];
const RELATION_CASES: readonly Case[] = [
  { title: "performers INCLUDES (TestGalleryQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("INCLUDES", l.performers.ids("gp one", "gp two")) }), include: ["GA", "GB"], exclude: ["GE"] },
  { title: "performers INCLUDES_ALL (TestGalleryQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("INCLUDES_ALL", l.performers.ids("gp two", "gp four")) }), include: ["GB", "GC"], exclude: ["GA"] },
  { title: "performers EXCLUDES (TestGalleryQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("EXCLUDES", l.performers.ids("gp two")) }), include: ["GA"], exclude: ["GB", "GC"] },
  { title: "performers IS_NULL (TestGalleryQueryPerformers)", needs: P, filter: () => ({ performers: multi("IS_NULL") }), include: ["GE"], exclude: ["GA", "GB", "GC", "GD", "GF"] },
  { title: "performers NOT_NULL (TestGalleryQueryPerformers)", needs: P, filter: () => ({ performers: multi("NOT_NULL") }), include: ["GA", "GB", "GC", "GD", "GF"], exclude: ["GE"] },
  { title: "performers EQUALS is the exact set (TestGalleryQueryPerformers)", needs: P, filter: (l) => ({ performers: multi("EQUALS", l.performers.ids("gp two", "gp four")) }), include: ["GB"], exclude: ["GC"] },
  { title: "performers NOT_EQUALS is an error (TestGalleryQueryPerformers)", rejected: true, filter: (l) => ({ performers: multi("NOT_EQUALS", l.performers.ids("gp two", "gp four")) }) },
  { title: "tags INCLUDES (TestGalleryQueryTags)", needs: T, filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("gb", "gc")) }), include: ["GB", "GC"], exclude: ["GA"] },
  { title: "tags INCLUDES_ALL (TestGalleryQueryTags)", needs: T, filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("gb", "gc")) }), include: ["GC"], exclude: ["GB"] },
  { title: "tags EXCLUDES (TestGalleryQueryTags)", needs: T, filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("gb")) }), include: ["GA"], exclude: ["GB", "GC"] },
  { title: "tags IS_NULL (TestGalleryQueryTags)", needs: T, filter: () => ({ tags: multi("IS_NULL") }), include: ["GD"], exclude: ["GA", "GB", "GC"] },
  { title: "tags NOT_NULL (TestGalleryQueryTags)", needs: T, filter: () => ({ tags: multi("NOT_NULL") }), include: ["GA", "GB", "GC"], exclude: ["GD"] },
  { title: "tags EQUALS is the exact set (TestGalleryQueryTags)", needs: T, filter: (l) => ({ tags: multi("EQUALS", l.tags.ids("ga", "gb")) }), include: ["GB"], exclude: ["GC"] },
  { title: "tags NOT_EQUALS is an error (TestGalleryQueryTags)", rejected: true, filter: (l) => ({ tags: multi("NOT_EQUALS", l.tags.ids("ga", "gb")) }) },
  { title: "studios INCLUDES (TestGalleryQueryStudio)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio other")) }), exactly: ["GB"] },
  { title: "studios EXCLUDES (TestGalleryQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: q("GB"), exactly: [] },
  { title: "studios EXCLUDES keeps galleries without a studio (TestGalleryQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: q("GC"), exactly: ["GC"] },
  { title: "studios EQUALS (TestGalleryQueryStudio)", needs: S, filter: (l) => ({ studios: multi("EQUALS", l.studios.ids("studio other")) }), exactly: ["GB"] },
  { title: "studios NOT_EQUALS (TestGalleryQueryStudio)", needs: S, filter: (l) => ({ studios: multi("NOT_EQUALS", l.studios.ids("studio other")) }), find: q("GB"), exactly: [] },
  { title: "studios INCLUDES depth 2 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 2) }), exactly: ["GA"] },
  { title: "studios INCLUDES depth 1 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 1) }), exactly: [] },
  { title: "studios INCLUDES child depth 1 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio mid"), 1) }), exactly: ["GA"] },
  { title: "studios EXCLUDES depth 2 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 2) }), find: q("GA"), exactly: [] },
  { title: "studios EXCLUDES depth 1 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 1) }), find: q("GA"), exactly: ["GA"] },
  { title: "studios EXCLUDES child depth 1 (TestGalleryQueryStudioDepth)", needs: S, filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio mid"), 1) }), find: q("GA"), exactly: [] },
  { title: "performer_tags INCLUDES (TestGalleryQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("pt a", "pt b")) }), include: ["GA", "GB", "GC"], exclude: ["GE", "GF"] },
  { title: "performer_tags INCLUDES sub-tags (TestGalleryQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("pt mid"), -1) }), include: ["GF"], exclude: ["GA", "GB", "GC"] },
  { title: "performer_tags INCLUDES_ALL (TestGalleryQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("INCLUDES_ALL", l.tags.ids("pt b", "pt c")) }), include: ["GB", "GC"], exclude: ["GA"] },
  { title: "performer_tags EXCLUDES (TestGalleryQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("pt c")) }), include: ["GA", "GF"], exclude: ["GB", "GC"] },
  { title: "performer_tags EXCLUDES sub-tags (TestGalleryQueryPerformerTags)", needs: P, filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("pt mid"), -1) }), include: ["GA", "GB", "GC", "GD"], exclude: ["GF"] },
  { title: "performer_tags IS_NULL (TestGalleryQueryPerformerTags)", needs: P, filter: () => ({ performer_tags: multi("IS_NULL") }), include: ["GD", "GE"], exclude: ["GA", "GF"] },
  { title: "performer_tags NOT_NULL (TestGalleryQueryPerformerTags)", needs: P, filter: () => ({ performer_tags: multi("NOT_NULL") }), include: ["GA", "GF"], exclude: ["GD", "GE"] },
  { title: "performer_tags EQUALS is an error (TestGalleryQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("EQUALS", l.tags.ids("pt b")) }) },
  { title: "performer_tags NOT_EQUALS is an error (TestGalleryQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("NOT_EQUALS", l.tags.ids("pt b")) }) },
  { title: "tag_count EQUALS 1 (TestGalleryQueryTagCount)", needs: T, filter: () => ({ tag_count: int("EQUALS", 1) }), exactly: ["GA"] },
  { title: "tag_count NOT_EQUALS 1 (TestGalleryQueryTagCount)", needs: T, filter: () => ({ tag_count: int("NOT_EQUALS", 1) }), exactly: but("GA") },
  { title: "tag_count GREATER_THAN 1 (TestGalleryQueryTagCount)", needs: T, filter: () => ({ tag_count: int("GREATER_THAN", 1) }), exactly: ["GB", "GC"] },
  { title: "tag_count LESS_THAN 1 (TestGalleryQueryTagCount)", needs: T, filter: () => ({ tag_count: int("LESS_THAN", 1) }), exactly: but("GA", "GB", "GC") },
  { title: "performer_count EQUALS 1 (TestGalleryQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("EQUALS", 1) }), exactly: ["GA", "GD", "GF"] },
  { title: "performer_count NOT_EQUALS 1 (TestGalleryQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("NOT_EQUALS", 1) }), exactly: but("GA", "GD", "GF") },
  { title: "performer_count GREATER_THAN 1 (TestGalleryQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("GREATER_THAN", 1) }), exactly: ["GB", "GC"] },
  { title: "performer_count LESS_THAN 1 (TestGalleryQueryPerformerCount)", needs: P, filter: () => ({ performer_count: int("LESS_THAN", 1) }), exactly: but("GA", "GB", "GC", "GD", "GF") },
];

async function imagesOf(label: string): Promise<string[]> {
  const data = await c.run("query($id: ID!) { findGallery(id: $id) { image_count } findImages(image_filter: { galleries: { value: [$id], modifier: INCLUDES } }, filter: { per_page: -1 }) { images { id } } }", { id: lib.galleries.id(label) });
  const ids = lib.images.names(data.findImages.images.map((i: { id: string }) => i.id)).sort();
  expect(data.findGallery.image_count, "image_count agrees with the gallery's images").toBe(ids.length);
  return ids;
}

describe("galleries", () => {
  criterion("fields and flags", c, "galleries", L, galleries, FIELD_CASES);
  criterion("relations", c, "galleries", L, galleries, RELATION_CASES);

  describe("sorting (gallery_test.go TestGalleryQuerySorting)", () => {
    for (const sort of ["file_mod_time", "path", "title"]) {
      conformanceCase(c, `${sort} DESC answers every gallery`, [], async () => {
        expect((await find(c, "galleries", null, { sort, direction: "DESC" })).items.length).toBe(all(lib).length);
      });
    }
  });

  describe("images, cover and partial updates", () => {
    const ADD = "mutation($i: GalleryAddInput!) { addGalleryImages(input: $i) }";
    const REMOVE = "mutation($i: GalleryRemoveInput!) { removeGalleryImages(input: $i) }";
    conformanceCase(c, "addGalleryImages adds once; unknown image or gallery is an error (gallery_test.go TestGalleryStore_AddImages)", ["image"], async () => {
      const ga = lib.galleries.id("GA");
      await c.run(ADD, { i: { gallery_id: ga, image_ids: lib.images.ids("GI4") } });
      await c.run(ADD, { i: { gallery_id: ga, image_ids: lib.images.ids("GI4", "GI1") } });
      expect(await imagesOf("GA")).toEqual(["GI1", "GI4"]);
      await expectRejected(c, ADD, { i: { gallery_id: ga, image_ids: [...lib.images.ids("GI2"), "999999"] } });
      await expectRejected(c, ADD, { i: { gallery_id: "999999", image_ids: lib.images.ids("GI2") } });
    });
    conformanceCase(c, "removeGalleryImages removes; absent or unknown ids are no error (gallery_test.go TestGalleryStore_RemoveImages)", ["image"], async () => {
      const gb = lib.galleries.id("GB");
      await c.run(REMOVE, { i: { gallery_id: gb, image_ids: [...lib.images.ids("GI2", "GI4"), "999999"] } });
      expect(await imagesOf("GB")).toEqual(["GI3"]);
      await c.run(ADD, { i: { gallery_id: gb, image_ids: lib.images.ids("GI2") } });
    });
    conformanceCase(c, "setGalleryCover then resetGalleryCover (gallery_test.go TestGallerySetAndResetCover)", ["image"], async () => {
      const gb = lib.galleries.id("GB");
      const cover = async () => (await c.run("query($id: ID!) { findGallery(id: $id) { cover { id } } }", { id: gb })).findGallery.cover?.id ?? null;
      await c.run("mutation($i: GallerySetCoverInput!) { setGalleryCover(input: $i) }", { i: { gallery_id: gb, cover_image_id: lib.images.id("GI3") } });
      expect(await cover()).toBe(lib.images.id("GI3"));
      await c.run("mutation($i: GalleryResetCoverInput!) { resetGalleryCover(input: $i) }", { i: { gallery_id: gb } });
      expect(await cover()).toBe(lib.images.id("GI2"));
    });
    conformanceCase(c, "bulkGalleryUpdate tag_ids ADD / identical / invalid / REMOVE / unrelated (gallery_test.go Test_galleryQueryBuilder_UpdatePartialRelationships)", [], async () => {
      const ge = lib.galleries.id("GE");
      const BULK = "mutation($i: BulkGalleryUpdateInput!) { bulkGalleryUpdate(input: $i) { id } }";
      const tagsOf = async () => lib.tags.names((await c.run("query($id: ID!) { findGallery(id: $id) { tags { id } } }", { id: ge })).findGallery.tags.map((t: { id: string }) => t.id)).sort();
      await c.run(BULK, { i: { ids: [ge], tag_ids: { ids: lib.tags.ids("ga", "gb", "gb"), mode: "ADD" } } });
      await c.run(BULK, { i: { ids: [ge], tag_ids: { ids: lib.tags.ids("ga"), mode: "ADD" } } });
      expect(await tagsOf()).toEqual(["ga", "gb"]);
      await expectRejected(c, BULK, { i: { ids: [ge], tag_ids: { ids: ["999999"], mode: "ADD" } } });
      await c.run(BULK, { i: { ids: [ge], tag_ids: { ids: lib.tags.ids("ga", "gc"), mode: "REMOVE" } } });
      expect(await tagsOf()).toEqual(["gb"]);
    });
  });
});

/**
 * Bad input to the entity namespaces, table-driven like bad-input.test.ts:
 * every case throws StashValidationError naming the field at fault, and the
 * stand-in sees no request at all (not even the capability probe).
 */
import { describe, expect, it } from "vitest";
import { refusedBeforeAnyRequest, type BadInputCase } from "./helpers/bad-input";

const cases: BadInputCase[] = [
  ["tags.find with a non-numeric id", (s) => s.tags.find("abc"), /^id$/],
  ["performers.find with a negative id", (s) => s.performers.find(-2), /^id$/],
  ["studios.find with a fractional id", (s) => s.studios.find(2.5), /^id$/],
  ["galleries.findMany with a bad id in ids", (s) => s.galleries.findMany({ ids: ["1", "x"] }), /^ids\[1\]$/],
  ["groups.findMany with ids and a filter", (s) => s.groups.findMany({ ids: ["1"], group_filter: {} }), /^ids$/],
  ["tags.findMany with an unknown sort", (s) => s.tags.findMany({ filter: { sort: "loudness" } }), /^filter\.sort$/],
  ["tags.findMany with an unknown argument", (s) => s.tags.findMany({ tagFilter: {} } as never), /^args$/],
  ["performers.update with rating100 101", (s) => s.performers.update({ id: "1", rating100: 101 }), /^input\.rating100$/],
  ["studios.create with rating100 -5", (s) => s.studios.create({ name: "S", rating100: -5 }), /^input\.rating100$/],
  ["performers.create with a malformed birthdate", (s) => s.performers.create({ name: "P", birthdate: "31/12/1990" }), /^input\.birthdate$/],
  ["groups.update with February 30th", (s) => s.groups.update({ id: "1", date: "2020-02-30" }), /^input\.date$/],
  ["galleries.bulkUpdate with a malformed date", (s) => s.galleries.bulkUpdate({ ids: ["1"], date: "soon" }), /^input\.date$/],
  ["tags.bulkUpdate with an unknown mode", (s) => s.tags.bulkUpdate({ ids: ["1"], parent_ids: { ids: ["2"], mode: "APPEND" as never } }), /^input\.parent_ids\.mode$/],
  ["images.bulkUpdate with an empty add", (s) => s.images.bulkUpdate({ ids: ["1"], tag_ids: { add: [] } }), /^input\.tag_ids\.add$/],
  ["performers.bulkUpdate with an empty remove", (s) => s.performers.bulkUpdate({ ids: ["1"], tags: { remove: [] } }), /^input\.tags\.remove$/],
  ["galleries.bulkUpdate naming two modes", (s) => s.galleries.bulkUpdate({ ids: ["1"], tag_ids: { add: ["1"], remove: ["2"] } as never }), /^input\.tag_ids$/],
  ["scenes.bulkUpdate with a null relation", (s) => s.scenes.bulkUpdate({ ids: ["1"], tag_ids: null as never }), /^input\.tag_ids$/],
  ["groups.bulkUpdate without ids", (s) => s.groups.bulkUpdate({ ids: [], rating100: 50 }), /^input\.ids$/],
  ["tags.bulkUpdate that changes nothing", (s) => s.tags.bulkUpdate({ ids: ["1"] }), /^input$/],
  ["tags.findOrCreate with an empty name", (s) => s.tags.findOrCreate(""), /^name$/],
  ["performers.findOrCreate with a blank name", (s) => s.performers.findOrCreate("   "), /^name$/],
  ["studios.findOrCreate with a bad extra field", (s) => s.studios.findOrCreate("Acme", { rating100: 500 }), /^extra\.rating100$/],
  ["tags.merge into itself", (s) => s.tags.merge({ source: ["1", "2"], destination: "2" }), /^source$/],
  ["tags.merge without sources", (s) => s.tags.merge({ source: [], destination: "2" }), /^source$/],
  ["scenes.merge into itself", (s) => s.scenes.merge({ source: ["3"], destination: "3" }), /^source$/],
  ["tags.destroy with an empty list", (s) => s.tags.destroy([]), /^ids$/],
  ["images.destroy with an empty list", (s) => s.images.destroy([]), /^ids$/],
  ["scenes.destroy with an empty list", (s) => s.scenes.destroy([]), /^ids$/],
  ["studios.destroy asked to delete files", (s) => s.studios.destroy("1", { delete_file: true }), /^options\.delete_file$/],
  ["galleries.destroy with a non-boolean delete_file", (s) => s.galleries.destroy("1", { delete_file: "yes" as never }), /^options\.delete_file$/],
  ["tags.create with an id", (s) => s.tags.create({ name: "T", id: "4" } as never), /^input\.id$/],
  ["tags.create without a name", (s) => s.tags.create({ description: "no name" } as never), /^input\.name$/],
  ["tags.update with a typo", (s) => s.tags.update({ id: "1", nmae: "typo" } as never), /^input$/],
  ["performers.update with an unknown gender", (s) => s.performers.update({ id: "1", gender: "ROBOT" as never }), /^input\.gender$/],
  ["performers.update with a deprecated field", (s) => s.performers.update({ id: "1", twitter: "@x" }), /^input\.twitter$/],
  ["studios.update with both spellings of a relation", (s) => s.studios.update({ id: "1", tags: ["1"], tag_ids: ["2"] }), /^input\.tags$/],
  ["tags.update clearing a flag", (s) => s.tags.update({ id: "1", favorite: null as never }), /^input\.favorite$/],
  ["performers.update with a url lacking a scheme", (s) => s.performers.update({ id: "1", urls: ["example.com"] }), /^input\.urls\[0\]$/],
  ["tags.iterate with per_page in the filter", (s) => s.tags.iterate({ filter: { per_page: 5 } as never }).next(), /^filter$/],
  ["performers.iterate with perPage 0", (s) => s.performers.iterate({ perPage: 0 }).next(), /^perPage$/],
  ["studios.iterate with plain random", (s) => s.studios.iterate({ filter: { sort: "random" } }).next(), /^filter\.sort$/],
  ["galleries.addImages without images", (s) => s.galleries.addImages("1", []), /^imageIds$/],
  ["galleries.setCover with a bad image id", (s) => s.galleries.setCover("1", "cover"), /^imageId$/],
  ["galleries.chapters.create without a title", (s) => s.galleries.chapters.create({ gallery_id: "1", image_index: 1 } as never), /^input\.title$/],
  ["images.addO with a bad id", (s) => s.images.addO("one"), /^id$/],
  ["groups.addSubGroups containing the group itself", (s) => s.groups.addSubGroups("1", ["2", "1"]), /^subGroups$/],
  ["groups.setScene with a negative index", (s) => s.groups.setScene("1", "2", -1), /^sceneIndex$/],
  ["savedFilters.list with an unknown mode", (s) => s.savedFilters.list("MOVIESS" as never), /^mode$/],
  ["scrapers.scrapeURL with a bad URL", (s) => s.scrapers.scrapeURL("not a url", "SCENE"), /^url$/],
  ["files.folder with both id and path", (s) => s.files.folder({ id: "1", path: "/x" } as never), /^where$/],
  ["markers.bulkUpdate with an empty add", (s) => s.markers.bulkUpdate({ ids: ["1"], tag_ids: { add: [] } }), /^input\.tag_ids\.add$/],
  ["tags.ancestors with a bad id", (s) => s.tags.ancestors("root"), /^id$/],
];

describe("bad input to the entity namespaces is refused before any request", () => {
  it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  refusedBeforeAnyRequest(cases);
});

/**
 * Bad input, table-driven: every case throws StashValidationError naming the
 * argument at fault, and the stand-in sees no request at all (not even the
 * capability probe), so nothing stored can be touched.
 */
import { describe, expect, it } from "vitest";
import { StashClient, StashValidationError } from "../src/index";
import { refusedBeforeAnyRequest, type BadInputCase } from "./helpers/bad-input";

const cases: BadInputCase[] = [
  ["empty id", (s) => s.findScene(""), /^id$/],
  ["non-numeric id", (s) => s.findScene("abc"), /^id$/],
  ["negative id", (s) => s.findScene(-1), /^id$/],
  ["fractional id", (s) => s.findScene(1.5), /^id$/],
  ["whitespace id for streams", (s) => s.sceneStreams("  "), /id/i],
  ["duplicate ids in findScenes", (s) => s.findScenes({ ids: ["1", "1"] }), /^ids/],
  ["duplicate ids in scenesDestroy", (s) => s.scenesDestroy({ ids: ["2", "2"] }), /^ids/],
  ["duplicate ids in destroySceneMarkers", (s) => s.destroySceneMarkers(["3", "3"]), /^ids/],
  ["rating100 above 100", (s) => s.updateScene({ id: "1", rating100: 101 }), /rating100/],
  ["rating100 below 0", (s) => s.createScene({ title: "x", rating100: -1 }), /rating100/],
  ["month 13", (s) => s.updateScene({ id: "1", date: "2024-13-01" }), /date/],
  ["date 'yesterday'", (s) => s.createScene({ title: "x", date: "yesterday" }), /date/],
  ["February 30th", (s) => s.updateScene({ id: "1", date: "2014-02-30" }), /date/],
  ["history time in words", (s) => s.sceneAddO("1", ["last tuesday"]), /times/],
  ["history time with hour 25", (s) => s.sceneAddPlay("1", ["2024-01-15T25:00:00Z"]), /times/],
  ["history time as an invalid Date", (s) => s.sceneDeletePlay("1", [new Date("nope")]), /times/],
  ["relative time without a unit", (s) => s.sceneDeleteO("1", ["<4"]), /times/],
  ["distance 65", (s) => s.findDuplicateScenesWrapper({ distance: 65 }), /distance/],
  ["negative distance", (s) => s.findDuplicateScenesWrapper({ distance: -1 }), /distance/],
  ["fractional distance", (s) => s.findDuplicateScenesWrapper({ distance: 2.5 }), /distance/],
  ["negative durationDiff", (s) => s.findDuplicateScenesWrapper({ durationDiff: -1 }), /durationDiff/],
  ["unknown preset", (s) => s.findDuplicateScenesWrapper({ preset: "extreme" as never }), /preset/],
  ["per_page 0 for the scene iterator", (s) => s.iterateScenes({ perPage: 0 }).next(), /perPage|per_page/],
  ["negative page size for the marker iterator", (s) => s.iterateSceneMarkers({ perPage: -5 }).next(), /perPage|per_page/],
  ["marker merge target among the sources", (s) => s.mergeSceneMarkers("1", ["1", "2"]), /source|target/],
  ["marker merge without sources", (s) => s.mergeSceneMarkers("1", []), /source/],
  ["sceneMerge without a source", (s) => s.sceneMerge({ source: [], destination: "1" }), /source/],
  ["sceneMerge with the destination among the sources", (s) => s.sceneMerge({ source: ["1", "2"], destination: "1" }), /source|destination/],
  ["bulkSceneUpdate without ids", (s) => s.bulkSceneUpdate({ ids: [] }), /(^|\.)ids$/],
  ["invalid BulkUpdateIdMode", (s) => s.bulkSceneUpdate({ ids: ["1"], tag_ids: { ids: ["2"], mode: "APPEND" as never } }), /tag_ids\.mode/],
  ["url without a scheme", (s) => s.updateScene({ id: "1", urls: ["example.com/scene"] }), /urls\[0\]/],
  ["url with an unsupported scheme", (s) => s.updateScene({ id: "1", urls: ["ftp://example.com/scene"] }), /urls\[0\]/],
  ["marker ending before it starts", (s) => s.createSceneMarker({ title: "t", seconds: 10, end_seconds: 5, scene_id: "1", primary_tag_id: "1" }), /end_seconds/],
  ["findSceneByHash without a hash", (s) => s.findSceneByHash({}), /checksum|oshash|hash/],
  ["non-numeric id for activity", (s) => s.sceneSaveActivity("x1", { resumeTime: 10 }), /^id$/],
  ["unknown field on updateScene", (s) => s.updateScene({ id: "1", titel: "typo" } as never), /titel|scene/],
  ["config.update with a section Stash lacks", (s) => s.config.update({ generel: {} } as never), /^update$/],
  ["config.update with a key ConfigGeneralInput lacks", (s) => s.config.update({ general: { parallelTask: 2 } } as never), /^update\.general$/],
  ["config.update with a nested key the schema lacks", (s) => s.config.update({ interface: { imageLightbox: { zoom: 2 } } } as never), /^update\.interface\.imageLightbox$/],
  ["config.update with a section that is not an object", (s) => s.config.update({ dlna: true } as never), /^update\.dlna$/],
  ["plugins.configure with an empty plugin id", (s) => s.plugins.configure("", { a: 1 }), /^pluginId$/],
  ["plugins.configure with settings that are not an object", (s) => s.plugins.configure("p", "on" as never), /^settings$/],
  ["plugins.settings with a blank plugin id", (s) => s.plugins.settings("   "), /^pluginId$/],
  ["plugins.run without a task name", (s) => s.plugins.run("p", ""), /^taskName$/],
  ["plugins.runOperation with args that are an array", (s) => s.plugins.runOperation("p", [1] as never), /^args$/],
  ["jobs.wait with a non-numeric job id", (s) => s.jobs.wait("job-1"), /^id$/],
  ["jobs.wait with a negative job id", (s) => s.jobs.wait(-3), /^id$/],
  ["jobs.wait with a negative timeoutMs", (s) => s.jobs.wait("1", { timeoutMs: -1 }), /^timeoutMs$/],
  ["jobs.find with a fractional job id", (s) => s.jobs.find("1.5"), /^id$/],
  ["jobs.stop with an empty job id", (s) => s.jobs.stop(""), /^id$/],
  ["metadata.scan with a path that is not a string", (s) => s.metadata.scan({ paths: ["/ok", 7 as never] }), /^input\.paths\[1\]$/],
  ["metadata.scan with paths that are not an array", (s) => s.metadata.scan({ paths: "/media" as never }), /^input\.paths$/],
  ["metadata.autoTag with an empty performer name", (s) => s.metadata.autoTag({ performers: [""] }), /^input\.performers\[0\]$/],
  ["metadata.clean without dryRun", (s) => s.metadata.clean({} as never), /^input\.dryRun$/],
  ["metadata.identify without sources", (s) => s.metadata.identify({ sources: [] }), /^input\.sources$/],
];

describe("bad input is refused before any request", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  refusedBeforeAnyRequest(cases, (label, err) => {
    if (label.startsWith("unknown field")) expect(err.message).toContain("titel");
  });

  it.each([
    ["a URL without a scheme", "localhost:9999"],
    ["an unsupported scheme", "ftp://127.0.0.1/graphql"],
    ["an empty URL", "  "],
    ["a URL that does not parse", "http://"],
  ])("the client refuses %s", (_label, url) => {
    let thrown: unknown;
    try {
      new StashClient({ url });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(StashValidationError);
    expect((thrown as StashValidationError).argument).toBe("url");
  });
});

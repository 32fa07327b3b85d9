/**
 * The facade across Stash releases. On each committed release from v0.28.1 to
 * v0.30.1 every method either works or throws StashUnsupportedError — exactly
 * as the generated compatibility table says — and an unsupported call sends
 * nothing. Older servers are refused on the first call.
 */
import { afterEach, describe, expect, it } from "vitest";
import { operationReleases } from "../generated/compat";
import { parseStashVersion } from "../src/core/capabilities";
import { methodOperations } from "../generated/method-operations";
import { StashClient, StashUnsupportedError, StashValidationError } from "../src/index";
import { startStandIn, type Fixture, type SeedResult, type StandIn } from "../src/testing";

const fixture: Fixture = {
  tags: ["Action", "Drama"],
  performers: ["Alice"],
  studios: ["Acme"],
  scenes: [
    {
      title: "Alpha",
      details: "the first one",
      tags: ["Action"],
      performers: ["Alice"],
      studio: "Acme",
      files: [{ path: "/media/alpha.mp4", size: 1000, duration: 60, width: 1280, height: 720, phash: "a1b2c3d4e5f60718", md5: "0123456789abcdef0123456789abcdef" }],
      markers: [{ title: "Intro", seconds: 5, primary_tag: "Action" }],
    },
    {
      title: "Beta",
      details: "the second one",
      files: [
        { path: "/media/beta.mp4", size: 900, duration: 60, width: 1280, height: 720, phash: "a1b2c3d4e5f60718" },
        { path: "/media/beta-extra.mp4", size: 500, duration: 30, width: 640, height: 360 },
      ],
      markers: [{ title: "Outro", seconds: 50, primary_tag: "Drama" }],
    },
    { title: "Gamma" },
    { title: "Delta" },
    { title: "Epsilon" },
  ],
};

type Ids = SeedResult;
/** Method → the operation it relies on, and a call that succeeds on a server that has it. */
const calls: [method: string, operation: string, call: (s: StashClient, ids: Ids) => Promise<unknown>][] = [
  ["version", "Version", (s) => s.version()],
  ["findScene", "FindScene", (s, ids) => s.findScene(ids.scenes[0]!)],
  ["findSceneByHash", "FindSceneByHash", (s) => s.findSceneByHash({ checksum: "0123456789abcdef0123456789abcdef" })],
  ["findScenes", "FindScenes", (s) => s.findScenes({ q: "Alpha" })],
  ["iterateScenes", "FindScenesSlim", async (s) => {
    let n = 0;
    for await (const _ of s.iterateScenes({ perPage: 2 })) n++;
    return n;
  }],
  ["findScenesByPathRegex", "FindScenesByPathRegex", (s) => s.findScenesByPathRegex({ q: "alpha" })],
  ["sceneWall", "SceneWall", (s) => s.sceneWall("first")],
  ["sceneStreams", "SceneStreams", (s, ids) => s.sceneStreams(ids.scenes[0]!)],
  ["parseSceneFilenames", "ParseSceneFilenames", (s) => s.parseSceneFilenames({ filter: { q: "{title}.{ext}" }, config: {} })],
  ["findDuplicateScenes", "FindDuplicateScenes", (s) => s.findDuplicateScenes({ distance: 0 })],
  ["findDuplicateScenesWrapper", "FindDuplicateScenes", (s) => s.findDuplicateScenesWrapper({ preset: "high" })],
  ["findSceneMarkers", "FindSceneMarkers", (s, ids) => s.findSceneMarkers({ markerFilter: { scenes: { value: [ids.scenes[0]!], modifier: "INCLUDES" } } })],
  ["iterateSceneMarkers", "FindSceneMarkers", async (s) => {
    let n = 0;
    for await (const _ of s.iterateSceneMarkers({ perPage: 1 })) n++;
    return n;
  }],
  ["sceneMarkerTags", "SceneMarkerTags", (s, ids) => s.sceneMarkerTags(ids.scenes[0]!)],
  ["markerWall", "MarkerWall", (s) => s.markerWall()],
  ["markerStrings", "MarkerStrings", (s) => s.markerStrings({})],
  ["listSceneScrapers", "ListSceneScrapers", (s) => s.listSceneScrapers()],
  ["scrapeSceneURL", "ScrapeSceneURL", (s) => s.scrapeSceneURL("https://example.com/scene/1")],
  ["createScene", "SceneCreate", (s) => s.createScene({ title: "Created", date: "2024-03-15" })],
  ["updateScene", "SceneUpdate", (s, ids) => s.updateScene({ id: ids.scenes[2]!, rating100: 60 })],
  ["scenesUpdate", "ScenesUpdate", (s, ids) => s.scenesUpdate([{ id: ids.scenes[2]!, title: "Gamma 2" }])],
  ["bulkSceneUpdate", "BulkSceneUpdate", (s, ids) => s.bulkSceneUpdate({ ids: [ids.scenes[2]!], tag_ids: { ids: [ids.tags["Drama"]!], mode: "ADD" } })],
  ["sceneGenerateScreenshot", "SceneGenerateScreenshot", (s, ids) => s.sceneGenerateScreenshot(ids.scenes[0]!)],
  ["sceneAddO", "SceneAddO", (s, ids) => s.sceneAddO(ids.scenes[0]!)],
  ["sceneDeleteO", "SceneDeleteO", (s, ids) => s.sceneDeleteO(ids.scenes[0]!)],
  ["sceneResetO", "SceneResetO", (s, ids) => s.sceneResetO(ids.scenes[0]!)],
  ["sceneAddPlay", "SceneAddPlay", (s, ids) => s.sceneAddPlay(ids.scenes[0]!, ["2024-01-15T10:30:00Z"])],
  ["sceneDeletePlay", "SceneDeletePlay", (s, ids) => s.sceneDeletePlay(ids.scenes[0]!)],
  ["sceneResetPlayCount", "SceneResetPlayCount", (s, ids) => s.sceneResetPlayCount(ids.scenes[0]!)],
  ["sceneSaveActivity", "SceneSaveActivity", (s, ids) => s.sceneSaveActivity(ids.scenes[0]!, { resumeTime: 12, playDuration: 30 })],
  ["sceneResetActivity", "SceneResetActivity", (s, ids) => s.sceneResetActivity(ids.scenes[0]!, { resetResume: true })],
  ["createSceneMarker", "SceneMarkerCreate", (s, ids) => s.createSceneMarker({ title: "New", seconds: 10, scene_id: ids.scenes[2]!, primary_tag_id: ids.tags["Action"]! })],
  ["updateSceneMarker", "SceneMarkerUpdate", (s, ids) => s.updateSceneMarker({ id: ids.markers[0]!, title: "Intro 2" })],
  ["bulkSceneMarkerUpdate", "BulkSceneMarkerUpdate", (s, ids) => s.bulkSceneMarkerUpdate({ ids: [ids.markers[0]!], title: "Bulk" })],
  ["mergeSceneMarkers", "SceneMarkerCreate", (s, ids) => s.mergeSceneMarkers(ids.scenes[3]!, [ids.scenes[1]!])],
  ["sceneAssignFile", "SceneAssignFile", (s, ids) => s.sceneAssignFile({ scene_id: ids.scenes[4]!, file_id: ids.files["/media/beta-extra.mp4"]! })],
  ["destroySceneMarker", "SceneMarkerDestroy", (s, ids) => s.destroySceneMarker(ids.markers[1]!)],
  ["destroySceneMarkers", "SceneMarkersDestroy", (s, ids) => s.destroySceneMarkers([ids.markers[0]!])],
  ["sceneMerge", "SceneMerge", (s, ids) => s.sceneMerge({ source: [ids.scenes[1]!], destination: ids.scenes[0]!, play_history: true })],
  ["sceneDestroy", "SceneDestroy", (s, ids) => s.sceneDestroy({ id: ids.scenes[3]! })],
  ["scenesDestroy", "ScenesDestroy", (s, ids) => s.scenesDestroy({ ids: [ids.scenes[4]!] })],
];

it("the call table matches the method → operation map the compat command uses", () => {
  for (const [method, operation] of calls) expect(methodOperations[method], method).toContain(operation);
});

let stash: StandIn | undefined;
afterEach(async () => {
  await stash?.close();
  stash = undefined;
});

describe.each(["v0.28.1", "v0.29.3", "v0.30.1"])("against Stash %s", (version) => {
  it("every method works or throws StashUnsupportedError, as the compatibility table says", async () => {
    stash = await startStandIn({ version });
    const ids = await stash.seed(fixture);
    const client = new StashClient({ url: stash.url, retry: false });
    const outcomes: string[] = [];
    for (const [method, operation, call] of calls) {
      const supported = operationReleases[operation]?.includes(version) ?? false;
      const before = stash.requests;
      const result = await call(client, ids).then(
        () => "works",
        (err: unknown) => (err instanceof StashUnsupportedError ? "unsupported" : `error: ${(err as Error).message}`),
      );
      outcomes.push(`${method}: ${result}`);
      expect(`${method}: ${result}`).toBe(`${method}: ${supported ? "works" : "unsupported"}`);
      if (!supported) expect(stash.requests - before).toBe(0);
    }
    // One capability probe for the whole client, however many calls followed.
    expect(stash.operations.filter((o) => o.operationName === "StashCapabilities")).toHaveLength(1);
    expect(outcomes.length).toBe(calls.length);
  });
});

describe("older servers", () => {
  it.each(["v0.25.1", "v0.26.2", "v0.27.2"])("Stash %s is refused clearly on the first call", async (version) => {
    stash = await startStandIn({ version });
    const client = new StashClient({ url: stash.url });
    const err = await client.findScene("1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashUnsupportedError);
    expect((err as Error).message).toContain(`Stash ${version} is older than v0.28.0, the oldest this SDK supports`);
    expect(stash.requests).toBe(1);
    await expect(client.findScenes()).rejects.toBeInstanceOf(StashUnsupportedError);
    expect(stash.requests).toBe(1);
  });

  it("an unofficial build without a version is judged by introspection", async () => {
    stash = await startStandIn({ version: "v0.27.2", reportedVersion: "" });
    const err = await new StashClient({ url: stash.url }).findScene("1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashUnsupportedError);
    expect((err as Error).message).toMatch(/reports no version.*older than v0\.28\.0.*lacks fields/);
  });

  it("the check can be turned off", async () => {
    stash = await startStandIn({ version: "v0.27.2" });
    const client = new StashClient({ url: stash.url, checkCompatibility: false });
    await expect(client.version()).resolves.toMatchObject({ version: "v0.27.2" });
  });
});

describe("capabilities()", () => {
  it.each([
    ["v0.30.1", { major: 0, minor: 30, patch: 1 }],
    ["0.28.1", { major: 0, minor: 28, patch: 1 }],
    ["v0.30.1-12-gabc1234", null],
    ["", null],
    ["stash-dev", null],
  ])("parses %j", (input, expected) => {
    expect(parseStashVersion(input)).toEqual(expected);
  });

  it.each(["", "v0.30.1-12-gabc1234"])("falls back to introspection for version %j", async (reported) => {
    stash = await startStandIn({ reportedVersion: reported });
    const caps = await new StashClient({ url: stash.url }).capabilities();
    expect(caps.version).toBe(reported);
    expect(caps.semver).toBeNull();
    expect(caps.meetsMinimum).toBe(true);
    expect(caps.missing).toEqual([]);
    expect(caps.supports("BulkSceneMarkerUpdate")).toBe(true);
  });

  it("reports what is missing, with the first release that has it", async () => {
    stash = await startStandIn({ version: "v0.29.3" });
    const caps = await new StashClient({ url: stash.url }).capabilities();
    expect(caps.semver).toEqual({ major: 0, minor: 29, patch: 3 });
    expect(caps.supports("FindScenes")).toBe(true);
    expect(caps.supports("BulkSceneMarkerUpdate")).toBe(false);
    expect(caps.missing).toContainEqual(
      expect.objectContaining({ operation: "BulkSceneMarkerUpdate", firstRelease: "v0.30.1", lacks: expect.arrayContaining(["Mutation.bulkSceneMarkerUpdate"]) }),
    );
    const err = await new StashClient({ url: stash.url }).bulkSceneMarkerUpdate({ ids: ["1"], title: "x" }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/BulkSceneMarkerUpdate is not supported by Stash v0\.29\.3.*needs Stash v0\.30 or newer/);
  });

  it("is cached per client, refreshed on request, and never shared between clients", async () => {
    stash = await startStandIn();
    const a = new StashClient({ url: stash.url });
    await a.capabilities();
    await a.capabilities();
    await a.findScenes();
    expect(stash.requests).toBe(2);
    await a.capabilities({ refresh: true });
    expect(stash.requests).toBe(3);
    await new StashClient({ url: stash.url }).capabilities();
    expect(stash.requests).toBe(4);
  });
});

describe("partial dates on servers older than v0.30", () => {
  it("are refused client-side, naming the field, with no request for the update", async () => {
    stash = await startStandIn({ version: "v0.29.3" });
    const ids = await stash.seed({ scenes: [{ title: "Old server" }] });
    const client = new StashClient({ url: stash.url });
    for (const date of ["2024", "2024-03"]) {
      const err = await client.updateScene({ id: ids.scenes[0]!, date }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashValidationError);
      expect((err as StashValidationError).argument).toBe("date");
      expect((err as Error).message).toMatch(/partial date.*v0\.30/);
    }
    expect(stash.operations.map((o) => o.operationName)).toEqual(["StashCapabilities"]);
    await expect(client.updateScene({ id: ids.scenes[0]!, date: "2024-03-15" })).resolves.toMatchObject({ date: "2024-03-15" });
  });

  it("pass through on v0.30", async () => {
    stash = await startStandIn();
    const ids = await stash.seed({ scenes: [{ title: "New server" }] });
    const client = new StashClient({ url: stash.url });
    await expect(client.updateScene({ id: ids.scenes[0]!, date: "2024" })).resolves.toMatchObject({ date: "2024" });
  });
});

/**
 * Schema knowledge used by validation is generated: input field lists from the schema
 * snapshots, sort names from schema/sorts.json (read from Stash's Go source). Checks
 * that depend on the server's release run after the capability probe, before the request.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSchema, isEnumType, isInputObjectType } from "graphql";
import { enumValues, inputFactReleases, inputFields, type MemberFacts } from "../generated/input-fields";
import { sortReleases, sortsByRelease } from "../generated/sorts";
import { checkInputForServer, fieldNames } from "../src/core/input-fields";
import { NEWEST_SERVER, releaseFor, type ServerVersion } from "../src/core/server-version";
import { knownSorts, sortsFor } from "../src/core/sorts";
import { findScenes } from "../src/scenes/scenes";
import { MARKER_SORTS, SCENE_SORTS, StashCore, StashValidationError, parseStashVersion } from "../src/index";
import { parseSortOptions } from "../scripts/derive-sorts";
import { projectPaths } from "../scripts/lib/paths";
import { readReleaseSnapshots } from "../scripts/lib/schema-files";
import { readSortsData } from "../scripts/lib/sorts";
import { standInPerTest } from "./helpers/standin";

const paths = projectPaths();
const server = (version: string): ServerVersion => ({ version, semver: parseStashVersion(version) });
const inRelease = (f: MemberFacts, release: string) =>
  inputFactReleases.indexOf(f.since) <= inputFactReleases.indexOf(release) &&
  (f.removedIn === undefined || inputFactReleases.indexOf(release) < inputFactReleases.indexOf(f.removedIn));

describe("generated/input-fields.ts", () => {
  const current = buildSchema(readFileSync(paths.schemaFile, "utf8"));
  const snapshots = readReleaseSnapshots(paths.schemaVersions).map((s) => ({ version: s.version, schema: buildSchema(s.sdl) }));

  it("lists every field of SceneUpdateInput in schema/stash.graphql, deprecated ones marked", () => {
    const type = current.getType("SceneUpdateInput");
    if (!isInputObjectType(type)) throw new Error("SceneUpdateInput is not an input type");
    const fields = Object.values(type.getFields());
    expect(fieldNames("SceneUpdateInput", { deprecated: true }).sort()).toEqual(fields.map((f) => f.name).sort());
    expect(fieldNames("SceneUpdateInput").sort()).toEqual(fields.filter((f) => !f.deprecationReason).map((f) => f.name).sort());
  });

  it("matches every committed snapshot, field by field and enum value by value", () => {
    expect([...inputFactReleases]).toEqual(snapshots.map((s) => s.version));
    const groups: [Record<string, Record<string, MemberFacts>>, (t: unknown) => string[] | null][] = [
      [inputFields, (t) => (isInputObjectType(t) ? Object.keys(t.getFields()) : null)],
      [enumValues, (t) => (isEnumType(t) ? t.getValues().map((v) => v.name) : null)],
    ];
    for (const [facts, membersOf] of groups) {
      for (const [typeName, members] of Object.entries(facts)) {
        for (const { version, schema } of snapshots) {
          const expected = membersOf(schema.getType(typeName)) ?? [];
          const listed = Object.entries(members).filter(([, f]) => inRelease(f, version)).map(([name]) => name);
          expect(listed.sort(), `${typeName} in ${version}`).toEqual([...expected].sort());
        }
      }
    }
  });
});

describe("generated/sorts.ts", () => {
  it("is schema/sorts.json, and the exported lists are the newest release's", () => {
    const data = readSortsData();
    expect([...sortReleases]).toEqual(Object.keys(data.releases));
    for (const release of sortReleases) expect(sortsByRelease[release]).toEqual(data.releases[release]!.sorts);
    expect(SCENE_SORTS).toEqual(sortsByRelease["v0.30.1"]!.scenes);
    expect(MARKER_SORTS).toEqual(sortsByRelease["v0.30.1"]!.sceneMarkers);
  });

  it("knows the scene sorts v0.30 added, which v0.28 and v0.29 refuse", () => {
    expect(sortsFor("scenes", server("v0.28.1"))).not.toContain("studio");
    expect(sortsFor("scenes", server("v0.29.0"))).not.toContain("performer_age");
    expect(sortsFor("scenes", server("v0.30.1"))).toContain("studio");
    expect(knownSorts("scenes")).toEqual(expect.arrayContaining(["studio", "performer_age", "title"]));
  });

  it("parses Stash's sortOptions literal as scripts/derive-sorts.ts reads it", () => {
    const go = 'var sceneSortOptions = sortOptions{\n\t"bitrate",\n\t// a comment\n\t"title",\n}\n';
    expect(parseSortOptions(go, "sceneSortOptions")).toEqual(["bitrate", "title"]);
    expect(() => parseSortOptions(go, "tagSortOptions")).toThrow(/tagSortOptions/);
  });
});

describe("the release that stands for a server", () => {
  it("is the newest list of the same or an older minor version; the newest for dev builds and unprobed clients", () => {
    expect(releaseFor(server("v0.28.0"), sortReleases)).toBe("v0.28.1");
    expect(releaseFor(server("v0.29.1"), sortReleases)).toBe("v0.29.3");
    expect(releaseFor(server("v0.31.2"), sortReleases)).toBe("v0.30.1");
    expect(releaseFor(server("v0.27.2"), sortReleases)).toBe("v0.28.1");
    expect(releaseFor(server("v0.30.1-12-gabcdef"), sortReleases)).toBe("v0.30.1");
    expect(releaseFor(NEWEST_SERVER, sortReleases)).toBe("v0.30.1");
  });

  it("checks input fields and nested inputs against that release, skipping types the release lacks", () => {
    const old = server("v0.26.2");
    const check = (type: Parameters<typeof checkInputForServer>[0], value: unknown) => {
      try {
        checkInputForServer(type, value, "scene", old);
        return null;
      } catch (err) {
        return err as StashValidationError;
      }
    };
    expect(check("SceneUpdateInput", { id: "1", groups: [{ group_id: "2" }] })).toMatchObject({ argument: "scene.groups" });
    expect(check("SceneUpdateInput", { id: "1", stash_ids: [{ endpoint: "e", stash_id: "s", updated_at: "2024-01-01T00:00:00Z" }] })).toMatchObject({
      argument: "scene.stash_ids[0].updated_at",
    });
    expect(check("SceneUpdateInput", { id: "1", title: "t", stash_ids: [{ endpoint: "e", stash_id: "s" }] })).toBeNull();
    // The whole type is new: the operation's own capability check says so better.
    expect(check("BulkSceneMarkerUpdateInput", { ids: ["1"] })).toBeNull();
    expect(() => checkInputForServer("SceneUpdateInput", { id: "1", groups: [] }, "scene", server("v0.28.1"))).not.toThrow();
  });
});

describe("sort names against the connected server", () => {
  const start = standInPerTest({ retry: false });

  it("a v0.28.1 server: a v0.30-only sort is refused after the probe, before the request", async () => {
    const { standIn: stash, stash: client } = await start({ version: "v0.28.1" });
    const err = await client.findScenes({ filter: { sort: "studio" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashValidationError);
    expect((err as StashValidationError).argument).toBe("filter.sort");
    expect((err as Error).message).toMatch(/Stash v0\.28\.1.*arrived in Stash v0\.30/);
    const iterated = await (async () => {
      for await (const _ of client.iterateScenes({ filter: { sort: "performer_age" } })) void _;
    })().catch((e: unknown) => e);
    expect((iterated as StashValidationError).argument).toBe("filter.sort");
    expect(stash.operations.map((o) => o.operationName)).toEqual(["StashCapabilities"]);
    await expect(client.findScenes({ filter: { sort: "title" } })).resolves.toMatchObject({ count: 0 });
  });

  it("a v0.30.1 server accepts it; a name no release knows is refused before any request", async () => {
    const { standIn: stash, stash: client } = await start({ version: "v0.30.1" });
    await stash.seed({ studios: ["Beta", "Alpha"], scenes: [{ title: "one", studio: "Beta" }, { title: "two", studio: "Alpha" }] });
    const err = await client.findScenes({ filter: { sort: "titel" } }).catch((e: unknown) => e);
    expect((err as StashValidationError).argument).toBe("filter.sort");
    expect(stash.requests).toBe(0);
    const page = await client.findScenes({ filter: { sort: "studio" } });
    expect(page.scenes.map((s) => s.title)).toEqual(["two", "one"]);
    // The old hand list lacked the marker sort "duration" that every supported release has.
    await expect(client.findSceneMarkers({ filter: { sort: "duration" } })).resolves.toMatchObject({ count: 0 });
  });

  it("a dev build, and a bare StashCore that does not probe, use the newest lists", async () => {
    const { standIn: stash, stash: client } = await start({ version: "v0.30.1", reportedVersion: "v0.30.1-25-g0123abc" });
    await expect(client.findScenes({ filter: { sort: "studio" } })).resolves.toMatchObject({ count: 0 });
    const core = new StashCore({ url: stash.url, retry: false });
    stash.resetStats();
    await expect(findScenes(core, { filter: { sort: "performer_age" } })).resolves.toMatchObject({ count: 0 });
    expect(stash.operations.map((o) => o.operationName)).toEqual(["FindScenes"]);
  });
});

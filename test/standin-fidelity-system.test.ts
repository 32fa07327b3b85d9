/**
 * The stand-in judged by stashapp-api, unchanged, for Stash's machinery:
 * system status, stats and version, configuration, plugins, and jobs
 * (metadataScan, followed with findJob and jobQueue). Also checks that
 * every root field stashapp-api's schema names is one the stand-in answers,
 * or is accounted for.
 */
import { tmpdir } from "node:os";
import { Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient as PeerClient } from "stashapp-api";
import peerTypeMap from "stashapp-api/dist/generated/types.js";
import { defaultSchemaVersion, schemaSdlByVersion } from "../generated/schemas";
import type { RootType } from "../scripts/lib/standin-coverage";
import { standInModules } from "../src/testing/resolvers";
import { UNSUPPORTED_REASONS } from "../src/testing/unsupported";
import { startStandIn, type Fixture, type FixtureFile, type SeedResult, type StandIn, type StandInPlugin } from "../src/testing";

const KEY = "peer-system-key";
const video = (path: string, size: number): FixtureFile => ({ path, size, duration: 10, width: 640, height: 360 });
// A raw-interface plugin that answers its args back as its output.
const ECHO = `let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.stdout.write(JSON.stringify({ output: { echoed: JSON.parse(s).args } })));`;
const TASKER: StandInPlugin = {
  id: "tasker",
  name: "Tasker",
  description: "does tasks",
  version: "1.0",
  exec: [process.execPath, "-e", ECHO],
  dir: tmpdir(),
  tasks: [{ name: "Echo", description: "answers its args" }],
  settings: { alpha: { displayName: "Alpha", description: "first" } },
};
const FIXTURE: Fixture = {
  tags: ["Beach"],
  performers: ["Alex Stone"],
  studios: ["Cobalt"],
  groups: ["Summer Series"],
  scenes: [
    { title: "Beach Day", files: [video("/media/beach.mp4", 3000)], o_history: ["2024-06-02T10:30:00Z"], play_history: ["2024-06-02T10:00:00Z", "2024-06-03T10:00:00Z"] },
    { title: "Draft", files: [video("/media/draft.mp4", 1000)] },
  ],
  galleries: [{ title: "Album" }],
  images: [{ o_counter: 3, galleries: ["Album"], files: [{ path: "/pics/a.jpg", size: 200, width: 10, height: 10 }] }],
  disk: [video("/media/new/fresh.mp4", 500)],
};

let stash: StandIn;
let ids: SeedResult;
let peer: PeerClient;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY, jobs: { clock: "manual" }, plugins: [TASKER] });
  ids = await stash.seed(FIXTURE);
  peer = new PeerClient({ url: stash.baseUrl, apiKey: KEY });
});
afterAll(async () => {
  await stash.plugins.idle();
  await stash.close();
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("stashapp-api reads Stash's machinery", () => {
  it("systemStatus, version and stats agree with the fixture", async () => {
    const data = await peer.query({
      systemStatus: { status: true, appSchema: true, databaseSchema: true, os: true },
      version: { version: true, hash: true },
      stats: {
        scene_count: true,
        scenes_size: true,
        image_count: true,
        images_size: true,
        gallery_count: true,
        performer_count: true,
        studio_count: true,
        group_count: true,
        tag_count: true,
        total_o_count: true,
        total_play_count: true,
        scenes_played: true,
      },
    });
    expect(data.systemStatus.status).toBe("OK");
    expect(data.systemStatus.databaseSchema).toBe(data.systemStatus.appSchema);
    expect(data.version.version).toBe(stash.version);
    const scenes = FIXTURE.scenes!;
    expect(data.stats).toEqual({
      scene_count: scenes.length,
      scenes_size: sum(scenes.flatMap((s) => s.files!.map((f) => f.size))),
      image_count: FIXTURE.images!.length,
      images_size: sum(FIXTURE.images!.flatMap((i) => i.files.map((f) => f.size))),
      gallery_count: FIXTURE.galleries!.length,
      performer_count: FIXTURE.performers!.length,
      studio_count: FIXTURE.studios!.length,
      group_count: FIXTURE.groups!.length,
      tag_count: FIXTURE.tags!.length,
      // Scenes' o-history plus images' o-counters (internal/api/resolver.go Stats).
      total_o_count: scenes[0]!.o_history!.length + FIXTURE.images![0]!.o_counter!,
      total_play_count: scenes[0]!.play_history!.length,
      scenes_played: 1,
    });
  });

  it("configuration, and configureGeneral / configureInterface round trips", async () => {
    const before = await peer.query({ configuration: { general: { stashes: { path: true }, parallelTasks: true }, interface: { language: true } } });
    expect(before.configuration.general.stashes.map((s) => s.path)).toContain("/media");
    expect(before.configuration.general.parallelTasks).not.toBe(3);
    const { configureGeneral } = await peer.mutation({
      configureGeneral: {
        __args: {
          input: {
            stashes: [
              { path: "/media", excludeVideo: false, excludeImage: false },
              { path: "/pics", excludeVideo: true, excludeImage: false },
            ],
            parallelTasks: 3,
          },
        },
        ...{ stashes: { path: true, excludeVideo: true }, parallelTasks: true },
      },
    });
    expect(configureGeneral).toEqual({ stashes: [{ path: "/media", excludeVideo: false }, { path: "/pics", excludeVideo: true }], parallelTasks: 3 });
    const { configureInterface } = await peer.mutation({ configureInterface: { __args: { input: { language: "fr-FR" } }, language: true } });
    expect(configureInterface).toEqual({ language: "fr-FR" });
    const after = await peer.query({ configuration: { general: { parallelTasks: true }, interface: { language: true } } });
    expect(after.configuration).toEqual({ general: { parallelTasks: 3 }, interface: { language: "fr-FR" } });
  });

  it("plugins: listing, enabling, settings, and an operation run", async () => {
    const listed = await peer.query({ plugins: { id: true, name: true, description: true, version: true, enabled: true, tasks: { name: true, description: true }, settings: { name: true, display_name: true, type: true } } });
    expect(listed.plugins).toEqual([
      {
        ...{ id: TASKER.id, name: TASKER.name, description: TASKER.description, version: TASKER.version, enabled: true },
        tasks: [{ name: "Echo", description: "answers its args" }],
        settings: [{ name: "alpha", display_name: "Alpha", type: "STRING" }],
      },
    ]);
    await peer.mutation({ setPluginsEnabled: { __args: { enabledMap: { tasker: false } } } });
    expect((await peer.query({ pluginTasks: { name: true } })).pluginTasks).toBeNull();
    await peer.mutation({ setPluginsEnabled: { __args: { enabledMap: { tasker: true } } } });
    expect((await peer.query({ pluginTasks: { name: true, plugin: { id: true } } })).pluginTasks).toEqual([{ name: "Echo", plugin: { id: "tasker" } }]);
    const { configurePlugin } = await peer.mutation({ configurePlugin: { __args: { plugin_id: "tasker", input: { alpha: "on" } } } });
    expect(configurePlugin).toEqual({ alpha: "on" });
    expect((await peer.query({ configuration: { plugins: { __args: { include: ["tasker"] } } } })).configuration.plugins).toEqual({ tasker: { alpha: "on" } });

    // One plugin process costs a Node start; test/standin-plugins.test.ts runs tasks as jobs.
    const { runPluginOperation } = await peer.mutation({ runPluginOperation: { __args: { plugin_id: "tasker", args: { value: 7 } } } });
    expect(runPluginOperation).toEqual({ echoed: { value: 7 } });
  });

  it("metadataScan adds the disk's new file as a scene, followed with findJob and jobQueue", async () => {
    const { metadataScan: jobId } = await peer.mutation({ metadataScan: { __args: { input: { paths: ["/media/new"] } } } });
    const queued = await peer.query({ findJob: { __args: { input: { id: jobId } }, id: true, status: true, description: true }, jobQueue: { id: true } });
    expect(queued).toEqual({ findJob: { id: jobId, status: "READY", description: "Scanning..." }, jobQueue: [{ id: jobId }] });
    await stash.jobs.runUntilIdle();
    const done = await peer.query({ findJob: { __args: { input: { id: jobId } }, status: true, progress: true }, jobQueue: { id: true } });
    expect(done).toEqual({ findJob: { status: "FINISHED", progress: 1 }, jobQueue: null });
    const fresh = FIXTURE.disk![0]!;
    const { findScenes } = await peer.query({ findScenes: { __args: { scene_filter: { path: { value: fresh.path, modifier: "EQUALS" } } }, scenes: { title: true, files: { path: true, size: true } } } });
    expect(findScenes.scenes).toEqual([{ title: "", files: [{ path: fresh.path, size: fresh.size }] }]);
    expect(ids.sceneIdsByPath[fresh.path]).toBeUndefined();
  });
});

/** Each root type's field names in an SDL, from the parsed document (far cheaper than building a schema). */
function rootFields(sdl: string): Record<RootType, Set<string>> {
  const roots: Record<RootType, Set<string>> = { Query: new Set(), Mutation: new Set(), Subscription: new Set() };
  for (const def of parse(sdl).definitions) {
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value in roots) {
      for (const f of def.fields ?? []) roots[def.name.value as RootType].add(f.name.value);
    }
  }
  return roots;
}

describe("stashapp-api's root fields", () => {
  it("the stand-in answers every one its schema has but the refused ones; the rest are newer than v0.30.1", async () => {
    const types = peerTypeMap.types as unknown as Record<string, Record<string, unknown>>;
    const ours = rootFields(schemaSdlByVersion[defaultSchemaVersion]!);
    const modules = standInModules();
    const gaps: string[] = [];
    const newer: string[] = [];
    for (const root of ["Query", "Mutation", "Subscription"] as const) {
      const answered = new Set(modules.flatMap((m) => Object.keys(m[root] ?? {})));
      for (const field of Object.keys(types[root] ?? {}).filter((f) => f !== "__typename")) {
        if (answered.has(field)) continue;
        if (!ours[root].has(field)) newer.push(`${root}.${field}`);
        else gaps.push(UNSUPPORTED_REASONS[field] ? `${root}.${field}` : `${root}.${field} (unexplained)`);
      }
    }
    // Refused on purpose, with the reason docs/standin-coverage.md gives.
    expect(gaps).toEqual(["Mutation.execSQL", "Mutation.querySQL"]);
    // stashapp-api is generated from a Stash newer than the v0.30.1 schema the stand-in serves.
    expect(newer).toEqual(["Mutation.destroyFiles", "Mutation.performerMerge", "Mutation.revealFileInFileManager", "Mutation.revealFolderInFileManager", "Mutation.stashBoxBatchTagTag"]);
    // Asked anyway, the stand-in rejects them as Stash v0.30.1 would: the field does not exist.
    await expect(peer.raw(`mutation { performerMerge(input: { source: ["1"], destination: "2" }) { id } }`)).rejects.toThrow(/Cannot query field "performerMerge" on type "Mutation"/);
    await expect(peer.raw(`mutation { execSQL(sql: "select 1") { rows_affected } }`)).rejects.toThrow(/^execSQL is not supported by the stand-in: /);
  });
});

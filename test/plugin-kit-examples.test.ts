/**
 * The plugin kit for real: examples/plugins/ and a fault-prone plugin are
 * bundled once with esbuild (as their package.json builds them), then the
 * stand-in spawns them as Stash does, through runPluginTask and hook
 * triggers. Checked: the effect on the library, the log lines and levels the
 * stand-in recorded, the output, and faults answered as `{"error"}` with a
 * non-zero exit.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn, type StandInPlugin } from "../src/testing/index";
import type { PluginInput } from "../src/plugin/index";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KEY = "kit-example-key";
const example = (id: string) => join(ROOT, "examples", "plugins", id);

/** A plugin exercising the runner's guarantees: console output, throws, forgotten promises, a hang. */
const FIXTURE = `
import { runPlugin } from ${JSON.stringify(join(ROOT, "src", "plugin", "index.ts"))};
runPlugin({
  timeoutMs: 1500,
  tasks: {
    noisy: async () => {
      console.log("hello from console.log", { n: 1 });
      process.stdout.write("raw write\\n");
      console.error("to error");
      return { ok: true };
    },
    throws: () => { throw new Error("kaboom"); },
    forgotten: async () => {
      void Promise.reject(new Error("unawaited failure"));
      await new Promise((r) => setTimeout(r, 500));
      return "not reached";
    },
    hangs: () => new Promise(() => setInterval(() => {}, 1000)),
    count: async ({ stash }) => (await stash.findScenes({ filter: { per_page: 0 } })).count,
  },
});
`;

/** Answers every trigger of hooks.go, so the stand-in records each hook context it sends. */
const RECORDER_SRC = `
import { runPlugin, hookTriggers } from ${JSON.stringify(join(ROOT, "src", "plugin", "index.ts"))};
runPlugin({ hooks: Object.fromEntries(hookTriggers.map((t) => [t, ({ hook }) => hook.type])) });
`;

let tmp: string;
let standIn: StandIn;
let stash: StashClient;
const bundle = (id: string) => join(tmp, `${id}.js`);

const PATH_TAGGER = (): StandInPlugin => ({
  id: "path-tagger",
  name: "Path Tagger",
  exec: [process.execPath, bundle("path-tagger")],
  dir: example("path-tagger"),
  tasks: [{ name: "Tag scenes by path", defaultArgs: { mode: "tagByPath" } }],
  settings: { rules: { type: "STRING" }, dryRun: { type: "BOOLEAN" } },
});
const FOLDER_STUDIO = (): StandInPlugin => ({
  id: "folder-studio",
  name: "Folder Studio",
  exec: [process.execPath, bundle("folder-studio")],
  dir: example("folder-studio"),
  hooks: [{ name: "Studio from folder", triggeredBy: ["Scene.Create.Post"] }],
  settings: { ignoreFolders: { type: "STRING" } },
});
const KIT = (): StandInPlugin => ({
  id: "kit",
  name: "Kit",
  exec: [process.execPath, bundle("kit")],
  tasks: ["noisy", "throws", "forgotten", "hangs"].map((mode) => ({ name: mode, defaultArgs: { mode } })),
});

const RECORDER = (): StandInPlugin => ({
  id: "recorder",
  exec: [process.execPath, bundle("recorder")],
  hooks: [{ name: "Record", triggeredBy: ["Tag.Update.Post", "Tag.Destroy.Post", "Group.Create.Post", "Movie.Create.Post", "Performer.Destroy.Post"] }],
});

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "plugin-kit-"));
  writeFileSync(join(tmp, "kit-src.ts"), FIXTURE);
  writeFileSync(join(tmp, "recorder-src.ts"), RECORDER_SRC);
  await build({
    entryPoints: {
      "path-tagger": join(example("path-tagger"), "src", "index.ts"),
      "folder-studio": join(example("folder-studio"), "src", "index.ts"),
      kit: join(tmp, "kit-src.ts"),
      recorder: join(tmp, "recorder-src.ts"),
    },
    outdir: tmp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "silent",
  });
  standIn = await startStandIn({ apiKey: KEY, plugins: [PATH_TAGGER(), FOLDER_STUDIO(), KIT(), RECORDER()] });
  stash = new StashClient({ url: standIn.url, apiKey: KEY });
});
afterAll(async () => {
  await standIn?.plugins.idle();
  await stash?.close();
  await standIn?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const lastRun = (pluginId: string) => standIn.plugins.runs.filter((r) => r.pluginId === pluginId).at(-1)!;

async function runTask(pluginId: string, task: string) {
  const job = await stash.jobs.wait(await stash.plugins.run(pluginId, task), { pollIntervalMs: 20 });
  return { job, run: lastRun(pluginId) };
}

const video = (path: string, n: number) => ({ path, size: 1000 + n, duration: 10, width: 640, height: 360 });

describe("examples/plugins/path-tagger: a task tagging scenes by path rules", () => {
  it("finds or creates the tags and adds them in bulk, keeping other tags; a second run changes nothing", async () => {
    const seeded = await standIn.seed({
      tags: ["Beach", "Keep"],
      scenes: [
        { title: "pt-a", files: [video("/media/beach/a.mp4", 1)], tags: ["Keep"] },
        { title: "pt-b", files: [video("/media/Beach Trip/b.mp4", 2)], tags: ["Beach"] },
        { title: "pt-c", files: [video("/media/city/c.mp4", 3)] },
        { title: "pt-d", files: [video("/other/d.mp4", 4)] },
      ],
    });
    await stash.plugins.configure("path-tagger", { rules: "/beach/ => Beach; /city/ => City" });
    const { job, run } = await runTask("path-tagger", "Tag scenes by path");
    expect(job.status).toBe("FINISHED");
    expect(run).toMatchObject({ exitCode: 0, error: null, output: { scanned: 4, tagged: { Beach: 1, City: 1 }, dryRun: false } });
    expect(run.progress.at(-1)).toBe(1);
    expect(run.logs).toEqual(
      expect.arrayContaining([
        { level: "Info", message: 'created tag "City"' },
        { level: "Info", message: 'tagged 1 scene(s) with "Beach"' },
        { level: "Info", message: 'tagged 1 scene(s) with "City"' },
      ]),
    );
    expect(standIn.logs.entries.map((e) => e.message)).toContain('[Plugin / Path Tagger] tagged 1 scene(s) with "City"');
    const tagsOf = async (i: number) => ((await stash.findScene(seeded.scenes[i]!))!.tags.map((t) => t.name).sort());
    expect(await tagsOf(0)).toEqual(["Beach", "Keep"]);
    expect(await tagsOf(1)).toEqual(["Beach"]);
    expect(await tagsOf(2)).toEqual(["City"]);
    expect(await tagsOf(3)).toEqual([]);

    const again = await runTask("path-tagger", "Tag scenes by path");
    expect(again.run.output).toMatchObject({ tagged: { Beach: 0, City: 0 } });
  });

  it("a bad rule fails the run with its text; Stash's job still finishes and logs the error", async () => {
    await stash.plugins.configure("path-tagger", { rules: "no arrow here" });
    const { job, run } = await runTask("path-tagger", "Tag scenes by path");
    expect(job.status).toBe("FINISHED");
    expect(run).toMatchObject({ exitCode: 1, output: null, error: 'rule "no arrow here" must read "<regular expression> => <tag name>"' });
    expect(run.logs.some((l) => l.level === "Debug" && l.message.startsWith("Error: rule"))).toBe(true);
  });
});

describe("examples/plugins/folder-studio: a Scene.Create.Post hook", () => {
  it("sets the studio from the file's folder, creating it once, within the create mutation", async () => {
    const seeded = await standIn.seed({
      scenes: [{ title: "fs-holder", files: [video("/library/holder.mp4", 10), video("/media/Acme Studios/one.mp4", 11), video("/media/Acme Studios/two.mp4", 12), video("/media/videos/three.mp4", 13)] }],
    });
    await stash.plugins.configure("folder-studio", { ignoreFolders: "videos, downloads" });
    const files = (await stash.findScene(seeded.scenes[0]!))!.files;
    const fileId = (path: string) => files.find((f) => f.path === path)!.id;

    const { sceneCreate } = await stash.ops.sceneCreate({ input: { file_ids: [fileId("/media/Acme Studios/one.mp4")] } });
    // Stash re-reads the scene after its hooks, so the answer already has the studio.
    expect(sceneCreate?.studio?.name).toBe("Acme Studios");
    const run = lastRun("folder-studio");
    expect(run.kind).toBe("hook");
    expect(run.input.args.hookContext).toEqual({ id: Number(sceneCreate!.id), type: "Scene.Create.Post", input: null });
    expect(run.output).toEqual({ scene: sceneCreate!.id, studio: "Acme Studios" });
    expect(run.logs).toContainEqual({ level: "Info", message: 'created studio "Acme Studios"' });

    const second = (await stash.ops.sceneCreate({ input: { file_ids: [fileId("/media/Acme Studios/two.mp4")] } })).sceneCreate!;
    expect(second.studio?.id).toBe(sceneCreate!.studio!.id);
    expect(lastRun("folder-studio").logs.map((l) => l.message)).not.toContain('created studio "Acme Studios"');

    const ignored = (await stash.ops.sceneCreate({ input: { file_ids: [fileId("/media/videos/three.mp4")] } })).sceneCreate!;
    expect(ignored.studio).toBeNull();
    expect(lastRun("folder-studio").output).toEqual({ skipped: "no studio folder" });
  });
});

describe("the runner in a real process", () => {
  it("console.log and stdout writes go to the log; the one JSON answer stays intact", async () => {
    const { run } = await runTask("kit", "noisy");
    expect(run).toMatchObject({ output: { ok: true }, error: null, exitCode: 0 });
    expect(run.logs).toEqual([
      { level: "Info", message: "hello from console.log { n: 1 }" },
      { level: "Info", message: "raw write" },
      { level: "Error", message: "to error" },
    ]);
  });

  it("a throwing handler, a forgotten rejected promise and a hang each end with an error and exit 1", async () => {
    const thrown = (await runTask("kit", "throws")).run;
    expect(thrown).toMatchObject({ error: "kaboom", exitCode: 1, output: null });
    expect(thrown.logs.filter((l) => l.level !== "Debug")).toEqual([]);
    const forgotten = (await runTask("kit", "forgotten")).run;
    expect(forgotten).toMatchObject({ error: "unawaited failure", exitCode: 1 });
    const hung = (await runTask("kit", "hangs")).run;
    expect(hung).toMatchObject({ error: 'task "hangs" did not finish within 1500 ms', exitCode: 1 });
    expect(standIn.jobs.busy()).toBe(false);
  });

  it("a server answering 401 (expired cookie, no key) is an error; with STASH_API_KEY the same input works", async () => {
    const input: PluginInput = {
      server_connection: { Scheme: "http", Host: "0.0.0.0", Port: standIn.port, SessionCookie: { Name: "session", Value: "expired-cookie-value" }, Dir: tmp, PluginDir: tmp },
      args: { mode: "count" },
    };
    const spawnKit = (env: Record<string, string>) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        const child = execFile(process.execPath, [bundle("kit")], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout) =>
          resolve({ code: error ? Number(error.code) : 0, stdout }),
        );
        child.stdin!.end(JSON.stringify(input));
      });
    const denied = await spawnKit({});
    expect(denied.code).toBe(1);
    const answer = JSON.parse(denied.stdout) as { error: string };
    expect(answer.error).toMatch(/401/);
    expect(denied.stdout).not.toContain("expired-cookie-value");
    expect(denied.stdout.trim().split("\n")).toHaveLength(1);
    const allowed = await spawnKit({ STASH_API_KEY: KEY });
    expect(allowed).toMatchObject({ code: 0 });
    expect(JSON.parse(allowed.stdout)).toEqual({ output: expect.any(Number) });
  });
});

describe("hooks of other entities, derived from Stash's resolvers (generated/hooks.ts)", () => {
  it("tag update and destroy, group create (Group then Movie), performer destroy carry Stash's hook contexts", async () => {
    const contexts = () => standIn.plugins.runs.filter((r) => r.pluginId === "recorder").map((r) => r.input.args.hookContext as Record<string, any>);
    const before = contexts().length;
    const tag = (await stash.ops.tagCreate({ input: { name: "hooked-a" } })).tagCreate!.id;
    const other = (await stash.ops.tagCreate({ input: { name: "hooked-b" } })).tagCreate!.id;
    await stash.ops.tagUpdate({ input: { id: tag, description: "changed" } });
    await stash.ops.tagsDestroy({ ids: [tag, other] });
    const group = (await stash.ops.groupCreate({ input: { name: "hooked group" } })).groupCreate!.id;
    const performer = (await stash.ops.performerCreate({ input: { name: "hooked performer" } })).performerCreate!.id;
    await stash.ops.performerDestroy({ input: { id: performer } });
    const seen = contexts().slice(before);
    expect(seen.map((c) => c.type)).toEqual(["Tag.Update.Post", "Tag.Destroy.Post", "Tag.Destroy.Post", "Group.Create.Post", "Movie.Create.Post", "Performer.Destroy.Post"]);
    expect(seen[0]).toMatchObject({ id: Number(tag), input: { id: tag, description: "changed", name: null } });
    expect([...seen[0]!.inputFields].sort()).toEqual(["description", "id"]);
    // TagsDestroy hands every tag the id list as given.
    expect(seen[1]).toEqual({ id: Number(tag), type: "Tag.Destroy.Post", input: [tag, other] });
    expect(seen[2]).toMatchObject({ id: Number(other), input: [tag, other] });
    expect(seen[3]).toMatchObject({ id: Number(group), input: { name: "hooked group" } });
    expect(seen[5]).toEqual({ id: Number(performer), type: "Performer.Destroy.Post", input: { id: performer } });
    expect(standIn.plugins.runs.filter((r) => r.pluginId === "recorder").slice(-6).every((r) => r.error === null)).toBe(true);
  });
});

/**
 * `stash.plugins` against a stand-in over real HTTP, with the raw-interface
 * fixture plugin: listing, tasks as jobs, operations, and settings that merge
 * where Stash's own configurePlugin replaces.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn, type StandInPlugin } from "../src/testing/index";
import { expectInvalid } from "./helpers/expect-invalid";

const script = (name: string) => fileURLToPath(new URL(`./fixtures/plugins/${name}`, import.meta.url));

const TASKER: StandInPlugin = {
  id: "tasker",
  name: "Tasker",
  exec: [process.execPath, script("task.mjs")],
  interface: "raw",
  tasks: [
    { name: "Fail", description: "says no", defaultArgs: { mode: "error" } },
    { name: "Echo", defaultArgs: { mode: "operation" } },
  ],
  settings: { apiKey: {}, threshold: { type: "NUMBER" }, enabled: { type: "BOOLEAN" } },
};

let standIn: StandIn;
let stash: StashClient;

beforeAll(async () => {
  standIn = await startStandIn({ plugins: [TASKER], config: { plugins: { other: { keep: true } } } });
  stash = new StashClient({ url: standIn.url, retry: false });
  await stash.capabilities();
});
afterAll(async () => {
  await standIn.plugins.idle();
  await stash.close();
  await standIn.close();
});
beforeEach(() => standIn.resetStats());

const mutations = () => standIn.operations.filter((o) => o.operationType === "mutation").map((o) => o.operationName);

async function finished(jobId: string) {
  for (let i = 0; i < 500; i++) {
    const job = standIn.jobs.find(jobId);
    if (job && ["FINISHED", "FAILED", "CANCELLED"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} did not finish`);
}

describe("plugins.list and plugins.tasks", () => {
  it("list every plugin and the tasks of enabled ones", async () => {
    const plugins = await stash.plugins.list();
    expect(plugins.map((p) => p.id)).toEqual(["tasker"]);
    expect(plugins[0]!.settings!.map((s) => s.name).sort()).toEqual(["apiKey", "enabled", "threshold"]);
    const tasks = await stash.plugins.tasks();
    expect(tasks.map((t) => `${t.plugin.id}/${t.name}`)).toEqual(["tasker/Fail", "tasker/Echo"]);
  });

  it("tasks() is [] when no plugin is enabled (Stash answers null)", async () => {
    await stash.ops.setPluginsEnabled({ enabledMap: { tasker: false } });
    try {
      expect(await stash.plugins.tasks()).toEqual([]);
    } finally {
      await stash.ops.setPluginsEnabled({ enabledMap: { tasker: true } });
    }
  });
});

describe("plugins.run and plugins.runOperation", () => {
  it("run starts the task as a job and returns its id; the plugin ran with the args", async () => {
    const before = standIn.plugins.runs.length;
    const jobId = await stash.plugins.run("tasker", "Echo", { value: 7 });
    expectTypeOf(jobId).toEqualTypeOf<string>();
    expect(jobId).toMatch(/^\d+$/);
    expect(await finished(jobId)).toMatchObject({ status: "FINISHED" });
    const run = standIn.plugins.runs[before]!;
    expect(run).toMatchObject({ pluginId: "tasker", kind: "task", name: "Echo", exitCode: 0 });
    expect(run.input.args).toEqual({ mode: "operation", value: 7 });
  });

  it("runOperation answers the plugin's output, typed by the caller", async () => {
    const out = await stash.plugins.runOperation<{ echoed: unknown }>("tasker", { mode: "operation", value: ["a"] });
    expect(out.echoed).toEqual(["a"]);
    expect(standIn.plugins.runs.at(-1)).toMatchObject({ kind: "operation" });
    await expect(stash.plugins.runOperation("tasker", { mode: "error" })).rejects.toThrow("plugin says no");
  });
});

interface TaskerSettings {
  apiKey: string;
  threshold: number;
  enabled: boolean;
}

describe("plugins.settings and plugins.configure", () => {
  it("settings is {} for a plugin without settings", async () => {
    expect(await stash.plugins.settings("tasker")).toEqual({});
    expect(await stash.plugins.settings("other")).toEqual({ keep: true });
  });

  it("configure merges: setting one key keeps the others", async () => {
    await stash.plugins.configure<TaskerSettings>("tasker", { apiKey: "k", threshold: 5 });
    const merged = await stash.plugins.configure<TaskerSettings>("tasker", { threshold: 9 });
    expect(merged).toEqual({ apiKey: "k", threshold: 9 });
    const settings = await stash.plugins.settings<TaskerSettings>("tasker");
    expectTypeOf(settings.threshold).toEqualTypeOf<number | undefined>();
    expect(settings).toEqual({ apiKey: "k", threshold: 9 });
    expect(await stash.plugins.settings("other")).toEqual({ keep: true }); // other plugins untouched
  });

  it("raw configurePlugin, by contrast, replaces the whole map", async () => {
    await stash.ops.configurePlugin({ plugin_id: "tasker", input: { enabled: true } });
    expect(await stash.plugins.settings("tasker")).toEqual({ enabled: true });
    await stash.plugins.configure("tasker", { apiKey: "k", threshold: 1 });
  });

  it("undefined leaves a key as is, null removes it; nothing changed sends nothing", async () => {
    const next = await stash.plugins.configure<TaskerSettings>("tasker", { apiKey: undefined, threshold: null });
    expect(next).toEqual({ enabled: true, apiKey: "k" });
    standIn.resetStats();
    await stash.plugins.configure<TaskerSettings>("tasker", { apiKey: "k" });
    expect(mutations()).toEqual([]);
  });

  it("refuses bad input before any request", async () => {
    await expectInvalid(standIn, () => stash.plugins.configure("", { a: 1 }), "pluginId");
    await expectInvalid(standIn, () => stash.plugins.configure("tasker", [1] as never), "settings");
    await expectInvalid(standIn, () => stash.plugins.settings("  "), "pluginId");
    await expectInvalid(standIn, () => stash.plugins.run("tasker", ""), "taskName");
    await expectInvalid(standIn, () => stash.plugins.runOperation("tasker", "args" as never), "args");
    expect(standIn.requests).toBe(0);
  });
});

/**
 * Plugins in the stand-in: raw-interface plugins run as Node child processes
 * with Stash's stdin/stdout/stderr protocol, tasks run as jobs, operations
 * answer directly, and Scene.Update.Post hooks fire with Stash's loop guard.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn, type StandInPlugin } from "../src/testing/index";
import { gql, gqlData } from "./helpers/standin";

const script = (name: string) => fileURLToPath(new URL(`./fixtures/plugins/${name}`, import.meta.url));

const TASKER: StandInPlugin = {
  id: "tasker",
  name: "Tasker",
  description: "does tasks",
  version: "1.0",
  exec: [process.execPath, script("task.mjs")],
  interface: "raw",
  tasks: [
    { name: "Make tag", description: "creates a tag", defaultArgs: { tagName: "from-default" } },
    { name: "Fail", defaultArgs: { mode: "error" } },
    { name: "Crash", defaultArgs: { mode: "exit" } },
    { name: "Slow", defaultArgs: { mode: "slow" } },
  ],
  settings: { zeta: { type: "BOOLEAN" }, alpha: { displayName: "Alpha", description: "first" } },
};

const HOOKER: StandInPlugin = {
  id: "hooker",
  name: "Hooker",
  exec: [process.execPath, script("hook.mjs")],
  hooks: [{ name: "Touch scene", description: "re-updates", triggeredBy: ["Scene.Update.Post"] }],
};

const RECORDER: StandInPlugin = {
  id: "recorder",
  exec: [process.execPath, script("record.mjs")],
  hooks: [
    {
      name: "Record",
      triggeredBy: ["Scene.Create.Post", "Scene.Destroy.Post", "SceneMarker.Create.Post", "Tag.Create.Post"],
      defaultArgs: { note: "from yml" },
    },
  ],
};

let standIn: StandIn;
let stash: StashClient;
let sceneId: string;

beforeAll(async () => {
  standIn = await startStandIn({ apiKey: "plugin-key", plugins: [TASKER, HOOKER, RECORDER] });
  sceneId = (await standIn.seed({ scenes: [{ title: "Hooked scene" }] })).scenes[0]!;
  stash = new StashClient({ url: standIn.url, apiKey: "plugin-key" });
});
afterAll(async () => {
  await standIn.plugins.idle();
  await stash.close();
  await standIn.close();
});

async function finished(jobId: string) {
  for (let i = 0; i < 500; i++) {
    const job = standIn.jobs.find(jobId);
    if (job && ["FINISHED", "FAILED", "CANCELLED"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} did not finish`);
}

const runsOf = (pluginId: string) => standIn.plugins.runs.filter((r) => r.pluginId === pluginId);

describe("plugin listing", () => {
  test("plugins and pluginTasks reflect the definitions and enabled flags", async () => {
    const { plugins } = await stash.ops.plugins();
    const tasker = plugins!.find((p) => p.id === "tasker")!;
    expect(tasker).toMatchObject({ name: "Tasker", description: "does tasks", version: "1.0", enabled: true, hooks: null });
    expect(tasker.tasks!.map((t) => [t.name, t.description])).toEqual([
      ["Make tag", "creates a tag"],
      ["Fail", ""],
      ["Crash", ""],
      ["Slow", ""],
    ]);
    expect(tasker.settings).toEqual([
      { name: "alpha", display_name: "Alpha", description: "first", type: "STRING" },
      { name: "zeta", display_name: "", description: "", type: "BOOLEAN" },
    ]);
    expect(plugins!.find((p) => p.id === "hooker")!.hooks).toEqual([
      { name: "Touch scene", description: "re-updates", hooks: ["Scene.Update.Post"] },
    ]);

    await stash.ops.setPluginsEnabled({ enabledMap: { tasker: false } });
    expect((await stash.ops.pluginTasks()).pluginTasks).toBeNull();
    expect((await stash.ops.plugins()).plugins!.find((p) => p.id === "tasker")!.enabled).toBe(false);
    await expect(stash.ops.runPluginOperation({ plugin_id: "tasker", args: {} })).rejects.toThrow("plugin tasker is disabled");
    await stash.ops.setPluginsEnabled({ enabledMap: { tasker: true } });
    const tasks = (await stash.ops.pluginTasks()).pluginTasks!;
    expect(tasks.map((t) => `${t.plugin.id}/${t.name}`)).toEqual([
      "tasker/Make tag",
      "tasker/Fail",
      "tasker/Crash",
      "tasker/Slow",
    ]);
    // Stash builds these plugins with toPlugin(), which leaves Enabled false.
    expect(tasks.every((t) => t.plugin.enabled === false)).toBe(true);
    expect(await stash.ops.reloadPlugins()).toEqual({ reloadPlugins: true });
  });
});

describe("runPluginTask", () => {
  test("runs as a job: input, logs, progress, callback with the session cookie, output", async () => {
    const before = standIn.plugins.runs.length;
    const { runPluginTask: jobId } = await stash.ops.runPluginTask({
      plugin_id: "tasker",
      task_name: "Make tag",
      args_map: { tagName: "made-by-plugin" },
    });
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: "FINISHED", description: "Running plugin task: Make tag", progress: 1, error: null });

    const run = standIn.plugins.runs[before]!;
    expect(run).toMatchObject({ pluginId: "tasker", kind: "task", name: "Make tag", finished: true, exitCode: 0, error: null });
    const conn = run.input.server_connection;
    expect(conn).toMatchObject({ Scheme: "http", Host: "127.0.0.1", Port: standIn.port, PluginDir: script("") .replace(/\/$/, "") });
    expect(conn.SessionCookie).toMatchObject({ Name: "session", Path: "/", SameSite: 2, HttpOnly: false, Secure: false });
    expect(run.input.args).toEqual({ tagName: "made-by-plugin" });

    // The callback passed auth with the cookie alone (the stand-in requires a key otherwise).
    const out = run.output as { status: number; tag: { id: string; name: string } };
    expect(out.status).toBe(200);
    expect(out.tag.name).toBe("made-by-plugin");
    const found = await gqlData(standIn.url, `query($id: ID) { findTag(id: $id) { name } }`, { id: out.tag.id }).catch(
      () => null,
    );
    expect(found).toBeNull(); // without the key
    expect((await stash.ops.findTag({ id: out.tag.id })).findTag?.name).toBe("made-by-plugin");

    expect(run.logs).toEqual([
      { level: "Trace", message: "trace line" },
      { level: "Debug", message: "debug line" },
      { level: "Info", message: "info line" },
      { level: "Warning", message: "warning line" },
      { level: "Error", message: "error line" },
      { level: "Error", message: "no prefix line" },
      { level: "Error", message: `Error parsing progress value 'half': strconv.ParseFloat: parsing "half": invalid syntax` },
    ]);
    expect(run.progress).toEqual([0.25, 0.5, 1]);
    const messages = standIn.logs.entries.map((e) => `${e.level} ${e.message}`);
    expect(messages).toContain("Warning [Plugin / Tasker] warning line");
    expect(messages).toContain("Info [Plugin / Tasker] info line");
  });

  test("defaultArgs fill what the caller left out", async () => {
    const before = standIn.plugins.runs.length;
    const { runPluginTask: jobId } = await stash.ops.runPluginTask({ plugin_id: "tasker", task_name: "Make tag", description: "Tagging" });
    expect((await finished(jobId)).description).toBe("Running plugin task: Tagging");
    expect(standIn.plugins.runs[before]!.input.args).toEqual({ tagName: "from-default" });
  });

  test("the deprecated args list is converted when args_map is absent", async () => {
    const before = standIn.plugins.runs.length;
    const res = await gql(
      standIn.url,
      `mutation { runPluginTask(plugin_id: "tasker", task_name: "Make tag", args: [
        { key: "tagName", value: { str: "listed" } },
        { key: "extra", value: { o: [{ key: "n", value: { i: 2 } }], a: [{ b: true }] } }
      ]) }`,
      undefined,
      { ApiKey: "plugin-key" },
    );
    await finished(res.body.data.runPluginTask);
    // toPluginArgValue takes the first set member: `o` wins over `a`.
    expect(standIn.plugins.runs[before]!.input.args).toEqual({ tagName: "listed", extra: { n: 2 } });
  });

  test("a plugin's {error} or non-zero exit is logged; the job itself finishes, as in Stash", async () => {
    const before = standIn.plugins.runs.length;
    const fail = await finished((await stash.ops.runPluginTask({ plugin_id: "tasker", task_name: "Fail" })).runPluginTask);
    const crash = await finished((await stash.ops.runPluginTask({ plugin_id: "tasker", task_name: "Crash" })).runPluginTask);
    expect([fail.status, crash.status]).toEqual(["FINISHED", "FINISHED"]);
    const [failRun, crashRun] = standIn.plugins.runs.slice(before);
    expect(failRun).toMatchObject({ error: "plugin says no", exitCode: 0 });
    expect(crashRun).toMatchObject({ error: "exit status 3", exitCode: 3, output: "" });
    const messages = standIn.logs.entries.map((e) => `${e.level} ${e.message}`);
    expect(messages).toContain("Error Plugin returned error: plugin says no");
    expect(messages).toContain("Error Plugin returned error: exit status 3");
  });

  test("an unknown plugin or task fails the job", async () => {
    const unknown = await finished((await stash.ops.runPluginTask({ plugin_id: "nope" })).runPluginTask);
    expect(unknown).toMatchObject({ status: "FAILED", error: "Error creating plugin task: no plugin with ID nope" });
    const noTask = await finished((await stash.ops.runPluginTask({ plugin_id: "tasker", task_name: "Nope" })).runPluginTask);
    expect(noTask).toMatchObject({ status: "FAILED", error: "Error creating plugin task: no task with name Nope in plugin Tasker" });
  });
});

describe("stopping", () => {
  test("stopping the job kills the plugin process; the job ends cancelled", async () => {
    const before = standIn.plugins.runs.length;
    const { runPluginTask: jobId } = await stash.ops.runPluginTask({ plugin_id: "tasker", task_name: "Slow" });
    for (let i = 0; i < 500 && standIn.plugins.runs[before]?.progress.length !== 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(standIn.jobs.find(jobId)?.progress).toBe(0.1);
    await stash.ops.stopJob({ job_id: jobId });
    expect((await finished(jobId)).status).toBe("CANCELLED");
    await standIn.plugins.idle();
    expect(standIn.plugins.runs[before]).toMatchObject({ finished: true, exitCode: null, error: "signal: killed" });
  });
});

describe("runPluginOperation", () => {
  test("answers the plugin's output, or its error", async () => {
    const res = await stash.ops.runPluginOperation({ plugin_id: "tasker", args: { mode: "operation", value: [1, "two"] } });
    expect(res.runPluginOperation).toEqual({ echoed: [1, "two"], pluginDir: script("").replace(/\/$/, "") });
    await expect(stash.ops.runPluginOperation({ plugin_id: "tasker", args: { mode: "error" } })).rejects.toThrow("plugin says no");
    const plain = await stash.ops.runPluginOperation({ plugin_id: "tasker", args: { mode: "plain" } });
    expect(plain.runPluginOperation).toBe("not json at all");
    expect(runsOf("tasker").at(-1)).toMatchObject({ kind: "operation", name: null });
  });
});

describe("hooks", () => {
  test("Scene.Update.Post runs the hook with Stash's hookContext; a self-triggering hook stops after 10 rounds", async () => {
    const before = runsOf("hooker").length;
    const res = await gql(
      standIn.url,
      `mutation($input: SceneUpdateInput!) { sceneUpdate(input: $input) { id title details } }`,
      { input: { id: sceneId, title: "Renamed" } },
      { ApiKey: "plugin-key" },
    );
    // Stash runs hooks before answering and re-reads the scene, so the hook's change shows.
    expect(res.body.data.sceneUpdate).toEqual({ id: sceneId, title: "Renamed", details: "hooked" });
    const runs = runsOf("hooker").slice(before);
    expect(runs).toHaveLength(10); // maxCyclicLoopDepth
    const first = runs[0]!.input.args.hookContext as Record<string, unknown>;
    // Stash lists the fields in Go map order (random); compare sorted.
    expect(first).toMatchObject({ id: Number(sceneId), type: "Scene.Update.Post" });
    expect([...(first.inputFields as string[])].sort()).toEqual(["id", "title"]);
    expect((first.input as Record<string, unknown>).title).toBe("Renamed");
    expect((first.input as Record<string, unknown>).details).toBeNull();
    expect([...((runs[1]!.input.args.hookContext as Record<string, unknown>).inputFields as string[])].sort()).toEqual([
      "details",
      "id",
    ]);
    expect(runs.every((r) => r.error === null && r.kind === "hook" && r.name === "Touch scene")).toBe(true);
    expect(standIn.logs.entries.map((e) => e.message)).toContain(
      "cyclic loop detected: plugin ID 'hooker' hook Scene.Update.Post, not re-triggering",
    );
  });

  test("a disabled plugin's hooks do not run", async () => {
    await stash.ops.setPluginsEnabled({ enabledMap: { hooker: false } });
    const before = runsOf("hooker").length;
    await stash.ops.sceneUpdate({ input: { id: sceneId, details: "quiet" } });
    expect(runsOf("hooker").length).toBe(before);
    await stash.ops.setPluginsEnabled({ enabledMap: { hooker: true } });
  });

  test("create, destroy and marker triggers carry Stash's inputs", async () => {
    const recorded = () => runsOf("recorder").map((r) => r.input.args.hookContext as Record<string, any>);
    const before = recorded().length;
    const file = { path: "/lib/filed.mp4", size: 1, duration: 1, width: 1, height: 1 };
    await standIn.seed({
      scenes: [{ title: "Filed", files: [{ ...file, oshash: "00000000000000aa", md5: "0123456789abcdef0123456789abcdef" }] }],
    });
    const filed = (await stash.ops.findScenes({ filter: { q: "Filed" } })).findScenes.scenes[0]!.id;
    const tag = (await stash.ops.tagCreate({ input: { name: "hooked tag" } })).tagCreate!.id;
    await stash.ops.sceneMarkerCreate({ input: { scene_id: filed, primary_tag_id: tag, seconds: 5, title: "m" } });
    const created = (await stash.ops.sceneCreate({ input: { title: "Fresh" } })).sceneCreate!.id;
    await stash.ops.sceneDestroy({ input: { id: filed, delete_file: false } });
    const contexts = recorded().slice(before);
    expect(contexts.map((c) => c.type)).toEqual([
      "Tag.Create.Post",
      "SceneMarker.Create.Post",
      "Scene.Create.Post",
      "Scene.Destroy.Post",
    ]);
    expect(contexts[0]).toMatchObject({ id: Number(tag), input: { name: "hooked tag" } });
    expect(contexts[0]!.inputFields).toBeUndefined(); // omitempty
    expect(contexts[1]!.input).toMatchObject({ scene_id: filed, primary_tag_id: tag, seconds: 5, end_seconds: null });
    expect(contexts[2]).toEqual({ id: Number(created), type: "Scene.Create.Post", input: null });
    expect(contexts[3]).toEqual({
      id: Number(filed),
      type: "Scene.Destroy.Post",
      input: expect.objectContaining({
        id: filed,
        delete_file: false,
        checksum: "0123456789abcdef0123456789abcdef",
        oshash: "00000000000000aa",
        path: "/lib/filed.mp4",
      }),
    });
    expect(runsOf("recorder").at(-1)!.input.args.note).toBe("from yml");
  });
});

describe("plugins from a fixture", () => {
  test("seed() installs a fixture's plugins beside the stand-in's own", async () => {
    const standIn = await startStandIn({ plugins: [{ id: "own", name: "Own", exec: [process.execPath, script("record.mjs")] }] });
    try {
      await standIn.seed({ plugins: [{ id: "from-fixture", name: "From fixture", exec: [process.execPath, script("task.mjs")], tasks: [{ name: "Go" }] }] });
      const stash = new StashClient({ url: standIn.url });
      const { plugins } = await stash.ops.plugins();
      expect(plugins?.map((p) => p.id).sort()).toEqual(["from-fixture", "own"]);
      const { pluginTasks } = await stash.ops.pluginTasks();
      expect(pluginTasks?.map((t) => t.name)).toEqual(["Go"]);
    } finally {
      await standIn.close();
    }
  });
});

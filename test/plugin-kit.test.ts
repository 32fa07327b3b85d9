/**
 * The plugin kit in-process: Stash's log protocol, reading and checking the
 * input, the connection (host mapping, https, cookie and API key on the wire),
 * handler dispatch, and every fault answered with one `{"error"}` line and
 * exit code 1, the stack only in the debug log.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient, StashValidationError } from "../src/index";
import {
  createPluginLog,
  decodeLogLine,
  parsePluginInput,
  pluginClientOptions,
  readHookContext,
  readPluginInput,
  runPlugin,
  type HookContext,
  type PluginDefinition,
  type PluginInput,
} from "../src/plugin/index";
import { hookFirings, hookTriggers } from "../generated/hooks";
import { deriveHooks, parseHookStructs, parseResolverFile, parseTriggers } from "../scripts/derive-hooks";
import { readHooksData } from "../scripts/lib/hooks";

const input = (over: Partial<PluginInput["server_connection"]> = {}, args: Record<string, unknown> = {}): PluginInput => ({
  server_connection: { Scheme: "http", Host: "0.0.0.0", Port: 9999, SessionCookie: { Name: "session", Value: "cookie-secret-1" }, Dir: "", PluginDir: "", ...over },
  args,
});

/** Runs `def` on `stdin` text with collected streams. */
async function runWith(def: PluginDefinition, stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  let exited: number | undefined;
  const result = await runPlugin(def, {
    stdin: Readable.from([stdin]),
    stdout: { write: (t, done) => (out.push(t), done?.()) },
    stderr: { write: (t) => err.push(t) },
    env: {},
    exit: (code) => (exited = code),
  });
  const lines = err.join("").split("\n").filter(Boolean).map(decodeLogLine);
  return { result, stdout: out.join(""), writes: out.length, logs: lines, exited };
}

describe("log protocol (pkg/plugin/common/log/log.go)", () => {
  it("prefixes each line with SOH, the level, STX; clamps progress; hides secrets", () => {
    const text: string[] = [];
    const log = createPluginLog({ write: (t) => text.push(t) }, (t) => t.replaceAll("s3cret", "[redacted]"));
    log.info("one");
    log.warn("two\nthree");
    log.error("key s3cret");
    log.trace("t");
    log.debug("");
    log.progress(1.7);
    log.progress(-1);
    expect(text.join("")).toBe("\x01i\x02one\n\x01w\x02two\n\x01w\x02three\n\x01e\x02key [redacted]\n\x01t\x02t\n\x01p\x021\n\x01p\x020\n");
    expect(decodeLogLine("\x01w\x02two")).toEqual({ level: "warning", message: "two" });
    expect(decodeLogLine("plain")).toEqual({ level: null, message: "plain" });
    expect(() => log.progress(Number.NaN)).toThrow(StashValidationError);
  });
});

describe("input", () => {
  it("reads stdin and checks it, naming the field at fault", async () => {
    expect((await readPluginInput(Readable.from([JSON.stringify(input()).slice(0, 20), JSON.stringify(input()).slice(20)]))).server_connection.Port).toBe(9999);
    expect(() => parsePluginInput("")).toThrow(/stdin: is empty/);
    expect(() => parsePluginInput("[1]")).toThrow(/stdin: must be a JSON object/);
    expect(() => parsePluginInput(JSON.stringify({ ...input(), server_connection: { ...input().server_connection, Port: "x" } }))).toThrow(/server_connection\.Port/);
    expect(() => parsePluginInput(JSON.stringify({ ...input(), server_connection: { ...input().server_connection, Scheme: "ftp" } }))).toThrow(/server_connection\.Scheme/);
    await expect(readPluginInput(Object.assign(Readable.from([]), { isTTY: true }))).rejects.toThrow(/stdin: is a terminal/);
  });

  it("a malformed input's message does not quote the text (it may hold the cookie)", () => {
    const broken = JSON.stringify(input()).replace('"Port"', "Port");
    let message = "";
    try {
      parsePluginInput(broken);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^stdin: is not valid JSON/);
    expect(message).not.toContain("cookie-secret-1");
  });

  it("hook contexts: every trigger of hooks.go is typed, update triggers carry inputFields", () => {
    expect(hookTriggers).toContain("Scene.Update.Post");
    expect(hookTriggers).toContain("Group.Destroy.Post");
    expect(hookFirings["Scene.Update.Post"].map((f) => f.mutation)).toEqual(["sceneUpdate", "scenesUpdate", "bulkSceneUpdate", null]);
    const ctx = readHookContext({ hookContext: { id: 3, type: "Scene.Update.Post", input: { id: "3", title: "x" }, inputFields: ["id", "title"] } })!;
    // The union narrows by trigger: input is SceneUpdateInput | SceneUpdateInput[] | BulkSceneUpdateInput | null.
    const title = (hook: HookContext) => (hook.type === "Scene.Update.Post" && hook.input && !Array.isArray(hook.input) && "title" in hook.input ? hook.input.title : undefined);
    expect(title(ctx)).toBe("x");
    expect(readHookContext({ hookContext: { type: "Scene.Create.Post", id: 5, input: null } })).toMatchObject({ id: 5, input: null, inputFields: [] });
    expect(() => readHookContext({ hookContext: { type: 4 } })).toThrow(/args\.hookContext\.type/);
  });
});

describe("connection", () => {
  const seen: IncomingHttpHeaders[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    seen.push(req.headers);
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString())).on("end", () => {
      res.setHeader("content-type", "application/json");
      // A plugin's settings may hold an API key (configuration.plugins.<id>.apiKey).
      const data = body.includes("configuration")
        ? { configuration: { plugins: { kit: { apiKey: "setting-key-5678" } } } }
        : { version: { version: "v0.30.1", hash: "h", build_time: "b" } };
      res.end(JSON.stringify({ data }));
    });
  });
  beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), r()))));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("maps 0.0.0.0 to loopback and sends the session cookie and the API key together", async () => {
    const stash = StashClient.fromPluginInput(input({ Port: port }), { apiKey: "key-1234", checkCompatibility: false });
    expect(stash.url).toBe(`http://127.0.0.1:${port}/graphql`);
    await stash.ops.version();
    expect(seen.at(-1)).toMatchObject({ cookie: "session=cookie-secret-1", apikey: "key-1234" });
    await stash.close();
  });

  it("runPlugin takes an API key from the plugin's settings and keeps the cookie; both stay out of the output", async () => {
    const def: PluginDefinition = {
      id: "kit",
      client: { checkCompatibility: false },
      tasks: {
        call: async ({ stash }) => (await stash.ops.version()).version.version,
        leak: () => {
          throw new Error("bad key setting-key-5678 with cookie-secret-1");
        },
      },
    };
    const ok = await runWith(def, JSON.stringify(input({ Port: port }, { mode: "call" })));
    expect(JSON.parse(ok.stdout)).toEqual({ output: "v0.30.1" });
    expect(seen.at(-1)).toMatchObject({ cookie: "session=cookie-secret-1", apikey: "setting-key-5678" });
    const leak = await runWith(def, JSON.stringify(input({ Port: port }, { mode: "leak" })));
    expect(JSON.parse(leak.stdout)).toEqual({ error: "bad key [redacted] with [redacted]" });
    expect(leak.logs.map((l) => l.message).join("\n")).not.toMatch(/setting-key-5678|cookie-secret-1/);
  });

  it("maps :: to [::1], keeps https, takes STASH_API_KEY, and sends no cookie when Stash has none", () => {
    expect(new StashClient(pluginClientOptions(input({ Host: "::" }), { env: {} })).url).toBe("http://[::1]:9999/graphql");
    expect(new StashClient(pluginClientOptions(input({ Scheme: "https", Host: "nas.lan", Port: 443 }), { env: {} })).url).toBe("https://nas.lan/graphql");
    const options = pluginClientOptions(input({ SessionCookie: null }), { env: { STASH_API_KEY: "from-env" } });
    expect(options.apiKey).toBe("from-env");
    expect(options.headers).toEqual({});
    expect(() => StashClient.fromPluginInput({ args: {} } as unknown as PluginInput)).toThrow(/server_connection: is missing/);
  });
});

describe("runPlugin faults: one {\"error\"} line, exit code 1, the stack only in the debug log", () => {
  const def: PluginDefinition = {
    tasks: {
      ok: ({ args, hook, mode }) => ({ mode, args, hook: hook ?? null }),
      boom: () => {
        throw new TypeError("cannot read the rules");
      },
      never: () => new Promise(() => {}),
    },
    hooks: { "Scene.Update.Post": ({ hook }) => hook.inputFields },
    timeoutMs: 150,
  };
  const check = (r: Awaited<ReturnType<typeof runWith>>, error: RegExp) => {
    expect(r.writes).toBe(1);
    expect(r.exited).toBe(1);
    expect(r.result.exitCode).toBe(1);
    const answer = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(["error"]);
    expect(answer.error).toMatch(error);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain("cookie-secret-1");
    return r.logs;
  };

  it("answers a task by args.mode and a hook by hookContext.type", async () => {
    const task = await runWith(def, JSON.stringify(input({}, { mode: "ok", extra: 1 })));
    expect(task.exited).toBe(0);
    expect(JSON.parse(task.stdout)).toEqual({ output: { mode: "ok", args: { mode: "ok", extra: 1 }, hook: null } });
    const hook = await runWith(def, JSON.stringify(input({}, { hookContext: { id: 1, type: "Scene.Update.Post", input: {}, inputFields: ["title"] } })));
    expect(JSON.parse(hook.stdout)).toEqual({ output: ["title"] });
  });

  it("malformed stdin JSON", async () => {
    check(await runWith(def, "{not json"), /^stdin: is not valid JSON/);
  });

  it("stdin without server_connection", async () => {
    check(await runWith(def, JSON.stringify({ args: { mode: "ok" } })), /^server_connection: is missing/);
  });

  it("an unknown task, and no mode at all", async () => {
    check(await runWith(def, JSON.stringify(input({}, { mode: "nope" }))), /unknown task "nope" \(this plugin's tasks: ok, boom, never\)/);
    check(await runWith(def, JSON.stringify(input())), /args\.mode is missing/);
  });

  it("a hook type with no handler", async () => {
    check(await runWith(def, JSON.stringify(input({}, { hookContext: { type: "Tag.Create.Post", input: null } }))), /no handler for hook "Tag\.Create\.Post"/);
  });

  it("a handler that throws: message out, stack to debug", async () => {
    const logs = check(await runWith(def, JSON.stringify(input({}, { mode: "boom" }))), /^TypeError: cannot read the rules$/);
    expect(logs.some((l) => l.level === "debug" && l.message.startsWith("TypeError: cannot read the rules"))).toBe(true);
    expect(logs.some((l) => l.level === "debug" && /^at /.test(l.message))).toBe(true);
  });

  it("a handler that never settles fails after timeoutMs (Stash itself would wait forever)", async () => {
    const started = Date.now();
    check(await runWith(def, JSON.stringify(input({}, { mode: "never" }))), /task "never" did not finish within 150 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an output JSON cannot carry becomes the error", async () => {
    const r = await runWith({ tasks: { big: () => ({ n: 1n }) } }, JSON.stringify(input({}, { mode: "big" })));
    check(r, /the result cannot be sent as JSON/);
  });
});

describe("scripts/derive-hooks.ts: triggers and firings read from Stash's Go source", () => {
  it("reads TriggerEnum constants in order, with the deprecated block flagged", () => {
    const go = [
      "const (",
      '\tSceneCreatePost TriggerEnum = "Scene.Create.Post"',
      "",
      "\t// deprecated - use Group hooks instead",
      '\tMovieCreatePost TriggerEnum = "Movie.Create.Post"',
      "",
      '\tGroupCreatePost TriggerEnum = "Group.Create.Post"',
      ")",
    ].join("\n");
    expect(parseTriggers(go)).toEqual([
      { constant: "SceneCreatePost", name: "Scene.Create.Post", deprecated: false },
      { constant: "MovieCreatePost", name: "Movie.Create.Post", deprecated: true },
      { constant: "GroupCreatePost", name: "Group.Create.Post", deprecated: false },
    ]);
  });

  it("reads each resolver's calls: the argument handed over, destroy structs, inputFields, delegating resolvers", () => {
    const structs = parseHookStructs("type SceneDestroyInput struct {\n\tmodels.SceneDestroyInput\n\tChecksum string `json:\"checksum\"`\n}\n");
    const go = [
      "func (r *mutationResolver) SceneUpdate(ctx context.Context, input models.SceneUpdateInput) (ret *models.Scene, err error) {",
      "\tr.hookExecutor.ExecutePostHooks(ctx, ret.ID, hook.SceneUpdatePost, input, translator.getFields())",
      "}",
      "func (r *mutationResolver) SceneDestroy(ctx context.Context, input models.SceneDestroyInput) (bool, error) {",
      "\tr.hookExecutor.ExecutePostHooks(ctx, s.ID, hook.SceneDestroyPost, plugin.SceneDestroyInput{",
      "\t\tSceneDestroyInput: input,",
      "\t\tChecksum: s.Checksum,",
      "\t}, nil)",
      "}",
      "func (r *mutationResolver) MarkersDestroy(ctx context.Context, markerIDs []string) (bool, error) {",
      "\tr.hookExecutor.ExecutePostHooks(ctx, m.ID, hook.SceneMarkerDestroyPost, markerIDs, nil)",
      "}",
      "func (r *mutationResolver) MarkerDestroy(ctx context.Context, id string) (bool, error) {",
      "\treturn r.MarkersDestroy(ctx, []string{id})",
      "}",
    ].join("\n");
    const { firings, delegates } = parseResolverFile("f.go", go, structs);
    expect(firings.map((f) => [f.trigger, f.firing.mutation, f.firing.input, f.firing.inputFields])).toEqual([
      ["SceneUpdatePost", "sceneUpdate", { kind: "argument", index: 0 }, true],
      ["SceneDestroyPost", "sceneDestroy", { kind: "struct", index: 0, struct: "SceneDestroyInput", embeds: "SceneDestroyInput", extra: { checksum: "string" } }, false],
      ["SceneMarkerDestroyPost", "markersDestroy", { kind: "argument", index: 0 }, false],
    ]);
    expect(delegates).toEqual([{ from: "MarkerDestroy", to: "MarkersDestroy" }]);
  });

  it("generated/hooks.ts lists every trigger of schema/hooks.json, and schema/hooks.json matches the mirror when there is one", () => {
    const data = readHooksData();
    expect([...hookTriggers]).toEqual(data.triggers.map((t) => t.name));
    const mirror = process.env.STASH_CHECKOUT ?? "/work/.mirror/stashapp+stash/repo";
    if (existsSync(mirror)) expect(deriveHooks(mirror, data.source.tag)).toEqual(data);
  });
});

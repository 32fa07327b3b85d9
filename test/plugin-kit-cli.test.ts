/**
 * `stash-gql plugin init` and `stash-gql plugin run`, in-process: the
 * scaffold's files, its bundle (built as its package.json says, with the
 * package import pointed at the sources), and running its task and hook
 * against a stand-in with the log relayed and the output printed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program";
import { EXIT } from "../src/cli/exit-codes";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";
import { capture } from "./helpers/cli-io";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KEY = "kit-cli-key";
let tmp: string;
let dir: string;
let standIn: StandIn;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "plugin-cli-"));
  dir = join(tmp, "my-plugin");
  standIn = await startStandIn({ apiKey: KEY });
  await standIn.seed({ scenes: [{ title: "one" }, { title: "two" }] });
});
afterAll(async () => {
  await standIn?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("stash-gql plugin init", () => {
  it("writes the yml, src/index.ts, package.json and tsconfig.json", async () => {
    const c = capture({ cwd: tmp });
    expect(await runCli(["plugin", "init", "my-plugin", "--id", "my-plugin", "--name", "My Plugin"], c.io), c.stderr()).toBe(0);
    expect(c.stdout()).toContain("created my-plugin/my-plugin.yml");
    const yml = readFileSync(join(dir, "my-plugin.yml"), "utf8");
    expect(yml).toContain('name: "My Plugin"');
    expect(yml).toContain("interface: raw");
    expect(yml).toMatch(/exec:\n {2}- node\n {2}- "\{pluginDir\}\/dist\/my-plugin\.js"/);
    expect(yml).toMatch(/tasks:\n {2}- name: Say hello[\s\S]*mode: hello/);
    expect(yml).toMatch(/hooks:[\s\S]*triggeredBy:\n {6}- Scene\.Update\.Post/);
    expect(yml).toMatch(/settings:\n {2}greeting:/);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.scripts.build).toBe("esbuild src/index.ts --bundle --platform=node --target=node20 --format=cjs --outfile=dist/my-plugin.js");
    expect(Object.keys(pkg.dependencies)).toEqual(["stash-graphql-client"]);
    expect(readFileSync(join(dir, "src", "index.ts"), "utf8")).toContain('from "stash-graphql-client/plugin"');
    expect(existsSync(join(dir, "tsconfig.json"))).toBe(true);
  });

  it("refuses to overwrite without --force, and a bad id", async () => {
    const again = capture({ cwd: tmp });
    expect(await runCli(["plugin", "init", "my-plugin", "--id", "my-plugin"], again.io)).toBe(EXIT.usage);
    expect(again.stderr()).toContain("pass --force to overwrite");
    const bad = capture({ cwd: tmp });
    expect(await runCli(["plugin", "init", "x", "--id", "../evil"], bad.io)).toBe(EXIT.usage);
    expect(bad.stderr()).toContain("--id");
  });
});

describe("stash-gql plugin run", () => {
  beforeAll(async () => {
    // `npm run build`'s esbuild call, with the package import pointed at the sources.
    await build({
      entryPoints: [join(dir, "src", "index.ts")],
      outfile: join(dir, "dist", "my-plugin.js"),
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      logLevel: "silent",
      alias: { "stash-graphql-client/plugin": join(ROOT, "src", "plugin", "index.ts") },
    });
  });

  it("runs a task with a synthesized input, relays its log and prints its output; settings are read", async () => {
    const stash = new StashClient({ url: standIn.url, apiKey: KEY });
    await stash.plugins.configure("my-plugin", { greeting: "Hi there" });
    await stash.close();
    const c = capture({ cwd: tmp, env: { STASH_API_KEY: KEY } });
    expect(await runCli(["plugin", "run", "my-plugin", "--task", "Say hello", "--url", standIn.url], c.io), c.stderr()).toBe(0);
    expect(JSON.parse(c.stdout())).toEqual({ scenes: 2 });
    expect(c.stderr()).toContain("[info] Hi there: 2 scenes\n");
    expect(c.stderr()).toContain("[progress] 100%\n");
    expect(c.stderr()).not.toContain(KEY);
  });

  it("runs a hook with a synthesized hook context", async () => {
    const c = capture({ cwd: tmp });
    expect(await runCli(["plugin", "run", "my-plugin", "--hook", "Scene.Update.Post", "--id", "7", "--url", standIn.url, "--api-key", KEY], c.io), c.stderr()).toBe(0);
    expect(c.stdout()).toBe("null\n");
    expect(c.stderr()).toContain("[debug] scene 7 updated:\n"); // no inputFields: Stash trims the line
  });

  it("fails clearly: unknown task, unknown trigger, a plugin error (401 without a key)", async () => {
    const unknown = capture({ cwd: tmp });
    expect(await runCli(["plugin", "run", "my-plugin", "--task", "nope", "--url", standIn.url], unknown.io)).toBe(EXIT.usage);
    expect(unknown.stderr()).toContain('no task "nope"');
    const trigger = capture({ cwd: tmp });
    expect(await runCli(["plugin", "run", "my-plugin", "--hook", "Scene.Frob.Post", "--url", standIn.url], trigger.io)).toBe(EXIT.usage);
    const denied = capture({ cwd: tmp });
    expect(await runCli(["plugin", "run", "my-plugin", "--task", "hello", "--url", standIn.url], denied.io)).toBe(EXIT.failure);
    expect(denied.stderr()).toMatch(/stash-gql: plugin error: .*401/);
  });
});

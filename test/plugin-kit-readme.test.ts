/**
 * The README's "Plugins in TypeScript" snippets, so they cannot rot: each
 * runs as a real plugin process, bundled with the package import pointed at
 * the sources. The runner snippet runs as the
 * stand-in's task and hook; the no-runner snippet with a made-up input.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";
import { extractExamples } from "./helpers/markdown";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KEY = "kit-readme-key";
const blocks = extractExamples(join(ROOT, "README.md"), "Plugins in TypeScript");
const KIT = join(ROOT, "src", "plugin", "index.ts");

let tmp: string;
let standIn: StandIn;
let stash: StashClient;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "plugin-readme-"));
  blocks.forEach((b, i) => writeFileSync(join(tmp, `block${i}.ts`), b.code));
  // A plugin folder holds its <id>.yml; the kit takes the id (for settings) from it.
  writeFileSync(join(tmp, "readme.yml"), "name: Readme\n");
  await build({
    entryPoints: blocks.map((_, i) => join(tmp, `block${i}.ts`)),
    outdir: tmp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // esbuild's ESM output keeps `require` of CommonJS dependencies working through this banner.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    outExtension: { ".js": ".mjs" },
    alias: { "stash-graphql-client/plugin": KIT },
    logLevel: "silent",
  });
  standIn = await startStandIn({
    apiKey: KEY,
    plugins: [
      {
        id: "readme",
        name: "Readme",
        exec: [process.execPath, join(tmp, "block0.mjs")],
        tasks: [{ name: "Count good scenes", defaultArgs: { mode: "countGood" } }],
        hooks: [{ name: "Rated", triggeredBy: ["Scene.Update.Post"] }],
        settings: { minRating: { type: "NUMBER" } },
        dir: tmp,
      },
    ],
  });
  stash = new StashClient({ url: standIn.url, apiKey: KEY });
});
afterAll(async () => {
  await standIn?.plugins.idle();
  await stash?.close();
  await standIn?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("README: Plugins in TypeScript", () => {
  it("has the runner and the no-runner snippets", () => {
    // readme-examples.test.ts type-checks every README snippet in one program.
    expect(blocks.map((b) => /runPlugin(<\w+>)?\(/.test(b.code))).toEqual([true, false]);
  });

  it("the runner snippet runs as Stash's task and hook", async () => {
    await standIn.seed({ scenes: [{ title: "good", rating100: 90 }, { title: "meh", rating100: 50 }] });
    await stash.plugins.configure("readme", { minRating: 60 });
    const job = await stash.jobs.wait(await stash.plugins.run("readme", "Count good scenes"), { pollIntervalMs: 20 });
    expect(job.status).toBe("FINISHED");
    const run = standIn.plugins.runs.at(-1)!;
    expect(run).toMatchObject({ output: { count: 1 }, error: null, exitCode: 0, progress: [1] });
    expect(run.logs).toEqual([{ level: "Info", message: "1 scenes rated above 60" }]);

    const scene = (await stash.findScenes({ q: "meh" })).scenes[0]!;
    await stash.updateScene({ id: scene.id, rating100: 70 });
    const hook = standIn.plugins.runs.at(-1)!;
    expect(hook).toMatchObject({ kind: "hook", error: null, exitCode: 0 });
    expect(hook.logs).toEqual([{ level: "Debug", message: `scene ${scene.id} was rated` }]);
  });

  it("the no-runner snippet reads the input, connects and answers", async () => {
    const input = {
      server_connection: { Scheme: "http", Host: "0.0.0.0", Port: standIn.port, SessionCookie: null, Dir: tmp, PluginDir: tmp },
      args: {},
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [join(tmp, "block1.mjs")], { env: { PATH: process.env.PATH ?? "", STASH_API_KEY: KEY } }, (error, out, err) =>
        resolve({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
      );
      child.stdin!.end(JSON.stringify(input));
    });
    expect(code, stderr).toBe(0);
    const version = (await stash.version()).version;
    expect(JSON.parse(stdout)).toEqual({ output: version });
    expect(stderr).toBe(`\x01i\x02connected to Stash ${version}\n`);
  });
});

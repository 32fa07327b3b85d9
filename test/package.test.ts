/**
 * The published package as a consumer gets it: build once, `npm pack` once,
 * install the tarball into a scratch project (dependencies from the npm cache),
 * then use it from ESM and from CJS in separate processes, start the packaged
 * stand-in and query it with the packaged client. publint checks the same tarball (attw, ~16 s of CPU,
 * runs in `npm run pack:check`; the consumers below are the stricter test), and one scratch consumer per TypeScript resolution (strict, skipLibCheck: false)
 * compiles the README's typed-document examples and urql / graphql-request calls against it.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTypeConsumers, consumerTypeDependencies, packedFilename, writeTypeConsumers } from "../scripts/lib/consumer-types";
import { startStandIn, generateLibrary, type StandIn } from "../src/testing/index";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
const SLOW = 300_000;
/** The tree-shakable entries, each built for Node (ESM, CJS) and for browsers. */
const FUNCTIONAL_ENTRIES = ["core", "scenes", "markers", "jobs"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, timeout: SLOW, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function ok(file: string, args: readonly string[], cwd: string, env?: Record<string, string>): Promise<string> {
  const r = await run(file, args, cwd, env);
  if (r.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * A consumer script that starts the packaged stand-in, seeds it, and queries it
 * with the packaged client, printing one JSON line. `kind` picks import or require.
 */
function consumerScript(kind: "esm" | "cjs"): string {
  const load =
    kind === "esm"
      ? `import { StashClient, StashAuthError, CriterionModifier } from "stash-graphql-client";
import { startStandIn, generateLibrary } from "stash-graphql-client/testing";
import { FindScenesDocument } from "stash-graphql-client/operations";
const resolved = import.meta.resolve("stash-graphql-client");`
      : `const { StashClient, StashAuthError, CriterionModifier } = require("stash-graphql-client");
const { startStandIn, generateLibrary } = require("stash-graphql-client/testing");
const { FindScenesDocument } = require("stash-graphql-client/operations");
const resolved = require.resolve("stash-graphql-client");`;
  return `${load}
async function main() {
  const key = "consumer-key";
  const server = await startStandIn({ apiKey: key });
  try {
    const seeded = await server.seed(generateLibrary({ scenes: 12, duplicateGroups: 2, seed: 5 }));
    const stash = new StashClient({ url: server.url, apiKey: key });
    const page = await stash.findScenes({ filter: { per_page: 5, sort: "id" } });
    const raw = await stash.request(FindScenesDocument, { filter: { per_page: 1 }, scene_filter: { id: { value: 3, modifier: CriterionModifier.GREATER_THAN } } });
    const dups = await stash.findDuplicateScenesWrapper({ preset: "high" });
    let authError = null;
    try {
      await new StashClient({ url: server.url, apiKey: "wrong" }).version();
    } catch (err) {
      authError = err instanceof StashAuthError ? "StashAuthError" : String(err);
    }
    console.log(JSON.stringify({
      resolved, version: (await stash.version()).version, served: server.version,
      count: page.count, ids: page.scenes.map((s) => s.id), seeded: seeded.scenes,
      rawCount: raw.findScenes.count, duplicates: dups.length, authError,
    }));
  } finally {
    await server.close();
  }
}
main().catch((err) => { console.error(err); process.exitCode = 1; });
`;
}

interface ConsumerOutput {
  resolved: string;
  version: string;
  served: string;
  count: number;
  ids: string[];
  seeded: string[];
  rawCount: number;
  duplicates: number;
  authError: string | null;
}

let tmp: string;
let tarball: string;
let project: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "stash-package-"));
  // `prepack` builds dist/ first, as it must for a pack from a fresh clone.
  tarball = join(tmp, packedFilename(await ok("npm", ["pack", "--json", "--pack-destination", tmp], ROOT)));
  project = join(tmp, "consumer");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  // The runtime dependencies come from the npm cache that `npm ci` filled; the registry is only asked about what is missing.
  // graphql-request is for the type consumers, at this repo's version (so from the cache).
  await ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball, ...consumerTypeDependencies()], project);
  writeTypeConsumers(project, readFileSync(join(ROOT, "README.md"), "utf8"));
  // Prove dist/ is self-sufficient: the stand-in embeds its schemas, so nothing else in the package is read at run time.
  const installed = join(project, "node_modules", PKG.name);
  rmSync(join(installed, "schema"), { recursive: true, force: true });
  rmSync(join(installed, "operations"), { recursive: true, force: true });
}, SLOW);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Each check has its own files, processes and stand-in, so they run side by side: the type-check
// keeps one core busy while the consumer processes take turns on the other.
describe.concurrent("the packed tarball", { timeout: 120_000 }, () => {
  it("installs dist with both module formats and declarations, and no sources or tests", () => {
    const manifest = JSON.parse(readFileSync(join(project, "node_modules", PKG.name, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest["version"]).toBe(PKG.version);
    expect(manifest["sideEffects"]).toBe(false);
    const installed = join(project, "node_modules", PKG.name);
    for (const entry of ["index", "testing", "operations", ...FUNCTIONAL_ENTRIES]) {
      for (const ext of [".js", ".cjs", ".d.ts", ".d.cts"]) expect(existsSync(join(installed, "dist", entry + ext)), `dist/${entry}${ext}`).toBe(true);
    }
    for (const entry of ["index", "operations", ...FUNCTIONAL_ENTRIES]) expect(existsSync(join(installed, "dist", "browser", `${entry}.js`)), `dist/browser/${entry}.js`).toBe(true);
    expect(existsSync(join(installed, "dist", "cli.js"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(installed, "test"))).toBe(false);
  });

  for (const kind of ["esm", "cjs"] as const) {
    it(`works from ${kind === "esm" ? "import (ESM)" : "require (CJS)"}: packaged stand-in, packaged client`, async () => {
      const file = join(project, kind === "esm" ? "consumer.mjs" : "consumer.cjs");
      writeFileSync(file, consumerScript(kind));
      const r = await run(process.execPath, [file], project);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim()) as ConsumerOutput;
      const resolved = out.resolved.startsWith("file:") ? fileURLToPath(out.resolved) : out.resolved;
      expect(resolved).toBe(join(project, "node_modules", PKG.name, "dist", kind === "esm" ? "index.js" : "index.cjs"));
      expect(out.version).toBe(out.served);
      expect(out.count).toBe(12);
      expect(out.seeded).toHaveLength(12);
      expect(out.ids).toEqual(out.seeded.slice(0, 5));
      expect(out.rawCount).toBe(out.seeded.filter((id) => Number(id) > 3).length);
      expect(out.duplicates).toBe(2);
      expect(out.authError).toBe("StashAuthError");
      expect(r.stdout + r.stderr).not.toContain("consumer-key");
    });
  }

  it("the functional entries work from import and require, and a browser bundle gets the fetch build", async () => {
    let server: StandIn | undefined;
    try {
      server = await startStandIn({ apiKey: "entries-key" });
      const seeded = await server.seed(generateLibrary({ scenes: 6, seed: 4 }));
      const body = (load: string) => `${load}
const core = createStashCore({ url: process.argv[2], apiKey: "entries-key" });
findScenes(core, { filter: { per_page: 2, sort: "id" } })
  .then(async (page) => { console.log(JSON.stringify({ count: page.count, job: typeof listJobs, where })); await core.close(); })
  .catch((err) => { console.error(err); process.exitCode = 1; });`;
      writeFileSync(join(project, "entries.mjs"), body(`import { createStashCore } from "${PKG.name}/core";
import { findScenes } from "${PKG.name}/scenes";
import { listJobs } from "${PKG.name}/jobs";
const where = import.meta.resolve("${PKG.name}/core");`));
      writeFileSync(join(project, "entries.cjs"), body(`const { createStashCore } = require("${PKG.name}/core");
const { findScenes } = require("${PKG.name}/scenes");
const { listJobs } = require("${PKG.name}/jobs");
const where = require.resolve("${PKG.name}/core");`));
      for (const [file, built] of [["entries.mjs", "core.js"], ["entries.cjs", "core.cjs"]] as const) {
        const r = await run(process.execPath, [file, server.url], project);
        expect(r.code, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout.trim()) as { count: number; job: string; where: string };
        expect(out).toEqual({ count: seeded.scenes.length, job: "function", where: expect.stringContaining(join("dist", built)) });
      }
      // What a bundler does with the `browser` condition: the fetch build, no Node module.
      const bundled = await build({
        stdin: { contents: `export * from "${PKG.name}/core"; export * from "${PKG.name}/scenes"; export * from "${PKG.name}/jobs";`, resolveDir: project },
        bundle: true,
        platform: "browser",
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const inputs = Object.keys(bundled.metafile.inputs);
      expect(inputs.some((i) => i.includes(`${PKG.name}/dist/browser/core.js`))).toBe(true);
      const nodeOnly = inputs.filter((i) => i.includes("node_modules/ws/") || (i.includes(`${PKG.name}/dist/`) && !i.includes(`${PKG.name}/dist/browser/`)));
      expect(nodeOnly).toEqual([]);
      expect(bundled.outputFiles[0]!.text).not.toMatch(/["']node:/);
    } finally {
      await server?.close();
    }
  });

  it("runs an example with the import switched to the package name", async () => {
    let server: StandIn | undefined;
    try {
      server = await startStandIn();
      const seeded = await server.seed(generateLibrary({ scenes: 7, seed: 2 }));
      const source = readFileSync(join(ROOT, "examples", "export-jsonl.ts"), "utf8");
      expect(source).toContain('from "../src/index"');
      writeFileSync(join(project, "export-jsonl.ts"), source.replace('from "../src/index"', `from "${PKG.name}"`));
      const tsx = import.meta.resolve("tsx");
      const r = await run(process.execPath, ["--import", tsx, "export-jsonl.ts"], project, { STASH_URL: server.url });
      expect(r.code, r.stderr).toBe(0);
      const ids = r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
      expect(ids).toEqual(seeded.scenes);
    } finally {
      await server?.close();
    }
  });

  it("installs the stash-gql binary, which runs from the built dist", async () => {
    let server: StandIn | undefined;
    try {
      server = await startStandIn();
      const bin = join(project, "node_modules", ".bin", "stash-gql");
      const r = await run(bin, ["version", "--json", "--url", server.url], project, { STASH_URL: "", STASH_API_KEY: "" });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim()) as { sdk: string; server: { version: string } };
      expect(out.sdk).toBe(PKG.version);
      expect(out.server.version).toBe(server.version);
    } finally {
      await server?.close();
    }
  });

  // attw and publint only read the tarball, so they cannot see a dependency import that some resolution
  // fails to find (the old "graphql/language/ast" broke node16 and nodenext ESM); compiling consumers does.
  it("type-checks under node10, node16, nodenext (ESM and CJS) and bundler, strict with skipLibCheck off", { timeout: 240_000 }, async () => {
    const results = await checkTypeConsumers(project);
    expect(results.map((r) => r.name)).toEqual(["node10", "node16", "nodenext-esm", "nodenext-cjs", "bundler"]);
    for (const r of results) expect(r.output, r.name).toBe("");
    for (const r of results) expect(r.code, r.name).toBe(0);
  });

  it("passes publint (strict) with no messages", async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, strict: true });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  });
});

/**
 * Runs every script in examples/ as a user would (a subprocess configured by
 * STASH_URL / STASH_API_KEY) against a seeded stand-in, and checks both what
 * it prints and what it changed on the server: nothing without --apply.
 *
 * Each script is compiled once with esbuild, the compiler tsx uses, and every
 * run is `node` on that file: half the cost of `tsx` resolving and loading
 * src/ module by module in each of the eleven runs. (package.test.ts runs
 * export-jsonl.ts through tsx against the packed package.)
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CriterionModifier, StashClient } from "../src/index";
import { generateLibrary, startStandIn, type GeneratedLibrary, type SeedResult, type StandIn } from "../src/testing/index";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const API_KEY = `example-key-${process.pid}-${Date.now().toString(36)}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let server: StandIn;
let library: GeneratedLibrary;
let seeded: SeedResult;
let stash: StashClient;
let tmp: string;
/** The compiled scripts; inside the checkout so their packages resolve from its node_modules (git-ignored). */
let compiled: string;
const outputs: string[] = [];

/** Runs the compiled examples/<name>.ts with the stand-in's URL and key in the environment. */
function runExample(name: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(compiled, `${name}.mjs`), ...args],
      { cwd: ROOT, env: { ...process.env, STASH_URL: server.url, STASH_API_KEY: API_KEY, NO_COLOR: "1", ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        outputs.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Scenes outside every planted duplicate group, so the cleanup run cannot take them away. */
function freeScenes(): string[] {
  const planted = new Set(library.duplicates.flatMap((g) => g.sceneIndexes));
  return seeded.scenes.filter((_, i) => !planted.has(i));
}

async function markerCount(sceneIds: readonly string[]): Promise<number> {
  const res = await stash.findSceneMarkers({
    markerFilter: { scenes: { value: [...sceneIds], modifier: CriterionModifier.INCLUDES } },
    filter: { per_page: 1 },
  });
  return res.count;
}

async function sceneCount(): Promise<number> {
  return (await stash.findScenes({ filter: { per_page: 1 } })).count;
}

beforeAll(async () => {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  compiled = mkdtempSync(join(ROOT, ".tmp", "examples-"));
  const scripts = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".ts"));
  await build({
    entryPoints: scripts.map((f) => join(ROOT, "examples", f)),
    outdir: compiled,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  server = await startStandIn({ apiKey: API_KEY });
  library = generateLibrary({ scenes: 60, duplicateGroups: 3, markersPerScene: 2, seed: 11 });
  seeded = await server.seed(library);
  stash = new StashClient({ url: server.url, apiKey: API_KEY });
  tmp = mkdtempSync(join(tmpdir(), "stash-examples-"));
});

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (compiled) rmSync(compiled, { recursive: true, force: true });
});

describe("examples/export-jsonl.ts", { timeout: 60_000 }, () => {
  it("writes every scene as one JSON line to stdout", async () => {
    const run = await runExample("export-jsonl", []);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { id: string; files: unknown[] });
    expect(lines.map((s) => s.id).sort()).toEqual([...seeded.scenes].sort());
    expect(lines.every((s) => Array.isArray(s.files) && s.files.length > 0)).toBe(true);
    expect(run.stderr).toContain(`exported ${seeded.scenes.length} scenes`);
  });

  it("writes full scenes matching a filter to --out, and refuses to overwrite without --force", async () => {
    const out = join(tmp, "organized.jsonl");
    const organized = await stash.findScenes({ sceneFilter: { organized: true }, filter: { per_page: -1 } });
    expect(organized.count).toBeGreaterThan(0);
    const run = await runExample("export-jsonl", ["--full", "--filter-json", '{"organized":true}', "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const lines = readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((s) => s["id"]).sort()).toEqual(organized.scenes.map((s) => s.id).sort());
    expect(lines.every((s) => s["organized"] === true && Array.isArray(s["play_history"]))).toBe(true);

    writeFileSync(out, "keep me\n");
    const again = await runExample("export-jsonl", ["--out", out]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
  });

  it("reports a wrong API key in one line and exits non-zero", async () => {
    const wrong = "wrong-key-should-not-leak-7f3a";
    const run = await runExample("export-jsonl", [], { STASH_API_KEY: wrong });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/401/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain(wrong);
  });
});

describe("examples/marker-merge.ts", { timeout: 60_000 }, () => {
  it("lists the copies in a dry run, creates them with --apply, and creates nothing the second time", async () => {
    const [target, ...rest] = freeScenes();
    const sources = rest.slice(0, 2);
    const before = await markerCount([target!]);
    const expected = await markerCount(sources);
    expect(expected).toBeGreaterThan(0);

    const dry = await runExample("marker-merge", ["--target", target!, "--source", ...sources]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.match(/^would copy /gm)).toHaveLength(expected);
    expect(dry.stdout).toContain(`dry run: ${expected} markers would be copied to scene #${target}`);
    expect(await markerCount([target!])).toBe(before);

    const applied = await runExample("marker-merge", ["--target", target!, "--source", ...sources, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`created ${expected} markers on scene #${target}, 0 skipped, 0 failed`);
    expect(await markerCount([target!])).toBe(before + expected);

    const repeat = await runExample("marker-merge", ["--target", target!, "--source", ...sources, "--apply"]);
    expect(repeat.code, repeat.stderr).toBe(0);
    expect(repeat.stdout).toContain(`created 0 markers on scene #${target}, ${expected} skipped, 0 failed`);
    expect(await markerCount([target!])).toBe(before + expected);
  });
});

describe("examples/bulk-tag.ts", { timeout: 60_000 }, () => {
  it("counts in a dry run, tags every match with --apply, and is idempotent", async () => {
    const word = (await stash.findScene(freeScenes()[0]!))!.title!.split(" ")[0]!;
    const tagName = Object.keys(seeded.tags).sort()[0]!;
    const tag = seeded.tags[tagName]!;
    const matching = await stash.findScenes({ q: word, filter: { per_page: -1 } });
    const tagged = () =>
      stash.findScenes({ q: word, sceneFilter: { tags: { value: [tag], modifier: CriterionModifier.INCLUDES } }, filter: { per_page: 1 } });
    const already = (await tagged()).count;
    expect(matching.count).toBeGreaterThan(already);

    const dry = await runExample("bulk-tag", ["--tag", tag, "--q", word]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`${matching.count} scenes match; ${matching.count - already} to tag, ${already} already done`);
    expect((await tagged()).count).toBe(already);

    const applied = await runExample("bulk-tag", ["--tag", tag, "--q", word, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`done: ${matching.count - already} scenes tagged with tag #${tag}`);
    expect((await tagged()).count).toBe(matching.count);

    const repeat = await runExample("bulk-tag", ["--tag", tag, "--q", word]);
    expect(repeat.stdout).toContain(`${matching.count} scenes match; 0 to tag, ${matching.count} already done`);
  });

  it("refuses to touch the whole library unless told to", async () => {
    const run = await runExample("bulk-tag", ["--tag", "1", "--apply"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--all");
  });
});

describe("examples/duplicates-cleanup.ts", { timeout: 60_000 }, () => {
  it("prints the plan without changing anything, then merges every group with --apply", async () => {
    const groups = await stash.findDuplicateScenesWrapper({ preset: "high" });
    const plan = stash.planDuplicateCleanup(groups, { keep: "largest" });
    expect(plan.groups.length).toBe(library.duplicates.length);
    const scenesBefore = await sceneCount();

    const dry = await runExample("duplicates-cleanup", ["--preset", "high", "--keep", "largest"]);
    expect(dry.code, dry.stderr).toBe(0);
    const keepers = [...dry.stdout.matchAll(/^group \d+: keep #(\d+)/gm)].map((m) => m[1]);
    expect(keepers).toEqual(plan.groups.map((g) => g.keep.id));
    const merged = [...dry.stdout.matchAll(/^ {2}merge #(\d+)/gm)].map((m) => m[1]);
    expect(merged).toEqual(plan.groups.flatMap((g) => g.remove.map((s) => s.id)));
    expect(dry.stdout).toContain("dry run: nothing changed");
    expect(await sceneCount()).toBe(scenesBefore);

    const applied = await runExample("duplicates-cleanup", ["--preset", "high", "--keep", "largest", "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`applied: ${plan.groups.length} merged, 0 failed, 0 skipped`);
    expect(await sceneCount()).toBe(scenesBefore - plan.summary.remove);
    expect(await stash.findDuplicateScenesWrapper({ preset: "high" })).toEqual([]);
    for (const group of plan.groups) expect(await stash.findScene(group.keep.id)).not.toBeNull();
  });
});

describe("all example runs", () => {
  it("never printed the API key", () => {
    expect(outputs.length).toBeGreaterThan(0);
    for (const text of outputs) expect(text).not.toContain(API_KEY);
  });
});

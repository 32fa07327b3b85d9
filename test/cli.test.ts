/**
 * The `stash-gql` commands against a stand-in on 127.0.0.1, run in-process
 * (`runCli` with captured streams), their output checked against what the SDK
 * reads from the same server. Two tests spawn the real binary as a smoke test
 * of the entry point: `--help`, and `standin` stopped by a signal.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CriterionModifier } from "../generated/graphql";
import { runCli } from "../src/cli/program";
import { StashClient } from "../src/stash-client";
import { generateLibrary, startStandIn, type StandIn } from "../src/testing/index";
import { capture } from "./helpers/cli-io";
import pkg from "../package.json" with { type: "json" };

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KEY = "cli-test-key-7f3a9c";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with only `env` as the environment (no STASH_* from the caller). */
async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const c = capture({ env });
  const code = await runCli(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** Spawns the binary from source; `onStdout` sees each chunk and gets the child (e.g. to signal it). */
function spawnCli(args: readonly string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STASH_")));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env, timeout: 30_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const library = generateLibrary({ scenes: 40, duplicateGroups: 4, markersPerScene: 2, seed: 11 });
let open: StandIn; // no API key
let keyed: StandIn; // requires KEY
let sdk: StashClient;
let tmp: string;

beforeAll(async () => {
  [open, keyed] = await Promise.all([startStandIn(), startStandIn({ apiKey: KEY })]);
  await Promise.all([open.seed(library), keyed.seed(library)]);
  sdk = new StashClient({ url: open.url });
  tmp = await mkdtemp(join(tmpdir(), "stash-gql-cli-"));
});

afterAll(async () => {
  await Promise.all([open?.close(), keyed?.close()]);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("stash-gql (subprocess smoke)", () => {
  it("--help lists the commands and documents the exit codes", async () => {
    const run = await spawnCli(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["version", "scenes", "duplicates", "markers", "schema", "standin"]) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*3\s+authentication failed[\s\S]*4\s+network error/);
    expect(run.stdout).toContain("STASH_API_KEY");
  });

  it("standin serves until SIGTERM, then closes and exits 0", async () => {
    let url = "";
    let answered: Promise<string> | undefined;
    const run = await spawnCli(["standin", "--port", "0", "--library", "empty", "--api-key", KEY], (out, child) => {
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out)?.[1];
      if (!found || url) return;
      url = found;
      answered = new StashClient({ url, apiKey: KEY })
        .version()
        .then((v) => v.version ?? "")
        .finally(() => child.kill("SIGTERM"));
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await answered).toBe("v0.30.1");
    expect(run.stdout).toContain(`STASH_API_KEY=${KEY}`);
    expect(run.stderr).toBe("stash-gql: stand-in stopped\n");
    // Closed: nothing listens any more.
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe("stash-gql", () => {
  it("version prints the SDK version from package.json and the server's version", async () => {
    const run = await cli(["version", "--url", open.baseUrl]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${pkg.name} ${pkg.version}`);
    expect(run.stdout).toContain(`Stash ${open.version}`);
  });

  it("version --json takes the URL and key from STASH_URL and STASH_API_KEY", async () => {
    const run = await cli(["version", "--json"], { STASH_URL: keyed.baseUrl, STASH_API_KEY: KEY });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.sdk).toBe(pkg.version);
    expect(out.server.version).toBe(keyed.version);
    expect(out.url).toBe(keyed.url);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it("scenes list prints one page as a table, in the order asked for", async () => {
    const run = await cli(["scenes", "list", "--url", open.url, "--per-page", "5", "--sort", "title", "--direction", "desc"]);
    expect(run.code, run.stderr).toBe(0);
    const expected = await sdk.findScenes({ filter: { per_page: 5, sort: "title", direction: "DESC" } });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+DATE\s+DURATION\s+RESOLUTION\s+SIZE\s+PATH$/);
    const rows = lines.slice(1, 6);
    expect(rows.map((r) => r.trim().split(/\s+/)[0])).toEqual(expected.scenes.map((s) => s.id));
    rows.forEach((row, i) => expect(row).toContain(expected.scenes[i]!.files[0]!.path));
    expect(lines[6]).toBe(`scenes 1–5 of ${expected.count}; --page 2 for more, --all for every scene`);
  });

  it("scenes list --all streams every match as JSON lines, with no progress bar off a terminal", async () => {
    const filter = { organized: true };
    const run = await cli(["scenes", "list", "--url", open.url, "--all", "--per-page", "4", "--filter-json", JSON.stringify(filter)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const scenes = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    const expected = await sdk.findScenes({ sceneFilter: filter, filter: { per_page: -1, sort: "id" } });
    expect(expected.count).toBeGreaterThan(4);
    expect(scenes.map((s) => s.id)).toEqual(expected.scenes.map((s) => s.id));
    expect(scenes.every((s) => s.organized === true && Array.isArray(s.files))).toBe(true);
  });

  it("scenes list --json --q returns the search result as JSON", async () => {
    const word = library.fixture.scenes![3]!.title!.split(" ")[0]!;
    const run = await cli(["scenes", "list", "--url", open.url, "--json", "--q", word]);
    expect(run.code, run.stderr).toBe(0);
    const page = JSON.parse(run.stdout);
    const expected = await sdk.findScenes({ q: word, filter: { per_page: 25 } });
    expect(page.count).toBe(expected.count);
    expect(page.scenes.map((s: { id: string }) => s.id)).toEqual(expected.scenes.map((s) => s.id));
  });

  it("scenes get shows one scene; a missing scene or marker-merge scene exits 1 (not found)", async () => {
    const scene = (await sdk.findScene("7"))!;
    const [found, missing, target, source] = await Promise.all([
      cli(["scenes", "get", "7", "--url", open.url]),
      cli(["scenes", "get", "99999", "--url", open.url]),
      cli(["markers", "merge", "--target", "99999", "--source", "5", "--url", open.url]),
      cli(["markers", "merge", "--target", "5", "--source", "99998", "--dry-run", "--url", open.url]),
    ]);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain(`Scene 7: ${scene.title}`);
    expect(found.stdout).toContain(scene.files[0]!.path);
    expect(found.stdout).toMatch(new RegExp(`markers\\s+${scene.scene_markers.length}`));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("stash-gql: scene 99999 not found\n");
    expect(target.code).toBe(1);
    expect(target.stderr).toBe("stash-gql: scene 99999 not found\n");
    expect(source.code).toBe(1);
    expect(source.stderr).toMatch(/^stash-gql: scene 99998 not found/);
  });

  it("duplicates --json reports the server's groups with the suggested keepers", async () => {
    const run = await cli(["duplicates", "--url", open.url, "--json", "--preset", "low", "--keep", "largest"]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const groups = await sdk.findDuplicateScenesWrapper({ preset: "low" });
    const plan = sdk.planDuplicateCleanup(groups, { keep: "largest" });
    expect(groups.length).toBeGreaterThan(0);
    expect(out.strategy).toBe("largest");
    expect(out.groups.map((g: { scenes: { id: string }[] }) => g.scenes.map((s) => s.id))).toEqual(groups.map((g) => g.map((s) => s.id)));
    expect(out.groups.map((g: { keep: string }) => g.keep).filter(Boolean)).toEqual(plan.groups.map((g) => g.keep.id));
    // Every planted group with identical phashes is among them.
    const found = new Set(out.groups.map((g: { scenes: { id: string }[] }) => g.scenes.map((s) => s.id).sort().join(",")));
    const seeded = await sdk.findScenes({ filter: { per_page: -1, sort: "id" } });
    for (const planted of library.duplicates.filter((d) => d.exact)) {
      expect(found).toContain(planted.sceneIndexes.map((i) => seeded.scenes[i]!.id).sort().join(","));
    }
  });

  it("duplicates suggests a clean command that plans the groups it showed", async () => {
    const shown = await cli(["duplicates", "--url", open.url, "--preset", "low", "--duration-diff", "5", "--keep", "largest"]);
    expect(shown.code, shown.stderr).toBe(0);
    const suggested = /to merge: stash-gql (duplicates clean [^(]*?) \(a dry run/.exec(shown.stderr)?.[1];
    expect(suggested).toBe(`duplicates clean --keep largest --preset low --duration-diff 5 --url ${open.url}`);
    const dry = await cli(suggested!.split(" "));
    expect(dry.code, dry.stderr).toBe(0);
    const groupsOf = (text: string) => text.split("\n").filter((l) => /^(Group \d+|\s+(keep|merge)\s)/.test(l));
    expect(groupsOf(dry.stdout)).toEqual(groupsOf(shown.stdout));
    expect(groupsOf(shown.stdout).length).toBeGreaterThan(0);
  });

  it("duplicates --html --inline-images writes a self-contained report without the API key", async () => {
    const file = join(tmp, "report.html");
    const run = await cli(["duplicates", "--preset", "low", "--html", file, "--inline-images", "--title", "CLI <report>"], {
      STASH_URL: keyed.url,
      STASH_API_KEY: KEY,
    });
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(file, "utf8");
    const groups = run.stdout.match(/^Group \d+ /gm) ?? [];
    expect(groups.length).toBeGreaterThan(0);
    expect(html.match(/<section class="group"/g)).toHaveLength(groups.length);
    expect(html).toContain("<title>CLI &lt;report&gt;</title>");
    expect(html).toMatch(/src="data:image\/png;base64,/);
    expect(html).not.toMatch(/src="http/);
    expect(html + run.stdout + run.stderr).not.toContain(KEY);
    expect(run.stderr).toContain(`wrote ${file}`);
  });

  it("duplicates clean is a dry run by default and changes nothing", async () => {
    const before = (await sdk.findScenes({ filter: { per_page: 1 } })).count;
    const run = await cli(["duplicates", "clean", "--keep", "largest", "--url", open.url]);
    expect(run.code, run.stderr).toBe(0);
    const plan = sdk.planDuplicateCleanup(await sdk.findDuplicateScenesWrapper(), { keep: "largest" });
    expect(run.stdout).toContain(`dry run: nothing changed; add --apply to merge ${plan.summary.remove} scenes into ${plan.summary.keep} keepers`);
    for (const g of plan.groups) expect(run.stdout).toMatch(new RegExp(`^  keep\\s+${g.keep.id}\\s`, "m"));
    expect((await sdk.findScenes({ filter: { per_page: 1 } })).count).toBe(before);
  });

  it("counts in the singular for one: 1 group, 1 scene, 1 keeper", async () => {
    const one = await startStandIn();
    try {
      const file = (path: string, size: number) => ({ path, size, duration: 60, width: 1280, height: 720, phash: "a1b2c3d4e5f60718" });
      await one.seed({ scenes: [{ title: "A", files: [file("/one/a.mp4", 10)] }, { title: "B", files: [file("/one/b.mp4", 20)] }] });
      const dry = await cli(["duplicates", "clean", "--keep", "largest", "--url", one.url]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain("\n1 group; plan (largest): keep 1, merge 1 into them\n");
      expect(dry.stdout).toContain("add --apply to merge 1 scene into 1 keeper\n");
      const html = join(tmp, "one.html");
      const report = await cli(["duplicates", "--keep", "largest", "--html", html, "--url", one.url]);
      expect(report.stderr).toContain(`wrote ${html} (1 group)`);
      expect(await readFile(html, "utf8")).toMatch(/ · 1 group · 2 scenes · .* · 1 scene would be merged into 1 keeper</);
      const applied = await cli(["duplicates", "clean", "--keep", "largest", "--apply", "--url", one.url]);
      expect(applied.stdout).toContain("1 merged, 0 failed, 0 skipped (of 1 group)\n");
    } finally {
      await one.close();
    }
  });

  it("duplicates clean --apply merges every group into its keeper", async () => {
    const stash = await startStandIn();
    try {
      await stash.seed(library);
      const client = new StashClient({ url: stash.url });
      const plan = client.planDuplicateCleanup(await client.findDuplicateScenesWrapper(), { keep: "highest-resolution" });
      const run = await cli(["duplicates", "clean", "--keep", "highest-resolution", "--apply", "--json", "--url", stash.url]);
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out).toMatchObject({ merged: plan.groups.length, failed: 0, skipped: 0 });
      expect(out.results.map((r: { destination: string }) => r.destination)).toEqual(plan.groups.map((g) => g.keep.id));
      expect(await client.findDuplicateScenesWrapper()).toEqual([]);
      for (const g of plan.groups) expect(await client.findScene(g.remove[0]!.id)).toBeNull();
    } finally {
      await stash.close();
    }
  });

  it("markers merge copies markers once: a dry run, the merge, then nothing left to copy", async () => {
    const target = "2";
    const sources = ["5", "6"];
    const markersOn = async (ids: string[]) =>
      (await sdk.findSceneMarkers({ markerFilter: { scenes: { value: ids, modifier: CriterionModifier.INCLUDES } } })).count;
    const before = await markersOn([target]);
    const copies = await markersOn(sources);
    expect(copies).toBeGreaterThan(0);
    const args = ["markers", "merge", "--target", target, "--source", ...sources, "--url", open.url];
    const dry = await cli([...args, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`would copy ${copies} markers from scenes 5, 6 to scene 2; 0 skipped, 0 failed (dry run: nothing changed)`);
    expect(await markersOn([target])).toBe(before);
    const real = await cli([...args, "--json"]);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout).created).toHaveLength(copies);
    expect(await markersOn([target])).toBe(before + copies);
    const again = await cli(["markers", "merge", "--target", target, "--source", sources.join(","), "--url", open.url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`copied 0 markers from scenes 5, 6 to scene 2; ${copies} skipped, 0 failed`);
  });

  it("schema pull is mounted under schema and snapshots the server's schema", async () => {
    const out = join(tmp, "pulled.graphql");
    const run = await cli(["schema", "pull", "--endpoint", open.baseUrl, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*pulled\.graphql \(Stash v0\.30\.1, \d+ types/);
    expect(await readFile(out, "utf8")).toMatch(/type Query \{/);
  });
});

describe("stash-gql errors", () => {
  it("an unreachable server exits 4 with one line that says what the first call was doing", async () => {
    const port = await closedPort();
    const run = await cli(["scenes", "list", "--url", `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^stash-gql: while checking what the server supports: could not get an answer from http:\/\/127\.0\.0\.1:\d+\/graphql .*ECONNREFUSED/,
    );
  });

  it("a wrong API key exits 3 and neither key is printed", async () => {
    const wrong = "wrong-key-0c41d2e";
    const [flag, env] = await Promise.all([
      cli(["duplicates", "--url", keyed.url, "--api-key", wrong]),
      cli(["scenes", "get", "1"], { STASH_URL: keyed.url, STASH_API_KEY: wrong }),
    ]);
    for (const run of [flag, env]) {
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/^stash-gql: .*HTTP 401.*--api-key/);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stdout + run.stderr).not.toContain(wrong);
      expect(run.stdout + run.stderr).not.toContain(KEY);
    }
  });

  it("bad arguments exit 2: bad JSON, an unknown choice, contradictory flags", async () => {
    const [json, choice, both] = await Promise.all([
      cli(["scenes", "list", "--url", open.url, "--filter-json", "{organized: true"]),
      cli(["duplicates", "clean", "--keep", "fastest", "--url", open.url]),
      cli(["duplicates", "--distance", "4", "--preset", "high", "--url", open.url]),
    ]);
    expect(json.code).toBe(2);
    expect(json.stderr.split("\n")[0]).toMatch(/^stash-gql: option '--filter-json <json>' argument .* is invalid\. not valid JSON/);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/^stash-gql: option '--keep <strategy>' argument 'fastest' is invalid\. Allowed choices are largest, highest-resolution/);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be used with option '--distance <n>'/);
    for (const run of [json, choice, both]) expect(run.stdout).toBe("");
  });
});

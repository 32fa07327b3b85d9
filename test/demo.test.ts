/**
 * The demo tour: `npm run demo` end to end in a subprocess, and `runDemo`
 * in-process against a stand-in the test owns, so every number the tour
 * prints can be checked against the server afterwards.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CriterionModifier, SortDirectionEnum, StashClient } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";
import { DEMO_LIBRARY, demoLibrary, pickScenes } from "../src/demo/library";
import { table } from "../src/demo/format";
import { runDemo, type DemoSummary } from "../src/demo/tour";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEADINGS = [/^1\. Server version/m, /^2\. A filtered search/m, /^3\. Every unorganized scene/m, /^4\. Duplicates/m, /^5\. Marker merge/m, /^6\. Play and O history/m, /^7\. HTML duplicate report/m];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "stash-demo-test-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("npm run demo", { timeout: 60_000 }, () => {
  it("exits 0, prints every section and writes the report where it says", async () => {
    const out = join(tmp, "cli");
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile("npm", ["run", "--silent", "demo", "--", "--out", out], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    for (const h of HEADINGS) expect(stdout).toMatch(h);
    expect(stdout).not.toMatch(/undefined|NaN|\[object /);
    const path = /written to:\s+(\S+)/.exec(stdout)?.[1];
    expect(path).toBe(join(out, "duplicates.html"));
    expect(existsSync(path!)).toBe(true);
    const groups = Number(/(\d+) groups? of near-identical scenes/.exec(stdout)?.[1]);
    expect(groups).toBe(DEMO_LIBRARY.duplicateGroups);
    expect(readFileSync(path!, "utf8").match(/<section class="group"/g)).toHaveLength(groups);
    expect(stdout).toMatch(/^Done: \d+ GraphQL requests/m);
  });
});

describe("runDemo against the test's own stand-in", () => {
  let server: StandIn;
  let summary: DemoSummary;
  let lines: string[];
  let stash: StashClient;
  const library = demoLibrary();

  beforeAll(async () => {
    server = await startStandIn();
    lines = [];
    summary = await runDemo({ outDir: tmp, standIn: server, print: (line) => lines.push(line) });
    stash = new StashClient({ url: server.url });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("leaves a given stand-in running and reports its url and library", async () => {
    expect(summary.url).toBe(server.url);
    expect((await stash.version()).version).toBe(summary.version);
    expect(summary.scenes).toBe(DEMO_LIBRARY.scenes);
    expect(summary.markers).toBe(DEMO_LIBRARY.scenes * DEMO_LIBRARY.markersPerScene);
    expect(summary.plantedGroups).toBe(library.duplicates.length);
  });

  it("prints the same search result the server gives", async () => {
    const page = await stash.findScenes({
      q: summary.search.query,
      filter: { per_page: 5, sort: "date", direction: SortDirectionEnum.DESC },
      sceneFilter: { rating100: { value: 60, modifier: CriterionModifier.GREATER_THAN } },
    });
    expect(summary.search.count).toBe(page.count);
    expect(summary.search.shown).toBe(page.scenes.length);
    expect(page.count).toBeGreaterThan(0);
    for (const scene of page.scenes) expect(lines.some((l) => l.includes(scene.title!) && l.trimStart().startsWith(scene.id))).toBe(true);
  });

  it("walks every unorganized scene in one request per page", () => {
    const { yielded, expected, requests } = summary.iterate;
    expect(yielded).toBe(expected);
    // Counted from the fixture: the tour merges duplicates after this step, so the server has fewer scenes now.
    expect(yielded).toBe(library.fixture.scenes!.filter((s) => !s.organized).length);
    expect(requests).toBe(Math.ceil(yielded / 100));
  });

  it("finds every planted duplicate group and applies exactly one", async () => {
    const { groups, merged, keeper, groupsAfter, remove } = summary.duplicates;
    expect(groups).toBe(library.duplicates.length);
    expect(remove).toBe(library.duplicates.reduce((n, g) => n + g.sceneIndexes.length - 1, 0));
    expect(groupsAfter).toBe(groups - 1);
    expect((await stash.findDuplicateScenesWrapper({ preset: "high" })).length).toBe(groupsAfter);
    expect(merged.length).toBeGreaterThan(0);
    for (const id of merged) expect(await stash.findScene(id)).toBeNull();
    const kept = await stash.findScene(keeper!);
    expect(kept!.files.length).toBe(merged.length + 1);
  });

  it("merges markers once: the second run creates nothing", async () => {
    const seededIds = Array.from({ length: DEMO_LIBRARY.scenes }, (_, i) => String(i + 1));
    const picks = pickScenes(library, { scenes: seededIds } as Parameters<typeof pickScenes>[1]);
    expect(summary.picks).toEqual(picks);
    const fixtureMarkers = (id: string) => library.fixture.scenes![seededIds.indexOf(id)]!.markers!.length;
    const copies = picks.markerSources.reduce((n, id) => n + fixtureMarkers(id), 0);
    const [dry, first, second] = summary.markerRuns;
    expect(dry).toMatchObject({ planned: copies, created: 0, failed: 0 });
    expect(first).toMatchObject({ planned: copies, created: copies, skipped: 0, failed: 0 });
    expect(second).toMatchObject({ planned: 0, created: 0, skipped: copies, failed: 0 });
    const onTarget = await stash.findSceneMarkers({
      markerFilter: { scenes: { value: [picks.markerTarget], modifier: CriterionModifier.INCLUDES } },
      filter: { per_page: 1 },
    });
    expect(onTarget.count).toBe(fixtureMarkers(picks.markerTarget) + copies);
  });

  it("records two plays and an O, as the server confirms", async () => {
    const h = summary.history;
    expect(h.playCount).toBe(h.playsBefore + 2);
    expect(h.oCounter).toBe(h.oBefore + 1);
    const scene = await stash.findScene(h.sceneId);
    expect(scene!.play_count).toBe(h.playCount);
    expect(scene!.o_counter).toBe(h.oCounter);
    expect(scene!.play_history).toContain("2024-12-24T20:30:00Z");
    expect(scene!.last_played_at).toBe(h.lastPlayedAt);
  });

  it("writes a self-contained report: every group, every screenshot embedded, no link to the stand-in", () => {
    const html = readFileSync(summary.reportPath, "utf8");
    expect(html.match(/<section class="group"/g)).toHaveLength(summary.duplicates.groups);
    const members = library.duplicates.reduce((n, g) => n + g.sceneIndexes.length, 0);
    expect(summary.reportImages).toBe(members);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(members);
    expect(html).not.toContain(server.baseUrl);
  });

  it("prints every section, with aligned tables", () => {
    const text = lines.join("\n");
    for (const h of HEADINGS) expect(text).toMatch(h);
    const header = lines.findIndex((l) => /^\s+run\s+planned\s+created/.test(l));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header, header + 5);
    expect(new Set(rows.map((l) => l.length)).size).toBe(1);
  });
});

describe("table()", () => {
  it("right-aligns numbers, clips long cells and says (none) for no rows", () => {
    const rows = table(
      [
        { n: 5, s: "short" },
        { n: 12345, s: "a very long title that goes on" },
      ],
      [
        { header: "n", cell: (r) => r.n },
        { header: "title", cell: (r) => r.s, maxWidth: 10 },
      ],
    );
    expect(rows[2]).toBe("      5  short");
    expect(rows[3]).toBe("  12345  a very lo…");
    expect(table([], [{ header: "x", cell: () => 1 }])).toEqual(["  (none)"]);
  });
});

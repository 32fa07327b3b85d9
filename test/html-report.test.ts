/**
 * The HTML duplicate report: the pure renderer (escaping, keepers, skipped
 * groups, unsafe URLs), screenshot inlining against a keyed stand-in, and the
 * page itself in headless Chromium, where every card and image must load.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { planDuplicateCleanup } from "../src/scenes/duplicate-cleanup";
import { renderDuplicateReport } from "../src/report/duplicates-html";
import { inlineScreenshots } from "../src/report/inline-images";
import type { ReportScene } from "../src/report/plan-view";
import { StashClient } from "../src/stash-client";
import { generateLibrary, screenshotPng, startStandIn, type StandIn } from "../src/testing/index";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`html-report: skipping the browser test: no Chromium at ${CHROMIUM} (CI installs it in .ci/run)`);

const KEY = "report-key-93be1f";

function scene(id: number, over: { title?: string; path?: string; w?: number; h?: number; size?: number; shot?: string | null } = {}): ReportScene & { play_count: number } {
  return {
    id: String(id),
    title: over.title ?? `Scene ${id}`,
    play_count: 0,
    files: [{ path: over.path ?? `/v/${id}.mp4`, size: over.size ?? 1000 * id, duration: 61, width: over.w ?? 1280, height: over.h ?? 720 }],
    paths: { screenshot: over.shot === undefined ? `http://127.0.0.1:9/scene/${id}/screenshot` : over.shot },
  };
}

describe("renderDuplicateReport", () => {
  it("renders a card per group, marks the keeper, and escapes every string", () => {
    const hostile = `<img src=x onerror="alert(1)">`;
    const groups = [
      [scene(1, { title: hostile, w: 640, h: 360 }), scene(2, { path: `/v/a"b&<c>.mp4`, w: 1920, h: 1080 })],
      [scene(3, { shot: "javascript:alert(1)" }), scene(4, { shot: null })],
      [scene(2), scene(1)], // both already planned in group 1: skipped
    ];
    const plan = planDuplicateCleanup(groups, { keep: "highest-resolution" });
    const html = renderDuplicateReport(groups, plan, {
      title: "Dupes & <friends>",
      generatedAt: new Date("2025-01-02T03:04:05Z"),
      images: new Map([["4", "data:image/png;base64,iVBORw0KGgo="]]),
    });
    expect(html.match(/<section class="group"/g)).toHaveLength(3);
    expect(html).toContain("<title>Dupes &amp; &lt;friends&gt;</title>");
    expect(html).toContain("Generated 2025-01-02T03:04:05.000Z");
    expect(html).not.toContain(hostile);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("/v/a&quot;b&amp;&lt;c&gt;.mp4");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('data-group="1" data-keep="2"');
    expect(html).toMatch(/<article class="scene keep" data-scene-id="2"[\s\S]*?1920×1080/);
    expect(html).toMatch(/<article class="scene remove" data-scene-id="1"/);
    // Group 2: a dropped URL becomes a placeholder, an inlined image wins over a missing URL.
    expect(html).toMatch(/data-scene-id="3"[^]*?<div class="shot"><span>no screenshot<\/span>/);
    expect(html).toMatch(/data-scene-id="4"[^]*?<img src="data:image\/png;base64,iVBORw0KGgo="/);
    expect(html).toMatch(/data-group="3" data-keep=""[^]*?skipped: fewer than two scenes/);
    expect(html).toContain("Content-Security-Policy");
  });

  it("says so when there are no groups", () => {
    const html = renderDuplicateReport([], planDuplicateCleanup([], { keep: "largest" }), { generatedAt: "now" });
    expect(html).toContain("No duplicate groups found.");
    expect(html).not.toContain('class="group"');
  });
});

describe("inlineScreenshots", () => {
  let keyed: StandIn;
  beforeAll(async () => {
    keyed = await startStandIn({ apiKey: KEY });
    await keyed.seed(generateLibrary({ scenes: 6, duplicateGroups: 1, seed: 2 }));
  });
  afterAll(() => keyed?.close());

  it("downloads with the key only from the server's origin, and reports each failure", async () => {
    const page = await new StashClient({ url: keyed.url, apiKey: KEY }).findScenes({ filter: { per_page: 3, sort: "id" } });
    const scenes: ReportScene[] = [...page.scenes, { id: "404", files: [], paths: { screenshot: `${keyed.baseUrl}/scene/404/screenshot` } }];
    const ok = await inlineScreenshots(scenes, { apiKey: KEY, keyOrigin: keyed.baseUrl });
    for (const s of page.scenes) {
      expect(ok.images.get(s.id)).toBe(`data:image/png;base64,${screenshotPng(Number(s.id)).toString("base64")}`);
    }
    expect(ok.failures).toEqual([{ sceneId: "404", reason: "HTTP 404" }]);
    // Another origin never gets the key, so the server refuses every image.
    const elsewhere = await inlineScreenshots(page.scenes, { apiKey: KEY, keyOrigin: "http://127.0.0.1:1" });
    expect(elsewhere.images.size).toBe(0);
    expect(elsewhere.failures.map((f) => f.reason)).toEqual(["HTTP 401", "HTTP 401", "HTTP 401"]);
  });
});

describe.skipIf(!hasChromium)("the report in headless Chromium", () => {
  let browser: Browser;
  let open: StandIn;
  let keyed: StandIn;
  let tmp: string;
  const library = generateLibrary({ scenes: 40, duplicateGroups: 5, seed: 21 });

  beforeAll(async () => {
    [open, keyed] = await Promise.all([startStandIn(), startStandIn({ apiKey: KEY })]);
    await Promise.all([open.seed(library), keyed.seed(library)]);
    tmp = await mkdtemp(join(tmpdir(), "stash-gql-report-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([open?.close(), keyed?.close()]);
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Opens the report and returns what the page shows. */
  async function load(html: string, name: string) {
    const file = join(tmp, `${name}.html`);
    await writeFile(file, html, "utf8");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const seen = await page.evaluate(() => ({
        groups: Array.from(document.querySelectorAll("section.group")).map((g) => ({
          keep: g.getAttribute("data-keep"),
          scenes: Array.from(g.querySelectorAll("article.scene")).map((a) => a.getAttribute("data-scene-id")),
          keepers: Array.from(g.querySelectorAll("article.scene.keep")).map((a) => a.getAttribute("data-scene-id")),
        })),
        images: Array.from(document.images).map((img) => ({ src: img.src.slice(0, 100), complete: img.complete, width: img.naturalWidth })),
      }));
      const shot = join(tmp, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      return { ...seen, shot };
    } finally {
      await page.close();
    }
  }

  it("shows every group card with its keeper, and every screenshot loads from the server", async () => {
    const stash = new StashClient({ url: open.url });
    const groups = await stash.findDuplicateScenesWrapper({ preset: "low" });
    const plan = stash.planDuplicateCleanup(groups, { keep: "highest-resolution" });
    expect(groups.length).toBeGreaterThanOrEqual(3);
    const seen = await load(renderDuplicateReport(groups, plan), "plain");
    expect(seen.groups.map((g) => g.scenes)).toEqual(groups.map((g) => g.map((s) => s.id)));
    expect(seen.groups.map((g) => g.keepers)).toEqual(seen.groups.map((g) => (g.keep ? [g.keep] : [])));
    expect(seen.groups.map((g) => g.keep).filter(Boolean)).toEqual(plan.groups.map((g) => g.keep.id));
    expect(seen.images).toHaveLength(groups.flat().length);
    for (const img of seen.images) {
      expect(img.src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scene\/\d+\/screenshot/);
      expect(img, img.src).toMatchObject({ complete: true });
      expect(img.width, img.src).toBeGreaterThan(0);
    }
    expect((await stat(seen.shot)).size).toBeGreaterThan(0);
  });

  it("loads inlined screenshots from a server that needs a key, with the key nowhere in the page", async () => {
    const stash = new StashClient({ url: keyed.url, apiKey: KEY });
    const groups = await stash.findDuplicateScenesWrapper({ preset: "low" });
    const plan = stash.planDuplicateCleanup(groups, { keep: "largest" });
    const { images, failures } = await inlineScreenshots(groups.flat(), { apiKey: KEY, keyOrigin: keyed.baseUrl });
    expect(failures).toEqual([]);
    const html = renderDuplicateReport(groups, plan, { images, title: "Inlined" });
    expect(html).not.toContain(KEY);
    const seen = await load(html, "inline");
    expect(seen.groups).toHaveLength(groups.length);
    expect(seen.images).toHaveLength(groups.flat().length);
    for (const img of seen.images) {
      expect(img.src).toMatch(/^data:image\/png;base64,/);
      expect(img.width).toBeGreaterThan(0);
    }
    expect((await stat(seen.shot)).size).toBeGreaterThan(0);
  });
});

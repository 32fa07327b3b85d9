/**
 * The SDK's browser build in headless Chromium, on the stand-in's own origin
 * as a UI plugin runs inside Stash: the stand-in serves a test page and the
 * esbuild bundle of examples/ui-plugin. The page logs in through `/login`;
 * from then on the plugin's requests and its jobs socket carry only the
 * session cookie (the stand-in refuses anonymous requests). A second page
 * uses an API key instead, which the socket can only send as `?apikey=`.
 * What the test checks it reads from the DOM, and compares with the server.
 */
import { existsSync } from "node:fs";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUiPlugin } from "../examples/ui-plugin/build";
import { browserPlatformPlugin } from "../scripts/lib/browser-build";
import { StashClient } from "../src/index";
import { generateLibrary, startStandIn, type StandIn } from "../src/testing/index";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`browser: skipping the Chromium tests: no Chromium at ${CHROMIUM} (CI installs it in .ci/run)`);

const USER = { username: "admin", password: `pw-${process.pid}` };
const KEY = `browser-key-${process.pid}`;
const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";

/** The page Stash would be: it logs in (as the user did), then loads the plugin's script. */
function pluginPage(): string {
  const form = JSON.stringify(USER);
  return `<!doctype html><html><head><base href="/"><title>plugin</title></head><body><p id="login">logging in</p><script>
(async () => {
  const res = await fetch("/login", { method: "POST", body: new URLSearchParams(${form}) });
  const login = document.getElementById("login");
  login.dataset.status = String(res.status);
  const script = document.createElement("script");
  script.src = "/plugin/sdk-panel/javascript";
  document.body.append(script);
})();
</script></body></html>`;
}

/** A page that runs test/fixtures/browser/key-page.ts with the key and no login. */
function keyPage(): string {
  return `<!doctype html><html><head><title>key</title></head><body><p id="out" data-apikey="${KEY}"></p><script src="/key-page.js"></script></body></html>`;
}

async function bundleKeyPage(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./fixtures/browser/key-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    plugins: [browserPlatformPlugin()],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(!hasChromium)("the browser build in headless Chromium", { timeout: 20_000 }, () => {
  let browser: Browser;
  let standIn: StandIn;
  let stash: StashClient;

  beforeAll(async () => {
    const [plugin, keyScript] = await Promise.all([buildUiPlugin({ write: false }), bundleKeyPage()]);
    standIn = await startStandIn({
      credentials: USER,
      apiKey: KEY,
      static: {
        "/": { body: pluginPage(), contentType: HTML },
        "/plugin/sdk-panel/javascript": { body: plugin, contentType: JS },
        "/key": { body: keyPage(), contentType: HTML },
        "/key-page.js": { body: keyScript, contentType: JS },
      },
    });
    await standIn.seed(generateLibrary({ scenes: 30, duplicateGroups: 0, seed: 11 }));
    stash = new StashClient({ url: standIn.url, apiKey: KEY });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await stash?.close();
    await standIn?.close();
  });

  /** A fresh page (its own cookie jar) that fails the test on any script error. */
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${standIn.baseUrl}${path}`);
    return { page, errors };
  }

  it("a UI plugin logged in by cookie lists, updates and follows a job", async () => {
    const { page, errors } = await open("/");
    try {
      await page.waitForSelector("#login[data-status]");
      expect(await page.getAttribute("#login", "data-status")).toBe("200");
      await page.click("#sdk-panel .sdk-toggle");
      await page.waitForSelector("#sdk-panel .sdk-status[data-count]");

      // findScenes: the panel shows what the server has.
      const expected = await stash.findScenes({ sceneFilter: { organized: false }, filter: { per_page: 10, sort: "title", direction: "ASC" } });
      expect(Number(await page.getAttribute("#sdk-panel .sdk-status", "data-count"))).toBe(expected.count);
      const ids = await page.$$eval("#sdk-panel .sdk-scenes li", (rows) => rows.map((row) => row.getAttribute("data-scene-id")));
      expect(ids).toEqual(expected.scenes.map((s) => s.id));
      expect(expected.count).toBeGreaterThan(0);

      // updateScene: one click, and the server has the scene organized.
      const target = ids[0]!;
      await page.click(`#sdk-panel .sdk-scenes li[data-scene-id="${target}"] button`);
      await page.waitForSelector(`#sdk-panel .sdk-status[data-updated="${target}"][data-count="${expected.count - 1}"]`);
      expect((await stash.findScene(target))?.organized).toBe(true);

      // jobUpdates: a scan started from the panel shows up as it runs and ends.
      let jobId = "";
      for (let attempt = 0; attempt < 3 && !jobId; attempt++) {
        await page.click("#sdk-panel .sdk-scan");
        const started = await page.waitForSelector("#sdk-panel .sdk-scan[data-job-id]");
        const id = (await started.getAttribute("data-job-id"))!;
        // The socket may register a moment after the panel opened; a job it missed is started again.
        const ended = await page.waitForSelector(`#sdk-panel .sdk-jobs li[data-type="REMOVE"][data-job-id="${id}"]`, { timeout: 3_000 }).catch(() => null);
        if (ended) jobId = id;
        else await page.$eval("#sdk-panel .sdk-scan", (b) => b.removeAttribute("data-job-id"));
      }
      expect(jobId).not.toBe("");
      expect(await page.getAttribute(`#sdk-panel .sdk-jobs li[data-type="REMOVE"][data-job-id="${jobId}"]`, "data-status")).toBe("FINISHED");
      expect((await stash.jobs.find(jobId))?.status).toBe("FINISHED");
      expect(await page.$$("#sdk-panel .sdk-jobs li[data-error]")).toHaveLength(0);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("with an API key and no session, the socket authenticates by ?apikey=", async () => {
    const { page, errors } = await open("/key");
    try {
      await page.waitForSelector("#out[data-done]", { state: "attached", timeout: 10_000 });
      expect(await page.getAttribute("#out", "data-done")).toBe("ok");
      expect(Number(await page.getAttribute("#out", "data-count"))).toBe((await stash.findScenes({ filter: { per_page: 1 } })).count);
      expect(await page.getAttribute("#out", "data-event")).toMatch(/^(ADD|UPDATE|REMOVE)$/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("without a session or key, the stand-in refuses the page's requests", async () => {
    const page = await (await browser.newContext()).newPage();
    try {
      await page.goto(`${standIn.baseUrl}/key`);
      const status = await page.evaluate(async () => (await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ version { version } }"}' })).status);
      expect(status).toBe(401);
    } finally {
      await page.context().close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { gqlData, usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn({ config: { interface: { language: "de-DE" }, ui: { theme: { dark: true } } } });
const client = (): StashClient => new StashClient({ url: stash().url, retry: false });

describe("stand-in configuration", () => {
  it("reports Stash's defaults, merged with StandInOptions.config", async () => {
    const { configuration: c } = await client().ops.configuration();
    expect(c.general.stashes).toEqual([{ path: "/media", excludeVideo: false, excludeImage: false }]);
    expect(c.general.parallelTasks).toBe(1);
    expect(c.general.previewSegments).toBe(12);
    expect(c.general.previewSegmentDuration).toBe(0.75);
    expect(c.general.videoFileNamingAlgorithm).toBe("OSHASH");
    expect(c.general.maxSessionAge).toBe(3600);
    expect(c.general.apiKey).toBe("");
    expect(c.general.videoExtensions).toContain("mkv");
    expect(c.interface.menuItems).toContain("scenes");
    expect(c.interface.language).toBe("de-DE");
    expect(c.interface.imageLightbox.slideshowDelay).toBe(5);
    expect(c.dlna).toMatchObject({ port: 1338, videoSortOrder: "title", enabled: false });
    expect(c.scraping.scraperCertCheck).toBe(true);
    expect(c.defaults.deleteGenerated).toBe(true);
    expect(c.defaults.scan).toBeNull();
    expect(c.ui).toEqual({ theme: { dark: true } });
    expect(c.plugins).toEqual({});
  });

  it("configureGeneral changes only the fields given and returns the general section", async () => {
    const res = await client().ops.configureGeneral({ input: { parallelTasks: 4, excludes: ["sample"] } });
    expect(res.configureGeneral.parallelTasks).toBe(4);
    expect(res.configureGeneral.excludes).toEqual(["sample"]);
    expect(res.configureGeneral.previewSegments).toBe(12);
    const { configuration: c } = await client().ops.configuration();
    expect(c.general.parallelTasks).toBe(4);
    expect(c.general.stashes[0]!.path).toBe("/media");
  });

  it("configureGeneral refuses what Stash refuses, in Stash's words", async () => {
    await expect(client().ops.configureGeneral({ input: { databasePath: "/x/stash.txt" } })).rejects.toThrow(
      /invalid database path, use extension db, sqlite, or sqlite3/,
    );
    await expect(client().ops.configureGeneral({ input: { videoFileNamingAlgorithm: "MD5" as any } })).rejects.toThrow(
      /calculateMD5 must be true if using MD5/,
    );
    await expect(client().ops.configureGeneral({ input: { excludes: ["("] } })).rejects.toThrow(/video exclusion pattern '\(' invalid/);
    await expect(
      client().ops.configureGeneral({ input: { stashBoxes: [{ name: "x", endpoint: "https://box.example/graphql", api_key: "" }] } }),
    ).rejects.toThrow(/Stash-box: API Key cannot be blank/);
  });

  it("stores a password as a hash; echoing the hash back changes nothing; credentials then lock the API", async () => {
    await usingStandIn({}, async (own) => {
      const anon = new StashClient({ url: own.url, retry: false });
      const first = await anon.ops.configureGeneral({ input: { username: "u", password: "secret" } });
      const hash = first.configureGeneral.password;
      expect(hash).not.toBe("secret");
      expect(hash).not.toBe("");
      expect(own.config.validateCredentials("u", "secret")).toBe(true);
      // Stash now requires a login, so the anonymous client is refused.
      await expect(anon.ops.configuration()).rejects.toThrow(/401/);
      own.config.configureGeneral({ password: hash });
      expect(own.config.validateCredentials("u", "secret")).toBe(true);
    });
  });

  it("configureInterface sets the lightbox sub-fields given and keeps the rest", async () => {
    const res = await client().ops.configureInterface({ input: { imageLightbox: { scaleUp: true }, soundOnPreview: true } });
    expect(res.configureInterface.imageLightbox.scaleUp).toBe(true);
    expect(res.configureInterface.imageLightbox.slideshowDelay).toBe(5);
    expect(res.configureInterface.soundOnPreview).toBe(true);
    expect(res.configureInterface.language).toBe("de-DE");
  });

  it("configureDLNA and configureScraping round-trip", async () => {
    const dlna = await client().ops.configureDLNA({ input: { serverName: "box", whitelistedIPs: ["10.0.0.1"] } });
    expect(dlna.configureDLNA).toMatchObject({ serverName: "box", whitelistedIPs: ["10.0.0.1"], port: 1338 });
    const scraping = await client().ops.configureScraping({ input: { scraperUserAgent: "ua/1" } });
    expect(scraping.configureScraping).toMatchObject({ scraperUserAgent: "ua/1", scraperCertCheck: true });
    await expect(client().ops.configureScraping({ input: { excludeTagPatterns: ["["] } })).rejects.toThrow(/tag exclusion pattern/);
  });

  it("configureDefaults replaces a task's settings whole", async () => {
    await client().ops.configureDefaults({ input: { autoTag: { performers: ["*"], tags: ["*"] } } });
    const res = await client().ops.configureDefaults({ input: { autoTag: { studios: ["*"] }, deleteFile: true } });
    expect(res.configureDefaults.autoTag).toEqual({ performers: null, studios: ["*"], tags: null });
    expect(res.configureDefaults.deleteFile).toBe(true);
    expect(res.configureDefaults.deleteGenerated).toBe(true);
    const scan = await client().ops.configureDefaults({ input: { scan: { scanGenerateCovers: true } } });
    expect(scan.configureDefaults.scan).toMatchObject({ scanGenerateCovers: true, rescan: false });
  });

  it("configureUI: input replaces, partial merges; configureUISetting sets one dotted key", async () => {
    const replaced = await client().ops.configureUI({ input: { a: 1, nested: { x: 1, y: 2 } } });
    expect(replaced.configureUI).toEqual({ a: 1, nested: { x: 1, y: 2 } });
    const merged = await client().ops.configureUI({ partial: { nested: { y: 3 }, b: true } });
    expect(merged.configureUI).toEqual({ a: 1, nested: { x: 1, y: 3 }, b: true });
    const one = await client().ops.configureUISetting({ key: "nested.deep.z", value: "v" });
    expect(one.configureUISetting).toEqual({ a: 1, nested: { x: 1, y: 3, deep: { z: "v" } }, b: true });
  });

  it("configurePlugin replaces that plugin's settings, as SetPluginConfiguration does", async () => {
    await client().ops.configurePlugin({ plugin_id: "p1", input: { a: 1, b: 2 } });
    const res = await client().ops.configurePlugin({ plugin_id: "p1", input: { b: 3 } });
    expect(res.configurePlugin).toEqual({ b: 3 });
    await client().ops.configurePlugin({ plugin_id: "p2", input: { on: true } });
    const { configuration: c } = await client().ops.configuration();
    expect(c.plugins).toEqual({ p1: { b: 3 }, p2: { on: true } });
  });

  it("plugins(include) lists only included plugins that have settings", async () => {
    const data = await gqlData(stash(), '{ configuration { plugins(include: ["p2", "none"]) } }');
    expect(data.configuration.plugins).toEqual({ p2: { on: true } });
  });

  it("reports the apiKey option as general.apiKey", async () => {
    await usingStandIn({ apiKey: "k1" }, async (own) => {
      const keyed = new StashClient({ url: own.url, apiKey: "k1", retry: false });
      expect((await keyed.ops.configuration()).configuration.general.apiKey).toBe("k1");
    });
  });

  it("generateAPIKey needs a username; with one it issues a JWT that then authenticates", async () => {
    await usingStandIn({}, async (own) => {
      const anon = new StashClient({ url: own.url, retry: false });
      expect((await anon.ops.generateAPIKey({ input: {} })).generateAPIKey).toBe("");
      await anon.ops.configureGeneral({ input: { username: "admin" } });
      const key = (await anon.ops.generateAPIKey({ input: {} })).generateAPIKey;
      expect(key.split(".")).toHaveLength(3);
      expect((await anon.ops.configuration()).configuration.general.apiKey).toBe(key);
      const keyed = new StashClient({ url: own.url, apiKey: key, retry: false });
      expect((await keyed.ops.configuration()).configuration.general.apiKey).toBe(key);
      expect((await keyed.ops.generateAPIKey({ input: { clear: true } })).generateAPIKey).toBe("");
    });
  });

  it("takes the stash paths from a seeded fixture's files", async () => {
    await usingStandIn({}, async (own) => {
      await own.seed({ scenes: [{ title: "A", files: [{ path: "/library/a/one.mp4", size: 1, duration: 1, width: 1, height: 1 }] }] });
      expect(own.config.section("general").stashes).toEqual([{ path: "/library", excludeVideo: false, excludeImage: false }]);
    });
  });
});

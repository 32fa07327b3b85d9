import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { defaultSchemaVersion, schemaSdlByVersion } from "../generated/schemas";
import { repoRoot } from "../scripts/lib/paths";
import { computeStandInCoverage, renderStandInCoverageMarkdown } from "../scripts/lib/standin-coverage";
import type { StandInContext } from "../src/testing/context";
import { buildStandInSchema } from "../src/testing/resolvers";
import { unsupportedMessage } from "../src/testing/unsupported";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();
const coverage = computeStandInCoverage();

describe("stand-in coverage and the system fields", () => {
  it("docs/standin-coverage.md is fresh (regenerate with npm run standin:coverage)", () => {
    expect(readFileSync(join(repoRoot, "docs", "standin-coverage.md"), "utf8")).toBe(renderStandInCoverageMarkdown(coverage));
  });

  it("every field a resolver module defines exists in some committed schema snapshot", () => {
    expect(coverage.unknownModuleFields).toEqual([]);
  });

  it("wires every refused field to the not-supported error, with its reason", () => {
    const schema = buildStandInSchema(schemaSdlByVersion[defaultSchemaVersion]!);
    const refused = coverage.rows.filter((r) => !r.answered);
    for (const row of refused) {
      const type = row.root === "Query" ? schema.getQueryType() : row.root === "Mutation" ? schema.getMutationType() : schema.getSubscriptionType();
      const field = type!.getFields()[row.field]!;
      const call = row.root === "Subscription" ? field.subscribe! : field.resolve!;
      expect(() => call(undefined, {}, {} as StandInContext, {} as GraphQLResolveInfo), row.field).toThrow(unsupportedMessage(row.field));
    }
    expect(coverage.rows.filter((r) => r.answered).length + refused.length).toBe(coverage.rows.length);
  });

  it("answers a refused field over HTTP with its reason", async () => {
    const res = await gql(stash(), `mutation { execSQL(sql: "select 1") { rows_affected } }`);
    expect(res.body.errors?.[0]?.message).toBe(unsupportedMessage("execSQL"));
    expect(res.body.errors?.[0]?.message).toMatch(/^execSQL is not supported by the stand-in: /);
  });

  it("answers the library stats from the records", async () => {
    await stash().seed({
      scenes: [
        { title: "Stat A", files: [{ path: "/media/stats/a.mp4", size: 100, duration: 10.5, width: 640, height: 480 }], play_history: ["2024-01-01", "2024-01-02"], o_history: ["2024-01-03"], play_duration: 12 },
        { title: "Stat B", files: [{ path: "/media/stats/b.mp4", size: 50, duration: 4, width: 640, height: 480 }] },
      ],
      groups: ["Stat Group"],
      tags: ["Stat Tag"],
    });
    const { stats } = await gqlData(stash(), `{ stats { scene_count scenes_size scenes_duration group_count movie_count tag_count total_o_count total_play_count scenes_played total_play_duration } }`);
    expect(stats).toEqual({
      scene_count: 2,
      scenes_size: 150,
      scenes_duration: 14.5,
      group_count: 1,
      movie_count: 1,
      tag_count: 1,
      total_o_count: 1,
      total_play_count: 2,
      scenes_played: 1,
      total_play_duration: 12,
    });
  });

  it("answers system, directory, version, DLNA, package, stash-box and scrape fields as an offline Stash", async () => {
    const system = await gqlData(stash(), `{ systemStatus { status appSchema databaseSchema os } latestversion { version } }`);
    expect(system.systemStatus).toEqual({ status: "OK", appSchema: 75, databaseSchema: 75, os: "linux" });
    expect(system.latestversion.version).toBe(stash().version);
    const dir = await gqlData(stash(), `{ directory(path: "/media") { path parent directories } }`);
    expect(dir.directory).toEqual({ path: "/media", parent: "/", directories: ["/media/stats"] });
    expect((await gql(stash(), `{ directory(path: "/nope") { path } }`)).body.errors?.[0]?.message).toBe("open /nope: no such file or directory");

    await gqlData(stash(), `mutation { enableDLNA(input: { duration: 5 }) addTempDLNAIP(input: { address: "10.0.0.*" }) }`);
    const dlna = await gqlData(stash(), `{ dlnaStatus { running until allowedIPAddresses { ipAddress until } } }`);
    expect(dlna.dlnaStatus).toMatchObject({ running: true, allowedIPAddresses: [{ ipAddress: "10.0.0.*", until: null }] });
    expect(Date.parse(dlna.dlnaStatus.until) - Date.now()).toBeGreaterThan(4 * 60_000);
    const removed = await gqlData(stash(), `mutation { a: removeTempDLNAIP(input: { address: "10.0.0.*" }) b: removeTempDLNAIP(input: { address: "10.0.0.*" }) disableDLNA(input: {}) }`);
    expect(removed).toEqual({ a: true, b: false, disableDLNA: true });
    expect((await gqlData(stash(), `{ dlnaStatus { running until } }`)).dlnaStatus).toEqual({ running: false, until: null });

    expect((await gqlData(stash(), `{ installedPackages(type: Plugin) { package_id } }`)).installedPackages).toEqual([]);
    const job = await gqlData(stash(), `mutation { installPackages(type: Scraper, packages: [{ id: "x", sourceURL: "https://example.com/index.yml" }]) }`);
    expect(job.installPackages).toMatch(/^\d+$/);
    const box = await gql(stash(), `mutation { submitStashBoxFingerprints(input: { scene_ids: ["1"], stash_box_index: 0 }) }`);
    expect(box.body.errors?.[0]?.message).toBe("invalid stash_box_index 0");
    const scraped = await gqlData(stash(), `{ scrapePerformerURL(url: "https://example.com/p") { name } }`);
    expect(scraped.scrapePerformerURL).toBeNull();
    expect((await gql(stash(), `{ scrapeSingleTag(source: {}, input: { query: "x" }) { name } }`)).body.errors?.[0]?.message).toBe("stash_box_endpoint must be set");
    expect((await gql(stash(), `mutation { downloadFFMpeg }`)).body.errors?.[0]?.message).toBe(
      "ffmpeg and ffprobe already installed at /usr/bin/ffmpeg and /usr/bin/ffprobe",
    );
  });
});

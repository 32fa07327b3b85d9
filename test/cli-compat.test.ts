/** `stash-gql compat` and `stash-gql schema diff`, run in-process against stand-ins. */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program";
import { methodOperations } from "../generated/method-operations";
import { StashClient } from "../src/stash-client";
import { startStandIn, type StandIn } from "../src/testing";
import { capture } from "./helpers/cli-io";

let stash: StandIn | undefined;
afterEach(async () => {
  await stash?.close();
  stash = undefined;
});

describe("stash-gql compat", () => {
  it("lists every SDK method and marks what v0.29.3 lacks", async () => {
    stash = await startStandIn({ version: "v0.29.3" });
    const c = capture();
    expect(await runCli(["compat", "--url", stash.url], c.io)).toBe(0);
    const out = c.stdout();
    expect(out).toContain("Stash v0.29.3");
    expect(out).toMatch(/bulkSceneMarkerUpdate\s+no\s+needs v0\.30\.1/);
    expect(out).toMatch(/findScenes\s+yes/);
    const total = Object.keys(methodOperations).length;
    expect(out).toContain(`${total - 1} of ${total} methods work on this server.`);
    expect(stash.requests).toBe(1);
  });

  it("says an old server is too old, as JSON too", async () => {
    stash = await startStandIn({ version: "v0.27.2" });
    const c = capture();
    expect(await runCli(["compat", "--url", stash.url, "--json"], c.io)).toBe(0);
    const report = JSON.parse(c.stdout()) as { meetsMinimum: boolean; methods: { method: string; works: boolean }[] };
    expect(report.meetsMinimum).toBe(false);
    expect(report.methods.some((m) => m.works && m.method !== "planDuplicateCleanup")).toBe(false);
  });

  it("covers every public method of StashClient", () => {
    const skip = new Set(["constructor", "request", "capabilities"]);
    const methods = Object.getOwnPropertyNames(StashClient.prototype).filter((name) => !skip.has(name) && !name.startsWith("_"));
    expect(methods.filter((m) => !(m in methodOperations))).toEqual([]);
  });
});

describe("stash-gql schema diff", () => {
  it("reports bulkSceneMarkerUpdate added between v0.29.3 and v0.30.1", async () => {
    const c = capture();
    expect(await runCli(["schema", "diff", "v0.29.3", "v0.30.1"], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/Mutation\.bulkSceneMarkerUpdate was added/);
  });
});

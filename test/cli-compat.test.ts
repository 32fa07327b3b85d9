/** `stash-gql compat` and `stash-gql schema diff`, run in-process against stand-ins. */
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { releaseSnapshots } from "../generated/schemas";
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

  it("names an unknown release or file as typed (no --from), lists the releases, and exits 2", async () => {
    const release = capture();
    expect(await runCli(["schema", "diff", "v0.28.0", "v0.30.1"], release.io)).toBe(2);
    expect(release.stderr()).toBe(
      `stash-gql: v0.28.0 is not a release with a schema snapshot; releases: ${releaseSnapshots.join(", ")} (or 'current', an SDL file or folder, or a server URL)\n`,
    );
    const file = capture();
    expect(await runCli(["schema", "diff", "current", "no-such.graphql"], file.io)).toBe(2);
    expect(file.stderr()).toMatch(/^stash-gql: no-such\.graphql does not exist; expected a release \(v0\.25\.1, .*v0\.30\.1\), 'current'/);
    for (const c of [release, file]) expect(c.stderr()).not.toContain("--from");
  });

  it("exits 4 when a server side cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const c = capture();
    expect(await runCli(["schema", "diff", `http://127.0.0.1:${port}`, "current"], c.io)).toBe(4);
    expect(c.stderr()).toMatch(new RegExp(`^stash-gql: could not connect to http://127\\.0\\.0\\.1:${port}/graphql .*: check the URL`));
    expect(c.stderr()).not.toContain("--endpoint");
  });
});

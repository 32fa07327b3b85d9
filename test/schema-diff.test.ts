/** `schema:diff`: drift between snapshots and against a live server, as the SDK sees it. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schemaSdl } from "../generated/schemas";
import { diffSchemas, renderSchemaDiff } from "../src/schema/diff";
import { schemaDiffCommand } from "../src/schema/diff-command";
import { loadDiffSide, sdkOperations } from "../src/schema/diff-sources";
import { startStandIn } from "../src/testing";

const run = promisify(execFile);

describe("schema diff", () => {
  it("reports bulkSceneMarkerUpdate as added between v0.29.3 and v0.30.1", async () => {
    const diff = diffSchemas(await loadDiffSide("v0.29.3"), await loadDiffSide("v0.30.1"), sdkOperations());
    const added = diff.added.map((c) => c.coordinate);
    expect(added).toContain("Mutation.bulkSceneMarkerUpdate");
    expect(diff.added.find((c) => c.coordinate === "Mutation.bulkSceneMarkerUpdate")?.operations).toEqual(["BulkSceneMarkerUpdate"]);
    expect(diff.removed).toEqual([]);
    expect(diff.operations.every((o) => o.after)).toBe(true);
    expect(diff.operations.find((o) => o.name === "BulkSceneMarkerUpdate")).toMatchObject({ before: false, after: true });
    expect(renderSchemaDiff(diff, { before: "v0.29.3", after: "v0.30.1" })).toMatch(/Newly valid on v0\.30\.1: BulkSceneMarkerUpdate/);
  });

  it("reports removals and operations that stop validating when going back", async () => {
    const diff = diffSchemas(await loadDiffSide("v0.30.1"), await loadDiffSide("v0.27.2"), sdkOperations());
    const removed = diff.removed.map((c) => c.coordinate);
    expect(removed).toEqual(expect.arrayContaining(["Mutation.bulkSceneMarkerUpdate", "Mutation.sceneMarkersDestroy", "SceneMarker.end_seconds"]));
    expect(diff.breaking.length).toBeGreaterThan(0);
    const broken = diff.operations.filter((o) => !o.after).map((o) => o.name);
    expect(broken).toEqual(expect.arrayContaining(["FindScene", "SceneMarkersDestroy"]));
    expect(renderSchemaDiff(diff, { before: "v0.30.1", after: "v0.27.2" })).toMatch(/do not validate against v0\.27\.2/);
  });

  it("reports a newly deprecated field the SDK uses", () => {
    const sceneBlock = schemaSdl.indexOf("type Scene {");
    const titleAt = schemaSdl.indexOf("  title: String\n", sceneBlock);
    const deprecated = `${schemaSdl.slice(0, titleAt)}  title: String @deprecated(reason: "use name")\n${schemaSdl.slice(titleAt + "  title: String\n".length)}`;
    const diff = diffSchemas(buildSchema(schemaSdl), buildSchema(deprecated), sdkOperations());
    expect(diff.deprecated.map((c) => c.coordinate)).toEqual(["Scene.title"]);
    expect(diff.deprecated[0]?.operations).toContain("FindScene");
  });

  it("compares a live server with the committed snapshot", async () => {
    const stash = await startStandIn({ version: "v0.29.3" });
    try {
      const diff = diffSchemas(await loadDiffSide(stash.baseUrl), await loadDiffSide("current"), sdkOperations());
      expect(diff.added.map((c) => c.coordinate)).toContain("Mutation.bulkSceneMarkerUpdate");
    } finally {
      await stash.close();
    }
  });

  it("prints the report as the schema:diff command", async () => {
    let out = "";
    await schemaDiffCommand({ writeOut: (t) => (out += t) }).parseAsync(["v0.29.3", "v0.30.1"], { from: "user" });
    expect(out).toMatch(/Mutation\.bulkSceneMarkerUpdate was added/);
    await expect(schemaDiffCommand({ writeOut: () => undefined }).parseAsync(["no-such-file.graphql"], { from: "user" })).rejects.toThrow(
      /no-such-file\.graphql does not exist/,
    );
  });

  it("runs as npm run schema:diff: a failure is one prefixed line on stderr and exit code 1", async () => {
    // The one subprocess: what the entry script itself adds is reading argv, the prefix and the exit code.
    const failed = await run(process.execPath, ["--import", "tsx", "src/cli/schema-diff.ts", "no-such-file.graphql"], { timeout: 60_000 }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/^schema:diff: no-such-file\.graphql does not exist[^\n]*\n$/);
    expect((failed as { stdout: string }).stdout).toBe("");
  });
});

/**
 * Runs the README's "Entities" snippets as written against a stand-in: each
 * block is a module of its own (readme-examples.test.ts type-checks it) that
 * connects with `StashClient.fromEnv()`, so STASH_URL points it at the stand-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startStandIn, type StandIn } from "../src/testing/index";
import { extractExamples } from "./helpers/markdown";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const examples = extractExamples(join(ROOT, "README.md"), "Entities");

let standIn: StandIn;
let dir: string;
const saved = process.env["STASH_URL"];

beforeAll(async () => {
  standIn = await startStandIn();
  await standIn.seed({
    images: [1, 2, 3].map((n) => ({ files: [{ path: `/photos/holiday-${n}.jpg`, size: 1000 * n, width: 400, height: 300 }] })),
    scenes: [{ title: "Unsorted one" }, { title: "Unsorted two" }, { title: "Done", organized: true }],
  });
  process.env["STASH_URL"] = standIn.url;
  // Beside the sources, so the snippet's imports resolve as they do for a module of the project.
  dir = mkdtempSync(join(ROOT, ".tmp-readme-entities-"));
});
afterAll(async () => {
  if (saved === undefined) delete process.env["STASH_URL"];
  else process.env["STASH_URL"] = saved;
  rmSync(dir, { recursive: true, force: true });
  await standIn.close();
});

describe("README Entities snippets", () => {
  it("has one snippet per namespace family", () => {
    expect(examples.map((e) => e.name)).toEqual([
      "Tags, performers and studios",
      "Galleries and images",
      "Groups",
      "Scenes and markers",
      "Saved filters, files, scrapers and system",
    ]);
  });

  it.each(examples.map((e, i) => [e.name, e, i] as const))("%s runs as written", async (_name, example, i) => {
    const file = join(dir, `snippet-${i}.ts`);
    const index = JSON.stringify(join(ROOT, "src", "index").replace(/\\/g, "/"));
    writeFileSync(file, `${example.code.replace(/from\s+["']stash-graphql-client["']/g, `from ${index}`)}\nexport {};\n`);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const before = standIn.requests;
    try {
      await import(pathToFileURL(file).href);
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
    expect(standIn.requests).toBeGreaterThan(before);
  });
});

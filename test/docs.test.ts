/** `npm run docs` keeps building: typedoc treats warnings as errors, so an unexported public type fails here. */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

it("typedoc builds the API reference without warnings", async () => {
  const out = mkdtempSync(join(tmpdir(), "stash-docs-"));
  try {
    const bin = join(process.cwd(), "node_modules", ".bin", "typedoc");
    await run(bin, ["--out", out], { timeout: 120_000 });
    expect(existsSync(join(out, "index.html"))).toBe(true);
    const pages = readdirSync(out, { recursive: true }).map(String);
    for (const name of ["StashClient", "startStandIn", "FindSceneDocument"]) expect(pages.some((p) => p.includes(name)), name).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);

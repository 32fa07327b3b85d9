/** `stash-gql standin`, run in-process: the interrupt signal plays Ctrl-C. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/cli/exit-codes";
import { runCli } from "../src/cli/program";
import { DEMO_LIBRARY } from "../src/demo/library";
import { StashAuthError } from "../src/core/errors";
import { StashClient } from "../src/stash-client";
import { capture, type Captured } from "./helpers/cli-io";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "stash-gql-standin-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Running {
  c: Captured;
  url: string;
  stop(): Promise<number>;
}

/** Starts `standin` with `args` and waits for the line with its URL. */
async function standin(args: readonly string[]): Promise<Running> {
  const interrupt = new AbortController();
  const c = capture({ signal: interrupt.signal, cwd: tmp });
  const done = runCli(["standin", ...args], c.io);
  let url: string | undefined;
  for (let i = 0; i < 200 && !url; i++) {
    const early = await Promise.race([done, new Promise<null>((r) => setTimeout(() => r(null), 25))]);
    if (early !== null) throw new Error(`standin exited ${early}: ${c.stderr()}`);
    url = /at (http:\S+\/graphql) /.exec(c.stdout())?.[1];
  }
  if (!url) throw new Error(`standin printed no URL: ${c.stdout()}`);
  return {
    c,
    url,
    stop: () => {
      interrupt.abort();
      return done;
    },
  };
}

describe("stash-gql standin", () => {
  it("serves the demo library on a free port, prints its URL, and stops cleanly on Ctrl-C", async () => {
    const run = await standin(["--port", "0"]);
    const stash = new StashClient({ url: run.url });
    expect((await stash.findScenes({ filter: { per_page: 1 } })).count).toBe(DEMO_LIBRARY.scenes);
    expect((await stash.findDuplicateScenesWrapper()).length).toBeGreaterThan(0);
    expect(run.c.stdout()).toContain(`(${DEMO_LIBRARY.scenes} scenes, library demo)`);
    expect(run.c.stdout()).toMatch(/export STASH_URL=http:\/\/127\.0\.0\.1:\d+\n/);
    expect(await run.stop()).toBe(EXIT.ok);
    expect(run.c.stderr()).toBe("stash-gql: stand-in stopped\n");
    await expect(fetch(run.url)).rejects.toThrow();
  });

  it("requires and prints the key given with --api-key, and loads a fixture file", async () => {
    const fixture = { tags: ["beach"], scenes: [{ title: "Beach Day", tags: ["beach"], files: [{ path: "/m/a.mp4", size: 1, duration: 60, width: 1920, height: 1080 }] }] };
    await writeFile(join(tmp, "fixture.json"), JSON.stringify(fixture));
    const run = await standin(["--port", "0", "--library", "fixture.json", "--api-key", "demo-key"]);
    try {
      // The one place the CLI prints a key: the user chose it and needs it.
      expect(run.c.stdout()).toMatch(/ STASH_API_KEY=demo-key\n/);
      expect(run.c.stdout()).toContain("(1 scene, library fixture.json)");
      await expect(new StashClient({ url: run.url }).findScene("1")).rejects.toBeInstanceOf(StashAuthError);
      const scene = await new StashClient({ url: run.url, apiKey: "demo-key" }).findScene("1");
      expect(scene?.title).toBe("Beach Day");
    } finally {
      expect(await run.stop()).toBe(EXIT.ok);
    }
  });

  it("starts empty with --library empty", async () => {
    const run = await standin(["--port", "0", "--library", "empty"]);
    try {
      expect((await new StashClient({ url: run.url }).findScenes({})).count).toBe(0);
    } finally {
      await run.stop();
    }
  });

  it("refuses a missing or invalid fixture (exit 2) and a port in use (exit 1)", async () => {
    await writeFile(join(tmp, "bad.json"), JSON.stringify({ scenes: [{ files: [{ path: 5 }] }] }));
    const missing = capture({ cwd: tmp });
    expect(await runCli(["standin", "--port", "0", "--library", "nope.json"], missing.io)).toBe(EXIT.usage);
    expect(missing.stderr()).toMatch(/^stash-gql: --library: cannot read .*nope\.json \(ENOENT\); expected demo, empty or a fixture \.json file\n$/);
    const bad = capture({ cwd: tmp });
    expect(await runCli(["standin", "--port", "0", "--library", "bad.json"], bad.io)).toBe(EXIT.usage);
    expect(bad.stderr()).toMatch(/^stash-gql: --library bad\.json: invalid fixture: /);

    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    try {
      const port = String((taken.address() as { port: number }).port);
      const busy = capture();
      expect(await runCli(["standin", "--port", port, "--library", "empty"], busy.io)).toBe(EXIT.failure);
      expect(busy.stderr()).toBe(`stash-gql: port ${port} is in use: pick another with --port, or --port 0 for a free one\n`);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });
});

/**
 * 1,000 concurrent calls through one client capped at 16 in flight: all
 * succeed, the server never sees more than 16 at once, nothing rejects
 * unhandled, and the heap comes back to where it was.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { FindSceneDocument } from "../generated/graphql";
import { startStandIn, type StandIn } from "../src/testing";

let stash: StandIn;
let sceneIds: string[];

beforeAll(async () => {
  stash = await startStandIn({ latencyMs: 2 });
  const seeded = await stash.seed({
    scenes: Array.from({ length: 50 }, (_, i) => ({ title: `Load scene ${i}` })),
  });
  sceneIds = seeded.scenes;
});
afterAll(async () => {
  await stash.close();
});

function collectGarbage(): void {
  // Exposes V8's gc for this process only; the numbers below are meaningless without it.
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

async function burst(client: StashCore, n: number): Promise<string[]> {
  const calls = Array.from({ length: n }, (_, i) =>
    client.request(FindSceneDocument, { id: sceneIds[i % sceneIds.length]! }).then((d) => d.findScene?.id ?? "missing"),
  );
  return Promise.all(calls);
}

it("1,000 concurrent findScene calls with maxConcurrency 16", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const client = new StashCore({ url: stash.url, maxConcurrency: 16 });
    await burst(client, 100); // warm-up: JIT, sockets, schema caches
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    stash.resetStats();

    const ids = await burst(client, 1000);
    expect(ids).toHaveLength(1000);
    expect(ids.every((id, i) => id === sceneIds[i % sceneIds.length])).toBe(true);
    expect(stash.requests).toBe(1000);
    expect(stash.maxInFlight).toBeLessThanOrEqual(16);
    expect(stash.maxInFlight).toBeGreaterThan(1);

    await new Promise((r) => setTimeout(r, 50));
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    // Generous bound: a leak of even 10 KB per call would show as 10 MB.
    expect(after - baseline).toBeLessThan(8 * 1024 * 1024);
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

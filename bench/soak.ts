/**
 * A bounded soak: one client hammers a stand-in (in its own process) with a
 * mix of reads and writes for a fixed time while faults come and go, then
 * reports the error count and how far the client's heap drifted. The
 * 10-minute version is `npm run bench:soak -- --seconds 600`; a test runs it
 * for a second so it cannot rot. Never part of the timed test suite.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { StashClient, StashError } from "../src/index";
import type { FaultSpec } from "../src/testing";
import { startRemoteStandIn } from "./lib/standin-remote";

/** How long and how hard to soak. */
export interface SoakConfig {
  seconds: number;
  concurrency: number;
  /** Inject one fault every this many milliseconds (0: never). */
  faultEveryMs: number;
  scenes: number;
}

/** What a soak saw. */
export interface SoakReport {
  seconds: number;
  calls: number;
  /** Failures that injected faults explain: a mutation hit by a fault (never retried, by design). */
  expectedErrors: number;
  /** Everything else: a query that failed despite retries, or a non-SDK error. Should be 0. */
  unexpectedErrors: number;
  faultsInjected: number;
  heapStartMB: number;
  heapEndMB: number;
  heapDriftMB: number;
  rssEndMB: number;
  firstUnexpected?: string;
}

const FAULTS: FaultSpec[] = [
  { status: { code: 503, body: "busy", headers: { "retry-after": "0" } }, times: 1 },
  { status: { code: 502, body: "<html>bad gateway</html>", headers: { "content-type": "text/html" } }, times: 1 },
  { dropConnection: true, times: 1 },
];

function heapAfterGc(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Runs one soak and returns its report. */
export async function soak(config: SoakConfig): Promise<SoakReport> {
  const stand = await startRemoteStandIn({ library: { scenes: config.scenes, duplicateGroups: 2, markersPerScene: 1, seed: 7 } });
  const ids = stand.sceneIds;
  const client = new StashClient({ url: stand.url, retry: { minDelayMs: 5, maxDelayMs: 50 }, maxConcurrency: config.concurrency });
  const report = { calls: 0, expectedErrors: 0, unexpectedErrors: 0, faultsInjected: 0, firstUnexpected: undefined as string | undefined };
  let end = 0;
  let n = 0;
  const one = async (): Promise<void> => {
    const i = n++;
    const id = ids[i % ids.length]!;
    const kind = i % 5;
    try {
      if (kind === 0) await client.findScene(id);
      else if (kind === 1) await client.findScenes({ filter: { per_page: 20, page: 1 + (i % 5) } });
      else if (kind === 2) await client.updateScene({ id, rating100: i % 101 });
      else if (kind === 3) await client.sceneAddPlay(id, ["2024-01-01T00:00:00Z"]);
      // Delete what kind 3 added, so the server's state stays bounded.
      else await client.sceneDeletePlay(id, ["2024-01-01T00:00:00Z"]);
    } catch (err) {
      const mutation = kind >= 2;
      if (mutation && err instanceof StashError) report.expectedErrors++;
      else {
        report.unexpectedErrors++;
        report.firstUnexpected ??= String(err);
      }
    } finally {
      report.calls++;
    }
  };
  await client.findScene(ids[0]!); // the capability probe, before measuring
  const heapStart = heapAfterGc();
  // The clock starts after the warm-up: on a loaded machine the probe and the GC can take the whole budget.
  end = Date.now() + config.seconds * 1000;
  const faults = config.faultEveryMs > 0
    ? setInterval(() => {
        void stand.setFaults(FAULTS[report.faultsInjected % FAULTS.length]!);
        report.faultsInjected++;
      }, config.faultEveryMs)
    : undefined;
  await Promise.all(
    Array.from({ length: config.concurrency }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  if (faults) clearInterval(faults);
  await stand.close();
  await new Promise((r) => setTimeout(r, 50));
  const heapEnd = heapAfterGc();
  return {
    seconds: config.seconds,
    ...report,
    heapStartMB: round(heapStart),
    heapEndMB: round(heapEnd),
    heapDriftMB: round(heapEnd - heapStart),
    rssEndMB: round(process.memoryUsage().rss / 2 ** 20),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function argValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const isMain = import.meta.url === new URL(`file://${process.argv[1] ?? ""}`).href;
if (isMain) {
  const seconds = Math.min(argValue("seconds", 60), 600);
  const result = await soak({ seconds, concurrency: argValue("concurrency", 8), faultEveryMs: argValue("fault-every-ms", 250), scenes: 500 });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.unexpectedErrors === 0 ? 0 : 1;
}

/**
 * Per-request cost of `findScene` by id against a loopback stand-in running
 * in its own process: this SDK against a raw `fetch` POST of the same
 * document (the floor) and against stashapp-api, sequentially and with 64 in
 * flight. Also counts the TCP connections the SDK opens (keep-alive check).
 */
import type { Figure } from "./lib/figure";
import { concurrent, peerContender, rawContender, sdkContender, sequential, type Contender, type Target } from "./lib/contenders";
import { startRemoteStandIn, type RemoteStandIn } from "./lib/standin-remote";
import { ratios, rotate, summarize } from "./lib/stats";

/** Sizes of the per-request benchmark. */
export interface RequestBenchConfig {
  /** Scenes in the stand-in's generated library; requests cycle through them. */
  scenes: number;
  markersPerScene: number;
  /** Requests per contender before measuring (JIT, sockets, server caches). */
  warmup: number;
  rounds: number;
  /** Requests per contender per round, one at a time. */
  sequentialRequests: number;
  /** Requests per contender per round with `inFlight` outstanding. */
  concurrentRequests: number;
  inFlight: number;
}

/** The configuration `npm run bench` uses. */
export const requestBenchFull: RequestBenchConfig = {
  scenes: 500,
  markersPerScene: 3,
  warmup: 1000,
  rounds: 7,
  sequentialRequests: 1500,
  concurrentRequests: 3000,
  inFlight: 64,
};

const API_KEY = "bench-api-key";

/** How many connections the SDK opens on a fresh origin: sequential, then `inFlight` at once. */
async function countConnections(stand: RemoteStandIn, target: Target, config: RequestBenchConfig) {
  const ids = stand.sceneIds;
  await stand.resetStats();
  const client = sdkContender(target, config.inFlight);
  await sequential(client, ids, Math.max(10, Math.min(200, config.sequentialRequests)));
  const afterSequential = await stand.stats();
  await concurrent(client, ids, config.concurrentRequests, config.inFlight);
  const afterConcurrent = await stand.stats();
  return {
    sequentialRequests: afterSequential.requests,
    sequentialConnections: afterSequential.connections,
    concurrentRequests: afterConcurrent.requests - afterSequential.requests,
    concurrentConnections: afterConcurrent.connections,
    maxInFlight: afterConcurrent.maxInFlight,
  };
}

/** Runs the per-request comparisons and returns three figures (sequential, concurrent, versus stashapp-api). */
export async function benchRequests(config: RequestBenchConfig): Promise<Figure[]> {
  const stand = await startRemoteStandIn({ apiKey: API_KEY, library: { scenes: config.scenes, markersPerScene: config.markersPerScene } });
  try {
    const target: Target = { url: stand.url, baseUrl: stand.baseUrl, apiKey: API_KEY };
    const ids = stand.sceneIds;
    // First, on an origin no one has connected to yet, so pooled sockets of other contenders do not hide new ones.
    const sockets = await countConnections(stand, target, config);

    const seq: Contender[] = [rawContender(target), sdkContender(target), peerContender(target)];
    const par: Contender[] = [rawContender(target), sdkContender(target, config.inFlight), peerContender(target)];
    for (const c of [...seq, ...par]) await sequential(c, ids, config.warmup);
    const seqTimes: Record<string, number[]> = { raw: [], sdk: [], peer: [] };
    const parTimes: Record<string, number[]> = { raw: [], sdk: [], peer: [] };
    for (let round = 0; round < config.rounds; round++) {
      for (const c of rotate(seq, round)) seqTimes[c.name]!.push(await sequential(c, ids, config.sequentialRequests, round * 7));
      for (const c of rotate(par, round)) {
        parTimes[c.name]!.push(await concurrent(c, ids, config.concurrentRequests, config.inFlight, round * 11));
      }
      await stand.resetStats(); // keeps the stand-in's request log from growing across rounds
    }

    const seqRatio = summarize(ratios(seqTimes.sdk!, seqTimes.raw!));
    const parRatio = summarize(ratios(parTimes.sdk!, parTimes.raw!));
    const peerSeq = summarize(ratios(seqTimes.sdk!, seqTimes.peer!));
    const peerPar = summarize(ratios(parTimes.sdk!, parTimes.peer!));
    const rounds = `${config.rounds} rounds, contender order rotated each round`;
    const library = `stand-in in a child process (own core and event loop), ${config.scenes} generated scenes with ${config.markersPerScene} markers each, full SceneData fragment`;
    return [
      {
        name: "per-request, findScene, sequential",
        measures: [
          { label: "SDK", unit: "µs", summary: summarize(seqTimes.sdk!) },
          { label: "raw fetch", unit: "µs", summary: summarize(seqTimes.raw!) },
          { label: "SDK / raw fetch", unit: "×", summary: seqRatio },
        ],
        goal: "≤ 1.10×",
        met: seqRatio.median <= 1.1,
        method: `${config.sequentialRequests} requests per contender per round, one at a time; ${rounds}; ${library}.`,
      },
      {
        name: `per-request, findScene, ${config.inFlight} in flight`,
        measures: [
          { label: "SDK", unit: "µs", summary: summarize(parTimes.sdk!) },
          { label: "raw fetch", unit: "µs", summary: summarize(parTimes.raw!) },
          { label: "SDK / raw fetch", unit: "×", summary: parRatio },
        ],
        goal: "≤ 1.10×",
        met: parRatio.median <= 1.1,
        method: `${config.concurrentRequests} requests per contender per round with ${config.inFlight} outstanding (wall time / requests); the SDK client is built with \`maxConcurrency: ${config.inFlight}\` (its default cap is 16); ${rounds}.`,
        notes: [
          `Keep-alive: on a fresh origin the SDK opened ${sockets.sequentialConnections} TCP connection(s) for ${sockets.sequentialRequests} sequential requests, then ${sockets.concurrentConnections} in total after ${sockets.concurrentRequests} more requests with ${config.inFlight} in flight (server saw at most ${sockets.maxInFlight} at once). Counted from \`net.server.socket\` events in the stand-in's process.`,
        ],
      },
      {
        name: "per-request, findScene, SDK vs stashapp-api",
        measures: [
          { label: "stashapp-api, sequential", unit: "µs", summary: summarize(seqTimes.peer!) },
          { label: `stashapp-api, ${config.inFlight} in flight`, unit: "µs", summary: summarize(parTimes.peer!) },
          { label: "SDK / stashapp-api, sequential", unit: "×", summary: peerSeq },
          { label: `SDK / stashapp-api, ${config.inFlight} in flight`, unit: "×", summary: peerPar },
        ],
        goal: "≤ 0.9×",
        met: peerSeq.median <= 0.9 && peerPar.median <= 0.9,
        method: `Same rounds as above; stashapp-api ${"1.2.0"} selects exactly the SceneData fields through its genql \`query({ findScene: { __args: { id }, ... } })\`.`,
      },
    ];
  } finally {
    await stand.close();
  }
}

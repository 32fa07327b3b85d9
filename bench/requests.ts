/**
 * Per-request cost of `findScene` by id against a loopback stand-in running
 * in its own process: this SDK against a raw `fetch` POST of the same
 * document (the floor) and against stashapp-api, sequentially and with 64 in
 * flight. Contenders alternate in short blocks, so background load on a shared
 * machine hits all of them alike. Also counts the TCP connections the SDK opens.
 */
import type { Figure, Measure } from "./lib/figure";
import {
  concurrent,
  peerContender,
  rawContender,
  sdkContender,
  sequential,
  type BatchCost,
  type Contender,
  type Target,
} from "./lib/contenders";
import { peerVersion } from "./lib/peer-version";
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
  /** Blocks per round; in each block every contender runs its share, in rotated order. */
  blocks: number;
  /** Requests per contender per block, one at a time. */
  sequentialBlock: number;
  /** Requests per contender per block with `inFlight` outstanding. */
  concurrentBlock: number;
  inFlight: number;
}

/** The configuration `npm run bench` uses. */
export const requestBenchFull: RequestBenchConfig = {
  scenes: 500,
  markersPerScene: 2,
  warmup: 1000,
  rounds: 7,
  blocks: 6,
  sequentialBlock: 250,
  concurrentBlock: 512,
  inFlight: 64,
};

const API_KEY = "bench-api-key";
type Name = Contender["name"];

/** Per contender and round: client wall and CPU, and the stand-in's CPU, all per request in µs. */
interface Tally {
  wall: Record<Name, number[]>;
  cpu: Record<Name, number[]>;
  server: Record<Name, number[]>;
}

const emptyTally = (): Tally => ({
  wall: { raw: [], sdk: [], peer: [] },
  cpu: { raw: [], sdk: [], peer: [] },
  server: { raw: [], sdk: [], peer: [] },
});

/** One round: `blocks` blocks, every contender once per block; totals per request. */
async function round(
  stand: RemoteStandIn,
  contenders: readonly Contender[],
  blocks: number,
  perBlock: number,
  run: (c: Contender, offset: number) => Promise<BatchCost>,
  tally: Tally,
): Promise<void> {
  const sums = new Map<Name, { wall: number; cpu: number; server: number }>();
  for (let b = 0; b < blocks; b++) {
    for (const c of rotate(contenders, b)) {
      const before = (await stand.stats()).cpuMicros;
      const cost = await run(c, b * perBlock);
      const server = (await stand.stats()).cpuMicros - before;
      const sum = sums.get(c.name) ?? { wall: 0, cpu: 0, server: 0 };
      sums.set(c.name, { wall: sum.wall + cost.wall, cpu: sum.cpu + cost.cpu, server: sum.server + server });
    }
  }
  const n = blocks * perBlock;
  for (const [name, sum] of sums) {
    tally.wall[name].push(sum.wall / n);
    tally.cpu[name].push(sum.cpu / n);
    tally.server[name].push(sum.server / n);
  }
  await stand.resetStats(); // keeps the stand-in's request log from growing across rounds
}

/** How many connections the SDK opens on a fresh origin: sequential, then `inFlight` at once. */
async function countConnections(stand: RemoteStandIn, target: Target, config: RequestBenchConfig) {
  const ids = stand.sceneIds;
  await stand.resetStats();
  const client = sdkContender(target, config.inFlight);
  await sequential(client, ids, Math.max(10, config.sequentialBlock));
  const afterSequential = await stand.stats();
  await concurrent(client, ids, Math.max(config.inFlight * 4, config.concurrentBlock * config.blocks), config.inFlight);
  const afterConcurrent = await stand.stats();
  return {
    sequentialRequests: afterSequential.requests,
    sequentialConnections: afterSequential.connections,
    concurrentRequests: afterConcurrent.requests - afterSequential.requests,
    connections: afterConcurrent.connections,
  };
}

function perRequestMeasures(t: Tally, subject: Name, baseline: Name, baselineLabel: string): Measure[] {
  return [
    { label: "SDK, wall per request", unit: "µs", summary: summarize(t.wall[subject]) },
    { label: `${baselineLabel}, wall per request`, unit: "µs", summary: summarize(t.wall[baseline]) },
    { label: "SDK, client CPU per request", unit: "µs", summary: summarize(t.cpu[subject]) },
    { label: `${baselineLabel}, client CPU per request`, unit: "µs", summary: summarize(t.cpu[baseline]) },
    { label: "stand-in CPU per request (during SDK blocks)", unit: "µs", summary: summarize(t.server[subject]) },
    { label: `client CPU: SDK / ${baselineLabel}`, unit: "×", summary: summarize(ratios(t.cpu[subject], t.cpu[baseline])) },
    { label: `wall: SDK / ${baselineLabel}`, unit: "×", summary: summarize(ratios(t.wall[subject], t.wall[baseline])) },
  ];
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
    for (const c of seq) await sequential(c, ids, config.warmup);
    for (const c of par) await concurrent(c, ids, config.warmup, config.inFlight);
    const s = emptyTally();
    const p = emptyTally();
    for (let r = 0; r < config.rounds; r++) {
      const seqOrder = rotate(seq, r);
      const parOrder = rotate(par, r);
      await round(stand, seqOrder, config.blocks, config.sequentialBlock, (c, o) => sequential(c, ids, config.sequentialBlock, o + r), s);
      await round(stand, parOrder, config.blocks, config.concurrentBlock, (c, o) => concurrent(c, ids, config.concurrentBlock, config.inFlight, o + r), p);
    }

    const seqWall = summarize(ratios(s.wall.sdk, s.wall.raw));
    const parWall = summarize(ratios(p.wall.sdk, p.wall.raw));
    const peerSeq = summarize(ratios(s.wall.sdk, s.wall.peer));
    const peerPar = summarize(ratios(p.wall.sdk, p.wall.peer));
    const rounds = `${config.rounds} rounds of ${config.blocks} blocks; in every block each contender runs its share, order rotated per block`;
    const library = `The stand-in runs in a child process (its own core and event loop), serving ${config.scenes} generated scenes with ${config.markersPerScene} markers each; findScene returns the full SceneData fragment`;
    const version = peerVersion();
    return [
      {
        name: "per-request, findScene, sequential",
        measures: perRequestMeasures(s, "sdk", "raw", "raw fetch"),
        goal: "≤ 1.10× (wall)",
        met: seqWall.median <= 1.1,
        method: `${config.sequentialBlock * config.blocks} requests per contender per round, one at a time; ${rounds}. ${library}. Client CPU is the bench process's user+system time; the stand-in's CPU is read from its process between blocks.`,
      },
      {
        name: `per-request, findScene, ${config.inFlight} in flight`,
        measures: [
          ...perRequestMeasures(p, "sdk", "raw", "raw fetch"),
          { label: `SDK connections opened, ${sockets.sequentialRequests} sequential requests`, unit: "connections", summary: summarize([sockets.sequentialConnections]) },
          { label: `SDK connections opened in all, + ${sockets.concurrentRequests} at ${config.inFlight} in flight`, unit: "connections", summary: summarize([sockets.connections]) },
        ],
        goal: "≤ 1.10× (wall)",
        met: parWall.median <= 1.1,
        method: `${config.concurrentBlock * config.blocks} requests per contender per round with ${config.inFlight} outstanding (wall time ÷ requests, i.e. 1 / throughput); the SDK client is built with \`maxConcurrency: ${config.inFlight}\` (its default cap is 16); ${rounds}.`,
        notes: [
          `Keep-alive: on a fresh origin the SDK opened ${sockets.sequentialConnections} TCP connection(s) for ${sockets.sequentialRequests} sequential requests (its compatibility probe included), and ${sockets.connections} in total after ${sockets.concurrentRequests} more requests with ${config.inFlight} in flight. Counted from \`net.server.socket\` events in the stand-in's process.`,
        ],
      },
      {
        name: "per-request, findScene, SDK vs stashapp-api",
        measures: [
          { label: "SDK, sequential, wall", unit: "µs", summary: summarize(s.wall.sdk) },
          { label: "stashapp-api, sequential, wall", unit: "µs", summary: summarize(s.wall.peer) },
          { label: `SDK, ${config.inFlight} in flight, wall`, unit: "µs", summary: summarize(p.wall.sdk) },
          { label: `stashapp-api, ${config.inFlight} in flight, wall`, unit: "µs", summary: summarize(p.wall.peer) },
          { label: "stashapp-api, sequential, client CPU", unit: "µs", summary: summarize(s.cpu.peer) },
          { label: "client CPU: SDK / stashapp-api, sequential", unit: "×", summary: summarize(ratios(s.cpu.sdk, s.cpu.peer)) },
          { label: "wall: SDK / stashapp-api, sequential", unit: "×", summary: peerSeq },
          { label: `wall: SDK / stashapp-api, ${config.inFlight} in flight`, unit: "×", summary: peerPar },
        ],
        goal: "≤ 0.9× (wall)",
        met: peerSeq.median <= 0.9 && peerPar.median <= 0.9,
        method: `Measured in the same blocks as the two figures above. stashapp-api ${version} selects exactly the SceneData fields through its genql \`query({ findScene: { __args: { id }, ... } })\`, constructed with the stand-in's base URL and the same API key.`,
      },
    ];
  } finally {
    await stand.close();
  }
}

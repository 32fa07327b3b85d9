/**
 * Child-process entry for the memory figure: reads every scene either with
 * `iterateScenes` or with one `per_page: -1` request, in a fresh process so
 * neither inherits the other's heap. Prints one JSON line with wall time,
 * scenes seen and two peaks over the post-GC starting point: the used heap
 * as V8 runs by default (garbage included), and the live heap after each
 * response, under a forced GC (sampled on every tenth page, so it costs little time).
 */
import { getHeapStatistics } from "node:v8";
import { StashClient } from "../../src/index";
import { FindScenesSlimDocument } from "../../generated/graphql";

/** The argument (JSON) this process is started with. */
export interface IterateClientConfig {
  mode: "iterate" | "all";
  url: string;
  apiKey: string;
  perPage: number;
  /**
   * Force a full GC every tenth page to sample the live heap (default true). Off for
   * runs judged on wall time alone: a hundred forced collections are the probe's cost, not the walk's.
   */
  liveSampling?: boolean;
}

/** What the process prints. */
export interface IterateClientResult {
  mode: IterateClientConfig["mode"];
  scenes: number;
  wallMs: number;
  /** Largest `used_heap_size` seen (default GC, sampled) minus the post-GC value before starting, in bytes. */
  peakHeapBytes: number;
  /** Largest heap right after a response was parsed, measured after a forced full GC, minus the same start value. */
  peakLiveBytes: number;
  /** Sum of scene ids, so both modes can be checked to have read the same scenes. */
  idSum: number;
}

const config = JSON.parse(process.argv[2]!) as IterateClientConfig;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("iterate-client needs --expose-gc");

// Long enough for one 100,000-scene response; the default 30 s is for interactive calls.
const client = new StashClient({ url: config.url, apiKey: config.apiKey, timeoutMs: 600_000 });
await client.version(); // compatibility probe and a warm socket, outside the measurement

gc();
const base = getHeapStatistics().used_heap_size;
let peak = base;
const sample = () => {
  const used = getHeapStatistics().used_heap_size;
  if (used > peak) peak = used;
};
// Catches growth while a response streams in; the loop below samples between items too.
const timer = setInterval(sample, 2);
let peakLive = base;
const sampleLive = () => {
  if (config.liveSampling === false) return;
  gc();
  peakLive = Math.max(peakLive, getHeapStatistics().used_heap_size);
};

let scenes = 0;
let idSum = 0;
const start = performance.now();
if (config.mode === "iterate") {
  for await (const scene of client.iterateScenes({ perPage: config.perPage })) {
    scenes += 1;
    idSum += Number(scene.id);
    // The first scene of a page: its response has just been parsed and the page is held.
    if (scenes % (config.perPage * 10) === 1) sampleLive();
    else if (scenes % 50 === 0) sample();
  }
} else {
  const result = await client.request(FindScenesSlimDocument, { filter: { per_page: -1 } });
  sample();
  sampleLive();
  for (const scene of result.findScenes.scenes) {
    scenes += 1;
    idSum += Number(scene.id);
  }
}
const wallMs = performance.now() - start;
sample();
clearInterval(timer);

const result: IterateClientResult = { mode: config.mode, scenes, wallMs, peakHeapBytes: peak - base, peakLiveBytes: peakLive - base, idSum };
process.stdout.write(`${JSON.stringify(result)}\n`);

/**
 * Child-process entry for the tag-walk memory figure: reads every tag with
 * `stash.tags.iterate` or with one `per_page: -1` request of the same slim
 * fragment, in a fresh process. Prints one JSON line like iterate-client.ts:
 * wall time, tags seen, their id sum, and the peak live heap (after a forced
 * GC right after a response is parsed) over the post-GC starting point.
 */
import { getHeapStatistics } from "node:v8";
import { StashClient } from "../../src/index";
import { FindTagsSlimDocument } from "../../generated/graphql";

/** The argument (JSON) this process is started with. */
export interface IterateTagsClientConfig {
  mode: "iterate" | "all";
  url: string;
  perPage: number;
}

/** What the process prints. */
export interface IterateTagsClientResult {
  mode: IterateTagsClientConfig["mode"];
  tags: number;
  idSum: number;
  wallMs: number;
  peakLiveBytes: number;
}

const config = JSON.parse(process.argv[2]!) as IterateTagsClientConfig;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("iterate-tags-client needs --expose-gc");

const client = new StashClient({ url: config.url, timeoutMs: 600_000 });
await client.version(); // compatibility probe and a warm socket, outside the measurement

gc();
const base = getHeapStatistics().used_heap_size;
let peakLive = base;
const sampleLive = () => {
  gc();
  peakLive = Math.max(peakLive, getHeapStatistics().used_heap_size);
};

let tags = 0;
let idSum = 0;
const start = performance.now();
if (config.mode === "iterate") {
  for await (const tag of client.tags.iterate({ perPage: config.perPage })) {
    tags += 1;
    idSum += Number(tag.id);
    // The first tag of every tenth page: that page's response has just been parsed and is held.
    if (tags % (config.perPage * 10) === 1) sampleLive();
  }
} else {
  const result = await client.request(FindTagsSlimDocument, { filter: { per_page: -1, sort: "id" } });
  sampleLive();
  for (const tag of result.findTags.tags) {
    tags += 1;
    idSum += Number(tag.id);
  }
}
const wallMs = performance.now() - start;
const result: IterateTagsClientResult = { mode: config.mode, tags, idSum, wallMs, peakLiveBytes: peakLive - base };
process.stdout.write(`${JSON.stringify(result)}\n`);

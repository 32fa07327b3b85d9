/**
 * Memory of reading every tag: `stash.tags.iterate` (slim tags, pages in id
 * order) against one `findTags` with `per_page: -1` of the same fragment,
 * which is how most community plugins read tags. Each measurement is a fresh
 * client process; the stand-in runs in a process of its own.
 */
import { fileURLToPath } from "node:url";
import type { Figure } from "./lib/figure";
import { runTs } from "./lib/child";
import type { IterateTagsClientConfig, IterateTagsClientResult } from "./lib/iterate-tags-client";
import { startRemoteStandIn } from "./lib/standin-remote";
import { ratios, summarize } from "./lib/stats";

/** Sizes of the tag-walk benchmark. */
export interface IterateTagsBenchConfig {
  tags: number;
  perPage: number;
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const iterateTagsBenchFull: IterateTagsBenchConfig = { tags: 100_000, perPage: 1000, rounds: 3 };

const CLIENT = fileURLToPath(new URL("./lib/iterate-tags-client.ts", import.meta.url));
const MB = 1024 * 1024;

async function measure(config: IterateTagsClientConfig): Promise<IterateTagsClientResult> {
  const out = await runTs(CLIENT, [JSON.stringify(config)], ["--expose-gc"]);
  return JSON.parse(out.stdout.trim().split("\n").pop() ?? "") as IterateTagsClientResult;
}

/** Runs the walk comparison; one figure with peak live heaps and their ratio. */
export async function benchIterateTags(config: IterateTagsBenchConfig): Promise<Figure[]> {
  const stand = await startRemoteStandIn();
  try {
    const seeded = await stand.seed({ tags: Array.from({ length: config.tags }, (_, i) => `bench tag ${i}`) });
    const expected = Object.values(seeded.tags).reduce((sum, id) => sum + Number(id), 0);
    const runs: Record<"iterate" | "all", IterateTagsClientResult[]> = { iterate: [], all: [] };
    for (let round = 0; round < config.rounds; round++) {
      for (const mode of round % 2 ? (["all", "iterate"] as const) : (["iterate", "all"] as const)) {
        const r = await measure({ mode, url: stand.url, perPage: config.perPage });
        if (r.tags !== config.tags || r.idSum !== expected) throw new Error(`iterate-tags bench: ${mode} read ${r.tags} tags (id sum ${r.idSum}), expected ${config.tags} (${expected})`);
        runs[mode].push(r);
      }
    }
    const live = (rs: IterateTagsClientResult[]) => rs.map((r) => r.peakLiveBytes / MB);
    const wall = (rs: IterateTagsClientResult[]) => rs.map((r) => r.wallMs / 1000);
    const liveRatio = summarize(ratios(live(runs.iterate), live(runs.all)));
    const size = config.tags.toLocaleString("en-US");
    return [
      {
        name: `tags.iterate over ${size} tags (slim)`,
        measures: [
          { label: "tags.iterate, peak live heap", unit: "MB", summary: summarize(live(runs.iterate)) },
          { label: "per_page -1, peak live heap", unit: "MB", summary: summarize(live(runs.all)) },
          { label: "live heap: iterate / all", unit: "×", summary: liveRatio },
          { label: "tags.iterate, wall", unit: "s", summary: summarize(wall(runs.iterate)) },
          { label: "per_page -1, wall", unit: "s", summary: summarize(wall(runs.all)) },
        ],
        goal: "heap ≤ 0.1×",
        met: liveRatio.median <= 0.1,
        method: `Baseline: one \`FindTagsSlim\` request with \`per_page: -1\`, the way most plugins read tags. Iterator: \`stash.tags.iterate({ perPage: ${config.perPage} })\` (slim tags; Stash's tag filter has no id criterion, so pages are numbered, sorted by id, and ids already passed are skipped). Each measurement is a fresh client process; live heap = heap after a forced full GC right after a response is parsed (every 10th page), over the post-GC heap before the walk. ${config.rounds} rounds, order alternated.`,
      },
    ];
  } finally {
    await stand.close();
  }
}

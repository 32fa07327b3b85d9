/**
 * Memory and time of reading a whole library: `iterateScenes` (slim
 * fragment, paged by id cursor) against one `findScenes` with `per_page: -1`
 * of the same slim fragment. Each measurement is a fresh client process, so
 * heaps do not carry over; the stand-in runs in its own process as well.
 */
import { fileURLToPath } from "node:url";
import type { Figure } from "./lib/figure";
import { runTs } from "./lib/child";
import type { IterateClientConfig, IterateClientResult } from "./lib/iterate-client";
import { startRemoteStandIn } from "./lib/standin-remote";
import { ratios, summarize } from "./lib/stats";

/** Sizes of the library-walk benchmark. */
export interface IterateBenchConfig {
  scenes: number;
  /** `perPage` of `iterateScenes` for the figure. */
  perPage: number;
  /** Also walk with this page size (the SDK's default, 100) each round: a second figure, its wall against `per_page: -1` (goal ≤ 1.2×). */
  comparePerPage?: number;
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const iterateBenchFull: IterateBenchConfig = { scenes: 100_000, perPage: 1000, comparePerPage: 100, rounds: 3 };

const API_KEY = "bench-api-key";
const CLIENT = fileURLToPath(new URL("./lib/iterate-client.ts", import.meta.url));
const MB = 1024 * 1024;

async function measure(config: IterateClientConfig): Promise<IterateClientResult> {
  const out = await runTs(CLIENT, [JSON.stringify(config)], ["--expose-gc"]);
  const line = out.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as IterateClientResult;
}

/** Runs the walk comparison: peak heap and wall ratios, plus the `comparePerPage` walk's wall ratio when set. */
export async function benchIterate(config: IterateBenchConfig): Promise<Figure[]> {
  const stand = await startRemoteStandIn({ apiKey: API_KEY, library: { scenes: config.scenes, markersPerScene: 0 } });
  try {
    const base = { url: stand.url, apiKey: API_KEY, perPage: config.perPage };
    const runs: Record<"iterate" | "all", IterateClientResult[]> = { iterate: [], all: [] };
    const compare: IterateClientResult[] = [];
    for (let round = 0; round < config.rounds; round++) {
      const order: ("iterate" | "all")[] = round % 2 ? ["all", "iterate"] : ["iterate", "all"];
      for (const mode of order) runs[mode].push(await measure({ ...base, mode }));
      if (config.comparePerPage) compare.push(await measure({ ...base, mode: "iterate", perPage: config.comparePerPage, liveSampling: false }));
      await stand.resetStats();
    }
    const expected = stand.sceneIds.reduce((sum, id) => sum + Number(id), 0);
    for (const r of [...runs.iterate, ...runs.all, ...compare]) {
      if (r.scenes !== config.scenes || r.idSum !== expected) {
        throw new Error(`iterate bench: ${r.mode} read ${r.scenes} scenes (id sum ${r.idSum}), expected ${config.scenes} (${expected})`);
      }
    }
    const heap = (rs: IterateClientResult[]) => rs.map((r) => r.peakHeapBytes / MB);
    const live = (rs: IterateClientResult[]) => rs.map((r) => r.peakLiveBytes / MB);
    const wall = (rs: IterateClientResult[]) => rs.map((r) => r.wallMs / 1000);
    const liveRatio = summarize(ratios(live(runs.iterate), live(runs.all)));
    const heapRatio = summarize(ratios(heap(runs.iterate), heap(runs.all)));
    const wallRatio = summarize(ratios(wall(runs.iterate), wall(runs.all)));
    const pagedRatio = compare.length ? summarize(ratios(wall(compare), wall(runs.all))) : null;
    const size = config.scenes.toLocaleString("en-US");
    const paged: Figure[] = pagedRatio
      ? [
          {
            name: `iterateScenes over ${size} scenes, pages of ${config.comparePerPage} (slim)`,
            measures: [
              { label: `pages of ${config.comparePerPage}: wall / per_page -1`, unit: "×", summary: pagedRatio },
              { label: `pages of ${config.comparePerPage}, wall`, unit: "s", summary: summarize(wall(compare)) },
              { label: "per_page -1, wall", unit: "s", summary: summarize(wall(runs.all)) },
            ],
            goal: "≤ 1.2×",
            met: pagedRatio.median <= 1.2,
            method: `Every scene read with \`iterateScenes({ perPage: ${config.comparePerPage} })\` (the SDK's default page size: ${Math.ceil(config.scenes / config.comparePerPage!)} requests, each \`id > cursor\` in id order) against one \`per_page: -1\` request, each a fresh client process, ratio per round. The walk skips the forced GCs that sample the live heap (one per ten pages, a hundred here), which are the probe's cost, not the walk's; the baseline forces one. The stand-in answers id-ordered pages from its sorted id index (src/testing/filter/paging.ts), so a page costs the same at any library size, as Stash's indexed \`WHERE id > ? ORDER BY id LIMIT n\` does; ${config.rounds} rounds.`,
          },
        ]
      : [];
    return [
      {
        name: `iterateScenes over ${config.scenes.toLocaleString("en-US")} scenes (slim)`,
        measures: [
          { label: "iterateScenes, peak live heap", unit: "MB", summary: summarize(live(runs.iterate)) },
          { label: "per_page -1, peak live heap", unit: "MB", summary: summarize(live(runs.all)) },
          { label: "live heap: iterate / all", unit: "×", summary: liveRatio },
          { label: "iterateScenes, peak used heap (default GC)", unit: "MB", summary: summarize(heap(runs.iterate)) },
          { label: "per_page -1, peak used heap (default GC)", unit: "MB", summary: summarize(heap(runs.all)) },
          { label: "used heap: iterate / all", unit: "×", summary: heapRatio },
          { label: "iterateScenes, wall", unit: "s", summary: summarize(wall(runs.iterate)) },
          { label: "per_page -1, wall", unit: "s", summary: summarize(wall(runs.all)) },
          { label: "wall: iterate / all", unit: "×", summary: wallRatio },
          ...(compare.length
            ? ([
                { label: `perPage ${config.comparePerPage}: wall`, unit: "s", summary: summarize(wall(compare)) },
                { label: `perPage ${config.comparePerPage}: wall / all`, unit: "×", summary: summarize(ratios(wall(compare), wall(runs.all))) },
              ] as const)
            : []),
        ],
        goal: "heap ≤ 0.1×, wall ≤ 1.2×",
        met: liveRatio.median <= 0.1 && wallRatio.median <= 1.2,
        method: `Baseline: one \`FindScenesSlim\` request with \`per_page: -1\` (the iterator's slim fields). Iterator: \`iterateScenes({ perPage: ${config.perPage} })\`. Each measurement is a fresh client process; heaps are growth over the post-GC heap before the walk. "Live" = heap after a forced full GC right after a response is parsed (every 10th page); "used" = V8's used heap sampled every 2 ms with default GC, so it includes garbage not yet collected. The goal is judged on live heap and wall; ${config.rounds} rounds, order alternated.${config.comparePerPage ? ` The perPage ${config.comparePerPage} rows (the SDK's default page size) are judged in the next figure.` : ""}`,
      },
      ...paged,
    ];
  } finally {
    await stand.close();
  }
}

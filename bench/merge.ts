/**
 * `mergeSceneMarkers` against the loop the Python library runs (find each
 * scene's markers, then create the missing ones one request at a time), with
 * a fixed latency per request so round trips dominate as they do over a LAN.
 */
import { CriterionModifier } from "../generated/graphql";
import { StashClient } from "../src/index";
import type { Fixture } from "../src/testing";
import type { Figure } from "./lib/figure";
import { startRemoteStandIn, type RemoteStandIn } from "./lib/standin-remote";
import { ratios, summarize } from "./lib/stats";

/** Sizes of the marker-merge benchmark. */
export interface MergeBenchConfig {
  sources: number;
  markersPerSource: number;
  /** Added by the stand-in to every request. */
  latencyMs: number;
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const mergeBenchFull: MergeBenchConfig = { sources: 5, markersPerSource: 100, latencyMs: 10, rounds: 3 };

const API_KEY = "bench-api-key";
const TAGS = ["Intro", "Action", "Dialogue", "Credits", "Outro", "Highlight", "Scenery", "Music"];

/** One target and its sources with distinct markers; `tag` makes titles unique per seeding. */
function mergeFixture(config: MergeBenchConfig, tag: string): Fixture {
  const sources = Array.from({ length: config.sources }, (_, s) => ({
    title: `${tag} source ${s + 1}`,
    markers: Array.from({ length: config.markersPerSource }, (_, m) => ({
      title: `${tag} marker ${s + 1}.${m + 1}`,
      seconds: m * 7 + s,
      primary_tag: TAGS[(s + m) % TAGS.length]!,
      tags: [TAGS[(m + 3) % TAGS.length]!],
    })),
  }));
  return { tags: TAGS, scenes: [{ title: `${tag} target` }, ...sources] };
}

interface Run {
  readonly wallMs: number;
  readonly requests: number;
  readonly created: number;
}

/** The SDK: one call, on a fresh client (so its one-time compatibility probe is counted too). */
async function runSdk(stand: RemoteStandIn, target: string, sources: string[]): Promise<Run> {
  const client = new StashClient({ url: stand.url, apiKey: API_KEY });
  await stand.resetStats();
  const start = performance.now();
  const result = await client.mergeSceneMarkers(target, sources);
  const wallMs = performance.now() - start;
  if (result.failed.length) throw new Error(`merge bench: ${result.failed.length} markers failed: ${result.failed[0]!.error.message}`);
  return { wallMs, requests: (await stand.stats()).requests, created: result.created.length };
}

/** The Python library's way: read the target's markers, then per source read and create one by one. */
async function runLoop(stand: RemoteStandIn, target: string, sources: string[]): Promise<Run> {
  const client = new StashClient({ url: stand.url, apiKey: API_KEY });
  await stand.resetStats();
  const start = performance.now();
  const markersOf = async (sceneId: string) =>
    (
      await client.findSceneMarkers({
        filter: { per_page: -1 },
        markerFilter: { scenes: { value: [sceneId], modifier: CriterionModifier.INCLUDES } },
      })
    ).scene_markers;
  const key = (m: { seconds: number; primary_tag: { id: string }; title: string }) => `${m.seconds}|${m.primary_tag.id}|${m.title}`;
  const existing = new Set((await markersOf(target)).map(key));
  let created = 0;
  for (const source of sources) {
    for (const marker of await markersOf(source)) {
      if (existing.has(key(marker))) continue;
      existing.add(key(marker));
      await client.createSceneMarker({
        scene_id: target,
        title: marker.title,
        seconds: marker.seconds,
        end_seconds: marker.end_seconds ?? null,
        primary_tag_id: marker.primary_tag.id,
        tag_ids: marker.tags.map((t) => t.id),
      });
      created++;
    }
  }
  const wallMs = performance.now() - start;
  return { wallMs, requests: (await stand.stats()).requests, created };
}

/** Runs the merge comparison; returns one figure with round trips and the wall ratio. */
export async function benchMerge(config: MergeBenchConfig): Promise<Figure[]> {
  const stand = await startRemoteStandIn({ apiKey: API_KEY, latencyMs: config.latencyMs });
  try {
    const expected = config.sources * config.markersPerSource;
    const sdk: Run[] = [];
    const loop: Run[] = [];
    for (let round = 0; round < config.rounds; round++) {
      for (const which of round % 2 ? (["loop", "sdk"] as const) : (["sdk", "loop"] as const)) {
        const seeded = await stand.seed(mergeFixture(config, `r${round}-${which}`));
        const [target, ...sources] = seeded.scenes as [string, ...string[]];
        const run = which === "sdk" ? await runSdk(stand, target, sources) : await runLoop(stand, target, sources);
        if (run.created !== expected) throw new Error(`merge bench: ${which} created ${run.created} markers, expected ${expected}`);
        (which === "sdk" ? sdk : loop).push(run);
      }
    }
    const wallRatio = summarize(ratios(sdk.map((r) => r.wallMs), loop.map((r) => r.wallMs)));
    const trips = summarize(sdk.map((r) => r.requests));
    return [
      {
        name: `mergeSceneMarkers, ${expected} markers from ${config.sources} sources, ${config.latencyMs} ms latency`,
        measures: [
          { label: "SDK round trips", unit: "requests", summary: trips },
          { label: "loop round trips", unit: "requests", summary: summarize(loop.map((r) => r.requests)) },
          { label: "SDK wall", unit: "ms", summary: summarize(sdk.map((r) => r.wallMs)) },
          { label: "loop wall", unit: "ms", summary: summarize(loop.map((r) => r.wallMs)) },
          { label: "wall: SDK / loop", unit: "×", summary: wallRatio },
        ],
        goal: "≤ 4 round trips, wall ≤ 0.05×",
        met: trips.max <= 4 && wallRatio.median <= 0.05,
        method: `Each round seeds a fresh target and ${config.sources} sources (${config.markersPerSource} distinct markers each) per contender; both use a fresh \`StashClient\`, whose one-time compatibility probe is included in the round trips. The loop reads the target's markers, then each source's, and creates every missing marker with its own \`sceneMarkerCreate\`. Round trips are the requests the stand-in counted. ${config.rounds} rounds, order alternated.`,
      },
    ];
  } finally {
    await stand.close();
  }
}

/**
 * Tagging many scenes: `stash.scenes.bulkUpdate` with `tag_ids: { add }` in
 * batches, against a `sceneUpdate` loop (one request per scene, each sending
 * the scene's tags plus the new one, since sceneUpdate replaces the list).
 * Both tag the same scenes of one stand-in in one run; the stand-in runs in a
 * process of its own, and its request counter is the request figure.
 */
import type { Figure } from "./lib/figure";
import { startRemoteStandIn } from "./lib/standin-remote";
import { summarize } from "./lib/stats";
import { StashClient } from "../src/index";

/** Sizes of the bulk-tagging benchmark. */
export interface BulkTaggingBenchConfig {
  scenes: number;
  /** Scene ids per `bulkUpdate` request. */
  batch: number;
}

/** The configuration `npm run bench` uses. */
export const bulkTaggingBenchFull: BulkTaggingBenchConfig = { scenes: 10_000, batch: 1000 };

async function expectTagged(stash: StashClient, tagId: string, expected: number): Promise<void> {
  const { count } = await stash.scenes.findMany({ filter: { per_page: 1 }, scene_filter: { tags: { value: [tagId], modifier: "INCLUDES" } } });
  if (count !== expected) throw new Error(`bulk-tagging bench: ${count} scenes carry tag ${tagId}, expected ${expected}`);
}

/** Runs both contenders once each; one figure with requests and walls. */
export async function benchBulkTagging(config: BulkTaggingBenchConfig): Promise<Figure[]> {
  const stand = await startRemoteStandIn({ library: { scenes: config.scenes, markersPerScene: 0 } });
  const stash = new StashClient({ url: stand.url, retry: false, timeoutMs: 600_000 });
  try {
    const tags = (await stand.seed({ tags: ["bulk tagged", "loop tagged"] })).tags;
    // What a script has in hand before tagging: each scene's id and tags (read outside the measurement).
    const scenes: { id: string; tagIds: string[] }[] = [];
    for await (const s of stash.scenes.iterate({ perPage: 1000 })) scenes.push({ id: s.id, tagIds: s.tags.map((t) => t.id) });
    if (scenes.length !== config.scenes) throw new Error(`bulk-tagging bench: read ${scenes.length} scenes, expected ${config.scenes}`);

    await stand.resetStats();
    let start = performance.now();
    for (let i = 0; i < scenes.length; i += config.batch) {
      const ids = scenes.slice(i, i + config.batch).map((s) => s.id);
      await stash.scenes.bulkUpdate({ ids, tag_ids: { add: [tags["bulk tagged"]!] } });
    }
    const bulkWall = (performance.now() - start) / 1000;
    const bulkRequests = (await stand.stats()).requests;
    await expectTagged(stash, tags["bulk tagged"]!, config.scenes);

    await stand.resetStats();
    start = performance.now();
    // A loop that resent only the tags read before would now drop "bulk tagged" (stash issue #6042): resend it too.
    for (const s of scenes) await stash.updateScene({ id: s.id, tag_ids: [...s.tagIds, tags["bulk tagged"]!, tags["loop tagged"]!] });
    const loopWall = (performance.now() - start) / 1000;
    const loopRequests = (await stand.stats()).requests;

    await expectTagged(stash, tags["loop tagged"]!, config.scenes);
    const size = config.scenes.toLocaleString("en-US");
    return [
      {
        name: `tagging ${size} scenes: bulkUpdate { add } vs a sceneUpdate loop`,
        measures: [
          { label: `bulkUpdate in batches of ${config.batch}, requests`, unit: "requests", summary: summarize([bulkRequests]) },
          { label: "sceneUpdate loop, requests", unit: "requests", summary: summarize([loopRequests]) },
          { label: "bulkUpdate, wall", unit: "s", summary: summarize([bulkWall]) },
          { label: "sceneUpdate loop, wall", unit: "s", summary: summarize([loopWall]) },
          { label: "wall: bulk / loop", unit: "×", summary: summarize([bulkWall / loopWall]) },
        ],
        goal: "≤ 10 requests",
        met: bulkRequests <= 10,
        method: `${size} generated scenes on a stand-in in its own process. \`stash.scenes.bulkUpdate({ ids, tag_ids: { add: [tag] } })\` per batch of ${config.batch}, against \`updateScene({ id, tag_ids: [...its tags, tag] })\` per scene (sceneUpdate replaces the list, so a loop must resend the others). Requests are the stand-in's count; every scene is checked to carry both tags afterwards. One run each (the request counts do not vary).`,
      },
    ];
  } finally {
    await stash.close();
    await stand.close();
  }
}

/**
 * The stops of the demo tour. Each one calls the facade the way a script
 * would, prints what it saw, and returns the numbers so the tour's summary
 * (and its tests) can check them against the server.
 */
import type { StashClient } from "../stash-client";
import type { DuplicateCleanupPlan } from "../scenes/duplicate-cleanup";
import type { SlimScene } from "../scenes/duplicates";
import { CriterionModifier, SortDirectionEnum } from "../../generated/graphql";
import { formatBytes, formatDuration, formatResolution } from "../report/format";
import { count, heading, keyValues, table } from "./format";

/** Receives the tour's output, one line at a time. */
export type Print = (line: string) => void;

/** What every step gets. */
export interface StepContext {
  stash: StashClient;
  print: Print;
  /** GraphQL requests the server has seen so far, to show what each step cost. */
  requests: () => number;
}

function out(print: Print, lines: readonly string[]): void {
  for (const line of lines) print(line);
}

/** Shows the server version. */
export async function versionStep({ stash, print }: StepContext): Promise<string> {
  const v = await stash.version();
  out(print, heading("1. Server version", "stash.version()"));
  out(print, keyValues([["version", v.version ?? "(unknown)"], ["hash", v.hash], ["build time", v.build_time]]));
  return v.version ?? "";
}

/** Result of the filtered search. */
export interface SearchFacts {
  query: string;
  count: number;
  shown: number;
}

/** A search with a scene filter, a sort and a page size. */
export async function searchStep({ stash, print }: StepContext, query: string): Promise<SearchFacts> {
  const page = await stash.findScenes({
    q: query,
    filter: { per_page: 5, sort: "date", direction: SortDirectionEnum.DESC },
    sceneFilter: { rating100: { value: 60, modifier: CriterionModifier.GREATER_THAN } },
  });
  out(print, heading("2. A filtered search", `stash.findScenes({ q: "${query}", filter: { per_page: 5, sort: "date", direction: DESC },\n                   sceneFilter: { rating100: { value: 60, modifier: GREATER_THAN } } })`));
  print(`  ${count(page.count, "scene")} match${page.count > page.scenes.length ? `; the first ${page.scenes.length}` : ""}:`);
  out(
    print,
    table(page.scenes, [
      { header: "id", cell: (s) => Number(s.id) },
      { header: "title", cell: (s) => s.title },
      { header: "date", cell: (s) => s.date },
      { header: "rating", cell: (s) => s.rating100 },
      { header: "studio", cell: (s) => s.studio?.name },
    ]),
  );
  return { query, count: page.count, shown: page.scenes.length };
}

/** Result of the paged walk. */
export interface IterateFacts {
  yielded: number;
  /** `findScenes` count for the same filter, to compare with. */
  expected: number;
  requests: number;
  totalBytes: number;
  totalSeconds: number;
}

/** Walks every unorganized scene page by page, holding one page at a time. */
export async function iterateStep({ stash, print, requests }: StepContext, perPage: number): Promise<IterateFacts> {
  const sceneFilter = { organized: false };
  const before = requests();
  let yielded = 0;
  let totalBytes = 0;
  let totalSeconds = 0;
  for await (const scene of stash.iterateScenes({ sceneFilter, perPage })) {
    yielded++;
    totalBytes += scene.files[0]?.size ?? 0;
    totalSeconds += scene.files[0]?.duration ?? 0;
  }
  const used = requests() - before;
  const expected = (await stash.findScenes({ sceneFilter, filter: { per_page: 1 } })).count;
  out(print, heading("3. Every unorganized scene, page by page", `stash.iterateScenes({ sceneFilter: { organized: false }, perPage: ${perPage} })`));
  out(
    print,
    keyValues([
      ["scenes yielded", `${yielded} (findScenes counts ${expected})`],
      ["requests", `${used} (one per page of ${perPage})`],
      ["total size", formatBytes(totalBytes)],
      ["total length", formatDuration(totalSeconds)],
    ]),
  );
  return { yielded, expected, requests: used, totalBytes, totalSeconds };
}

/** Duplicate groups and the cleanup plan made from them. */
export interface DuplicateFacts {
  groups: SlimScene[][];
  plan: DuplicateCleanupPlan<SlimScene>;
}

/** What applying the plan's first group did. */
export interface ApplyFacts {
  /** Scenes merged away. */
  merged: string[];
  /** The keeper of the applied group, or null when there was no group. */
  keeper: string | null;
  groupsAfter: number;
}

const SHOWN_GROUPS = 3;

/** Finds near-duplicate scenes and prints a dry-run cleanup plan. */
export async function duplicatesStep({ stash, print }: StepContext): Promise<DuplicateFacts> {
  const groups = await stash.findDuplicateScenesWrapper({ preset: "high" });
  const plan = stash.planDuplicateCleanup(groups, { keep: "highest-resolution" });
  const role = new Map<string, string>();
  plan.groups.forEach((g) => {
    role.set(g.keep.id, "keep");
    for (const s of g.remove) role.set(s.id, "merge away");
  });
  out(print, heading("4. Duplicates and a cleanup plan", `stash.findDuplicateScenesWrapper({ preset: "high" })`, `stash.planDuplicateCleanup(groups, { keep: "highest-resolution" })`));
  print(`  ${count(groups.length, "group")} of near-identical scenes (phash distance ≤ 4); plan: keep the highest resolution.`);
  const rows = groups.slice(0, SHOWN_GROUPS).flatMap((group, g) => group.map((scene, i) => ({ g, i, scene })));
  out(
    print,
    table(rows, [
      { header: "group", cell: (r) => (r.i === 0 ? `#${r.g + 1}` : ""), align: "right" },
      { header: "scene", cell: (r) => Number(r.scene.id) },
      { header: "title", cell: (r) => r.scene.title, maxWidth: 28 },
      { header: "resolution", cell: (r) => formatResolution(r.scene.files[0]?.width, r.scene.files[0]?.height), align: "right" },
      { header: "size", cell: (r) => formatBytes(r.scene.files[0]?.size), align: "right" },
      { header: "length", cell: (r) => formatDuration(r.scene.files[0]?.duration), align: "right" },
      { header: "plan", cell: (r) => role.get(r.scene.id) ?? "—" },
    ]),
  );
  if (groups.length > SHOWN_GROUPS) print(`  … and ${count(groups.length - SHOWN_GROUPS, "more group")} (all of them are in the HTML report).`);
  print(`  Plan: ${count(plan.summary.groups, "group")}, ${count(plan.summary.remove, "scene")} would be merged into their keepers (a dry run: nothing changed yet).`);
  return { groups, plan };
}

/** Applies only the plan's first group, to show a merge without undoing the whole library. */
export async function applyStep({ stash, print }: StepContext, plan: DuplicateCleanupPlan<SlimScene>): Promise<ApplyFacts> {
  const first = plan.groups[0];
  let merged: string[] = [];
  if (first) {
    const result = await stash.applyDuplicateCleanup({ ...plan, groups: [first] });
    const failed = result.results.find((r) => r.status === "failed");
    if (failed) throw new Error(`applying group 1 failed: ${failed.error?.message ?? "unknown error"}`);
    merged = result.results.filter((r) => r.status === "merged").flatMap((r) => r.sources);
  }
  const groupsAfter = (await stash.findDuplicateScenesWrapper({ preset: "high" })).length;
  print("");
  print(
    first
      ? `  Applied group #1 only (stash.applyDuplicateCleanup): scene${merged.length === 1 ? "" : "s"} ${merged.join(", ")} merged into ${first.keep.id}, with files and histories; ${count(groupsAfter, "group")} left.`
      : "  No duplicate groups, so nothing to apply.",
  );
  return { merged, keeper: first?.keep.id ?? null, groupsAfter };
}

/** One run of the marker merge. */
export interface MarkerRun {
  label: string;
  planned: number;
  created: number;
  skipped: number;
  failed: number;
}

/** Copies two scenes' markers onto a third: a dry run, the real run, and a repeat that must create nothing. */
export async function markersStep({ stash, print }: StepContext, target: string, sources: readonly string[]): Promise<MarkerRun[]> {
  const runs: MarkerRun[] = [];
  const run = async (label: string, dryRun: boolean) => {
    const r = await stash.mergeSceneMarkers(target, sources, { dryRun });
    runs.push({ label, planned: r.planned.length, created: r.created.length, skipped: r.skipped.length, failed: r.failed.length });
  };
  await run("dry run", true);
  await run("first run", false);
  await run("second run", false);
  const after = await stash.findSceneMarkers({
    markerFilter: { scenes: { value: [target], modifier: CriterionModifier.INCLUDES } },
    filter: { per_page: 1 },
  });
  out(print, heading("5. Marker merge", `stash.mergeSceneMarkers("${target}", [${sources.map((s) => `"${s}"`).join(", ")}], { dryRun })`));
  out(
    print,
    table(runs, [
      { header: "run", cell: (r) => r.label },
      { header: "planned", cell: (r) => r.planned },
      { header: "created", cell: (r) => r.created },
      { header: "skipped", cell: (r) => r.skipped },
      { header: "failed", cell: (r) => r.failed },
    ]),
  );
  print(`  Scene ${target} now has ${after.count} markers; the second run found every copy already there and created none.`);
  return runs;
}

/** The scene's history after the update. */
export interface HistoryFacts {
  sceneId: string;
  playsBefore: number;
  playCount: number;
  oBefore: number;
  oCounter: number;
  lastPlayedAt: string | null;
}

/** Records two plays (one back-dated) and an O, then reads the scene back. */
export async function historyStep({ stash, print }: StepContext, sceneId: string): Promise<HistoryFacts> {
  const before = await stash.findScene(sceneId);
  if (!before) throw new Error(`scene ${sceneId} is missing`);
  await stash.sceneAddPlay(sceneId);
  await stash.sceneAddPlay(sceneId, ["2024-12-24 20:30:00"]);
  await stash.sceneAddO(sceneId);
  const scene = await stash.findScene(sceneId);
  if (!scene) throw new Error(`scene ${sceneId} disappeared`);
  out(print, heading("6. Play and O history", `stash.sceneAddPlay("${sceneId}"), stash.sceneAddPlay("${sceneId}", ["2024-12-24 20:30:00"]), stash.sceneAddO("${sceneId}")`, `stash.findScene("${sceneId}")`));
  out(
    print,
    keyValues([
      ["scene", `${scene.id} ${scene.title ?? ""}`.trim()],
      ["play count", `${before.play_count ?? 0} → ${scene.play_count ?? 0}`],
      ["O count", `${before.o_counter ?? 0} → ${scene.o_counter ?? 0}`],
      ["play history", scene.play_history.join(", ") || "—"],
      ["last played", scene.last_played_at ?? "—"],
    ]),
  );
  return {
    sceneId,
    playsBefore: before.play_count ?? 0,
    playCount: scene.play_count ?? 0,
    oBefore: before.o_counter ?? 0,
    oCounter: scene.o_counter ?? 0,
    lastPlayedAt: scene.last_played_at ?? null,
  };
}

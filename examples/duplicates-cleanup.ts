/**
 * Find near-duplicate scenes and merge each group into its best copy.
 *
 *   STASH_URL=http://localhost:9999 STASH_API_KEY=... npx tsx examples/duplicates-cleanup.ts [--preset high] [--keep largest] [--apply]
 *
 * Without --apply it only prints the plan. With --apply every group is merged
 * into its keeper with sceneMerge: files, markers and play/O histories move to
 * the keeper, the other scene records are deleted, no file is deleted.
 */
import { Command, Option } from "commander";
// In your own project: import { ... } from "stash-graphql-client";
import { CLEANUP_STRATEGIES, DUPLICATE_PRESETS, StashClient, type CleanupStrategy, type DuplicatePreset } from "../src/index";

const program = new Command("duplicates-cleanup")
  .addOption(new Option("--preset <name>", "phash distance preset").choices(Object.keys(DUPLICATE_PRESETS)).conflicts("distance"))
  .option("--distance <n>", "largest phash distance, 0-64 (default 0: identical)", Number)
  .option("--duration-diff <seconds>", "largest duration difference within a group", Number)
  .addOption(new Option("--keep <strategy>", "which scene of a group to keep").choices(CLEANUP_STRATEGIES).default("highest-resolution"))
  .option("--apply", "merge the groups (default: dry run, print the plan only)")
  .parse();
const opts = program.opts<{ preset?: DuplicatePreset; distance?: number; durationDiff?: number; keep: CleanupStrategy; apply?: boolean }>();

async function main(): Promise<void> {
  const stash = StashClient.fromEnv();
  const groups = await stash.findDuplicateScenesWrapper({
    ...(opts.preset !== undefined ? { preset: opts.preset } : { distance: opts.distance ?? 0 }),
    ...(opts.durationDiff !== undefined ? { durationDiff: opts.durationDiff } : {}),
  });
  const plan = stash.planDuplicateCleanup(groups, { keep: opts.keep });

  plan.groups.forEach((group, i) => {
    console.log(`group ${i + 1}: keep #${group.keep.id} ${group.keep.title ?? ""}  (${group.reason})`);
    for (const scene of group.remove) console.log(`  merge #${scene.id} ${scene.title ?? ""}  ${scene.files[0]?.path ?? ""}`);
  });
  for (const skipped of plan.skipped) console.log(`skipped: ${skipped.scenes.map((s) => `#${s.id}`).join(", ")} (${skipped.reason})`);
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  console.log(`plan: ${n(plan.summary.groups, "group")}, ${n(plan.summary.remove, "scene")} to merge into ${n(plan.summary.keep, "keeper")}`);

  if (!opts.apply) {
    console.log("dry run: nothing changed; run again with --apply to merge");
    return;
  }
  const result = await stash.applyDuplicateCleanup(plan, {
    onProgress: (done, total, item) => {
      const what = item.status === "failed" ? `failed: ${item.error?.message}` : item.status;
      console.log(`[${done}/${total}] #${item.sources.join(", #")} -> #${item.destination}: ${what}`);
    },
  });
  console.log(`applied: ${result.merged} merged, ${result.failed} failed, ${result.skipped} skipped`);
  if (result.failed > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

/** `stash-gql duplicates clean`: prints the merge plan (dry run) or, with `--apply`, runs it. */
import type { Command } from "commander";
import type { ApplyDuplicateCleanupResult, CleanupResult } from "../../scenes/duplicate-cleanup";
import type { CliContext } from "../context";
import { addFinderOptions, duplicatesText, findAndPlan, type FinderFlags } from "../duplicate-options";
import { CliExit, EXIT } from "../exit-codes";
import { plural } from "../../report/format";
import { startProgress } from "../progress";

interface CleanFlags extends FinderFlags {
  apply?: boolean;
  progress: boolean;
}

function resultLine(r: CleanupResult): string {
  const what = `keep #${r.destination} ← ${r.sources.map((s) => `#${s}`).join(", ")}`;
  if (r.status === "merged") return `merged   ${what}`;
  if (r.status === "skipped") return `skipped  ${what}: ${r.reason ?? ""}`;
  return `FAILED   ${what}: ${(r.error?.message ?? "unknown error").replace(/\s*\n\s*/g, " ")}`;
}

function resultJson(result: ApplyDuplicateCleanupResult): unknown {
  return {
    merged: result.merged,
    failed: result.failed,
    skipped: result.skipped,
    results: result.results.map((r) => ({
      destination: r.destination,
      sources: r.sources,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.error ? { error: r.error.toJSON() } : {}),
    })),
  };
}

/** Registers `clean` under `duplicates`. */
export function registerDuplicatesClean(duplicates: Command, ctx: CliContext): void {
  const cmd = duplicates
    .command("clean")
    .description("Merge each duplicate group into its keeper (sceneMerge, with play and O histories); a dry run unless --apply")
    .option("--apply", "run the merges (default: only print them)")
    .option("--no-progress", "never draw a progress bar");
  addFinderOptions(cmd, { required: true }).action(async (_own: CleanFlags, self: Command) => {
    // `duplicates --url X clean …` puts --url on the parent; the subcommand's own flags win.
    // (commander's optsWithGlobals lets the parent win, so merge by hand.)
    const flags = { ...self.parent?.opts(), ...self.opts() } as CleanFlags;
    const found = await findAndPlan(ctx, flags);
    const { plan } = found;
    if (!flags.apply) {
      if (flags.json) {
        const groups = plan.groups.map((g) => ({ keep: g.keep.id, remove: g.remove.map((s) => s.id), reason: g.reason, merge: g.merge }));
        const skipped = plan.skipped.map((g) => ({ scenes: g.scenes.map((s) => s.id), reason: g.reason }));
        await ctx.out(`${JSON.stringify({ dryRun: true, strategy: plan.strategy, summary: plan.summary, groups, skipped }, null, 2)}\n`);
        return;
      }
      await ctx.out(duplicatesText(found.groups, plan));
      if (plan.groups.length) await ctx.out(`dry run: nothing changed; add --apply to merge ${plural(plan.summary.remove, "scene")} into ${plural(plan.summary.keep, "keeper")}\n`);
      return;
    }
    if (plan.groups.length === 0) {
      await ctx.out(flags.json ? `${JSON.stringify({ merged: 0, failed: 0, skipped: 0, results: [] }, null, 2)}\n` : "no duplicate groups to merge\n");
      return;
    }
    const progress = startProgress(ctx.io, { label: "merging", total: plan.groups.length, enabled: flags.progress });
    let result: ApplyDuplicateCleanupResult;
    try {
      result = await found.stash.applyDuplicateCleanup(plan, { onProgress: () => progress.tick() }, ctx.call);
    } finally {
      progress.stop();
    }
    if (flags.json) await ctx.out(`${JSON.stringify(resultJson(result), null, 2)}\n`);
    else {
      await ctx.out(result.results.map((r) => `${resultLine(r)}\n`).join(""));
      await ctx.out(`${result.merged} merged, ${result.failed} failed, ${result.skipped} skipped (of ${plural(plan.groups.length, "group")})\n`);
    }
    if (result.failed > 0) throw new CliExit(EXIT.failure, `${result.failed} of ${plural(plan.groups.length, "merge")} failed`);
    if (ctx.io.signal?.aborted) throw new CliExit(EXIT.interrupted, "interrupted; the remaining groups were not merged");
  });
}

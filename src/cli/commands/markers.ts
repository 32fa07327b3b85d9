/** `stash-gql markers merge`: copy markers from source scenes onto a target scene. */
import type { Command } from "commander";
import type { MergeSceneMarkersResult } from "../../markers/merge";
import { formatDuration, plural } from "../../report/format";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { StashValidationError } from "../../core/errors";
import { CliExit, EXIT } from "../exit-codes";
import { collectIds, sceneId } from "../parse";

interface MergeFlags extends ConnectionFlags {
  target: string;
  source: string[];
  dryRun?: boolean;
  json?: boolean;
}

function mergeText(r: MergeSceneMarkersResult): string {
  const lines: string[] = [];
  const verb = r.dryRun ? "would copy" : "copied";
  for (const p of r.planned) {
    const done = r.dryRun || !r.failed.some((f) => f.source.id === p.source.id);
    if (done) lines.push(`${r.dryRun ? "copy" : "copied"}  ${formatDuration(p.source.seconds)}  ${p.source.primary_tag.name}  ${p.source.title || "(no title)"}  (from scene ${p.source.scene.id})`);
  }
  for (const s of r.skipped) {
    const why = s.reason === "exists-on-target" ? `already on the target as marker ${s.duplicateOf}` : `same as marker ${s.duplicateOf} of another source`;
    lines.push(`skip    ${formatDuration(s.marker.seconds)}  ${s.marker.primary_tag.name}  ${s.marker.title || "(no title)"}  (${why})`);
  }
  for (const f of r.failed) lines.push(`FAILED  ${formatDuration(f.source.seconds)}  ${f.source.title || "(no title)"}: ${f.error.message.replace(/\s*\n\s*/g, " ")}`);
  const count = r.dryRun ? r.planned.length : r.created.length;
  lines.push(
    `${verb} ${plural(count, "marker")} from scene${r.sourceIds.length === 1 ? "" : "s"} ${r.sourceIds.join(", ")} to scene ${r.targetId}; ` +
      `${r.skipped.length} skipped, ${r.failed.length} failed${r.dryRun ? " (dry run: nothing changed)" : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

function mergeJson(r: MergeSceneMarkersResult): unknown {
  return {
    targetId: r.targetId,
    sourceIds: r.sourceIds,
    dryRun: r.dryRun,
    planned: r.planned.map((p) => ({ source: p.source.id, input: p.input })),
    created: r.created,
    skipped: r.skipped.map((s) => ({ marker: s.marker.id, reason: s.reason, duplicateOf: s.duplicateOf })),
    failed: r.failed.map((f) => ({ source: f.source.id, sent: f.sent, error: f.error.toJSON() })),
  };
}

/** The SDK reports a missing target or source as bad input; the CLI's code for "not found" is 1, as for `scenes get`. */
function notFoundIsFailure(err: unknown): never {
  if (err instanceof StashValidationError && / not found\b/.test(err.problem)) throw new CliExit(EXIT.failure, err.problem);
  throw err;
}

/** Registers `markers merge`. */
export function registerMarkers(program: Command, ctx: CliContext): void {
  const markers = program.command("markers").description("Work with scene markers");
  const merge = markers
    .command("merge")
    .description("Copy the markers of source scenes onto a target scene, skipping ones it already has (same start, primary tag and title)")
    .requiredOption("--target <id>", "the scene that receives the markers", sceneId)
    .requiredOption("--source <ids...>", "source scene ids (space- or comma-separated)", collectIds)
    .option("--dry-run", "only print what would be copied")
    .option("--json", "print the result as JSON")
    .addHelpText("after", "\nExample:\n  stash-gql markers merge --target 12 --source 31 47 --dry-run\n");
  addConnectionOptions(merge).action(async (flags: MergeFlags) => {
    const result = await ctx
      .client(flags)
      .mergeSceneMarkers(flags.target, flags.source, { dryRun: flags.dryRun ?? false }, ctx.call)
      .catch(notFoundIsFailure);
    await ctx.out(flags.json ? `${JSON.stringify(mergeJson(result), null, 2)}\n` : mergeText(result));
    if (result.failed.length) throw new CliExit(EXIT.failure, `${result.failed.length} of ${plural(result.planned.length, "marker")} could not be copied`);
  });
}

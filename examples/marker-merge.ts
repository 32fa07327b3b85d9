/**
 * Copy the markers of one or more scenes onto another scene.
 *
 *   STASH_URL=... npx tsx examples/marker-merge.ts --target 12 --source 34 56 [--apply]
 *
 * Without --apply it lists the copies it would make. Markers the target
 * already has (same start, primary tag and title) are skipped, so running it
 * twice creates nothing the second time.
 */
import { Command } from "commander";
// In your own project: import { StashClient } from "stash-graphql-client";
import { StashClient } from "../src/index";

const program = new Command("marker-merge")
  .requiredOption("--target <id>", "scene that receives the markers")
  .requiredOption("--source <ids...>", "scenes whose markers are copied")
  .option("--apply", "create the markers (default: dry run)")
  .parse();
const opts = program.opts<{ target: string; source: string[]; apply?: boolean }>();

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

async function main(): Promise<void> {
  const stash = StashClient.fromEnv();
  const result = await stash.mergeSceneMarkers(opts.target, opts.source, { dryRun: !opts.apply });

  for (const { source } of result.planned) {
    console.log(`${opts.apply ? "copy" : "would copy"} ${clock(source.seconds)} [${source.primary_tag.name}] ${source.title} (from scene #${source.scene.id})`);
  }
  for (const s of result.skipped) console.log(`skip ${clock(s.marker.seconds)} ${s.marker.title}: ${s.reason}`);
  for (const f of result.failed) console.log(`failed ${clock(f.source.seconds)} ${f.source.title}: ${f.error.message}`);
  console.log(
    result.dryRun
      ? `dry run: ${result.planned.length} markers would be copied to scene #${result.targetId}, ${result.skipped.length} skipped; run again with --apply`
      : `created ${result.created.length} markers on scene #${result.targetId}, ${result.skipped.length} skipped, ${result.failed.length} failed`,
  );
  if (result.failed.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

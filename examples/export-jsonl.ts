/**
 * Export scenes as JSON lines, one scene per line, for jq, spreadsheets or
 * backups.
 *
 *   STASH_URL=... npx tsx examples/export-jsonl.ts > scenes.jsonl
 *   STASH_URL=... npx tsx examples/export-jsonl.ts --full --filter-json '{"organized":true}' --out organized.jsonl
 *
 * It only reads from Stash. It writes to stdout unless --out is given, and
 * will not overwrite an existing file without --force.
 */
import { createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { Command } from "commander";
// In your own project: import { ... } from "stash-graphql-client";
import { StashClient, type SceneFilterType } from "../src/index";

const program = new Command("export-jsonl")
  .option("--out <file>", "write to this file instead of stdout")
  .option("--force", "overwrite --out if it exists")
  .option("--full", "every scene field (default: the slim list fields)")
  .option("--filter-json <json>", "only scenes matching this SceneFilterType, as JSON")
  .parse();
const opts = program.opts<{ out?: string; force?: boolean; full?: boolean; filterJson?: string }>();

function sceneFilter(): SceneFilterType | undefined {
  if (opts.filterJson === undefined) return undefined;
  try {
    return JSON.parse(opts.filterJson) as SceneFilterType;
  } catch (err) {
    program.error(`--filter-json is not valid JSON: ${(err as Error).message}`);
  }
}

// `| head` closing the pipe early is a normal way to stop an export, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

async function main(): Promise<void> {
  if (opts.out && existsSync(opts.out) && !opts.force) program.error(`${opts.out} exists; add --force to overwrite it`);
  const filter = sceneFilter();
  const stash = StashClient.fromEnv();
  const sink = opts.out ? createWriteStream(opts.out) : process.stdout;
  let count = 0;
  const scenes = stash.iterateScenes({ fragment: opts.full ? "full" : "slim", ...(filter ? { sceneFilter: filter } : {}) });
  for await (const scene of scenes) {
    // Respect back-pressure so a huge library never piles up in memory.
    if (!sink.write(`${JSON.stringify(scene)}\n`)) await once(sink, "drain");
    count++;
  }
  if (opts.out) await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
  console.error(`exported ${count} scenes${opts.out ? ` to ${opts.out}` : ""}`);
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

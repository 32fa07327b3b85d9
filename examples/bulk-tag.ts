/**
 * Add a tag to (or, with --remove, take it off) every scene matching a search
 * or a scene filter.
 *
 *   STASH_URL=... npx tsx examples/bulk-tag.ts --tag 7 --q beach [--apply]
 *   STASH_URL=... npx tsx examples/bulk-tag.ts --tag 7 --filter-json '{"organized":false}' --remove --apply
 *
 * Without --apply it only counts the scenes that would change. Scenes that
 * already have (or lack) the tag are left alone, so a second run changes nothing.
 */
import { Command } from "commander";
// In your own project: import { ... } from "stash-graphql-client";
import { BulkUpdateIdMode, StashClient, type SceneFilterType } from "../src/index";

const program = new Command("bulk-tag")
  .requiredOption("--tag <id>", "id of the tag to add or remove")
  .option("--q <search>", "only scenes matching this search")
  .option("--filter-json <json>", "only scenes matching this SceneFilterType, as JSON")
  .option("--all", "every scene in the library (required when neither --q nor --filter-json is given)")
  .option("--remove", "take the tag off instead of adding it")
  .option("--apply", "change the scenes (default: dry run)")
  .parse();
const opts = program.opts<{ tag: string; q?: string; filterJson?: string; all?: boolean; remove?: boolean; apply?: boolean }>();

const BATCH = 100;

function sceneFilter(): SceneFilterType | undefined {
  if (opts.filterJson === undefined) return undefined;
  try {
    return JSON.parse(opts.filterJson) as SceneFilterType;
  } catch (err) {
    program.error(`--filter-json is not valid JSON: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  if (!opts.all && opts.q === undefined && opts.filterJson === undefined) {
    program.error("say which scenes: --q, --filter-json, or --all for the whole library");
  }
  const stash = StashClient.fromEnv();
  const filter = sceneFilter();
  const toChange: string[] = [];
  let matched = 0;
  for await (const scene of stash.iterateScenes({ ...(opts.q ? { filter: { q: opts.q } } : {}), ...(filter ? { sceneFilter: filter } : {}) })) {
    matched++;
    const tagged = scene.tags.some((t) => t.id === opts.tag);
    if (tagged === Boolean(opts.remove)) toChange.push(scene.id);
  }
  const verb = opts.remove ? "untag" : "tag";
  console.log(`${matched} scenes match; ${toChange.length} to ${verb}, ${matched - toChange.length} already done`);
  if (!opts.apply) {
    if (toChange.length > 0) console.log(`dry run: would ${verb} ${toChange.join(", ")}; run again with --apply`);
    return;
  }
  const mode = opts.remove ? BulkUpdateIdMode.REMOVE : BulkUpdateIdMode.ADD;
  for (let i = 0; i < toChange.length; i += BATCH) {
    const ids = toChange.slice(i, i + BATCH);
    await stash.bulkSceneUpdate({ ids, tag_ids: { ids: [opts.tag], mode } });
    console.log(`${verb}ged ${Math.min(i + BATCH, toChange.length)}/${toChange.length}`);
  }
  console.log(`done: ${toChange.length} scenes ${verb}ged with tag #${opts.tag}`);
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

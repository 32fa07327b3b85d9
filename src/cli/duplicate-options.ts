/**
 * What `duplicates` and `duplicates clean` share: the finder options, the
 * find-then-plan step, and the plain-text view of groups with their keepers.
 */
import { Option, type Command } from "commander";
import { CLEANUP_STRATEGIES, type CleanupStrategy, type DuplicateCleanupPlan } from "../scenes/duplicate-cleanup";
import { DUPLICATE_PRESETS, type DuplicatePreset, type SlimScene } from "../scenes/duplicates";
import type { StashClient } from "../stash-client";
import { formatBytes, formatDuration, formatResolution, plural } from "../report/format";
import { viewGroups, type GroupView } from "../report/plan-view";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "./context";
import { nonNegativeNumber, wholeNumber } from "./parse";
import { renderTable } from "./table";

/** Flags of the finder. */
export interface FinderFlags extends ConnectionFlags {
  distance?: number;
  preset?: DuplicatePreset;
  durationDiff?: number;
  keep: CleanupStrategy;
  json?: boolean;
}

/** Groups found and the plan made from them. */
export interface FoundDuplicates {
  stash: StashClient;
  groups: SlimScene[][];
  plan: DuplicateCleanupPlan<SlimScene>;
}

/** The default keep strategy of the report. */
export const DEFAULT_KEEP: CleanupStrategy = "highest-resolution";

/** Adds `--distance`, `--preset`, `--duration-diff`, `--keep` and the connection options. */
export function addFinderOptions(cmd: Command, keep: { required: boolean }): Command {
  cmd
    .option("--distance <n>", "phash distance 0–64 (default 0: identical phash)", wholeNumber(0))
    .addOption(
      new Option("--preset <name>", `named distance: ${Object.entries(DUPLICATE_PRESETS).map(([k, v]) => `${k}=${v}`).join(", ")}`)
        .choices(Object.keys(DUPLICATE_PRESETS))
        .conflicts("distance"),
    )
    .option("--duration-diff <seconds>", "only files whose durations differ by at most this much", nonNegativeNumber);
  const strategy = new Option("--keep <strategy>", "which scene of a group to keep").choices([...CLEANUP_STRATEGIES]);
  if (keep.required) strategy.makeOptionMandatory();
  else strategy.default(DEFAULT_KEEP);
  return addConnectionOptions(cmd.addOption(strategy).option("--json", "print JSON instead of a table"));
}

/** Runs the finder and plans a cleanup, without changing anything. */
export async function findAndPlan(ctx: CliContext, flags: FinderFlags): Promise<FoundDuplicates> {
  const stash = ctx.client(flags);
  const groups = await stash.findDuplicateScenesWrapper(
    {
      ...(flags.distance !== undefined ? { distance: flags.distance } : {}),
      ...(flags.preset !== undefined ? { preset: flags.preset } : {}),
      ...(flags.durationDiff !== undefined ? { durationDiff: flags.durationDiff } : {}),
    },
    ctx.call,
  );
  return { stash, groups, plan: stash.planDuplicateCleanup(groups, { keep: flags.keep }) };
}

/**
 * The `duplicates clean` command that plans the groups these flags found: it
 * carries every flag that changes the grouping, so the suggestion merges what was shown.
 */
export function cleanCommandFor(flags: FinderFlags): string {
  const args = ["stash-gql duplicates clean", `--keep ${flags.keep}`];
  if (flags.preset !== undefined) args.push(`--preset ${flags.preset}`);
  if (flags.distance !== undefined) args.push(`--distance ${flags.distance}`);
  if (flags.durationDiff !== undefined) args.push(`--duration-diff ${flags.durationDiff}`);
  // Another server has other groups; the key stays out (it comes from the environment or is typed again).
  if (flags.url !== undefined) args.push(`--url ${flags.url}`);
  return args.join(" ");
}

const ACTION = { keep: "keep", remove: "merge", elsewhere: "-" } as const;

function groupBlock(view: GroupView<SlimScene>): string {
  const keeper = view.keepId === null ? "no keeper" : `keep #${view.keepId}`;
  const head = `Group ${view.number} · ${view.scenes.length} scenes · ${keeper} — ${view.reason}\n`;
  const table = renderTable(
    [
      { header: "ACTION" },
      { header: "ID", right: true },
      { header: "TITLE", max: 36 },
      { header: "RESOLUTION" },
      { header: "DURATION", right: true },
      { header: "SIZE", right: true },
      { header: "PATH" },
    ],
    view.scenes.map((s) => {
      const f = s.files[0];
      return [ACTION[view.role(s)], s.id, s.title ?? "", formatResolution(f?.width, f?.height), formatDuration(f?.duration), formatBytes(f?.size), f?.path ?? ""];
    }),
  );
  return `${head}${table.replace(/^/gm, "  ").replace(/ +$/gm, "")}`;
}

/** Every group as a small table, keeper first in the ACTION column, and a summary line. */
export function duplicatesText(groups: readonly (readonly SlimScene[])[], plan: DuplicateCleanupPlan<SlimScene>): string {
  if (groups.length === 0) return "no duplicate groups found\n";
  const blocks = viewGroups(groups, plan).map(groupBlock).join("\n");
  const s = plan.summary;
  const skipped = s.skippedGroups ? `; ${plural(s.skippedGroups, "group")} skipped` : "";
  return `${blocks}\n${plural(groups.length, "group")}; plan (${plan.strategy}): keep ${s.keep}, merge ${s.remove} into them${skipped}\n`;
}

/** The groups with their verdicts as plain data, for `--json`. */
export function duplicatesJson(groups: readonly (readonly SlimScene[])[], plan: DuplicateCleanupPlan<SlimScene>): unknown {
  return {
    strategy: plan.strategy,
    summary: plan.summary,
    groups: viewGroups(groups, plan).map((v) => ({
      number: v.number,
      keep: v.keepId,
      merge: v.scenes.filter((s) => v.role(s) === "remove").map((s) => s.id),
      reason: v.reason,
      scenes: v.scenes,
    })),
  };
}

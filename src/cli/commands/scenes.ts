/** `stash-gql scenes list|get`: read scenes as a table, JSON, or a JSON-lines stream. */
import type { Command } from "commander";
import { SortDirectionEnum, type SceneDataFragment, type SceneFilterType } from "../../../generated/graphql";
import { StashHttpError } from "../../core/errors";
import { formatBytes, formatDuration, formatResolution, plural } from "../../report/format";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { CliExit, CliUsageError, EXIT } from "../exit-codes";
import { jsonObject, sceneId, wholeNumber } from "../parse";
import { startProgress, progressWanted } from "../progress";
import { renderTable } from "../table";

interface ListFlags extends ConnectionFlags {
  q?: string;
  filterJson?: Record<string, unknown>;
  all?: boolean;
  json?: boolean;
  page?: number;
  perPage?: number;
  sort?: string;
  direction?: string;
  progress: boolean;
}

interface GetFlags extends ConnectionFlags {
  json?: boolean;
}

type TableScene = Pick<SceneDataFragment, "id" | "title" | "date"> & {
  files: readonly { path: string; size: number; duration: number; width: number; height: number }[];
};

/** One row per scene: the primary file's facts. */
export function scenesTable(scenes: readonly TableScene[]): string {
  return renderTable(
    [
      { header: "ID", right: true },
      { header: "TITLE", max: 40 },
      { header: "DATE" },
      { header: "DURATION", right: true },
      { header: "RESOLUTION" },
      { header: "SIZE", right: true },
      { header: "PATH" },
    ],
    scenes.map((s) => {
      const f = s.files[0];
      return [s.id, s.title ?? "", s.date ?? "", formatDuration(f?.duration), formatResolution(f?.width, f?.height), formatBytes(f?.size), f?.path ?? ""];
    }),
  );
}

function direction(value: string | undefined): SortDirectionEnum | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  const known = Object.values(SortDirectionEnum) as string[];
  if (!known.includes(upper)) throw new CliUsageError(`--direction must be ${known.join(" or ")}, got "${value}"`);
  return upper as SortDirectionEnum;
}

async function listAll(ctx: CliContext, flags: ListFlags): Promise<void> {
  if (flags.page !== undefined) throw new CliUsageError("--page does not go with --all (every page is streamed); use --per-page for the request size");
  const stash = ctx.client(flags);
  const sceneFilter = flags.filterJson as SceneFilterType | undefined;
  const dir = direction(flags.direction);
  const filter = { ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.sort ? { sort: flags.sort } : {}), ...(dir ? { direction: dir } : {}) };
  let total = 0;
  if (progressWanted(ctx.io, { enabled: flags.progress, stdoutRedirected: true })) {
    // Only for the bar's total: one cheap request.
    total = (await stash.findScenes({ filter: { ...filter, per_page: 1 }, ...(sceneFilter ? { sceneFilter } : {}) }, ctx.call)).count;
  }
  const progress = startProgress(ctx.io, { label: "scenes", total, enabled: flags.progress, stdoutRedirected: true });
  const scenes = stash.iterateScenes({ filter, ...(sceneFilter ? { sceneFilter } : {}), ...(flags.perPage ? { perPage: flags.perPage } : {}) }, ctx.call);
  try {
    for await (const scene of scenes) {
      await ctx.out(`${JSON.stringify(scene)}\n`);
      progress.tick();
    }
  } finally {
    progress.stop();
  }
}

async function listPage(ctx: CliContext, flags: ListFlags): Promise<void> {
  const stash = ctx.client(flags);
  const dir = direction(flags.direction);
  const filter = {
    ...(flags.page !== undefined ? { page: flags.page } : {}),
    per_page: flags.perPage ?? 25,
    ...(flags.sort ? { sort: flags.sort } : {}),
    ...(dir ? { direction: dir } : {}),
  };
  const result = await stash.findScenes(
    { filter, ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.filterJson ? { sceneFilter: flags.filterJson as SceneFilterType } : {}) },
    ctx.call,
  );
  if (flags.json) {
    await ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const page = flags.page ?? 1;
  const first = (page - 1) * filter.per_page + 1;
  await ctx.out(result.scenes.length ? scenesTable(result.scenes) : "no scenes\n");
  const shown = result.scenes.length ? `scenes ${first}–${first + result.scenes.length - 1} of ${result.count}` : `${plural(result.count, "scene")} in all`;
  const more = first + result.scenes.length - 1 < result.count ? `; --page ${page + 1} for more, --all for every scene` : "";
  await ctx.out(`${shown}${more}\n`);
}

function describeScene(s: SceneDataFragment): string {
  const names = (list: readonly { name: string }[]) => list.map((x) => x.name).join(", ") || "-";
  const lines = [
    `Scene ${s.id}: ${s.title || "(untitled)"}`,
    `  date        ${s.date ?? "-"}`,
    `  studio      ${s.studio?.name ?? "-"}`,
    `  rating      ${s.rating100 ?? "-"}`,
    `  organized   ${s.organized ? "yes" : "no"}`,
    `  plays / O   ${s.play_count ?? 0} / ${s.o_counter ?? 0}`,
    `  performers  ${names(s.performers)}`,
    `  tags        ${names(s.tags)}`,
    `  markers     ${s.scene_markers.length}`,
    `  files       ${s.files.length}`,
    ...s.files.map((f) => `    ${f.path} (${formatResolution(f.width, f.height)}, ${formatDuration(f.duration)}, ${formatBytes(f.size)})`),
  ];
  return `${lines.join("\n")}\n`;
}

/** A 422 about `$scene_filter` means the user's --filter-json does not fit SceneFilterType: a usage error, not a server mismatch. */
function blameFilter(err: unknown): never {
  if (err instanceof StashHttpError && err.status === 422) {
    // graphql-js says `Variable "$scene_filter"`, Stash (gqlgen) says `variable.scene_filter` and sets the path.
    const own = err.errors.filter((e) => /\$scene_filter\b|variable\.scene_filter\b/.test(e.message) || e.path?.includes("scene_filter"));
    if (own.length) throw new CliUsageError(`--filter-json: ${own.map((e) => e.message.replace(/^Variable "\$scene_filter" /, "")).join("; ")}`);
  }
  throw err;
}

/** Registers `scenes list` and `scenes get`. */
export function registerScenes(program: Command, ctx: CliContext): void {
  const scenes = program.command("scenes").description("List and read scenes");

  const list = scenes
    .command("list")
    .description("List scenes: one page as a table (or JSON), or with --all every scene as JSON lines")
    .option("--q <text>", "search text, as in Stash's search box")
    .option("--filter-json <json>", "a SceneFilterType as JSON, or @file.json", jsonObject)
    .option("--all", "stream every matching scene as JSON lines (slim scenes), with a progress bar on a terminal")
    .option("--json", "print the page as JSON instead of a table")
    .option("--page <n>", "page number (default 1)", wholeNumber(1))
    .option("--per-page <n>", "scenes per page (default 25; with --all, per request, default 100)", wholeNumber(1))
    .option("--sort <field>", "sort field, e.g. date, title, created_at (default id with --all)")
    .option("--direction <dir>", "ASC or DESC")
    .option("--no-progress", "never draw a progress bar")
    .addHelpText("after", `\nExamples:\n  stash-gql scenes list --q beach\n  stash-gql scenes list --filter-json '{"organized": false}' --all > unorganized.jsonl\n`);
  addConnectionOptions(list).action((flags: ListFlags) => (flags.all ? listAll(ctx, flags) : listPage(ctx, flags)).catch(blameFilter));

  const get = scenes
    .command("get")
    .description("Show one scene")
    .argument("<id>", "scene id", sceneId)
    .option("--json", "print the scene as JSON");
  addConnectionOptions(get).action(async (id: string, flags: GetFlags) => {
    const scene = await ctx.client(flags).findScene(id, ctx.call);
    if (!scene) throw new CliExit(EXIT.failure, `scene ${id} not found`);
    await ctx.out(flags.json ? `${JSON.stringify(scene, null, 2)}\n` : describeScene(scene));
  });
}

/** `stash-gql scenes list|get`: read scenes as a table, JSON, or a JSON-lines stream. */
import type { Command } from "commander";
import type { SceneDataFragment, SceneFilterType } from "../../../generated/graphql";
import { formatBytes, formatDuration, formatResolution } from "../../report/format";
import { addConnectionOptions, type CliContext } from "../context";
import { CliExit, EXIT } from "../exit-codes";
import { sceneId } from "../parse";
import { renderTable } from "../table";
import { addListOptions, blameFilter, pageFilter, streamFilter, streamItems, writePage, type GetFlags, type ListFlags, type ListNouns } from "./listing";

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

const NOUNS: ListNouns = {
  many: "scenes",
  one: "scene",
  filterHelp: "a SceneFilterType",
  sortExample: "date, title, created_at",
  allNote: " (slim scenes)",
};

async function listAll(ctx: CliContext, flags: ListFlags): Promise<void> {
  const filter = streamFilter(flags);
  const stash = ctx.client(flags);
  const sceneFilter = flags.filterJson as SceneFilterType | undefined;
  await streamItems(ctx, flags, "scenes", {
    total: async () => (await stash.findScenes({ filter: { ...filter, per_page: 1 }, ...(sceneFilter ? { sceneFilter } : {}) }, ctx.call)).count,
    items: () => stash.iterateScenes({ filter, ...(sceneFilter ? { sceneFilter } : {}), ...(flags.perPage ? { perPage: flags.perPage } : {}) }, ctx.call),
  });
}

async function listPage(ctx: CliContext, flags: ListFlags): Promise<void> {
  const stash = ctx.client(flags);
  const result = await stash.findScenes(
    { filter: pageFilter(flags), ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.filterJson ? { sceneFilter: flags.filterJson as SceneFilterType } : {}) },
    ctx.call,
  );
  if (flags.json) {
    await ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  await writePage(ctx, flags, NOUNS, { count: result.count, shown: result.scenes.length, table: () => scenesTable(result.scenes) });
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

/** Registers `scenes list` and `scenes get`. */
export function registerScenes(program: Command, ctx: CliContext): void {
  const scenes = program.command("scenes").description("List and read scenes");

  const list = addListOptions(scenes.command("list").description("List scenes: one page as a table (or JSON), or with --all every scene as JSON lines"), NOUNS)
    .addHelpText("after", `\nExamples:\n  stash-gql scenes list --q beach\n  stash-gql scenes list --filter-json '{"organized": false}' --all > unorganized.jsonl\n`);
  addConnectionOptions(list).action((flags: ListFlags) => (flags.all ? listAll(ctx, flags) : listPage(ctx, flags)).catch(blameFilter("scene_filter")));

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

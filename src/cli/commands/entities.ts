/**
 * `stash-gql tags|performers|studios|galleries|images list|get`: the entity
 * namespaces on the command line, with the flags `scenes` has (`--json`,
 * `--filter-json`, `--all` as JSON lines). One table layout per entity; the
 * rest is shared.
 */
import { InvalidArgumentError, type Command } from "commander";
import { SortDirectionEnum } from "../../../generated/graphql";
import { StashHttpError } from "../../core/errors";
import type { StashClient } from "../../stash-client";
import type { CallOptions } from "../../core/client";
import { formatBytes, plural } from "../../report/format";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { CliExit, CliUsageError, EXIT } from "../exit-codes";
import { jsonObject, wholeNumber } from "../parse";
import { progressWanted, startProgress } from "../progress";
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

type Row = Record<string, unknown> & { id: string };
type Column = { header: string; right?: boolean; max?: number; cell: (item: Row) => string };

/** How one entity shows on the command line. */
interface EntityCommand {
  readonly name: "tags" | "performers" | "studios" | "galleries" | "images";
  readonly singular: string;
  readonly filterKey: string;
  readonly columns: readonly Column[];
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const count = (key: string) => (item: Row) => text(item[key]);
const names = (key: string) => (item: Row) => ((item[key] as { name: string }[] | null) ?? []).map((x) => x.name).join(", ");
const nested = (key: string) => (item: Row) => text((item[key] as { name?: string } | null)?.name);
const list = (key: string) => (item: Row) => ((item[key] as string[] | null) ?? []).join(", ");

const ENTITIES: readonly EntityCommand[] = [
  {
    name: "tags",
    singular: "tag",
    filterKey: "tag_filter",
    columns: [
      { header: "ID", right: true, cell: (t) => t.id },
      { header: "NAME", max: 40, cell: count("name") },
      { header: "SCENES", right: true, cell: count("scene_count") },
      { header: "PARENTS", max: 30, cell: names("parents") },
      { header: "ALIASES", max: 40, cell: list("aliases") },
    ],
  },
  {
    name: "performers",
    singular: "performer",
    filterKey: "performer_filter",
    columns: [
      { header: "ID", right: true, cell: (p) => p.id },
      { header: "NAME", max: 40, cell: (p) => (p["disambiguation"] ? `${text(p["name"])} (${text(p["disambiguation"])})` : text(p["name"])) },
      { header: "SCENES", right: true, cell: count("scene_count") },
      { header: "GENDER", cell: count("gender") },
      { header: "ALIASES", max: 40, cell: list("alias_list") },
    ],
  },
  {
    name: "studios",
    singular: "studio",
    filterKey: "studio_filter",
    columns: [
      { header: "ID", right: true, cell: (s) => s.id },
      { header: "NAME", max: 40, cell: count("name") },
      { header: "SCENES", right: true, cell: count("scene_count") },
      { header: "PARENT", max: 30, cell: nested("parent_studio") },
    ],
  },
  {
    name: "galleries",
    singular: "gallery",
    filterKey: "gallery_filter",
    columns: [
      { header: "ID", right: true, cell: (g) => g.id },
      { header: "TITLE", max: 40, cell: count("title") },
      { header: "DATE", cell: count("date") },
      { header: "IMAGES", right: true, cell: count("image_count") },
      { header: "STUDIO", max: 30, cell: nested("studio") },
    ],
  },
  {
    name: "images",
    singular: "image",
    filterKey: "image_filter",
    columns: [
      { header: "ID", right: true, cell: (i) => i.id },
      { header: "TITLE", max: 40, cell: count("title") },
      { header: "SIZE", right: true, cell: (i) => formatBytes((i["visual_files"] as { size?: number }[] | undefined)?.[0]?.size) },
      { header: "PATH", cell: (i) => text((i["visual_files"] as { path?: string }[] | undefined)?.[0]?.path) },
    ],
  },
];

/** An entity id on the command line: digits only. */
function entityId(value: string): string {
  const id = value.trim();
  if (!/^\d+$/.test(id)) throw new InvalidArgumentError("expected a numeric id");
  return id;
}

function direction(value: string | undefined): SortDirectionEnum | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  const known = Object.values(SortDirectionEnum) as string[];
  if (!known.includes(upper)) throw new CliUsageError(`--direction must be ${known.join(" or ")}, got "${value}"`);
  return upper as SortDirectionEnum;
}

/** The slice of an entity namespace the commands use, with the entity filter under a runtime key. */
interface ReadNamespace {
  find(id: string, options?: CallOptions): Promise<unknown>;
  findMany(args: object, options?: CallOptions): Promise<{ count: number; items: unknown[] }>;
  iterate(args: object, options?: CallOptions): AsyncIterableIterator<unknown>;
}

function namespaceOf(stash: StashClient, entity: EntityCommand): ReadNamespace {
  return stash[entity.name] as unknown as ReadNamespace;
}

async function listAll(ctx: CliContext, entity: EntityCommand, flags: ListFlags): Promise<void> {
  if (flags.page !== undefined) throw new CliUsageError("--page does not go with --all (every page is streamed); use --per-page for the request size");
  const ns = namespaceOf(ctx.client(flags), entity);
  const dir = direction(flags.direction);
  const filter = { ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.sort ? { sort: flags.sort } : {}), ...(dir ? { direction: dir } : {}) };
  const entityFilter = flags.filterJson ? { [entity.filterKey]: flags.filterJson } : {};
  let total = 0;
  if (progressWanted(ctx.io, { enabled: flags.progress, stdoutRedirected: true })) {
    // Only for the bar's total: one cheap request.
    total = (await ns.findMany({ filter: { ...filter, per_page: 1 }, ...entityFilter }, ctx.call)).count;
  }
  const progress = startProgress(ctx.io, { label: entity.name, total, enabled: flags.progress, stdoutRedirected: true });
  try {
    for await (const item of ns.iterate({ filter, ...entityFilter, ...(flags.perPage ? { perPage: flags.perPage } : {}) }, ctx.call)) {
      await ctx.out(`${JSON.stringify(item)}\n`);
      progress.tick();
    }
  } finally {
    progress.stop();
  }
}

async function listPage(ctx: CliContext, entity: EntityCommand, flags: ListFlags): Promise<void> {
  const ns = namespaceOf(ctx.client(flags), entity);
  const dir = direction(flags.direction);
  const perPage = flags.perPage ?? 25;
  const filter = { ...(flags.page !== undefined ? { page: flags.page } : {}), per_page: perPage, ...(flags.sort ? { sort: flags.sort } : {}), ...(dir ? { direction: dir } : {}) };
  const args = { filter, ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.filterJson ? { [entity.filterKey]: flags.filterJson } : {}) };
  const result = await ns.findMany(args, ctx.call);
  if (flags.json) {
    await ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const items = result.items as unknown as Row[];
  const page = flags.page ?? 1;
  const first = (page - 1) * perPage + 1;
  await ctx.out(items.length ? renderTable(entity.columns, items.map((item) => entity.columns.map((c) => c.cell(item)))) : `no ${entity.name}\n`);
  const shown = items.length ? `${entity.name} ${first}–${first + items.length - 1} of ${result.count}` : `${plural(result.count, entity.singular, entity.name)} in all`;
  const more = first + items.length - 1 < result.count ? `; --page ${page + 1} for more, --all for every one` : "";
  await ctx.out(`${shown}${more}\n`);
}

/** One field per line: scalars as they are, related objects by name, lists joined. */
function describe(entity: EntityCommand, item: Row): string {
  const label = text(item["name"] ?? item["title"]) || "(untitled)";
  const lines = [`${entity.singular[0]!.toUpperCase()}${entity.singular.slice(1)} ${item.id}: ${label}`];
  for (const [key, value] of Object.entries(item)) {
    if (key === "id" || key === "__typename" || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    const shown = Array.isArray(value)
      ? value.map((v) => (typeof v === "object" && v !== null ? text((v as { name?: string; path?: string; title?: string }).name ?? (v as { path?: string }).path ?? (v as { title?: string }).title) : text(v))).join(", ")
      : typeof value === "object"
        ? text((value as { name?: string }).name ?? JSON.stringify(value))
        : text(value);
    if (shown) lines.push(`  ${key.padEnd(20)} ${shown}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A 422 about the entity filter variable means --filter-json does not fit the filter type: a usage error. */
function blameFilter(entity: EntityCommand) {
  return (err: unknown): never => {
    if (err instanceof StashHttpError && err.status === 422) {
      const own = err.errors.filter((e) => e.message.includes(`$${entity.filterKey}`) || e.message.includes(`variable.${entity.filterKey}`) || e.path?.includes(entity.filterKey));
      if (own.length) throw new CliUsageError(`--filter-json: ${own.map((e) => e.message).join("; ")}`);
    }
    throw err;
  };
}

function registerEntity(program: Command, ctx: CliContext, entity: EntityCommand): void {
  const group = program.command(entity.name).description(`List and read ${entity.name}`);
  const listCmd = group
    .command("list")
    .description(`List ${entity.name}: one page as a table (or JSON), or with --all every one as JSON lines`)
    .option("--q <text>", "search text, as in Stash's search box")
    .option("--filter-json <json>", `a ${entity.filterKey} object as JSON, or @file.json`, jsonObject)
    .option("--all", `stream every matching ${entity.singular} as JSON lines, with a progress bar on a terminal`)
    .option("--json", "print the page as JSON instead of a table")
    .option("--page <n>", "page number (default 1)", wholeNumber(1))
    .option("--per-page <n>", "items per page (default 25; with --all, per request, default 100)", wholeNumber(1))
    .option("--sort <field>", "sort field, e.g. name, created_at (default id with --all)")
    .option("--direction <dir>", "ASC or DESC")
    .option("--no-progress", "never draw a progress bar");
  addConnectionOptions(listCmd).action((flags: ListFlags) => (flags.all ? listAll(ctx, entity, flags) : listPage(ctx, entity, flags)).catch(blameFilter(entity)));

  const get = group
    .command("get")
    .description(`Show one ${entity.singular}`)
    .argument("<id>", `${entity.singular} id`, entityId)
    .option("--json", `print the ${entity.singular} as JSON`);
  addConnectionOptions(get).action(async (id: string, flags: GetFlags) => {
    const item = await namespaceOf(ctx.client(flags), entity).find(id, ctx.call);
    if (!item) throw new CliExit(EXIT.failure, `${entity.singular} ${id} not found`);
    await ctx.out(flags.json ? `${JSON.stringify(item, null, 2)}\n` : describe(entity, item as unknown as Row));
  });
}

/** Registers `list` and `get` for tags, performers, studios, galleries and images. */
export function registerEntities(program: Command, ctx: CliContext): void {
  for (const entity of ENTITIES) registerEntity(program, ctx, entity);
}

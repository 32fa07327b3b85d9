/**
 * `stash-gql tags|performers|studios|galleries|images list|get`: the entity
 * namespaces on the command line, with the flags `scenes` has (`--json`,
 * `--filter-json`, `--all` as JSON lines). One table layout per entity; the
 * rest is shared.
 */
import { InvalidArgumentError, type Command } from "commander";
import type { StashClient } from "../../stash-client";
import type { CallOptions } from "../../core/client";
import { formatBytes } from "../../report/format";
import { addConnectionOptions, type CliContext } from "../context";
import { CliExit, EXIT } from "../exit-codes";
import { renderTable } from "../table";
import { addListOptions, blameFilter, pageFilter, streamFilter, streamItems, writePage, type GetFlags, type ListFlags, type ListNouns } from "./listing";

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
  const filter = streamFilter(flags);
  const ns = namespaceOf(ctx.client(flags), entity);
  const entityFilter = flags.filterJson ? { [entity.filterKey]: flags.filterJson } : {};
  await streamItems(ctx, flags, entity.name, {
    total: async () => (await ns.findMany({ filter: { ...filter, per_page: 1 }, ...entityFilter }, ctx.call)).count,
    items: () => ns.iterate({ filter, ...entityFilter, ...(flags.perPage ? { perPage: flags.perPage } : {}) }, ctx.call),
  });
}

async function listPage(ctx: CliContext, entity: EntityCommand, flags: ListFlags): Promise<void> {
  const ns = namespaceOf(ctx.client(flags), entity);
  const args = { filter: pageFilter(flags), ...(flags.q !== undefined ? { q: flags.q } : {}), ...(flags.filterJson ? { [entity.filterKey]: flags.filterJson } : {}) };
  const result = await ns.findMany(args, ctx.call);
  if (flags.json) {
    await ctx.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const items = result.items as unknown as Row[];
  const table = () => renderTable(entity.columns, items.map((item) => entity.columns.map((c) => c.cell(item))));
  await writePage(ctx, flags, nounsOf(entity), { count: result.count, shown: items.length, table });
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

function nounsOf(entity: EntityCommand): ListNouns {
  const filterHelp = `a ${entity.filterKey} object`;
  return { many: entity.name, one: entity.singular, filterHelp, sortExample: "name, created_at", perPageNoun: "items", everyNoun: "one" };
}

function registerEntity(program: Command, ctx: CliContext, entity: EntityCommand): void {
  const group = program.command(entity.name).description(`List and read ${entity.name}`);
  const listCmd = addListOptions(
    group.command("list").description(`List ${entity.name}: one page as a table (or JSON), or with --all every one as JSON lines`),
    nounsOf(entity),
  );
  addConnectionOptions(listCmd).action((flags: ListFlags) => (flags.all ? listAll(ctx, entity, flags) : listPage(ctx, entity, flags)).catch(blameFilter(entity.filterKey)));

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

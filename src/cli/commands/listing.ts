/**
 * The `list` and `get` plumbing every read command shares (`scenes`, `tags`,
 * `performers`, …): the flags, the find filter they make, the JSON-lines
 * stream behind `--all`, the page footer, and the usage error for a
 * `--filter-json` the server's schema rejects.
 */
import type { Command } from "commander";
import { SortDirectionEnum } from "../../../generated/graphql";
import { StashHttpError } from "../../core/errors";
import { plural } from "../../report/format";
import type { CliContext, ConnectionFlags } from "../context";
import { CliUsageError } from "../exit-codes";
import { jsonObject, wholeNumber } from "../parse";
import { progressWanted, startProgress } from "../progress";

/** The flags of a `list` command. */
export interface ListFlags extends ConnectionFlags {
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

/** The flags of a `get` command. */
export interface GetFlags extends ConnectionFlags {
  json?: boolean;
}

/** How a `list` command names what it lists, in its help and footer. */
export interface ListNouns {
  /** `scenes`, `tags`. */
  readonly many: string;
  /** `scene`, `tag`. */
  readonly one: string;
  /** What `--filter-json` takes, e.g. `a SceneFilterType`. */
  readonly filterHelp: string;
  /** Sort fields named in `--sort`'s help. */
  readonly sortExample: string;
  /** Appended to `--all`'s help, e.g. ` (slim scenes)`. */
  readonly allNote?: string;
  /** What `--per-page` counts (default `many`). */
  readonly perPageNoun?: string;
  /** The footer's `--all for every …` (default `one`). */
  readonly everyNoun?: string;
}

function direction(value: string | undefined): SortDirectionEnum | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  const known = Object.values(SortDirectionEnum) as string[];
  if (!known.includes(upper)) throw new CliUsageError(`--direction must be ${known.join(" or ")}, got "${value}"`);
  return upper as SortDirectionEnum;
}

const sortOf = (flags: ListFlags) => {
  const dir = direction(flags.direction);
  return { ...(flags.sort ? { sort: flags.sort } : {}), ...(dir ? { direction: dir } : {}) };
};

/** The find filter of `--all`: search and sort, paging left to the iterator. */
export function streamFilter(flags: ListFlags): Record<string, unknown> {
  if (flags.page !== undefined) throw new CliUsageError("--page does not go with --all (every page is streamed); use --per-page for the request size");
  return { ...(flags.q !== undefined ? { q: flags.q } : {}), ...sortOf(flags) };
}

/** The find filter of one page (the search goes beside it as `q`). */
export function pageFilter(flags: ListFlags): { page?: number; per_page: number } {
  const sort = sortOf(flags);
  return { ...(flags.page !== undefined ? { page: flags.page } : {}), per_page: flags.perPage ?? 25, ...sort };
}

/** Writes every item as a JSON line, with a progress bar whose total costs one cheap request. */
export async function streamItems(
  ctx: CliContext,
  flags: ListFlags,
  label: string,
  source: { total: () => Promise<number>; items: () => AsyncIterable<unknown> },
): Promise<void> {
  const total = progressWanted(ctx.io, { enabled: flags.progress, stdoutRedirected: true }) ? await source.total() : 0;
  const progress = startProgress(ctx.io, { label, total, enabled: flags.progress, stdoutRedirected: true });
  try {
    for await (const item of source.items()) {
      await ctx.out(`${JSON.stringify(item)}\n`);
      progress.tick();
    }
  } finally {
    progress.stop();
  }
}

/** Writes one page: its table (or `no …`), then which items these are and how to get more. */
export async function writePage(ctx: CliContext, flags: ListFlags, nouns: ListNouns, page: { count: number; shown: number; table: () => string }): Promise<void> {
  const number = flags.page ?? 1;
  const first = (number - 1) * (flags.perPage ?? 25) + 1;
  const last = first + page.shown - 1;
  await ctx.out(page.shown ? page.table() : `no ${nouns.many}\n`);
  const shown = page.shown ? `${nouns.many} ${first}–${last} of ${page.count}` : `${plural(page.count, nouns.one, nouns.many)} in all`;
  const more = last < page.count ? `; --page ${number + 1} for more, --all for every ${nouns.everyNoun ?? nouns.one}` : "";
  await ctx.out(`${shown}${more}\n`);
}

/** Adds the `list` options. */
export function addListOptions(command: Command, nouns: ListNouns): Command {
  return command
    .option("--q <text>", "search text, as in Stash's search box")
    .option("--filter-json <json>", `${nouns.filterHelp} as JSON, or @file.json`, jsonObject)
    .option("--all", `stream every matching ${nouns.one} as JSON lines${nouns.allNote ?? ""}, with a progress bar on a terminal`)
    .option("--json", "print the page as JSON instead of a table")
    .option("--page <n>", "page number (default 1)", wholeNumber(1))
    .option("--per-page <n>", `${nouns.perPageNoun ?? nouns.many} per page (default 25; with --all, per request, default 100)`, wholeNumber(1))
    .option("--sort <field>", `sort field, e.g. ${nouns.sortExample} (default id with --all)`)
    .option("--direction <dir>", "ASC or DESC")
    .option("--no-progress", "never draw a progress bar");
}

/**
 * A 422 about the `filterKey` variable means `--filter-json` does not fit the
 * filter type: a usage error, not a server mismatch.
 */
export function blameFilter(filterKey: string): (err: unknown) => never {
  // graphql-js says `Variable "$scene_filter"`, Stash (gqlgen) says `variable.scene_filter` and sets the path.
  const mentions = new RegExp(`\\$${filterKey}\\b|variable\\.${filterKey}\\b`);
  const prefix = `Variable "$${filterKey}" `;
  return (err) => {
    if (err instanceof StashHttpError && err.status === 422) {
      const own = err.errors.filter((e) => mentions.test(e.message) || e.path?.includes(filterKey));
      if (own.length) throw new CliUsageError(`--filter-json: ${own.map((e) => (e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message)).join("; ")}`);
    }
    throw err;
  };
}

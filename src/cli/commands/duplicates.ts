/** `stash-gql duplicates`: the duplicate groups with suggested keepers, as a table, JSON or an HTML report. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { renderDuplicateReport } from "../../report/duplicates-html";
import { inlineScreenshots } from "../../report/inline-images";
import type { CliContext } from "../context";
import { plural } from "../../report/format";
import { addFinderOptions, cleanCommandFor, duplicatesJson, duplicatesText, findAndPlan, type FinderFlags, type FoundDuplicates } from "../duplicate-options";
import { CliExit, CliUsageError, EXIT } from "../exit-codes";
import { registerDuplicatesClean } from "./duplicates-clean";

interface ReportFlags extends FinderFlags {
  html?: string;
  inlineImages?: boolean;
  title?: string;
}

async function writeReport(ctx: CliContext, flags: ReportFlags & { html: string }, found: FoundDuplicates): Promise<string> {
  let images: Map<string, string> | undefined;
  if (flags.inlineImages) {
    const result = await inlineScreenshots(found.groups.flat(), {
      apiKey: ctx.apiKey(flags),
      keyOrigin: new URL(found.stash.url).origin,
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    });
    images = result.images;
    // A screenshot that could not be fetched gets a placeholder rather than a URL that needs the key.
    for (const f of result.failures) images.set(f.sceneId, "");
    if (result.failures.length) {
      const list = result.failures.slice(0, 5).map((f) => `scene ${f.sceneId}: ${f.reason}`).join(", ");
      ctx.err(`stash-gql: warning: ${result.failures.length} screenshot(s) could not be inlined (${list}${result.failures.length > 5 ? ", …" : ""})\n`);
    }
  }
  const html = renderDuplicateReport(found.groups, found.plan, { ...(flags.title ? { title: flags.title } : {}), ...(images ? { images } : {}) });
  const path = resolve(ctx.io.cwd ?? process.cwd(), flags.html);
  try {
    await writeFile(path, html, "utf8");
  } catch (err) {
    throw new CliExit(EXIT.failure, `cannot write the report to ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return path;
}

/** Registers `duplicates` and its `clean` subcommand. */
export function registerDuplicates(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("duplicates")
    .description("Find duplicate scenes by perceptual hash and suggest which to keep; `duplicates clean` merges them")
    // Own options before `clean`, the subcommand's after it: both have --keep and the finder flags.
    .enablePositionalOptions();
  addFinderOptions(cmd, { required: false })
    .option("--html <file>", "also write a self-contained HTML report with screenshots")
    .option("--inline-images", "with --html: download screenshots (with the API key) into the report as data: URIs")
    .option("--title <text>", "with --html: the report's title")
    .addHelpText(
      "after",
      `
Screenshots in the report are plain URLs by default; a server with an API key
will not serve them to a browser without it. --inline-images downloads them
with the key and embeds the images, so the key never appears in the file.

Examples:
  stash-gql duplicates --preset high --html duplicates.html --inline-images
  stash-gql duplicates clean --keep largest --preset high          # dry run: print the merges
  stash-gql duplicates clean --keep largest --preset high --apply  # run them
`,
    )
    .action(async (flags: ReportFlags) => {
      if (flags.inlineImages && !flags.html) throw new CliUsageError("--inline-images needs --html <file>");
      const found = await findAndPlan(ctx, flags);
      await ctx.out(flags.json ? `${JSON.stringify(duplicatesJson(found.groups, found.plan), null, 2)}\n` : duplicatesText(found.groups, found.plan));
      if (flags.html) {
        const path = await writeReport(ctx, { ...flags, html: flags.html }, found);
        ctx.err(`stash-gql: wrote ${path} (${plural(found.groups.length, "group")})\n`);
      }
      if (!flags.json && found.plan.groups.length) {
        ctx.err(`stash-gql: to merge: ${cleanCommandFor(flags)} (a dry run; add --apply to run it)\n`);
      }
    });
  registerDuplicatesClean(cmd, ctx);
}

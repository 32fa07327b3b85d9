/** `stash-gql compat`: which SDK methods work on the connected server. */
import type { Command } from "commander";
import { MINIMUM_STASH_VERSION } from "../../core/capabilities";
import { methodSupport } from "../../core/compat-report";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { renderTable } from "../table";

interface CompatFlags extends ConnectionFlags {
  json?: boolean;
}

/** Registers `compat` on the program. */
export function registerCompat(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("compat")
    .description("Show which SDK methods work on the server (one request: version plus a small introspection)")
    .option("--json", "print one JSON object");
  addConnectionOptions(cmd).action(async (flags: CompatFlags) => {
    const stash = ctx.client(flags);
    const caps = await stash.capabilities(ctx.call);
    const methods = methodSupport(caps);
    if (flags.json) {
      await ctx.out(`${JSON.stringify({ version: caps.version, semver: caps.semver, meetsMinimum: caps.meetsMinimum, methods })}\n`);
      return;
    }
    const label = caps.version ? `Stash ${caps.version}` : "Stash (no version reported)";
    const rows = methods.map((m) => [m.method, m.works ? "yes" : "no", m.works ? "" : m.missing.length ? `needs ${m.firstRelease ?? "a newer Stash"}` : ""]);
    const working = methods.filter((m) => m.works).length;
    await ctx.out(`${label} at ${stash.url}\n\n`);
    await ctx.out(renderTable([{ header: "method" }, { header: "works" }, { header: "note" }], rows));
    await ctx.out(
      caps.meetsMinimum
        ? `\n${working} of ${methods.length} methods work on this server.\n`
        : `\nThis server is older than ${MINIMUM_STASH_VERSION}, the oldest the SDK supports: upgrade Stash.\n`,
    );
  });
}

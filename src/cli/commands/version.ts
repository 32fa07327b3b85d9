/** `stash-gql version`: the SDK's version and the server's. */
import type { Command } from "commander";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { SDK_NAME, SDK_VERSION } from "../sdk-version";

interface VersionFlags extends ConnectionFlags {
  json?: boolean;
}

/** Registers `version` on the program. */
export function registerVersion(program: Command, ctx: CliContext): void {
  const cmd = program
    .command("version")
    .description("Print the SDK version and the Stash server's version")
    .option("--json", "print one JSON object");
  addConnectionOptions(cmd).action(async (flags: VersionFlags) => {
    const stash = ctx.client(flags);
    if (!flags.json) await ctx.out(`${SDK_NAME} ${SDK_VERSION}\n`);
    const server = await stash.version(ctx.call);
    if (flags.json) {
      await ctx.out(`${JSON.stringify({ sdk: SDK_VERSION, server, url: stash.url })}\n`);
      return;
    }
    const details = [server.hash && `build ${server.hash}`, server.build_time && `built ${server.build_time}`].filter(Boolean).join(", ");
    await ctx.out(`Stash ${server.version || "(unofficial build)"}${details ? ` (${details})` : ""} at ${stash.url}\n`);
  });
}

/**
 * `stash-gql standin`: the tests' stand-in Stash as a long-running server, so
 * the CLI and the examples can be tried without a Stash. Runs until Ctrl-C.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Fixture, StandIn } from "../../testing/index";
import type { CliContext } from "../context";
import { CliExit, CliUsageError, EXIT } from "../exit-codes";
import { wholeNumber } from "../parse";
import { plural } from "../../report/format";

interface StandinFlags {
  port: number;
  library: string;
  apiKey?: string;
}

/** What `--library` names: the demo library, nothing, or a fixture file (the shape `seed()` takes). */
async function libraryFor(ctx: CliContext, spec: string): Promise<Fixture | null> {
  // Loaded on use: other commands need no stand-in.
  if (spec === "demo") return (await import("../../demo/library")).demoLibrary().fixture;
  if (spec === "empty") return null;
  const path = resolve(ctx.io.cwd ?? process.cwd(), spec);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new CliUsageError(`--library: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); expected demo, empty or a fixture .json file`);
  }
  try {
    return JSON.parse(text) as Fixture;
  } catch (err) {
    throw new CliUsageError(`--library: ${path} is not valid JSON (${(err as Error).message})`);
  }
}

async function start(port: number, apiKey: string | undefined): Promise<StandIn> {
  const { startStandIn } = await import("../../testing/index");
  try {
    return await startStandIn({ port, ...(apiKey ? { apiKey } : {}) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new CliExit(EXIT.failure, `port ${port} is in use: pick another with --port, or --port 0 for a free one`);
    }
    throw err;
  }
}

/** Resolves when `signal` fires; never without one (the server runs until the process is stopped). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) done();
    else signal?.addEventListener("abort", () => done(), { once: true });
  });
}

/** Registers `standin` on the program. */
export function registerStandin(program: Command, ctx: CliContext): void {
  program
    .command("standin")
    .description("Run the stand-in Stash server (the one the tests use) until Ctrl-C, to try the CLI and the examples")
    .option("--port <n>", "port on 127.0.0.1; 0 picks a free one", wholeNumber(0), 9999)
    .option("--library <name>", "demo (generated scenes with duplicates and markers), empty, or a fixture .json file", "demo")
    .option("--api-key <key>", "require this API key, as a Stash with a password does")
    .addHelpText("after", "\nExamples:\n  stash-gql standin --port 9999 --api-key demo-key\n  STASH_API_KEY=demo-key stash-gql duplicates --preset high\n")
    .action(async (flags: StandinFlags) => {
      const fixture = await libraryFor(ctx, flags.library);
      const stash = await start(flags.port, flags.apiKey);
      try {
        let scenes = 0;
        try {
          if (fixture) scenes = (await stash.seed(fixture)).scenes.length;
        } catch (err) {
          throw new CliUsageError(`--library ${flags.library}: ${(err as Error).message}`);
        }
        // The key is the one secret this command prints: the user chose it and needs it for STASH_API_KEY.
        // runCli's stdout filter hides keys only inside URLs and key fields, so this line stays readable.
        const key = flags.apiKey ? ` STASH_API_KEY=${flags.apiKey}` : "";
        await ctx.out(
          `stand-in Stash ${stash.version} at ${stash.url} (${plural(scenes, "scene")}, library ${flags.library})\n` +
            `  export STASH_URL=${stash.baseUrl}${key}\n` +
            `Ctrl-C stops it.\n`,
        );
        await untilAborted(ctx.io.signal);
      } finally {
        await stash.close();
      }
      ctx.err("stash-gql: stand-in stopped\n");
    });
}

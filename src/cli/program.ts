/**
 * The `stash-gql` program. `buildProgram` assembles the commands (one file
 * each under ./commands; a new command is one more `register…` call) and
 * `runCli` runs it, turning every failure into one stderr line and an exit code.
 */
import { Command } from "commander";
import { createContext } from "./context";
import { CONFIG_HELP, describeFailure, EXIT_CODES_HELP, exitCodeFor } from "./exit-codes";
import { processIo, redactingStream, type CliIo } from "./io";
import { SDK_VERSION } from "./sdk-version";
import { registerCompat } from "./commands/compat";
import { registerDuplicates } from "./commands/duplicates";
import { registerEntities } from "./commands/entities";
import { registerJobs, registerScan } from "./commands/jobs";
import { registerMarkers } from "./commands/markers";
import { registerPlugin } from "./commands/plugin";
import { registerScenes } from "./commands/scenes";
import { registerSchema } from "./commands/schema";
import { registerStandin } from "./commands/standin";
import { registerVersion } from "./commands/version";

/** Builds the commander program writing to `io` (default: the process streams); parsing errors throw instead of exiting. */
export function buildProgram(io: CliIo = processIo()): Command {
  const ctx = createContext(io);
  const program = new Command("stash-gql")
    .description("Command line for Stash's GraphQL API, built on stash-graphql-client")
    .version(SDK_VERSION, "-V, --version", "print the SDK version")
    // Options belong to the command they follow, so `duplicates --keep` and `duplicates clean --keep` stay apart.
    .enablePositionalOptions()
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(`stash-gql: ${text.replace(/^error: /, "")}`),
    })
    .addHelpText("after", CONFIG_HELP)
    // "afterAll" reaches every subcommand's help, including mounted ones.
    .addHelpText("afterAll", EXIT_CODES_HELP);
  // Commands made with `.command()` inherit the settings above (output, exitOverride, positional options).
  registerVersion(program, ctx);
  registerScenes(program, ctx);
  registerEntities(program, ctx);
  registerDuplicates(program, ctx);
  registerMarkers(program, ctx);
  registerSchema(program, ctx);
  registerCompat(program, ctx);
  registerStandin(program, ctx);
  registerScan(program, ctx);
  registerJobs(program, ctx);
  registerPlugin(program, ctx);
  return program;
}

/** The API keys a run could print by accident: `--api-key` values and `STASH_API_KEY`. */
export function secretsOf(argv: readonly string[], env: CliIo["env"]): string[] {
  const out = new Set<string>();
  if (env.STASH_API_KEY?.trim()) out.add(env.STASH_API_KEY.trim());
  argv.forEach((arg, i) => {
    const value = arg === "--api-key" ? argv[i + 1] : arg.startsWith("--api-key=") ? arg.slice("--api-key=".length) : undefined;
    if (value?.trim()) out.add(value.trim());
  });
  return [...out];
}

/** Runs the CLI on `argv` (arguments only, without node and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const secrets = secretsOf(argv, io.env);
  // Stderr carries errors that may quote any input; stdout carries server data, where
  // Stash writes the API key into stream URLs. Neither may show the key.
  const safe: CliIo = { ...io, stdout: redactingStream(io.stdout, secrets, "data"), stderr: redactingStream(io.stderr, secrets, "messages") };
  try {
    const program = buildProgram(safe);
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    const line = describeFailure(err);
    if (line) safe.stderr.write(`stash-gql: ${line}\n`);
    return exitCodeFor(err);
  }
}

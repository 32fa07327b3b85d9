/**
 * The schema tool as a commander command, so that both `npm run schema:pull`
 * and the project CLI (`stash-gql schema pull`) can mount the same thing.
 */
import { isAbsolute, relative } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { StashError } from "../core/errors";
import { pullSchema, DEFAULT_OUT, type PullOptions, type PullResult } from "./pull";
import { DEFAULT_BASE_URL, DEFAULT_LIST_URL } from "./upstream";

/** Where the command writes; defaults to the process streams. */
export interface SchemaPullCommandOptions {
  /** Command name, e.g. "schema:pull" or "pull" when mounted under `schema`. */
  name?: string;
  /** Prefix of every error line; defaults to "schema:pull". */
  prefix?: string;
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number of milliseconds");
  return n;
}

/** One human line describing what was written. */
export function describeResult(r: PullResult, cwd: string): string {
  const show = (p: string) => {
    const rel = relative(cwd, p);
    return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? p : rel;
  };
  const version = r.stashVersion ?? "unknown version";
  return `wrote ${show(r.out)} (Stash ${version}, ${r.typeCount} types, ${r.bytes} bytes) and ${show(r.metaPath)} from ${r.source}`;
}

/** Builds the `schema:pull` command; errors print as one `<prefix>: <message>` line and exit 1. */
export function schemaPullCommand(opts: SchemaPullCommandOptions = {}): Command {
  const prefix = opts.prefix ?? "schema:pull";
  const writeOut = opts.writeOut ?? ((t: string) => void process.stdout.write(t));
  const writeErr = opts.writeErr ?? ((t: string) => void process.stderr.write(t));
  const cmd = new Command(opts.name ?? "schema:pull");
  cmd
    .description("Snapshot the Stash GraphQL schema from a live server, local SDL files or an upstream release")
    .option("--endpoint <url>", "a Stash server: base URL or its /graphql URL (introspection)")
    .option("--api-key <key>", "API key for --endpoint, sent as the ApiKey header")
    .option("--from <path>", "an SDL file, a directory of *.graphql (recursive) or an introspection .json")
    .option("--ref <tag>", "an upstream release tag such as v0.30.1, downloaded over HTTP")
    .option("--base-url <url>", `where --ref files are served from (default ${DEFAULT_BASE_URL})`)
    .option("--list-url <url>", `lists the type files of --ref, {ref} is replaced (default ${DEFAULT_LIST_URL})`)
    .option("--stash-version <v>", "Stash version to record (default: from the server, the ref or the path)")
    .option("--out <file>", `snapshot path; metadata goes beside it as .json (default ${DEFAULT_OUT})`)
    .option("--timeout <ms>", "per-request timeout for network sources", positiveInt)
    .configureOutput({
      writeOut,
      writeErr,
      outputError: (text, write) => write(`${prefix}: ${text.replace(/^error: /, "")}`),
    })
    .addHelpText("after", "\nExamples:\n  schema:pull --endpoint http://localhost:9999 --api-key $STASH_API_KEY\n  schema:pull --from path/to/stash/graphql/schema\n  schema:pull --ref v0.30.1 --out /tmp/stash.graphql\n")
    .action(async (flags: Record<string, unknown>, self: Command) => {
      const options: PullOptions = {
        endpoint: flags.endpoint as string | undefined,
        apiKey: flags.apiKey as string | undefined,
        from: flags.from as string | undefined,
        ref: flags.ref as string | undefined,
        baseUrl: flags.baseUrl as string | undefined,
        listUrl: flags.listUrl as string | undefined,
        stashVersion: flags.stashVersion as string | undefined,
        out: flags.out as string | undefined,
        timeoutMs: flags.timeout as number | undefined,
      };
      try {
        const result = await pullSchema(options);
        for (const w of result.warnings) writeErr(`${prefix}: warning: ${w}\n`);
        writeOut(`${describeResult(result, process.cwd())}\n`);
      } catch (err) {
        // SchemaPullError, or a core error such as StashNotStashError: both are meant to be shown as is.
        const message = err instanceof StashError ? err.message : `unexpected failure: ${(err as Error).message}`;
        self.error(message, { exitCode: 1, code: "schema.pull" });
      }
    });
  return cmd;
}

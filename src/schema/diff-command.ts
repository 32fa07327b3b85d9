/** The `schema diff` command: no side effects at import, so both the npm script and `stash-gql` can mount it. */
import { Command } from "commander";
import { diffSchemas, renderSchemaDiff } from "./diff";
import { loadDiffSide, sdkOperations } from "./diff-sources";

/** Options of the command factory. */
export interface SchemaDiffCommandOptions {
  name?: string;
  writeOut?: (text: string) => void;
  env?: Record<string, string | undefined>;
}

/** Builds the `schema diff` command. */
export function schemaDiffCommand(opts: SchemaDiffCommandOptions = {}): Command {
  const write = opts.writeOut ?? ((text: string) => void process.stdout.write(text));
  const env = opts.env ?? process.env;
  return new Command(opts.name ?? "schema:diff")
    .description("Compare two Stash schemas for the fields the SDK's operations use")
    .argument("<before>", "a release (v0.29.3), 'current', an SDL file or folder, or a server URL")
    .argument("[after]", "the same kinds; default 'current' (schema/stash.graphql)", "current")
    .option("--api-key <key>", "API key for a server URL (default STASH_API_KEY)")
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExamples:\n  npm run schema:diff -- v0.29.3 v0.30.1\n  npm run schema:diff -- http://localhost:9999 current")
    .action(async (before: string, after: string, flags: { apiKey?: string; json?: boolean }) => {
      const apiKey = flags.apiKey ?? env["STASH_API_KEY"];
      const load = (spec: string) => loadDiffSide(spec, apiKey ? { apiKey } : {});
      const [a, b] = await Promise.all([load(before), load(after)]);
      const diff = diffSchemas(a, b, sdkOperations());
      write(flags.json ? JSON.stringify(diff, null, 2) + "\n" : renderSchemaDiff(diff, { before, after }));
    });
}

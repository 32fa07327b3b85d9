/**
 * `npm run schema:diff -- A B`: schema drift between two snapshots, or a live
 * server against the committed snapshot, as it affects the SDK's operations.
 */
import { Command } from "commander";
import { diffSchemas, renderSchemaDiff } from "../schema/diff";
import { loadDiffSide, sdkOperations } from "../schema/diff-sources";

/** The `schema diff` command, mountable in the `stash-gql` CLI. */
export function schemaDiffCommand(name = "schema:diff"): Command {
  return new Command(name)
    .description("Compare two Stash schemas for the fields the SDK's operations use")
    .argument("<before>", "a release (v0.29.3), 'current', an SDL file or folder, or a server URL")
    .argument("[after]", "the same kinds; default 'current' (schema/stash.graphql)", "current")
    .option("--api-key <key>", "API key for a server URL (default STASH_API_KEY)")
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExamples:\n  npm run schema:diff -- v0.29.3 v0.30.1\n  npm run schema:diff -- http://localhost:9999 current")
    .action(async (before: string, after: string, opts: { apiKey?: string; json?: boolean }) => {
      const apiKey = opts.apiKey ?? process.env["STASH_API_KEY"];
      const load = (spec: string) => loadDiffSide(spec, apiKey ? { apiKey } : {});
      const [a, b] = await Promise.all([load(before), load(after)]);
      const diff = diffSchemas(a, b, sdkOperations());
      process.stdout.write(opts.json ? JSON.stringify(diff, null, 2) + "\n" : renderSchemaDiff(diff, { before, after }));
    });
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  schemaDiffCommand()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`schema:diff: ${(err as Error).message.replace(/^--from:? ?/, "")}\n`);
      process.exitCode = 1;
    });
}

/**
 * Full regenerate: `schema:pull --from` a committed release snapshot, then
 * graphql-codegen over operations/ with that schema, each as its own process
 * the way `npm run` starts them; everything is written to a scratch directory.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figure } from "./lib/figure";
import { runTs } from "./lib/child";
import { REPO_ROOT, scratchDir } from "./lib/paths";
import { summarize } from "./lib/stats";

/** Sizes of the regenerate benchmark. */
export interface RegenerateBenchConfig {
  rounds: number;
  /** Release snapshot to pull from, relative to the repository. */
  from: string;
}

/** The configuration `npm run bench` uses. */
export const regenerateBenchFull: RegenerateBenchConfig = { rounds: 3, from: "schema/versions/v0.30.1.graphql" };

const PULL = join(REPO_ROOT, "src", "cli", "schema-pull.ts");
const CODEGEN = fileURLToPath(new URL("./lib/codegen-into.ts", import.meta.url));

/** Runs pull + codegen `rounds` times; one figure in seconds. */
export async function benchRegenerate(config: RegenerateBenchConfig): Promise<Figure[]> {
  const pull: number[] = [];
  const codegen: number[] = [];
  const total: number[] = [];
  let identical = true;
  for (let round = 0; round < config.rounds; round++) {
    const dir = scratchDir("regenerate");
    try {
      const schema = join(dir, "stash.graphql");
      const p = await runTs(PULL, ["--from", join(REPO_ROOT, config.from), "--out", schema]);
      const c = await runTs(CODEGEN, [schema, join(dir, "generated")]);
      pull.push(p.wallMs / 1000);
      codegen.push(c.wallMs / 1000);
      total.push((p.wallMs + c.wallMs) / 1000);
      const fresh = readFileSync(join(dir, "generated", "graphql.ts"), "utf8");
      identical &&= fresh === readFileSync(join(REPO_ROOT, "generated", "graphql.ts"), "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const totals = summarize(total);
  return [
    {
      name: "full regenerate: schema:pull --from + codegen",
      measures: [
        { label: "total", unit: "s", summary: totals },
        { label: "schema:pull", unit: "s", summary: summarize(pull) },
        { label: "codegen", unit: "s", summary: summarize(codegen) },
      ],
      goal: "≤ 5 s",
      met: totals.median <= 5,
      method: `\`tsx src/cli/schema-pull.ts --from ${config.from} --out <scratch>\`, then graphql-codegen (codegen.ts's config, schema = the pulled file, output in scratch) via bench/lib/codegen-into.ts; each step a fresh process (tsx start-up included), ${config.rounds} rounds. The embed-schemas and compat-table steps of \`npm run codegen\` write committed files and are not part of this figure.`,
      notes: [
        identical
          ? "The regenerated generated/graphql.ts was byte-identical to the committed one every round."
          : "The regenerated generated/graphql.ts differed from the committed one (operations/ or the schema changed since the last `npm run codegen`).",
      ],
    },
  ];
}

/**
 * `npm run demo`: a guided tour of the SDK against the embedded stand-in
 * server. Needs no Stash and no network; exits 0 when every step worked.
 */
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { DEMO_LIBRARY } from "../demo/library";
import { runDemo } from "../demo/tour";

function intAtLeast(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be an integer of at least ${min}`);
    return n;
  };
}

const program = new Command("demo")
  .description("Tour stash-graphql-client against a seeded in-memory stand-in Stash server.")
  .option("--out <dir>", "directory for the HTML duplicate report (default: a new temporary directory)")
  .option("--scenes <n>", `number of generated scenes (default ${DEMO_LIBRARY.scenes})`, intAtLeast(20))
  .option("--seed <n>", `seed of the generated library (default ${DEMO_LIBRARY.seed})`, intAtLeast(0))
  .showHelpAfterError();
program.parse();
const opts = program.opts<{ out?: string; scenes?: number; seed?: number }>();

// The report goes to the OS temp dir by default so the demo never litters the checkout.
const outDir = opts.out ? resolve(opts.out) : mkdtempSync(join(tmpdir(), "stash-demo-"));
mkdirSync(outDir, { recursive: true });

const library: { scenes?: number; seed?: number; duplicateGroups?: number } = {};
if (opts.scenes !== undefined) {
  library.scenes = opts.scenes;
  // Small libraries get fewer planted groups, so enough scenes stay free for the marker and history steps.
  library.duplicateGroups = Math.min(DEMO_LIBRARY.duplicateGroups, Math.floor(opts.scenes / 10));
}
if (opts.seed !== undefined) library.seed = opts.seed;

runDemo({ outDir, library }).then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);

/**
 * `npm run bench`: runs every benchmark at full size, one after another (so
 * they do not compete for the two cores), and writes bench/RESULTS.md.
 * `npm run bench -- requests bundle` runs only the named ones and prints
 * their report instead, leaving RESULTS.md as the last full run wrote it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchBundle, bundleBenchFull } from "./bundle";
import { benchIterate, iterateBenchFull } from "./iterate";
import { benchBulkTagging, bulkTaggingBenchFull } from "./bulk-tagging";
import { benchIterateTags, iterateTagsBenchFull } from "./iterate-tags";
import { benchJobWait, jobWaitBenchFull } from "./job-wait";
import type { Figure } from "./lib/figure";
import { REPO_ROOT } from "./lib/paths";
import { describeMachine, loadAverage, renderResults } from "./lib/report";
import { benchMerge, mergeBenchFull } from "./merge";
import { benchRegenerate, regenerateBenchFull } from "./regenerate";
import { benchRequests, requestBenchFull } from "./requests";
import { benchTypecheck, typecheckBenchFull } from "./typecheck";

/** Every benchmark at the size `npm run bench` uses, by name. */
const BENCHES: Record<string, () => Promise<Figure[]>> = {
  requests: () => benchRequests(requestBenchFull),
  iterate: () => benchIterate(iterateBenchFull),
  "iterate-tags": () => benchIterateTags(iterateTagsBenchFull),
  "job-wait": () => benchJobWait(jobWaitBenchFull),
  "bulk-tagging": () => benchBulkTagging(bulkTaggingBenchFull),
  merge: () => benchMerge(mergeBenchFull),
  bundle: () => benchBundle(bundleBenchFull),
  typecheck: () => benchTypecheck(typecheckBenchFull),
  regenerate: () => benchRegenerate(regenerateBenchFull),
};

const selected = process.argv.slice(2);
for (const name of selected) {
  if (!(name in BENCHES)) throw new Error(`unknown benchmark "${name}"; choose from ${Object.keys(BENCHES).join(", ")}`);
}
const names = selected.length ? selected : Object.keys(BENCHES);

const startedAt = new Date();
const start = performance.now();
const loadAtStart = loadAverage();
console.log(`bench: ${describeMachine()}`);
const figures: Figure[] = [];
const failures: { name: string; error: string }[] = [];
for (const name of names) {
  const t0 = performance.now();
  process.stdout.write(`bench: ${name} … `);
  try {
    const result = await BENCHES[name]!();
    figures.push(...result);
    const summary = result.map((f) => `${f.met ? "met" : "MISSED"} (${f.goal})`).join("; ");
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s — ${summary}`);
  } catch (err) {
    failures.push({ name, error: String((err as Error)?.message ?? err) });
    console.log(`failed: ${String((err as Error)?.stack ?? err)}`);
  }
}

const notesDir = join(REPO_ROOT, "bench", "notes");
const appendix = readdirSync(notesDir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => readFileSync(join(notesDir, f), "utf8"));
const durationS = (performance.now() - start) / 1000;
const report = renderResults(figures, { startedAt, durationS, failures, load: [loadAtStart, loadAverage()] }, appendix);
if (selected.length) {
  console.log(`\n${report}`);
} else {
  writeFileSync(join(REPO_ROOT, "bench", "RESULTS.md"), report);
  console.log(`bench: wrote bench/RESULTS.md in ${durationS.toFixed(0)} s`);
}
if (failures.length) process.exitCode = 1;

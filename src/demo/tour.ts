/**
 * The demo tour behind `npm run demo`: starts the stand-in, seeds a generated
 * library, walks through the facade step by step and writes the HTML
 * duplicate report. Everything runs against 127.0.0.1; nothing needs a
 * network or a real Stash.
 */
import { StashClient } from "../stash-client";
import { startStandIn, type StandIn } from "../testing/index";
import { heading, keyValues } from "./format";
import { demoLibrary, pickScenes, type DemoLibraryOptions, type DemoPicks } from "./library";
import { writeDuplicateReport } from "./report";
import {
  applyStep,
  duplicatesStep,
  historyStep,
  iterateStep,
  markersStep,
  searchStep,
  versionStep,
  type ApplyFacts,
  type HistoryFacts,
  type IterateFacts,
  type MarkerRun,
  type Print,
  type SearchFacts,
  type StepContext,
} from "./steps";

/** Options of `runDemo`. */
export interface DemoOptions {
  /** Directory the HTML report is written to; it must exist. */
  outDir: string;
  /** Receives the output line by line; default `console.log`. */
  print?: Print;
  /** Overrides of the generated library (scene count, seed, ...). */
  library?: DemoLibraryOptions;
  /** Search term of the filtered search step; default "River". */
  query?: string;
  /** Page size of the iterate step; default 100. */
  perPage?: number;
  /** Run against this stand-in (left running) instead of starting and stopping one. */
  standIn?: StandIn;
}

/** What the tour did, for callers that check it. */
export interface DemoSummary {
  url: string;
  scenes: number;
  markers: number;
  plantedGroups: number;
  picks: DemoPicks;
  version: string;
  search: SearchFacts;
  iterate: IterateFacts;
  duplicates: ApplyFacts & { groups: number; remove: number };
  markerRuns: MarkerRun[];
  history: HistoryFacts;
  reportPath: string;
  reportImages: number;
  requests: number;
}

/** Runs the whole tour and returns what it saw; the stand-in it started is closed even on failure. */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const print = options.print ?? ((line: string) => console.log(line));
  const started = Date.now();
  const server = options.standIn ?? (await startStandIn());
  try {
    const library = demoLibrary(options.library);
    const seeded = await server.seed(library);
    const picks = pickScenes(library, seeded);
    const firstRequest = server.requests;
    const ctx: StepContext = { stash: new StashClient({ url: server.url }), print, requests: () => server.requests };

    print("stash-graphql-client demo: a tour of the SDK against the built-in stand-in Stash server");
    print("");
    print(
      `  Started a stand-in at ${server.url} and seeded ${seeded.scenes.length} scenes, ` +
        `${seeded.markers.length} markers and ${library.duplicates.length} planted duplicate groups.`,
    );
    print(`  Every call below is the SDK talking GraphQL over HTTP, exactly as it would to a real Stash.`);

    const version = await versionStep(ctx);
    const search = await searchStep(ctx, options.query ?? "River");
    const iterate = await iterateStep(ctx, options.perPage ?? 100);
    const dup = await duplicatesStep(ctx);
    // Written before the merge so every scene of every group still has its screenshot.
    const report = await writeDuplicateReport(options.outDir, dup.groups, dup.plan);
    const applied = await applyStep(ctx, dup.plan);
    const markerRuns = await markersStep(ctx, picks.markerTarget, picks.markerSources);
    const history = await historyStep(ctx, picks.historyScene);
    const requests = server.requests - firstRequest;

    for (const line of heading("7. HTML duplicate report", "renderDuplicateReport(groups, plan, { images })")) print(line);
    for (const line of keyValues([
      ["written to", report.path],
      ["contents", `${dup.groups.length} group cards, keepers marked, ${report.images} screenshots embedded`],
    ])) print(line);
    print("");
    print(`Done: ${requests} GraphQL requests in ${((Date.now() - started) / 1000).toFixed(1)} s. Nothing was sent beyond 127.0.0.1.`);

    return {
      url: server.url,
      scenes: seeded.scenes.length,
      markers: seeded.markers.length,
      plantedGroups: library.duplicates.length,
      picks,
      version,
      search,
      iterate,
      duplicates: { ...applied, groups: dup.groups.length, remove: dup.plan.summary.remove },
      markerRuns,
      history,
      reportPath: report.path,
      reportImages: report.images,
      requests,
    };
  } finally {
    if (!options.standIn) await server.close();
  }
}

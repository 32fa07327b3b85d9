/**
 * Consumer type-check time: `tsc --noEmit` over a file that runs five
 * operations with this SDK, against the same file written with stashapp-api
 * (same fields selected). Both check against declaration files with the same
 * tsconfig, as a consumer's project would.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Figure } from "./lib/figure";
import { moduleBin, runNode } from "./lib/child";
import { REPO_ROOT, scratchDir } from "./lib/paths";
import { ratios, summarize } from "./lib/stats";

/** Sizes of the type-check benchmark. */
export interface TypecheckBenchConfig {
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const typecheckBenchFull: TypecheckBenchConfig = { rounds: 9 };

const TSC = moduleBin("typescript/bin/tsc");

const SDK_CONSUMER = `import { StashClient } from "stash-graphql-client";

const stash = new StashClient({ url: "http://localhost:9999", apiKey: "key" });

export async function main(): Promise<unknown[]> {
  const scene = await stash.findScene("1");
  const page = await stash.findScenes({ filter: { per_page: 10 } });
  const markers = await stash.findSceneMarkers({ filter: { per_page: 5 } });
  const updated = await stash.updateScene({ id: "1", title: "New title" });
  const created = await stash.createSceneMarker({ scene_id: "1", title: "Intro", seconds: 0, primary_tag_id: "2" });
  return [scene?.files[0]?.path, page.scenes[0]?.studio?.name, markers.scene_markers[0]?.primary_tag.name, updated.title, created.seconds];
}
`;

const peerConsumer = (selection: string) => `import { StashClient } from "stashapp-api";
import { markerSelection, sceneDataSelection } from "${selection}";

const stash = new StashClient({ url: "http://localhost:9999", apiKey: "key" });

export async function main(): Promise<unknown[]> {
  const { findScene: scene } = await stash.query({ findScene: { __args: { id: "1" }, ...sceneDataSelection } });
  const { findScenes: page } = await stash.query({ findScenes: { __args: { filter: { per_page: 10 } }, count: true, scenes: sceneDataSelection } });
  const { findSceneMarkers: markers } = await stash.query({
    findSceneMarkers: { __args: { filter: { per_page: 5 } }, count: true, scene_markers: markerSelection },
  });
  const { sceneUpdate: updated } = await stash.mutation({ sceneUpdate: { __args: { input: { id: "1", title: "New title" } }, ...sceneDataSelection } });
  const { sceneMarkerCreate: created } = await stash.mutation({
    sceneMarkerCreate: { __args: { input: { scene_id: "1", title: "Intro", seconds: 0, primary_tag_id: "2" } }, ...markerSelection },
  });
  return [scene?.files[0]?.path, page.scenes[0]?.studio?.name, markers.scene_markers[0]?.primary_tag.name, updated?.title, created?.seconds];
}
`;

/** Compiler options shared by both consumers: strict, bundler resolution, libraries' .d.ts not re-checked; packages come from the project's node_modules. */
function consumerTsconfig(file: string, paths: Record<string, string[]>): string {
  return JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2023", "DOM"],
        types: [],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        paths: { ...paths, "*": [join(REPO_ROOT, "node_modules", "*")] },
      },
      files: [file],
    },
    null,
    2,
  );
}

/** Emits the SDK's declarations (src/index.ts and what it reaches) into `outDir` with the project's compiler settings. */
async function emitDeclarations(dir: string): Promise<string> {
  const config = join(dir, "tsconfig.declarations.json");
  const rel = (p: string) => relative(dir, join(REPO_ROOT, p));
  writeFileSync(
    config,
    JSON.stringify({
      extends: rel("tsconfig.json"),
      compilerOptions: {
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        outDir: "types",
        rootDir: rel("."),
        typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
      },
      include: [],
      files: [rel("src/index.ts")],
    }),
  );
  await runNode(TSC, ["-p", config]);
  return join(dir, "types", "src", "index.d.ts");
}

interface TscTimes {
  /** Spawn to exit, seconds. */
  wall: number;
  /** tsc's own "Total time" and "Check time" (--extendedDiagnostics), seconds. */
  total: number;
  check: number;
}

/** Times one `tsc -p` run. */
async function timeTsc(tsconfig: string): Promise<TscTimes> {
  const out = await runNode(TSC, ["-p", tsconfig, "--extendedDiagnostics"]);
  const read = (label: string) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)s`, "m").exec(out.stdout);
    if (!m) throw new Error(`typecheck bench: no "${label}" in tsc output`);
    return Number(m[1]);
  };
  return { wall: out.wallMs / 1000, total: read("Total time"), check: read("Check time") };
}

/** Runs the type-check comparison; one figure. */
export async function benchTypecheck(config: TypecheckBenchConfig): Promise<Figure[]> {
  const dir = scratchDir("typecheck");
  try {
    const declarations = await emitDeclarations(dir);
    mkdirSync(join(dir, "consumers"), { recursive: true });
    writeFileSync(join(dir, "consumers", "sdk.ts"), SDK_CONSUMER);
    const selection = join(REPO_ROOT, "bench", "lib", "peer-selection").replace(/\\/g, "/");
    writeFileSync(join(dir, "consumers", "peer.ts"), peerConsumer(selection));
    const sdkConfig = join(dir, "tsconfig.sdk.json");
    const peerConfig = join(dir, "tsconfig.peer.json");
    writeFileSync(sdkConfig, consumerTsconfig("consumers/sdk.ts", { "stash-graphql-client": [`./${relative(dir, declarations)}`] }));
    writeFileSync(peerConfig, consumerTsconfig("consumers/peer.ts", {}));

    const sdk: TscTimes[] = [];
    const peer: TscTimes[] = [];
    for (let round = 0; round < config.rounds; round++) {
      if (round % 2) {
        peer.push(await timeTsc(peerConfig));
        sdk.push(await timeTsc(sdkConfig));
      } else {
        sdk.push(await timeTsc(sdkConfig));
        peer.push(await timeTsc(peerConfig));
      }
    }
    const pick = (xs: TscTimes[], key: keyof TscTimes) => xs.map((x) => x[key]);
    const ratio = summarize(ratios(pick(sdk, "wall"), pick(peer, "wall")));
    return [
      {
        name: "consumer type-check, 5 operations",
        measures: [
          { label: "SDK consumer, wall", unit: "s", summary: summarize(pick(sdk, "wall")) },
          { label: "stashapp-api consumer, wall", unit: "s", summary: summarize(pick(peer, "wall")) },
          { label: "SDK / stashapp-api, wall", unit: "×", summary: ratio },
          { label: "SDK, tsc Total time", unit: "s", summary: summarize(pick(sdk, "total")) },
          { label: "stashapp-api, tsc Total time", unit: "s", summary: summarize(pick(peer, "total")) },
          { label: "SDK / stashapp-api, Total time", unit: "×", summary: summarize(ratios(pick(sdk, "total"), pick(peer, "total"))) },
          { label: "SDK, tsc Check time", unit: "s", summary: summarize(pick(sdk, "check")) },
          { label: "stashapp-api, tsc Check time", unit: "s", summary: summarize(pick(peer, "check")) },
        ],
        goal: "≤ 1.0×",
        met: ratio.median <= 1.0,
        method: `\`tsc -p --extendedDiagnostics\` (TypeScript from node_modules; noEmit, strict, skipLibCheck, moduleResolution Bundler, \`types: []\`) on one file running findScene, findScenes, findSceneMarkers, updateScene and createSceneMarker; the stashapp-api file selects the same fields (SceneData / SceneMarkerData). The SDK is checked against declarations emitted from src/index.ts with \`tsc --emitDeclarationOnly\`. Goal judged on wall time (spawn to exit, tsc start-up included for both); tsc's own Total and Check times shown too. ${config.rounds} rounds, order alternated.`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What an app ships, bundled by esbuild (minified ESM, gzipped at level 9):
 * - core + findScene through the tree-shakable entries, for the browser (the
 *   SDK's browser build: page fetch and WebSocket) and for Node, against the
 *   same app written with stashapp-api;
 * - the full `StashClient` + findScene, reported beside it;
 * - urql's client alone, the floor under anything built on urql.
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { browserPlatformPlugin } from "../scripts/lib/browser-build";
import type { Figure } from "./lib/figure";
import { summarize, type Summary } from "./lib/stats";

/** Sizes of the bundle benchmark (sizes are deterministic; rounds only guard against a flaky build). */
export interface BundleBenchConfig {
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const bundleBenchFull: BundleBenchConfig = { rounds: 3 };

const entry = (name: string) => fileURLToPath(new URL(`./entries/${name}.ts`, import.meta.url));
const ENTRIES = {
  core: entry("core-find-scene"),
  client: entry("sdk-find-scene"),
  peer: entry("peer-find-scene"),
  urql: entry("urql-floor"),
};

/** Which platform a bundle is built for. */
export type BundlePlatform = "node" | "browser";

/** Bytes of one bundle, minified and gzipped, and the largest inputs. */
export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Input path → bytes it contributed to the output, largest first. */
  top: [string, number][];
}

/**
 * Bundles one entry in memory. Browser bundles go through the SDK's browser
 * build (scripts/lib/browser-build.ts) and, as esbuild does for minified
 * browser bundles, with `process.env.NODE_ENV` set to "production".
 */
export async function bundleSize(entryPoint: string, platform: BundlePlatform = "node"): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: platform === "node" ? "node20" : "es2022",
    plugins: platform === "browser" ? [browserPlatformPlugin()] : [],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0]!.contents;
  return { minBytes: output.length, gzipBytes: gzipSync(output, { level: 9 }).length, top: topInputs(result.metafile) };
}

function topInputs(meta: Metafile): [string, number][] {
  const inputs = Object.values(meta.outputs)[0]?.inputs ?? {};
  return Object.entries(inputs)
    .map(([path, info]): [string, number] => [path, info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
}

/** Groups inputs by package (or `src/`, `generated/`) for the notes. */
function byPackage(top: [string, number][]): string {
  const groups = new Map<string, number>();
  for (const [path, bytes] of top) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1]! : path.split("/")[0]!;
    groups.set(key, (groups.get(key) ?? 0) + bytes);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
    .join(", ");
}

const URQL_PACKAGES = /node_modules\/(@urql\/core|@0no-co\/graphql\.web|wonka)\//;

/** Minified bytes of a bundle that come from urql and the two packages its client needs. */
function urqlBytes(size: BundleSize): number {
  return size.top.filter(([path]) => URQL_PACKAGES.test(path)).reduce((sum, [, bytes]) => sum + bytes, 0);
}

/** Runs the bundle comparison: core + findScene (with the goal), then the full client; sizes in KB. */
export async function benchBundle(config: BundleBenchConfig): Promise<Figure[]> {
  const runs = { core: [] as BundleSize[], coreNode: [] as BundleSize[], client: [] as BundleSize[], peer: [] as BundleSize[], peerBrowser: [] as BundleSize[], urql: [] as BundleSize[] };
  for (let round = 0; round < config.rounds; round++) {
    runs.core.push(await bundleSize(ENTRIES.core, "browser"));
    runs.peerBrowser.push(await bundleSize(ENTRIES.peer, "browser"));
    runs.coreNode.push(await bundleSize(ENTRIES.core, "node"));
    runs.client.push(await bundleSize(ENTRIES.client, "node"));
    runs.peer.push(await bundleSize(ENTRIES.peer, "node"));
    runs.urql.push(await bundleSize(ENTRIES.urql, "browser"));
  }
  const kb = (xs: BundleSize[], pick: (b: BundleSize) => number): Summary => summarize(xs.map((b) => pick(b) / 1024));
  const gzip = (b: BundleSize) => b.gzipBytes;
  const min = (b: BundleSize) => b.minBytes;
  const ratio = (a: BundleSize[], b: BundleSize[]) => summarize(a.map((x, i) => x.gzipBytes / b[i]!.gzipBytes));
  const coreGzip = kb(runs.core, gzip);
  const coreNodeGzip = kb(runs.coreNode, gzip);
  const peerGzip = kb(runs.peerBrowser, gzip);
  const floor = kb(runs.urql, gzip);
  const core = runs.core[0]!;
  const urqlShare = urqlBytes(core) / core.minBytes;
  return [
    {
      name: "bundle: core + findScene (min+gzip)",
      measures: [
        { label: "SDK, min+gzip", unit: "KB", summary: coreGzip },
        { label: "stashapp-api, min+gzip", unit: "KB", summary: peerGzip },
        { label: "SDK, minified", unit: "KB", summary: kb(runs.core, min) },
        { label: "stashapp-api, minified", unit: "KB", summary: kb(runs.peerBrowser, min) },
        { label: "SDK / stashapp-api (gzip)", unit: "×", summary: ratio(runs.core, runs.peerBrowser) },
        { label: "SDK for Node (node:http), min+gzip", unit: "KB", summary: coreNodeGzip },
        { label: "urql client alone (floor), min+gzip", unit: "KB", summary: floor },
      ],
      goal: "≤ 12 KB min+gzip, smaller than the peer",
      met: coreGzip.median <= 12 && coreGzip.median < peerGzip.median,
      method:
        "esbuild JS API, `bundle`, `minify`, ESM; browser bundles: platform browser, target es2022, the SDK's browser build (scripts/lib/browser-build.ts), NODE_ENV production as esbuild sets it for minified browser bundles; the Node one: platform node, target node20. gzip level 9. Entries: bench/entries/core-find-scene.ts (`createStashCore` + `findScene` from the `core` and `scenes` entries), peer-find-scene.ts (same SceneData fields), urql-floor.ts (`new Client` alone).",
      notes: [
        `SDK (browser) bundle by package: ${byPackage(core.top)}.`,
        `SDK (Node) bundle by package: ${byPackage(runs.coreNode[0]!.top)}.`,
        `stashapp-api bundle by package: ${byPackage(runs.peerBrowser[0]!.top)}.`,
        `urql is the floor: its client with graphql.web and wonka is ${floor.median.toFixed(1)} KB min+gzip on its own (${((floor.median / coreGzip.median) * 100).toFixed(0)} % of the core + findScene bundle; ${(urqlShare * 100).toFixed(0)} % of its minified bytes), most of it code the client references but this path never runs (graphql.web's parser, wonka's operators).`,
      ],
    },
    {
      name: "bundle: StashClient + findScene (min+gzip)",
      measures: [
        { label: "SDK, min+gzip", unit: "KB", summary: kb(runs.client, gzip) },
        { label: "stashapp-api, min+gzip", unit: "KB", summary: kb(runs.peer, gzip) },
        { label: "SDK, minified", unit: "KB", summary: kb(runs.client, min) },
        { label: "stashapp-api, minified", unit: "KB", summary: kb(runs.peer, min) },
        { label: "SDK / stashapp-api (gzip)", unit: "×", summary: ratio(runs.client, runs.peer) },
      ],
      goal: "reported beside core + findScene (the class offers every operation, so it cannot be shaken)",
      met: true,
      method: "esbuild JS API, `bundle`, `minify`, ESM, platform node (only node builtins external), target node20; gzip level 9 (node:zlib). Entries: bench/entries/sdk-find-scene.ts and peer-find-scene.ts.",
      notes: [`SDK bundle by package: ${byPackage(runs.client[0]!.top)}.`, `stashapp-api bundle by package: ${byPackage(runs.peer[0]!.top)}.`],
    },
  ];
}

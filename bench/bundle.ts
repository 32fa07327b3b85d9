/**
 * What an app ships: esbuild bundles a one-scene app written with this SDK and
 * the same app written with stashapp-api (minified ESM, platform node, nothing
 * external but node builtins), gzipped at level 9.
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import type { Figure } from "./lib/figure";
import { summarize } from "./lib/stats";

/** Sizes of the bundle benchmark (sizes are deterministic; rounds only guard against a flaky build). */
export interface BundleBenchConfig {
  rounds: number;
}

/** The configuration `npm run bench` uses. */
export const bundleBenchFull: BundleBenchConfig = { rounds: 3 };

const ENTRIES = {
  sdk: fileURLToPath(new URL("./entries/sdk-find-scene.ts", import.meta.url)),
  peer: fileURLToPath(new URL("./entries/peer-find-scene.ts", import.meta.url)),
};

/** Bytes of one bundle, minified and gzipped, and the largest inputs. */
export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Input path → bytes it contributed to the output, largest first. */
  top: [string, number][];
}

/** Bundles one entry in memory. */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
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

/** Runs the bundle comparison; one figure, sizes in KB. */
export async function benchBundle(config: BundleBenchConfig): Promise<Figure[]> {
  const sdk: BundleSize[] = [];
  const peer: BundleSize[] = [];
  for (let round = 0; round < config.rounds; round++) {
    sdk.push(await bundleSize(ENTRIES.sdk));
    peer.push(await bundleSize(ENTRIES.peer));
  }
  const kb = (xs: BundleSize[], pick: (b: BundleSize) => number) => summarize(xs.map((b) => pick(b) / 1024));
  const sdkGzip = kb(sdk, (b) => b.gzipBytes);
  const peerGzip = kb(peer, (b) => b.gzipBytes);
  return [
    {
      name: "bundle: StashClient + findScene (min+gzip)",
      measures: [
        { label: "SDK, min+gzip", unit: "KB", summary: sdkGzip },
        { label: "stashapp-api, min+gzip", unit: "KB", summary: peerGzip },
        { label: "SDK, minified", unit: "KB", summary: kb(sdk, (b) => b.minBytes) },
        { label: "stashapp-api, minified", unit: "KB", summary: kb(peer, (b) => b.minBytes) },
        { label: "SDK / stashapp-api (gzip)", unit: "×", summary: summarize(sdk.map((b, i) => b.gzipBytes / peer[i]!.gzipBytes)) },
      ],
      goal: "≤ 20 KB min+gzip, smaller than the peer",
      met: sdkGzip.median <= 20 && sdkGzip.median < peerGzip.median,
      method: "esbuild JS API, `bundle`, `minify`, ESM, platform node (only node builtins external), target node20; gzip level 9 (node:zlib). Entries: bench/entries/*.ts (the peer selects the same SceneData fields).",
      notes: [`SDK bundle by package: ${byPackage(sdk[0]!.top)}.`, `stashapp-api bundle by package: ${byPackage(peer[0]!.top)}.`],
    },
  ];
}

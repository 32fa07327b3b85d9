/**
 * What reaches a bundle. Every public entry bundled by esbuild for the
 * browser (platform browser, through the SDK's browser build, dependencies
 * included) holds no `node:` import, no Node built-in and none of the
 * Node-only modules; the same entry for Node keeps node:http. And the
 * tree-shakable path (`createStashCore` + `findScene`) leaves out what it
 * does not call: the socket code, the typed `ops`, the capability probe.
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { browserPlatformPlugin } from "../scripts/lib/browser-build";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRIES = ["src/index.ts", "src/entries/core.ts", "src/entries/scenes.ts", "src/entries/markers.ts", "src/entries/jobs.ts", "src/operations.ts"];
const NODE_ONLY = ["src/core/transport-node.ts", "src/core/transport-websocket.ts", "node_modules/ws/"];
const BUILTIN = new RegExp(`(?:from|import|require\\()\\s*["'](?:node:[\\w/]+|${builtinModules.filter((m) => !m.startsWith("_")).join("|")})["']`);

interface Bundle {
  text: string;
  /** Every file esbuild read, kept or shaken out. */
  inputs: string[];
  /** The files that put bytes into the output. */
  kept: string[];
  /** Imports esbuild left external (none should be, everything is bundled). */
  external: string[];
}

async function bundle(source: string, platform: "browser" | "node"): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    format: "esm",
    platform,
    target: "es2022",
    plugins: platform === "browser" ? [browserPlatformPlugin()] : [],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const meta: Metafile = result.metafile;
  const output = Object.values(meta.outputs)[0]!;
  return {
    text: result.outputFiles[0]!.text,
    inputs: Object.keys(meta.inputs),
    kept: Object.entries(output.inputs).filter(([, info]) => info.bytesInOutput > 0).map(([path]) => path),
    external: output.imports.filter((i) => i.external).map((i) => i.path),
  };
}

describe("browser bundles", () => {
  it.each(ENTRIES)("%s bundles for the browser with no Node module", async (entry) => {
    const { text, inputs, external } = await bundle(`export * from "./${entry}";`, "browser");
    expect(external).toEqual([]);
    expect(text).not.toMatch(BUILTIN);
    expect(text).not.toMatch(/["']node:/);
    for (const path of NODE_ONLY) expect(inputs.filter((input) => input.includes(path)), path).toEqual([]);
  });

  it("the same core bundled for Node keeps node:http and the ws package", async () => {
    const { inputs, external } = await bundle(`export * from "./src/entries/core.ts"; export * from "./src/entries/jobs.ts";`, "node");
    expect(external).toEqual(expect.arrayContaining(["node:http", "node:https"]));
    expect(inputs.some((input) => input.includes("node_modules/ws/"))).toBe(true);
  });

  it("core + findScene leaves out sockets, typed ops and the capability probe", async () => {
    const app = `import { createStashCore } from "./src/entries/core.ts";
import { findScene } from "./src/entries/scenes.ts";
console.log(await findScene(createStashCore({ url: "http://localhost:9999" }), "1"));`;
    for (const platform of ["browser", "node"] as const) {
      const { kept } = await bundle(app, platform);
      for (const left of ["graphql-ws", "src/core/subscriptions.ts", "generated/ops.ts", "generated/compat.ts", "src/core/capabilities.ts", "node_modules/graphql/"]) {
        expect(kept.filter((input) => input.includes(left)), `${platform}: ${left}`).toEqual([]);
      }
    }
  });
});

import { defineConfig, type Options } from "tsup";
import { browserPlatformPlugin } from "./scripts/lib/browser-build";

const shared: Options = {
  target: "node20",
  platform: "node",
  sourcemap: false,
  treeshake: true,
  // Node 20 knows `node:` specifiers; keeping them makes the built-ins obvious in dist.
  removeNodeProtocol: false,
};

/**
 * The public entries built for every platform. Each is a package.json export
 * whose `browser` condition picks dist/browser/<name>.js and `node` dist/<name>.(c)js.
 */
const entries = {
  index: "src/index.ts",
  core: "src/entries/core.ts",
  scenes: "src/entries/scenes.ts",
  markers: "src/entries/markers.ts",
  jobs: "src/entries/jobs.ts",
  operations: "src/operations.ts",
};

export default defineConfig([
  {
    // Node: ESM and CJS, each with its own declarations (.d.ts for import, .d.cts for require). Split into
    // shared chunks so that entries used together (core + scenes) share one copy of each class: an error
    // thrown by /scenes is then an instance of the class /core exports.
    ...shared,
    // testing and plugin are Node-only (a server; a child process of Stash), so no browser build.
    entry: { ...entries, testing: "src/testing/index.ts", plugin: "src/plugin/index.ts" },
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    // The three configs build at once into dist/, so this clean must spare the CLI's and the browser build's output.
    clean: ["!cli.js", "!browser/**"],
  },
  {
    // Browsers: ESM only, with the page's fetch and WebSocket swapped in for node:http and ws. Types are the Node build's.
    ...shared,
    entry: entries,
    outDir: "dist/browser",
    platform: "browser",
    target: "es2022",
    format: ["esm"],
    splitting: true,
    dts: false,
    clean: true,
    esbuildPlugins: [browserPlatformPlugin()],
  },
  {
    // The `stash-gql` binary: ESM only (package.json `bin` points at dist/cli.js); tsup keeps its shebang and marks it executable.
    ...shared,
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    splitting: false,
    dts: false,
    clean: false,
  },
]);

import { defineConfig, type Options } from "tsup";

const shared: Options = {
  target: "node20",
  platform: "node",
  sourcemap: false,
  splitting: false,
  treeshake: true,
  // Node 20 knows `node:` specifiers; keeping them makes the built-ins obvious in dist.
  removeNodeProtocol: false,
  // p-limit (and its own dependency) ships only as ESM; bundling it lets `require()` work on every Node 20.
  noExternal: ["p-limit", "yocto-queue"],
};

export default defineConfig([
  {
    // The three public entries: ESM and CJS, each with its own declarations (.d.ts for import, .d.cts for require).
    ...shared,
    entry: { index: "src/index.ts", testing: "src/testing/index.ts", operations: "src/operations.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // Both configs build at once into dist/, so this clean must spare the CLI's output.
    clean: ["!cli.js"],
  },
  {
    // The `stash-gql` binary: ESM only (package.json `bin` points at dist/cli.js); tsup keeps its shebang and marks it executable.
    ...shared,
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
  },
]);

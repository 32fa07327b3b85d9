import { defineConfig } from "tsup";

// ESM and CJS builds with declarations for both; the ESM-only helpers
// (p-retry, p-limit) are bundled so `require()` works on every Node 20.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    testing: "src/testing/index.ts",
    operations: "src/operations.ts",
    cli: "src/cli/main.ts",
  },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", testing: "src/testing/index.ts", operations: "src/operations.ts" } },
  target: "node20",
  platform: "node",
  sourcemap: false,
  clean: true,
  splitting: false,
  treeshake: true,
  noExternal: ["p-retry", "p-limit", "yocto-queue", "is-network-error"],
});

/**
 * What makes a browser build of the SDK: an esbuild plugin that swaps the two
 * platform modules of src/core for their browser twins (the HTTP sender and
 * the WebSocket), the way a package's `browser` field swaps files. tsup's
 * browser entries, the bundle bench, the browser tests and the UI-plugin
 * example all build through it, so they ship the same code.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "esbuild";

/** Node module (as imported, relative to src/core) → its browser twin. */
const BROWSER_TWINS: Readonly<Record<string, string>> = {
  "./transport-default": "browser-transport-default.ts",
  "./transport-websocket": "browser-websocket.ts",
};

/** The esbuild plugin; only imports made from src/core's own files are swapped. */
export function browserPlatformPlugin(): Plugin {
  return {
    name: "stash-browser-platform",
    setup(build) {
      build.onResolve({ filter: /^\.\/transport-(default|websocket)$/ }, (args) => {
        const twin = BROWSER_TWINS[args.path];
        if (!twin || !/[\\/]src[\\/]core$/.test(args.resolveDir)) return undefined;
        const path = join(args.resolveDir, twin);
        return existsSync(path) ? { path } : undefined;
      });
    },
  };
}

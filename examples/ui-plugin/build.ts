/**
 * `npm run example:ui-plugin`: bundles src/sdk-panel.ts into
 * dist/sdk-panel.js, one IIFE file as Stash injects it, with the SDK's
 * browser build (the page's fetch and WebSocket, no Node modules). In your
 * own project the same is one esbuild command, since the package's `browser`
 * export condition already picks that build:
 *   esbuild src/sdk-panel.ts --bundle --format=iife --platform=browser --minify --outfile=dist/sdk-panel.js
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { browserPlatformPlugin } from "../../scripts/lib/browser-build";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The plugin's entry and where the bundle goes. */
export const UI_PLUGIN = { entry: here("./src/sdk-panel.ts"), outfile: here("./dist/sdk-panel.js") };

/** Bundles the plugin and returns the script's text; `write` also saves it to dist/sdk-panel.js. */
export async function buildUiPlugin(options: { write: boolean }): Promise<string> {
  const result = await build({
    entryPoints: [UI_PLUGIN.entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    plugins: [browserPlatformPlugin()],
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]!.text;
  if (options.write) {
    mkdirSync(dirname(UI_PLUGIN.outfile), { recursive: true });
    writeFileSync(UI_PLUGIN.outfile, text);
  }
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await buildUiPlugin({ write: true });
  console.log(`wrote ${UI_PLUGIN.outfile} (${(text.length / 1024).toFixed(1)} KB)`);
}

/**
 * A plugin's settings, as `configuration.plugins[<id>]` holds them. Stash does
 * not tell a plugin its own id; the id is the yml's file name
 * (pkg/plugin/config.go), so the kit takes it from the one `.yml` in
 * `PluginDir` unless the plugin names it.
 */
import { readdirSync } from "node:fs";
import type { StashClient } from "../stash-client";
import type { PluginSettings } from "../plugins/plugins";

/** The plugin id from the single `<id>.yml` in `dir`, or undefined when there is none or more than one. */
export function pluginIdFromDir(dir: string): string | undefined {
  if (!dir) return undefined;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    return undefined;
  }
  return names.length === 1 ? names[0]!.replace(/\.ya?ml$/i, "") : undefined;
}

/** The settings of `pluginId` (`{}` when it has none or no id is known). */
export async function loadPluginSettings<S extends object = PluginSettings>(
  stash: StashClient,
  pluginId: string | undefined,
  signal: AbortSignal,
): Promise<Partial<S>> {
  if (!pluginId) return {};
  return stash.plugins.settings<S>(pluginId, { signal });
}

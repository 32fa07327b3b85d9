/**
 * Plugin definitions as a stand-in takes them: the fields of a Stash plugin
 * yml (pkg/plugin/config.go at v0.30.1), given as data instead of files.
 */
import { dirname, resolve } from "node:path";
import type { PluginLogLevel } from "./plugin-runner";

/** A plugin task (`tasks:` in the yml; config.go OperationConfig). */
export interface StandInPluginTask {
  readonly name: string;
  readonly description?: string;
  /** Appended to the plugin's `exec` for this task. */
  readonly execArgs?: readonly string[];
  /** Args set when the caller did not give them. */
  readonly defaultArgs?: Readonly<Record<string, string>>;
}

/** A plugin hook (`hooks:`; config.go HookConfig): a task run on triggers such as `Scene.Update.Post`. */
export interface StandInPluginHook extends StandInPluginTask {
  readonly triggeredBy: readonly string[];
}

/** A plugin setting (`settings:`); `type` defaults to STRING. */
export interface StandInPluginSetting {
  readonly displayName?: string;
  readonly description?: string;
  readonly type?: "STRING" | "NUMBER" | "BOOLEAN";
}

/** One plugin, shaped like its yml. Only the `raw` interface runs in the stand-in. */
export interface StandInPlugin {
  /** The yml's file name without extension in Stash; ids are unique case-insensitively. */
  readonly id: string;
  /** Defaults to the id where Stash shows a name. */
  readonly name?: string;
  readonly description?: string;
  readonly url?: string;
  readonly version?: string;
  /** The command and its arguments; `{pluginDir}` in arguments becomes `dir`. */
  readonly exec: readonly string[];
  /** Default `raw`. */
  readonly interface?: "raw" | "rpc" | "js";
  /** Level for stderr lines without a level prefix (yml `errLog`); default `error`. */
  readonly errLog?: "trace" | "debug" | "info" | "warning" | "error";
  readonly tasks?: readonly StandInPluginTask[];
  readonly hooks?: readonly StandInPluginHook[];
  readonly settings?: Readonly<Record<string, StandInPluginSetting>>;
  /** The directory holding the plugin (Stash: the yml's directory); default the directory of `exec`'s last argument. */
  readonly dir?: string;
}

/** The plugin's directory, `PluginDir` in its input. */
export function pluginDir(def: StandInPlugin): string {
  return def.dir ?? dirname(resolve(def.exec[def.exec.length - 1] ?? "."));
}

/** config.go getExecCommand: exec plus the task's execArgs, `{pluginDir}` replaced after the command. */
export function execCommand(def: StandInPlugin, op: StandInPluginTask | null): string[] {
  const dir = pluginDir(def);
  return [...def.exec, ...(op?.execArgs ?? [])].map((arg, i) => (i === 0 ? arg : arg.replaceAll("{pluginDir}", dir)));
}

const ERR_LOG: Record<string, PluginLogLevel> = {
  trace: "Trace",
  debug: "Debug",
  info: "Info",
  warning: "Warning",
  error: "Error",
};

/** plugin/log.go handleStderrLine: the yml's errLog, else error. */
export function defaultLogLevel(def: StandInPlugin): PluginLogLevel {
  return ERR_LOG[def.errLog ?? ""] ?? "Error";
}

/** config.go getName. */
export function displayName(def: StandInPlugin): string {
  return def.name || def.id;
}

/** plugins.go ReloadPlugins (#4484): a later plugin whose id repeats one case-insensitively is skipped. */
export function uniquePlugins(defs: readonly StandInPlugin[], onDuplicate: (def: StandInPlugin) => void): StandInPlugin[] {
  const seen = new Set<string>();
  return defs.filter((def) => {
    const key = def.id.toLowerCase();
    if (seen.has(key)) {
      onDuplicate(def);
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** The GraphQL `Plugin` object (config.go toPlugin plus resolver_model_plugin.go paths). */
export function pluginView(def: StandInPlugin, enabled: boolean): Record<string, unknown> {
  const plugin: Record<string, unknown> = {
    id: def.id,
    name: displayName(def),
    description: def.description ?? null,
    url: def.url ?? null,
    version: def.version ?? null,
    enabled,
    requires: null,
    // No UI files in the stand-in, so both path lists are nil.
    paths: { javascript: null, css: null },
    // getPluginSettings: sorted by key, type defaulting to STRING.
    settings: Object.keys(def.settings ?? {})
      .sort()
      .map((name) => {
        const s = def.settings![name]!;
        return { name, display_name: s.displayName ?? "", description: s.description ?? "", type: s.type ?? "STRING" };
      }),
  };
  // Tasks and hooks of a listed plugin carry the plugin without its own lists (getPluginTasks(false)).
  plugin.tasks = taskViews(def, () => plugin);
  plugin.hooks = def.hooks?.length
    ? def.hooks.map((h) => ({
        name: h.name,
        description: h.description ?? "",
        hooks: h.triggeredBy.length ? [...h.triggeredBy] : null,
        plugin,
      }))
    : null;
  return plugin;
}

/** The GraphQL `PluginTask` objects of a plugin, or null when it has none. */
export function taskViews(def: StandInPlugin, plugin: () => unknown): Record<string, unknown>[] | null {
  return def.tasks?.length
    ? def.tasks.map((t) => ({ name: t.name, description: t.description ?? "", plugin }))
    : null;
}

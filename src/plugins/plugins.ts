/**
 * Plugins: listing, running tasks and operations, and settings that merge.
 * Stash's `configurePlugin` replaces a plugin's whole settings map, so setting
 * one key through it wipes the others (stash issue #4740); `configurePlugin`
 * here reads, merges and sends the whole map instead.
 */
import type { CallOptions, StashCore } from "../core/client";
import { checkObject, checkString } from "../core/validate";
import type { PluginDataFragment, PluginTaskDataFragment } from "../../generated/graphql";
import { sameValue } from "../config/diff";

/** A plugin as `plugins { ...PluginData }` returns it. */
export type Plugin = PluginDataFragment;

/** A task of an enabled plugin, with its plugin's id and name. */
export type PluginTask = PluginTaskDataFragment;

/** A plugin's settings map: setting name → value. */
export type PluginSettings = Record<string, unknown>;

/** A change to a plugin's settings: a value sets the key, `null` removes it, `undefined` leaves it as is. */
export type PluginSettingsChange<T extends object = PluginSettings> = { [K in keyof T]?: T[K] | null };

function checkPluginId(pluginId: unknown): string {
  return checkString(pluginId, "pluginId", { nonEmpty: true });
}

function checkArgs(args: unknown, argument: string): Record<string, unknown> | undefined {
  return args === undefined ? undefined : checkObject(args, argument);
}

/** Every plugin Stash loaded, enabled or not. */
export async function listPlugins(core: StashCore, options?: CallOptions): Promise<Plugin[]> {
  return (await core.ops.plugins({}, options)).plugins ?? [];
}

/** The tasks of every enabled plugin (Stash answers null when there are none; this gives `[]`). */
export async function listPluginTasks(core: StashCore, options?: CallOptions): Promise<PluginTask[]> {
  return (await core.ops.pluginTasks({}, options)).pluginTasks ?? [];
}

/** Starts a plugin task as a job and returns the job id; `args` fill the task's arguments over its defaults. */
export async function runPluginTask(
  core: StashCore,
  pluginId: string,
  taskName: string,
  args?: Record<string, unknown>,
  options?: CallOptions,
): Promise<string> {
  const variables = {
    plugin_id: checkPluginId(pluginId),
    task_name: checkString(taskName, "taskName", { nonEmpty: true }),
    args_map: checkArgs(args, "args"),
  };
  return (await core.ops.runPluginTask(variables, options)).runPluginTask;
}

/** Runs a plugin's operation at once (no job) and returns the plugin's output, typed by the caller. */
export async function runPluginOperation<T = unknown>(
  core: StashCore,
  pluginId: string,
  args?: Record<string, unknown>,
  options?: CallOptions,
): Promise<T> {
  const variables = { plugin_id: checkPluginId(pluginId), args: checkArgs(args, "args") };
  return (await core.ops.runPluginOperation(variables, options)).runPluginOperation as T;
}

/** A plugin's current settings (`configuration.plugins`), `{}` when it has none; `T` is the shape the caller expects. */
export async function pluginSettings<T extends object = PluginSettings>(
  core: StashCore,
  pluginId: string,
  options?: CallOptions,
): Promise<Partial<T>> {
  const id = checkPluginId(pluginId);
  const { configuration } = await core.ops.configuration({}, options);
  return (configuration.plugins[id] ?? {}) as Partial<T>;
}

/**
 * Merges `change` into a plugin's settings and returns them. Stash's own
 * `configurePlugin` replaces the plugin's whole settings map ("It will
 * overwrite any existing configuration"), so one key would wipe the others;
 * this reads the settings, merges, and sends the whole map. A key set to
 * `undefined` is left as is, `null` removes it. No mutation when nothing
 * changes. Not atomic: a change made by someone else between the read and the
 * write is lost.
 */
export async function configurePlugin<T extends object = PluginSettings>(
  core: StashCore,
  pluginId: string,
  change: PluginSettingsChange<T>,
  options?: CallOptions,
): Promise<Partial<T>> {
  const id = checkPluginId(pluginId);
  const given = checkObject(change, "settings");
  const current = await pluginSettings<PluginSettings>(core, id, options);
  const merged: PluginSettings = { ...current };
  for (const [key, value] of Object.entries(given)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  const unchanged = Object.keys(merged).length === Object.keys(current).length && sameValue(merged, current, false);
  if (unchanged) return current as Partial<T>;
  return (await core.ops.configurePlugin({ plugin_id: id, input: merged }, options)).configurePlugin as Partial<T>;
}

/** `stash.plugins`: the plugin namespace of `StashClient`. */
export interface PluginsNamespace {
  /** Every plugin Stash loaded, enabled or not. */
  list(options?: CallOptions): Promise<Plugin[]>;
  /** The tasks of every enabled plugin. */
  tasks(options?: CallOptions): Promise<PluginTask[]>;
  /** Starts a plugin task as a job; returns the job id. */
  run(pluginId: string, taskName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<string>;
  /** Runs a plugin operation at once and returns its output. */
  runOperation<T = unknown>(pluginId: string, args?: Record<string, unknown>, options?: CallOptions): Promise<T>;
  /** A plugin's current settings, `{}` when none; `T` is the shape you expect. */
  settings<T extends object = PluginSettings>(pluginId: string, options?: CallOptions): Promise<Partial<T>>;
  /**
   * Merges `change` into the plugin's settings (read, merge, send the whole map), so one
   * key never wipes the others: Stash's `configurePlugin` on its own replaces the plugin's
   * whole settings map. `undefined` leaves a key as is, `null` removes it.
   */
  configure<T extends object = PluginSettings>(pluginId: string, change: PluginSettingsChange<T>, options?: CallOptions): Promise<Partial<T>>;
}

/** Builds the `stash.plugins` namespace over a core. */
export function createPlugins(core: StashCore): PluginsNamespace {
  return {
    list: (options) => listPlugins(core, options),
    tasks: (options) => listPluginTasks(core, options),
    run: (pluginId, taskName, args, options) => runPluginTask(core, pluginId, taskName, args, options),
    runOperation: (pluginId, args, options) => runPluginOperation(core, pluginId, args, options),
    settings: (pluginId, options) => pluginSettings(core, pluginId, options),
    configure: (pluginId, change, options) => configurePlugin(core, pluginId, change, options),
  };
}

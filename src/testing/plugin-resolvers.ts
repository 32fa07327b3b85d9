/**
 * The plugin root fields (internal/api/resolver_query_plugin.go,
 * resolver_mutation_plugin.go, internal/manager/task_plugin.go at v0.30.1)
 * and the wrapper that gives every mutation its post hooks.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { afterMutation, beforeMutation, hasHooks } from "./plugin-hooks";
import { pluginView, taskViews, type StandInPlugin } from "./plugin-defs";
import { goValue, type PluginHost, type VisitedPluginHook } from "./plugins";

/** What the plugin fields need from the context: the instance's plugins and the request's visited hooks. */
interface PluginContext {
  readonly plugins?: PluginHost;
  readonly visitedPluginHooks?: readonly VisitedPluginHook[];
}

function hostOf(ctx: StandInContext): PluginHost {
  const host = (ctx as PluginContext).plugins;
  if (!host) throw new Error("plugins are not supported by the stand-in");
  return host;
}

/** resolver_mutation_plugin.go toPluginArgValue: the deprecated `args` list as a map. */
function argValue(value: Record<string, any> | null | undefined): unknown {
  if (!value) return null;
  if (value.str != null) return value.str;
  if (value.i != null) return value.i;
  if (value.b != null) return value.b;
  if (value.f != null) return value.f;
  if (value.o != null) return argsMap(value.o);
  if (value.a != null) return (value.a as Record<string, any>[]).map(argValue);
  return null;
}
function argsMap(list: readonly { key: string; value?: Record<string, any> | null }[] | null | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a) => [a.key, argValue(a.value)]));
}

const plugins: RootResolver = (_args, ctx) => {
  const list = hostOf(ctx).list();
  return list.length ? list.map(({ def, enabled }) => pluginView(def, enabled)) : null;
};

/**
 * ListPluginTasks: tasks of enabled plugins, each with its plugin — built by
 * toPlugin(), which never sets Enabled, so `plugin.enabled` reads false.
 */
const pluginTasks: RootResolver = (_args, ctx) => {
  const tasks = hostOf(ctx)
    .enabled()
    .flatMap((def: StandInPlugin) => taskViews(def, () => pluginView(def, false)) ?? []);
  return tasks.length ? tasks : null;
};

const reloadPlugins: RootResolver = (_args, ctx) => {
  hostOf(ctx).reload(ctx);
  return true;
};

const setPluginsEnabled: RootResolver = (args, ctx) => {
  hostOf(ctx).setEnabled(args.enabledMap as Record<string, boolean>);
  return true;
};

/**
 * RunPluginTask queues "Running plugin task: <description|task|plugin id>"
 * and answers the job id. Lookup errors fail the job; a plugin's own error
 * (or non-zero exit) is only logged — the job still finishes (task_plugin.go).
 */
const runPluginTask: RootResolver = (args, ctx) => {
  const host = hostOf(ctx);
  const pluginId = String(args.plugin_id);
  const taskName = (args.task_name as string | null | undefined) ?? null;
  const callArgs = (args.args_map as Record<string, unknown> | null | undefined) ?? argsMap(args.args);
  const display = (args.description as string | null | undefined) ?? taskName ?? pluginId;
  const visited = (ctx as PluginContext).visitedPluginHooks ?? [];
  return ctx.jobs.enqueue(`Running plugin task: ${display}`, async (job) => {
    // CreateTask.
    if (host.isDisabled(pluginId)) throw new Error(`Error creating plugin task: plugin ${pluginId} is disabled`);
    const def = host.find(pluginId);
    if (!def) throw new Error(`Error creating plugin task: no plugin with ID ${pluginId}`);
    const task = taskName === null ? null : (def.tasks ?? []).find((t) => t.name === taskName);
    if (task === undefined) {
      throw new Error(`Error creating plugin task: no task with name ${taskName} in plugin ${def.name || def.id}`);
    }
    const input = host.buildInput(ctx, def, task, { ...callArgs }, visited);
    let stop = () => {};
    let finished = false;
    const done = host
      .run(ctx, def, "task", task, input, { progress: (p) => job.progress(p), started: (s) => (stop = s) })
      .catch((err: Error) => {
        throw new Error(`Error running plugin task: ${err.message}`);
      })
      .finally(() => (finished = true));
    // The job's stop kills the process (task.Stop) and the job ends without error.
    while (!finished) {
      if (job.stopping) {
        stop();
        await done.catch(() => undefined);
        return;
      }
      await Promise.race([done.catch(() => undefined), job.step()]);
    }
    const result = await done;
    if (result.error !== null) job.log("Error", `Plugin returned error: ${result.error}`);
    else if (result.output !== null) job.log("Debug", `Plugin returned: ${goValue(result.output)}`);
    else job.log("Debug", "Plugin returned no result");
  });
};

/** RunPlugin: runs to the end within the request and answers the output, or the plugin's error. */
const runPluginOperation: RootResolver = async (args, ctx) => {
  const host = hostOf(ctx);
  const pluginId = String(args.plugin_id);
  if (host.isDisabled(pluginId)) throw new Error(`plugin ${pluginId} is disabled`);
  const def = host.find(pluginId);
  // Stash dereferences the missing plugin; gqlgen turns the panic into this.
  if (!def) throw new Error("internal system error");
  const visited = (ctx as PluginContext).visitedPluginHooks ?? [];
  const input = host.buildInput(ctx, def, null, { ...((args.args as Record<string, unknown> | null) ?? {}) }, visited);
  const result = await host.run(ctx, def, "operation", null, input);
  if (result.error !== null) throw new Error(result.error);
  return result.output;
};

/** The plugin root fields. */
export const pluginResolvers: ResolverModule = {
  Query: { plugins, pluginTasks },
  Mutation: { reloadPlugins, setPluginsEnabled, runPluginTask, runPluginOperation },
};

/**
 * Wraps a Mutation root resolver so that, once it succeeded, the post hooks it
 * fires in Stash run before the answer goes out (see plugin-hooks.ts).
 */
export function withPostHooks(field: string, resolver: RootResolver): RootResolver {
  if (!hasHooks(field)) return resolver;
  return async (args, ctx, info) => {
    const host = (ctx as PluginContext).plugins;
    if (!host || host.enabled().length === 0) return resolver(args, ctx, info);
    const before = beforeMutation(field, args, ctx);
    const result = await resolver(args, ctx, info);
    const visited = (ctx as PluginContext).visitedPluginHooks ?? [];
    return afterMutation(field, args, ctx, info, result, before, host, visited);
  };
}

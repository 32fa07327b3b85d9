/**
 * Post hooks (pkg/plugin/plugins.go ExecutePostHooks at v0.30.1): running the
 * enabled plugins hooked on the triggers a mutation fires (which ones, with
 * which `hookContext`, is derived in plugin-hook-specs.ts). Stash runs hooks inside the mutation, after
 * its transaction commits, and re-reads the object afterwards
 * (resolver_mutation_scene.go SceneUpdate), so the answer shows what hooks did.
 */
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from "graphql";
import type { StandInContext } from "./context";
import { HOOK_SPECS as SPECS } from "./plugin-hook-specs";
import { goValue, type PluginHost, type VisitedPluginHook } from "./plugins";

/** common.HookContext (pkg/plugin/common/msg.go): `id` and `inputFields` are omitempty. */
export interface HookContext {
  id?: number;
  type: string;
  input: unknown;
  inputFields?: string[];
}

type Args = Record<string, any>;

/**
 * The input as Go marshals its struct: every field of the input type present,
 * absent ones as null (gqlgen models have no omitempty).
 */
function goInput(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return (value as unknown[]).map((v) => goInput(inner.ofType, v));
  const named = getNamedType(inner);
  if (!isInputObjectType(named)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(named.getFields())) out[name] = goInput(field.type, (value as Args)[name]);
  return out;
}

/** Whether a mutation fires hooks in the stand-in. */
export function hasHooks(field: string): boolean {
  return field in SPECS;
}

/** Snapshot taken before the mutation runs (only destroys need one). */
export function beforeMutation(field: string, args: Args, ctx: StandInContext): unknown {
  return SPECS[field]?.before?.(args, ctx);
}

/**
 * Runs the post hooks a successful mutation fires, then answers the
 * (re-read) result. Errors are logged, never raised (ExecutePostHooks).
 */
export async function afterMutation(
  field: string,
  args: Args,
  ctx: StandInContext,
  info: GraphQLResolveInfo,
  result: unknown,
  before: unknown,
  host: PluginHost,
  visited: readonly VisitedPluginHook[],
): Promise<unknown> {
  const spec = SPECS[field];
  if (!spec) return result;
  const def = info.parentType.getFields()[field]!;
  const full = (value: unknown, arg = "input") => {
    const type = def.args.find((a) => a.name === arg)?.type;
    return type ? goInput(type, value) : value;
  };
  for (const event of spec.after(args, result, full, before)) {
    // Go's field order; omitempty leaves out a zero id and an empty field list.
    const hookContext: HookContext = {
      ...(event.id ? { id: event.id } : {}),
      type: event.trigger,
      input: event.input,
      ...(event.inputFields?.length ? { inputFields: event.inputFields } : {}),
    };
    try {
      await executePostHooks(ctx, host, event.trigger, hookContext, visited);
    } catch (err) {
      ctx.logs.add("Error", `error executing post hooks: ${(err as Error).message}`);
    }
  }
  return spec.refetch ? spec.refetch(ctx, result) : result;
}

/** plugins.go maxCyclicLoopDepth. */
const MAX_CYCLIC_LOOP_DEPTH = 10;

/**
 * plugins.go executePostHooks: each enabled plugin's hooks on the trigger run
 * one after another, each with a cookie recording one more visit of
 * (plugin, trigger); a plugin already visited 10 times on this trigger along
 * the chain of requests is skipped — the loop guard.
 */
async function executePostHooks(
  ctx: StandInContext,
  host: PluginHost,
  trigger: string,
  hookContext: HookContext,
  visited: readonly VisitedPluginHook[],
): Promise<void> {
  for (const def of host.enabled()) {
    const hooks = (def.hooks ?? []).filter((h) => h.triggeredBy.includes(trigger));
    const count = visited.filter((v) => v.pluginId === def.id && v.hookType === trigger).length;
    if (hooks.length > 0 && count >= MAX_CYCLIC_LOOP_DEPTH) {
      ctx.logs.add("Debug", `cyclic loop detected: plugin ID '${def.id}' hook ${trigger}, not re-triggering`);
      continue;
    }
    for (const hook of hooks) {
      const chain = [...visited, { pluginId: def.id, hookType: trigger }];
      const input = host.buildInput(ctx, def, hook, {}, chain);
      input.args.hookContext = hookContext;
      const result = await host.run(ctx, def, "hook", hook, input);
      const name = def.name ?? "";
      if (result.error !== null) ctx.logs.add("Error", `${trigger} [${name}]: returned error: ${result.error}`);
      else if (result.output !== null) ctx.logs.add("Debug", `${trigger} [${name}]: returned: ${goValue(result.output)}`);
    }
  }
}

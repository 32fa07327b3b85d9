/**
 * Post hooks (pkg/plugin/plugins.go ExecutePostHooks at v0.30.1): which
 * mutation fires which trigger with which `hookContext`, and running the
 * enabled plugins hooked on it. Stash runs hooks inside the mutation, after
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
import { markerView, sceneView } from "./present-scene";
import { goValue, type PluginHost, type VisitedPluginHook } from "./plugins";

/** common.HookContext (pkg/plugin/common/msg.go): `id` and `inputFields` are omitempty. */
export interface HookContext {
  id?: number;
  type: string;
  input: unknown;
  inputFields?: string[];
}

/** One trigger firing: the object id, the input Stash hands over, and the input's field names (updates only). */
interface HookEvent {
  trigger: string;
  id: number;
  input: unknown;
  inputFields: string[] | null;
}

type Args = Record<string, any>;

/** How a mutation fires hooks: `before` snapshots what a destroy removes; `after` lists the firings. */
interface HookSpec {
  before?(args: Args, ctx: StandInContext): unknown;
  after(args: Args, result: unknown, full: (value: unknown, arg?: string) => unknown, before: unknown): HookEvent[];
  /** Re-reads the answer once hooks ran (the `getScene` refetch). */
  refetch?(ctx: StandInContext, result: unknown): unknown;
}

const idOf = (view: unknown) => Number((view as { id: string }).id);
const fields = (input: unknown) => Object.keys(input as object);
const ev = (trigger: string, id: number, input: unknown, inputFields: string[] | null = null): HookEvent => ({
  trigger,
  id,
  input,
  inputFields,
});

function refetchScene(ctx: StandInContext, view: unknown): unknown {
  const scene = ctx.store.get("scenes", idOf(view));
  return scene ? sceneView(ctx, scene) : view;
}
function refetchMarker(ctx: StandInContext, view: unknown): unknown {
  const marker = ctx.store.get("markers", idOf(view));
  return marker ? markerView(ctx, marker) : view;
}
const many = (one: (ctx: StandInContext, v: unknown) => unknown) => (ctx: StandInContext, views: unknown) =>
  (views as unknown[]).map((v) => one(ctx, v));

/** plugin.SceneDestroyInput's extra fields: the scene's primary file as it was. */
function sceneFileFacts(ctx: StandInContext, rawId: unknown): { id: number; checksum: string; oshash: string; path: string } | null {
  const id = Number(rawId);
  const scene = ctx.store.get("scenes", id);
  if (!scene) return null;
  const file = scene.fileIds[0] === undefined ? undefined : ctx.store.get("files", scene.fileIds[0]);
  return { id, checksum: file?.md5 ?? "", oshash: file?.oshash ?? "", path: file?.path ?? "" };
}

/** Create hooks get the input and no fields (e.g. resolver_mutation_tag.go TagCreate). */
const created = (...triggers: string[]): HookSpec => ({
  after: (args, result, full) => triggers.map((t) => ev(t, idOf(result), full(args.input))),
});

/** The mutations the stand-in implements that fire hooks in Stash, by root field. */
const SPECS: Record<string, HookSpec> = {
  // pkg/scene/create.go: RegisterPostHooks(ctx, id, SceneCreatePost, nil, nil).
  sceneCreate: { after: (_a, result) => [ev("Scene.Create.Post", idOf(result), null)], refetch: refetchScene },
  sceneUpdate: {
    after: (args, result, full) => [ev("Scene.Update.Post", idOf(result), full(args.input), fields(args.input))],
    refetch: refetchScene,
  },
  // ScenesUpdate passes the whole list as every scene's input.
  scenesUpdate: {
    after: (args, result, full) =>
      (result as unknown[]).map((v, i) => ev("Scene.Update.Post", idOf(v), full(args.input), fields(args.input[i]))),
    refetch: many(refetchScene),
  },
  bulkSceneUpdate: {
    after: (args, result, full) =>
      (result as unknown[]).map((v) => ev("Scene.Update.Post", idOf(v), full(args.input), fields(args.input))),
    refetch: many(refetchScene),
  },
  sceneDestroy: {
    before: (args, ctx) => sceneFileFacts(ctx, args.input.id),
    after: (args, _r, full, facts) => {
      const f = facts as ReturnType<typeof sceneFileFacts>;
      return f ? [ev("Scene.Destroy.Post", f.id, { ...(full(args.input) as object), checksum: f.checksum, oshash: f.oshash, path: f.path })] : [];
    },
  },
  scenesDestroy: {
    before: (args, ctx) => (args.input.ids as unknown[]).map((id) => sceneFileFacts(ctx, id)),
    after: (args, _r, full, facts) =>
      (facts as ReturnType<typeof sceneFileFacts>[]).flatMap((f) =>
        f ? [ev("Scene.Destroy.Post", f.id, { ...(full(args.input) as object), checksum: f.checksum, oshash: f.oshash, path: f.path })] : [],
      ),
  },
  sceneMarkerCreate: { after: (args, result, full) => [ev("SceneMarker.Create.Post", idOf(result), full(args.input))] },
  sceneMarkerUpdate: {
    after: (args, result, full) => [ev("SceneMarker.Update.Post", idOf(result), full(args.input), fields(args.input))],
    refetch: refetchMarker,
  },
  bulkSceneMarkerUpdate: {
    after: (args, result, full) =>
      (result as unknown[]).map((v) => ev("SceneMarker.Update.Post", idOf(v), full(args.input), fields(args.input))),
  },
  // SceneMarkersDestroy hands every marker the id list as given.
  sceneMarkerDestroy: { after: (args) => [ev("SceneMarker.Destroy.Post", Number(args.id), [args.id])] },
  sceneMarkersDestroy: {
    after: (args) => (args.ids as unknown[]).map((id) => ev("SceneMarker.Destroy.Post", Number(id), args.ids)),
  },
  tagCreate: created("Tag.Create.Post"),
  performerCreate: created("Performer.Create.Post"),
  studioCreate: created("Studio.Create.Post"),
  // resolver_mutation_group.go: both group and (legacy) movie hooks.
  groupCreate: created("Group.Create.Post", "Movie.Create.Post"),
};

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

/**
 * Typed hook contexts. Stash puts `common.HookContext` (pkg/plugin/common/msg.go)
 * into a hook's args as `hookContext`: the object id, the trigger, the input the
 * mutation got, and for updates the names of the fields it set. The per-trigger
 * input types are generated (generated/hooks.ts) from Stash's resolvers and the
 * schema, so every trigger in hooks.go is covered.
 */
import { StashValidationError } from "../core/errors";
import { hookTriggers, type HookInputs, type HookTrigger, type HookUpdateTrigger } from "../../generated/hooks";

export { hookTriggers, type HookInputs, type HookTrigger, type HookUpdateTrigger };

/** The hook context of one trigger. */
export type HookContextOf<T extends HookTrigger> = {
  /** The trigger, e.g. `Scene.Update.Post`. */
  readonly type: T;
  /** The id of the object the mutation touched (Stash leaves it out when zero). */
  readonly id: number | undefined;
  /** What the mutation got: see `HookInputs` for each trigger's shapes (null when a scan fired it). */
  readonly input: HookInputs[T];
} & (T extends HookUpdateTrigger
  ? {
      /** The input fields the caller set (Stash's `inputFields`); `[]` when a scan fired the update. */
      readonly inputFields: string[];
    }
  : unknown);

/** Any hook context: a union by trigger, so `switch (hook.type)` narrows `input`. */
export type HookContext = { [T in HookTrigger]: HookContextOf<T> }[HookTrigger];

const KNOWN = new Set<string>(hookTriggers);

/** Whether `name` is one of Stash's triggers. */
export function isHookTrigger(name: string): name is HookTrigger {
  return KNOWN.has(name);
}

/** Reads `args.hookContext`, or undefined when the run is not a hook. */
export function readHookContext(args: Record<string, unknown>): HookContext | undefined {
  const raw = args["hookContext"];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new StashValidationError("args.hookContext", "must be an object");
  const ctx = raw as Record<string, unknown>;
  if (typeof ctx["type"] !== "string" || ctx["type"] === "") throw new StashValidationError("args.hookContext.type", "must be a trigger name such as Scene.Update.Post");
  const id = ctx["id"];
  if (id !== undefined && (typeof id !== "number" || !Number.isInteger(id))) throw new StashValidationError("args.hookContext.id", "must be an integer");
  const fields = ctx["inputFields"];
  if (fields !== undefined && fields !== null && !(Array.isArray(fields) && fields.every((f) => typeof f === "string"))) {
    throw new StashValidationError("args.hookContext.inputFields", "must be a list of field names");
  }
  // inputFields is omitempty in Go: an update fired by a scan has none.
  return { type: ctx["type"], id, input: ctx["input"] ?? null, inputFields: (fields as string[] | null | undefined) ?? [] } as unknown as HookContext;
}

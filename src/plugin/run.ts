/**
 * `runPlugin`: the whole life of a raw-interface plugin process
 * (pkg/plugin/raw.go at v0.30.1). It reads the input, picks the handler (a
 * hook by `args.hookContext.type`, else a task by `args.mode`), connects to
 * the server, reads the plugin's settings, runs the handler, and writes
 * `{"output": …}` or `{"error": "…"}` to stdout exactly once, with exit code
 * 0 or 1. A failure's stack goes to the debug log, never into the output.
 *
 * Stash puts no time limit on a plugin: a task runs until its job is stopped,
 * and a hook blocks the mutation that fired it until the process ends (or the
 * HTTP request is cancelled). `timeoutMs` is the kit's own guard.
 */
import { StashError } from "../core/errors";
import { redact } from "../core/parse-result";
import type { PluginSettings } from "../plugins/plugins";
import { StashClient } from "../stash-client";
import { redirectConsole } from "./console";
import { pluginSecrets, type PluginClientOptions } from "./connection";
import { readHookContext, type HookContextOf, type HookTrigger } from "./hook-context";
import { readPluginInput, type InputStream, type PluginInput } from "./input";
import { createPluginLog, type LogSink, type PluginLog } from "./log";
import { loadPluginSettings, pluginIdFromDir } from "./settings";

/** What every handler gets. */
export interface PluginHandlerContext<S extends object = PluginSettings> {
  /** A client for the Stash that started the plugin (session cookie, plus the API key when one is known). */
  readonly stash: StashClient;
  /** The operation's args (task `defaultArgs` and the caller's), without `hookContext`. */
  readonly args: Record<string, unknown>;
  /** Stash's log, in its protocol. */
  readonly log: PluginLog;
  /** The raw input, as read from stdin. */
  readonly input: PluginInput;
  /** The plugin's settings from `configuration.plugins`; keys the user never set are absent. */
  readonly settings: Partial<S>;
  /** Aborts when `timeoutMs` runs out. */
  readonly signal: AbortSignal;
}

/** A task handler: `args.mode` picked it; `hook` is undefined. */
export type TaskHandler<S extends object = PluginSettings> = (
  ctx: PluginHandlerContext<S> & { readonly hook: undefined; readonly mode: string },
) => unknown;

/** A hook handler for trigger `T`: `hook.input` has that trigger's type. */
export type HookHandler<T extends HookTrigger, S extends object = PluginSettings> = (
  ctx: PluginHandlerContext<S> & { readonly hook: HookContextOf<T> },
) => unknown;

/** The plugin: its handlers and options. `S` is the shape of its settings. */
export interface PluginDefinition<S extends object = PluginSettings> {
  /** Task handlers by `mode` (set `defaultArgs: { mode: <name> }` on each task in the yml). */
  readonly tasks?: Readonly<Record<string, TaskHandler<S>>>;
  /** Hook handlers by trigger. */
  readonly hooks?: { readonly [T in HookTrigger]?: HookHandler<T, S> };
  /** The plugin id (its yml's name), for reading settings; default the one `.yml` in `PluginDir`. */
  readonly id?: string;
  /** API key to send with the cookie; default `STASH_API_KEY`, then the setting named by `apiKeySetting`. */
  readonly apiKey?: string;
  /** The setting that may hold an API key (default `apiKey`); `false` never looks. */
  readonly apiKeySetting?: string | false;
  /** Fail a handler that has not settled after this many ms (default: no limit, as in Stash). */
  readonly timeoutMs?: number;
  /** More client options (timeouts, retries, a custom fetch). */
  readonly client?: Omit<PluginClientOptions, "apiKey" | "env" | "logger">;
}

/** Where a run reads and writes; the defaults are the process's own. */
export interface PluginIo {
  stdin?: InputStream;
  /** Receives the one JSON answer; the callback fires once it is flushed. */
  stdout?: { write(text: string, done?: () => void): unknown };
  stderr?: LogSink;
  env?: Record<string, string | undefined>;
  /** Ends the process; default `process.exit` when stdout is the process's, else nothing. */
  exit?: (code: number) => void;
  /** Redirect console output and stdout writes to the log while running; default on with the process's stdout. */
  captureConsole?: boolean;
}

/** What a run answered. */
export interface PluginRunResult {
  output: unknown;
  error: string | null;
  exitCode: number;
}

/** The one-line message of anything thrown, secrets hidden. */
function describe(err: unknown, hide: (t: string) => string): string {
  if (err instanceof StashError) return hide(err.message);
  if (err instanceof Error) return hide(err.name && err.name !== "Error" ? `${err.name}: ${err.message}` : err.message);
  return hide(`non-error thrown: ${String(err)}`);
}

const names = (o: object | undefined) => Object.keys(o ?? {}).join(", ") || "none";

/** Picks the handler for the input, failing clearly when there is none. */
function pickHandler<S extends object>(def: PluginDefinition<S>, input: PluginInput) {
  const hook = readHookContext(input.args);
  const { hookContext: _hidden, ...args } = input.args;
  if (hook) {
    const handler = def.hooks?.[hook.type] as HookHandler<HookTrigger, S> | undefined;
    if (!handler) throw new Error(`no handler for hook "${hook.type}" (this plugin handles: ${names(def.hooks)})`);
    return { args, run: (ctx: PluginHandlerContext<S>) => handler({ ...ctx, hook: hook as HookContextOf<HookTrigger> }), what: `hook "${hook.type}"` };
  }
  const mode = input.args["mode"];
  if (typeof mode !== "string" || mode === "") {
    throw new Error(`args.mode is missing: a task is chosen by its "mode" arg, set with defaultArgs in the yml (this plugin's tasks: ${names(def.tasks)})`);
  }
  const handler = def.tasks?.[mode];
  if (!handler) throw new Error(`unknown task "${mode}" (this plugin's tasks: ${names(def.tasks)})`);
  return { args, run: (ctx: PluginHandlerContext<S>) => handler({ ...ctx, hook: undefined, mode }), what: `task "${mode}"` };
}

/** Resolves with `work`, or rejects after `ms` (aborting `controller`). */
function withTimeout<T>(work: Promise<T>, ms: number | undefined, controller: AbortController, what: string): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what} did not finish within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Runs the plugin once; see the module comment. Resolves when the answer is written. */
export async function runPlugin<S extends object = PluginSettings>(def: PluginDefinition<S>, io: PluginIo = {}): Promise<PluginRunResult> {
  const usesProcess = io.stdout === undefined;
  const env = io.env ?? process.env;
  const secrets: string[] = [];
  const hide = (text: string) => redact(text, secrets);
  const log = createPluginLog(io.stderr ?? process.stderr, hide);
  const restore = (io.captureConsole ?? usesProcess) ? redirectConsole(log) : () => {};
  const controller = new AbortController();
  // A promise a handler forgot to await can still fail the run, as in a script.
  let fault: (err: unknown) => void = () => {};
  const faulted = new Promise<never>((_, reject) => (fault = reject));
  faulted.catch(() => {});
  const onFault = (err: unknown) => fault(err);
  if (usesProcess) process.on("uncaughtException", onFault).on("unhandledRejection", onFault);

  let stash: StashClient | undefined;
  let result: PluginRunResult;
  try {
    const input = await Promise.race([readPluginInput(io.stdin ?? process.stdin), faulted]);
    const chosen = pickHandler(def, input);
    let apiKey = def.apiKey?.trim() || env["STASH_API_KEY"]?.trim() || undefined;
    secrets.push(...pluginSecrets(input, apiKey));
    const connect = (key: string | undefined) =>
      StashClient.fromPluginInput(input, { ...def.client, env: {}, ...(key ? { apiKey: key } : {}), logger: { warn: log.warn } });
    stash = connect(apiKey);
    const work = async () => {
      const pluginId = def.id ?? pluginIdFromDir(input.server_connection.PluginDir);
      const settings = await loadPluginSettings<S>(stash!, pluginId, controller.signal);
      const keySetting = def.apiKeySetting === undefined ? "apiKey" : def.apiKeySetting;
      const fromSetting = keySetting ? (settings as Record<string, unknown>)[keySetting] : undefined;
      if (!apiKey && typeof fromSetting === "string" && fromSetting.trim()) {
        apiKey = fromSetting.trim();
        secrets.push(...pluginSecrets(input, apiKey));
        await stash!.close();
        stash = connect(apiKey);
      }
      return chosen.run({ stash: stash!, args: chosen.args, log, input, settings, signal: controller.signal });
    };
    const output = await withTimeout(Promise.race([Promise.resolve().then(work), faulted]), def.timeoutMs, controller, chosen.what);
    result = { output: output === undefined ? null : output, error: null, exitCode: 0 };
  } catch (err) {
    if (err instanceof Error && err.stack) log.debug(hide(err.stack));
    result = { output: null, error: describe(err, hide), exitCode: 1 };
  }
  await stash?.close().catch(() => {});
  restore();
  if (usesProcess) process.off("uncaughtException", onFault).off("unhandledRejection", onFault);
  return writeAnswer(result, io, usesProcess, hide);
}

/** Writes the answer once, then exits; an output JSON cannot carry becomes the error. */
function writeAnswer(result: PluginRunResult, io: PluginIo, usesProcess: boolean, hide: (t: string) => string): Promise<PluginRunResult> {
  let text: string;
  try {
    text = JSON.stringify(result.error === null ? { output: result.output } : { error: result.error });
  } catch (err) {
    result = { output: null, error: hide(`the result cannot be sent as JSON: ${(err as Error).message}`), exitCode: 1 };
    text = JSON.stringify({ error: result.error });
  }
  const stdout = io.stdout ?? process.stdout;
  const exit = io.exit ?? (usesProcess ? (code: number) => process.exit(code) : () => {});
  return new Promise((resolve) => {
    stdout.write(`${text}\n`, () => {
      resolve(result);
      exit(result.exitCode);
    });
  });
}

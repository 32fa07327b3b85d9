/**
 * One stand-in's plugin cache (pkg/plugin/plugins.go at v0.30.1): the loaded
 * definitions, which are disabled, the session cookies handed to running
 * plugins, and a record of every run for tests.
 */
import type { StandInContext } from "./context";
import {
  defaultLogLevel,
  execCommand,
  pluginDir,
  uniquePlugins,
  type StandInPlugin,
  type StandInPluginTask,
} from "./plugin-defs";
import {
  startRawPlugin,
  type GoCookie,
  type PluginInput,
  type PluginLogLine,
  type RawResult,
  type ServerConnection,
} from "./plugin-runner";

/** pkg/session/plugin.go VisitedPluginHook: a (plugin, trigger) a hook run came from. */
export interface VisitedPluginHook {
  readonly pluginId: string;
  readonly hookType: string;
}

/** What a plugin run is for. */
export type PluginRunKind = "task" | "operation" | "hook";

/** One run of a plugin process, as recorded for tests. */
export interface PluginRun {
  readonly pluginId: string;
  readonly kind: PluginRunKind;
  /** The task or hook name; null for `runPluginOperation`. */
  readonly name: string | null;
  /** Exactly what the plugin got on stdin. */
  readonly input: PluginInput;
  /** Stderr lines with Stash's levels (progress lines excluded). */
  readonly logs: PluginLogLine[];
  /** Progress values, in order. */
  readonly progress: number[];
  /** False until the process ends. */
  finished: boolean;
  output: unknown;
  error: string | null;
  exitCode: number | null;
}

/** Callbacks of one run: progress goes to a job, when there is one. */
interface RunOptions {
  progress?(value: number): void;
  /** Called with the process's stop function once it started. */
  started?(stop: () => void): void;
}

/** Public view of an instance's plugins (`standIn.plugins`). */
export interface StandInPlugins {
  /** Every run so far, oldest first. */
  readonly runs: readonly PluginRun[];
  /** Replaces the definitions (what editing the plugin folder and `reloadPlugins` does). */
  load(plugins: readonly StandInPlugin[]): void;
  /** Resolves when no plugin process is running. */
  idle(): Promise<void>;
}

/** The plugin cache of one instance. */
export class PluginHost implements StandInPlugins {
  readonly runs: PluginRun[] = [];
  private source: readonly StandInPlugin[];
  private plugins: StandInPlugin[] = [];
  /** config `disabled_plugins`. */
  private readonly disabled = new Set<string>();
  /** The visited hooks each minted cookie carries (Stash encodes them in the cookie itself). */
  private readonly cookieHooks = new Map<string, readonly VisitedPluginHook[]>();
  private readonly active = new Set<Promise<unknown>>();
  private readonly stops = new Set<() => void>();

  constructor(plugins: readonly StandInPlugin[] = []) {
    this.source = plugins;
    this.plugins = uniquePlugins(plugins, () => {});
  }

  load(plugins: readonly StandInPlugin[]): void {
    this.source = plugins;
    this.plugins = uniquePlugins(plugins, () => {});
  }

  /** ReloadPlugins: re-reads the definitions, skipping repeated ids with Stash's error (pkg/plugin/plugins.go). */
  reload(ctx: StandInContext): void {
    this.plugins = uniquePlugins(this.source, (def) =>
      ctx.logs.add("Error", `Error loading plugin ${def.id}.yml: plugin ID ${def.id} already exists`),
    );
  }

  /** Kills every running plugin process (the instance is closing). */
  stopAll(): void {
    for (const stop of this.stops) stop();
  }

  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  /** Every loaded plugin with its enabled flag (ListPlugins). */
  list(): { def: StandInPlugin; enabled: boolean }[] {
    return this.plugins.map((def) => ({ def, enabled: !this.disabled.has(def.id) }));
  }

  /** Enabled plugins in load order (enabledPlugins). */
  enabled(): StandInPlugin[] {
    return this.plugins.filter((def) => !this.disabled.has(def.id));
  }

  /** getPlugin: the id must match exactly (pkg/plugin/plugins.go getPlugin; only the load-time duplicate check ignores case). */
  find(id: string): StandInPlugin | undefined {
    return this.plugins.find((def) => def.id === id);
  }

  isDisabled(id: string): boolean {
    return this.disabled.has(id);
  }

  /** resolver_mutation_plugin.go SetPluginsEnabled: only `false` disables; `true` re-enables. */
  setEnabled(map: Record<string, boolean>): void {
    for (const id of [...this.disabled]) if (map[id] === true) this.disabled.delete(id);
    for (const [id, on] of Object.entries(map)) if (!on) this.disabled.add(id);
  }

  /** Visited hooks carried by a request's session cookie (session.VisitedPluginHandler). */
  visitedHooks(cookieValue: string): readonly VisitedPluginHook[] {
    return this.cookieHooks.get(cookieValue) ?? [];
  }

  /**
   * makeServerConnection + buildPluginInput: a fresh session cookie carrying
   * the caller's user and visited hooks, and `args` with the operation's
   * defaults filled in where missing.
   */
  buildInput(
    ctx: StandInContext,
    def: StandInPlugin,
    op: StandInPluginTask | null,
    args: Record<string, unknown>,
    visited: readonly VisitedPluginHook[],
  ): PluginInput {
    const url = new URL(ctx.baseUrl);
    const connection: ServerConnection = {
      Scheme: url.protocol === "https:" ? "https" : "http",
      Host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      Port: Number(url.port),
      SessionCookie: this.mintCookie(ctx, visited),
      // config.GetConfigPathAbs: the stand-in has no config file; its working directory stands in.
      Dir: process.cwd(),
      PluginDir: pluginDir(def),
    };
    const withDefaults = { ...args };
    for (const [k, v] of Object.entries(op?.defaultArgs ?? {})) if (!(k in withDefaults)) withDefaults[k] = v;
    return { server_connection: connection, args: withDefaults };
  }

  /** session.MakePluginCookie: gorilla's cookie for a new session (Path "/", SameSite Lax, MaxAge). */
  private mintCookie(ctx: StandInContext, visited: readonly VisitedPluginHook[]): GoCookie | null {
    const { sessions } = ctx;
    // The stand-in keeps no user per request; the session's user is left empty.
    const value = sessions.create("");
    this.cookieHooks.set(value, [...visited]);
    const maxAge = sessions.maxAge;
    return {
      Name: sessions.cookieName,
      Value: value,
      Quoted: false,
      Path: "/",
      Domain: "",
      Expires: new Date(Date.now() + maxAge * 1000).toISOString(),
      RawExpires: "",
      MaxAge: maxAge,
      Secure: false,
      HttpOnly: false,
      SameSite: 2, // http.SameSiteLaxMode (session.go NewStore)
      Partitioned: false,
      Raw: "",
      Unparsed: null,
    };
  }

  /**
   * Runs a plugin operation to its end (raw.go Start/Wait), logging its
   * stderr as `[Plugin / <name>] ...` (plugin/log.go) and recording the run.
   */
  run(
    ctx: StandInContext,
    def: StandInPlugin,
    kind: PluginRunKind,
    op: StandInPluginTask | null,
    input: PluginInput,
    options: RunOptions = {},
  ): Promise<RawResult> {
    if (def.interface && def.interface !== "raw") {
      return Promise.reject(new Error(`error running plugin: ${def.interface} plugins are not supported by the stand-in`));
    }
    const record: PluginRun = {
      pluginId: def.id,
      kind,
      name: op?.name ?? null,
      input,
      logs: [],
      progress: [],
      finished: false,
      output: null,
      error: null,
      exitCode: null,
    };
    const prefix = `[Plugin / ${def.name ?? ""}] `;
    const raw = startRawPlugin(execCommand(def, op), input, defaultLogLevel(def), {
      log: (line) => {
        record.logs.push(line);
        ctx.logs.add(line.level, prefix + line.message);
      },
      progress: (value) => {
        record.progress.push(value);
        options.progress?.(value);
      },
    });
    this.runs.push(record);
    options.started?.(raw.stop);
    const done = raw.done.then(
      (result) => {
        Object.assign(record, result, { finished: true });
        return result;
      },
      (err: unknown) => {
        Object.assign(record, { finished: true, error: (err as Error).message });
        throw err;
      },
    );
    this.active.add(done);
    this.stops.add(raw.stop);
    const forget = () => {
      this.active.delete(done);
      this.stops.delete(raw.stop);
    };
    done.then(forget, forget);
    return done;
  }
}

/** Go's `%v` of a plugin output, closely enough for log lines. */
export function goValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Keeps stdout for the plugin's one JSON answer. Stash parses the whole of
 * stdout as `{output, error}` (pkg/plugin/raw.go getOutput), and takes any
 * non-JSON text as the output itself, so a stray `console.log` in a handler or
 * a library would replace the result. While a plugin runs, console methods and
 * direct stdout writes go to Stash's log instead, at a matching level.
 */
import { format } from "node:util";
import type { PluginLog } from "./log";

type ConsoleMethod = "log" | "info" | "debug" | "warn" | "error" | "trace";

/** Sends console output and stdout writes to `log` until the returned function restores them. */
export function redirectConsole(log: PluginLog, stdout: NodeJS.WriteStream = process.stdout): () => void {
  const saved = {
    log: console.log,
    info: console.info,
    debug: console.debug,
    warn: console.warn,
    error: console.error,
    trace: console.trace,
  } as const;
  const savedWrite = stdout.write;
  const to = (level: (m: string) => void) => (...args: unknown[]) => level(format(...args));
  const targets: Record<ConsoleMethod, (...args: unknown[]) => void> = {
    log: to(log.info),
    info: to(log.info),
    debug: to(log.debug),
    warn: to(log.warn),
    error: to(log.error),
    // console.trace prints a stack: debug detail, never an error line in Stash's log.
    trace: (...args: unknown[]) => log.debug(`${format(...args)}\n${new Error().stack?.split("\n").slice(2).join("\n") ?? ""}`),
  };
  Object.assign(console, targets);
  stdout.write = ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown) => {
    log.info(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = typeof encoding === "function" ? encoding : cb;
    if (typeof done === "function") queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof stdout.write;
  return () => {
    Object.assign(console, saved);
    stdout.write = savedWrite;
  };
}

/**
 * Stash's "raw" plugin interface: the plugin's `exec` runs as a child
 * process, gets its input as JSON on stdin, answers `{output, error}` on
 * stdout, and logs on stderr with SOH/level/STX prefixed lines.
 * Mirrors pkg/plugin/raw.go and pkg/logger/plugin.go (v0.30.1).
 */
import { spawn } from "node:child_process";

/** A log level as Stash's logger (and the `logs` query) names it. */
export type PluginLogLevel = "Trace" | "Debug" | "Info" | "Warning" | "Error";

/** Go's `http.Cookie` as encoding/json writes it (Go 1.24, which v0.30.1 builds with). */
export interface GoCookie {
  Name: string;
  Value: string;
  Quoted: boolean;
  Path: string;
  Domain: string;
  Expires: string;
  RawExpires: string;
  MaxAge: number;
  Secure: boolean;
  HttpOnly: boolean;
  SameSite: number;
  Partitioned: boolean;
  Raw: string;
  Unparsed: string[] | null;
}

/** `common.StashServerConnection` (pkg/plugin/common/msg.go). */
export interface ServerConnection {
  Scheme: string;
  Host: string;
  Port: number;
  SessionCookie: GoCookie | null;
  Dir: string;
  PluginDir: string;
}

/** `common.PluginInput`: what the plugin reads from stdin. */
export interface PluginInput {
  server_connection: ServerConnection;
  args: Record<string, unknown>;
}

/** One stderr line as Stash's plugin logger understood it. */
export interface PluginLogLine {
  level: PluginLogLevel;
  message: string;
}

/** What a finished run produced: `common.PluginOutput` plus the process facts. */
export interface RawResult {
  output: unknown;
  error: string | null;
  /** Null when the process was killed by a signal (or never started). */
  exitCode: number | null;
}

/** Callbacks for what the plugin writes on stderr. */
export interface RawCallbacks {
  /** A log line; `message` is the text without Stash's `[Plugin / name] ` prefix. */
  log(line: PluginLogLine): void;
  /** A progress value (only tasks listen; Stash drops it elsewhere). */
  progress?(value: number): void;
}

/** A started plugin process. */
export interface RawRun {
  readonly done: Promise<RawResult>;
  /** Kills the process, as `rawPluginTask.Stop` does. */
  stop(): void;
}

const LEVEL_CHARS: Record<string, PluginLogLevel | "Progress"> = {
  t: "Trace",
  d: "Debug",
  i: "Info",
  w: "Warning",
  e: "Error",
  p: "Progress",
};

/** pkg/logger/plugin.go detectLogLevel: `\x01<char>\x02message`, message trimmed; otherwise no level. */
export function detectLogLevel(line: string): { level: PluginLogLevel | "Progress" | null; message: string } {
  if (line.length < 4 || line.charCodeAt(0) !== 1 || line.charCodeAt(2) !== 2) return { level: null, message: line };
  const level = LEVEL_CHARS[line[1]!];
  return level ? { level, message: line.slice(3).trim() } : { level: null, message: line };
}

/** Go's strconv.ParseFloat, closely enough for progress values. */
function parseGoFloat(text: string): number | null {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

/**
 * handleStderrLine: a line without a prefix goes out at the plugin's `errLog`
 * level (default error); a bad progress value is logged as an error.
 */
export function handleStderrLine(line: string, defaultLevel: PluginLogLevel, cb: RawCallbacks): void {
  const { level, message } = detectLogLevel(line);
  if (level === "Progress") {
    const value = parseGoFloat(message);
    if (value === null) {
      cb.log({
        level: "Error",
        message: `Error parsing progress value '${message}': strconv.ParseFloat: parsing "${message}": invalid syntax`,
      });
    } else cb.progress?.(value);
    return;
  }
  cb.log({ level: level ?? defaultLevel, message });
}

/** raw.go getOutput: stdout as `{output, error}` JSON, or else the whole text as the output. */
export function parseOutput(stdout: string): { output: unknown; error: string | null } {
  try {
    const parsed: unknown = JSON.parse(stdout);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      const { output = null, error = null } = parsed as { output?: unknown; error?: unknown };
      // Go fails the whole unmarshal when `error` is not a string.
      if (error === null || typeof error === "string") return { output, error };
    } else if (parsed === null) return { output: null, error: null };
  } catch {
    // not JSON: fall through to the raw text
  }
  return { output: stdout, error: null };
}

/** Go's exec.ExitError text. */
function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return code !== null ? `exit status ${code}` : `signal: ${signal === "SIGKILL" ? "killed" : (signal ?? "unknown")}`;
}

/**
 * Starts `command` with `input` on stdin. The process inherits the server's
 * working directory and environment, as stashExec.Command does.
 */
export function startRawPlugin(
  command: readonly string[],
  input: PluginInput,
  defaultLevel: PluginLogLevel,
  cb: RawCallbacks,
): RawRun {
  if (command.length === 0) return { done: Promise.reject(new Error("empty exec value")), stop: () => {} };
  const child = spawn(command[0]!, command.slice(1), { stdio: ["pipe", "pipe", "pipe"] });
  const done = new Promise<RawResult>((resolve, reject) => {
    let stdout = "";
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    // bufio.Scanner: split on \n, drop a trailing \r, skip empty lines.
    const flush = (line: string) => {
      const text = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (text !== "") handleStderrLine(text, defaultLevel, cb);
    };
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      lines.forEach(flush);
    });
    child.stdin.on("error", () => {}); // a plugin that never reads stdin closes the pipe early
    child.once("error", (err) => reject(new Error(`error running plugin: ${err.message}`)));
    child.once("close", (code, signal) => {
      flush(pending);
      const result = parseOutput(stdout);
      const failed = code !== 0;
      resolve({
        output: result.output,
        // cmd.Wait's error only counts when the plugin reported none.
        error: result.error ?? (failed ? exitText(code, signal) : null),
        exitCode: code,
      });
    });
  });
  child.stdin.end(JSON.stringify(input));
  return { done, stop: () => void child.kill("SIGKILL") };
}

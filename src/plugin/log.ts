/**
 * Stash's plugin log protocol (pkg/plugin/common/log/log.go at v0.30.1): each
 * stderr line is SOH, a level character (t, d, i, w, e, or p for progress),
 * STX, then the message. Stash reads stderr line by line
 * (pkg/logger/plugin.go), so a multi-line message is sent as one prefixed line
 * per line: an unprefixed continuation would land at the plugin's `errLog`
 * level, error by default.
 */
import { StashValidationError } from "../core/errors";

/** A plugin's logger: lines appear in Stash's log as `[Plugin / <name>] message`. */
export interface PluginLog {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The task's progress, 0..1 (clamped as Stash's Go helper does); Stash shows it on the task's job. */
  progress(value: number): void;
}

/** Where log lines go: stderr, or a test's collector. */
export interface LogSink {
  write(text: string): unknown;
}

const SOH = "\x01";
const STX = "\x02";

/** One encoded stderr line (with its newline) per non-empty line of `message`. */
export function encodeLogLines(level: "t" | "d" | "i" | "w" | "e" | "p", message: string): string {
  return message
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => `${SOH}${level}${STX}${line}\n`)
    .join("");
}

/**
 * A logger writing Stash's protocol to `sink` (default stderr). `redact`
 * hides secrets (session cookie, API key) in every message.
 */
export function createPluginLog(sink: LogSink = process.stderr, redact: (text: string) => string = (t) => t): PluginLog {
  const emit = (level: "t" | "d" | "i" | "w" | "e") => (message: string) => {
    const text = encodeLogLines(level, redact(String(message)));
    if (text) sink.write(text);
  };
  return {
    trace: emit("t"),
    debug: emit("d"),
    info: emit("i"),
    warn: emit("w"),
    error: emit("e"),
    progress(value: number) {
      if (typeof value !== "number" || Number.isNaN(value)) {
        throw new StashValidationError("progress", `must be a number from 0 to 1, got ${String(value)}`);
      }
      sink.write(encodeLogLines("p", String(Math.min(Math.max(0, value), 1))));
    },
  };
}

/** A decoded stderr line: its level (null when unprefixed) and message. */
export interface DecodedLogLine {
  level: "trace" | "debug" | "info" | "warning" | "error" | "progress" | null;
  message: string;
}

const LEVELS: Record<string, DecodedLogLine["level"]> = { t: "trace", d: "debug", i: "info", w: "warning", e: "error", p: "progress" };

/** Reads one stderr line as Stash does (pkg/logger/plugin.go detectLogLevel); for running plugins outside Stash. */
export function decodeLogLine(line: string): DecodedLogLine {
  const level = line.length >= 4 && line[0] === SOH && line[2] === STX ? LEVELS[line[1]!] : undefined;
  return level ? { level, message: line.slice(3).trim() } : { level: null, message: line };
}

/**
 * The stand-in's log, as Stash's logger keeps it (internal/log/logger.go):
 * every entry goes to subscribers, but the `logs` query answers from a cache
 * of the 30 newest entries (newest first) that met the configured log level
 * when they were written.
 */
import { EventEmitter } from "node:events";

/** Stash's `LogLevel` enum values. */
export type LogLevel = "Trace" | "Debug" | "Info" | "Progress" | "Warning" | "Error";

/** A `LogEntry` as the GraphQL type resolves it. */
export interface LogEntry {
  /** RFC3339 with milliseconds. */
  readonly time: string;
  readonly level: LogLevel;
  readonly message: string;
}

/** logrus severities: lower is more severe. */
const SEVERITY = { Error: 2, Warning: 3, Info: 4, Debug: 5, Trace: 6 } as const;

/**
 * The severity Stash's cache filter gives an entry. It parses the entry's
 * type with the config parser, which knows "warning" but not the "warn" and
 * "progress" types entries carry, so both count as Info (logLevelFromString).
 */
function entrySeverity(level: LogLevel): number {
  if (level === "Warning" || level === "Progress") return SEVERITY.Info;
  return SEVERITY[level];
}

const CACHE_SIZE = 30;
/** Every entry is kept for tests, up to this many. */
const MAX_ENTRIES = 10_000;

/** Per-instance log: `entries` (oldest first), the `logs` query cache, and "entries" events. */
export class LogBuffer {
  /** Emits "entries" with each new `LogEntry[]` batch (entries added in one synchronous run) — feeds loggingSubscribe. */
  readonly events = new EventEmitter();
  /** Every entry so far, oldest first (the newest 10,000). */
  readonly entries: LogEntry[] = [];
  /** Stash's `logLevel` setting (default Info); it filters what the `logs` query keeps. */
  level: Exclude<LogLevel, "Progress"> = "Info";
  private cache: LogEntry[] = [];
  private pending: LogEntry[] | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Adds an entry; subscribers get it in the next batch. */
  add(level: LogLevel, message: string): LogEntry {
    const entry: LogEntry = { time: this.now().toISOString(), level, message };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    if (entrySeverity(level) <= SEVERITY[this.level]) {
      this.cache.unshift(entry);
      if (this.cache.length > CACHE_SIZE) this.cache.pop();
    }
    // Stash batches broadcasts once a second; the stand-in batches per synchronous run.
    if (!this.pending) {
      this.pending = [];
      queueMicrotask(() => {
        const batch = this.pending ?? [];
        this.pending = null;
        if (batch.length > 0) this.events.emit("entries", batch);
      });
    }
    this.pending.push(entry);
    return entry;
  }

  /** What the `logs` query answers: the cached entries, newest first. */
  logs(): LogEntry[] {
    return [...this.cache];
  }
}

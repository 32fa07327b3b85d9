/**
 * Where the CLI reads and writes. Commands never touch `process` directly, so
 * tests can run the whole program in-process with captured streams.
 */

/** The parts of a writable stream the CLI uses (a `process.stdout` fits). */
export interface CliStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  once?(event: "drain", listener: () => void): unknown;
}

/** The CLI's outside world. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Fires on Ctrl-C; long runs stop between requests. */
  signal?: AbortSignal;
  /** Relative paths (e.g. `--html FILE`) resolve against this; default `process.cwd()`. */
  cwd?: string;
}

/** The real process streams and environment. */
export function processIo(signal?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...(signal ? { signal } : {}) };
}

/** Writes and waits for `drain` when the stream is backed up, so streaming output stays in bounded memory. */
export function writeWithBackpressure(stream: CliStream, text: string): Promise<void> {
  if (stream.write(text) || !stream.once) return Promise.resolve();
  return new Promise((resolve) => stream.once!("drain", resolve));
}

/**
 * A stream that replaces every secret (and its URL-encoded form, as Stash puts
 * the key into stream URLs) before writing: the last line of defence for output.
 */
export function redactingStream(stream: CliStream, secrets: readonly string[]): CliStream {
  const active = [...new Set(secrets.filter((s) => s.length > 0).flatMap((s) => [s, encodeURIComponent(s)]))];
  if (active.length === 0) return stream;
  return {
    write: (chunk) => stream.write(active.reduce((text, secret) => text.split(secret).join("[redacted]"), chunk)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    ...(stream.once ? { once: (event: "drain", listener: () => void) => stream.once!(event, listener) } : {}),
  };
}

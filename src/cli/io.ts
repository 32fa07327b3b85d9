/**
 * Where the CLI reads and writes. Commands never touch `process` directly, so
 * tests can run the whole program in-process with captured streams.
 */
import { REDACTED, redact } from "../core/parse-result";

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
 * Where a stream's text comes from: `messages` (stderr: errors, which may quote
 * any input) hide the key anywhere; `data` (stdout: what the server holds) hide
 * it only where a key can be — so a scene path that happens to contain the
 * key's text prints as it is.
 */
export type RedactionScope = "messages" | "data";

// Any URL, up to whitespace, a quote or a bracket that ends it in JSON, HTML or prose.
const URL_TOKEN = /\bhttps?:\/\/[^\s"'<>`]+/gi;
// Stash writes the key into stream and screenshot URLs as `?apikey=`.
const KEY_PARAM = /([?&]api_?key=)[^&#\s"'<>`]*/gi;
// A header or field that carries a key: `ApiKey: …`, `"apiKey": "…"` (Stash's configuration), `Authorization: Bearer …`.
const KEY_FIELD = /((?:^|[\s"'{,;(])(?:api[-_]?key|x-api-key|authorization)["']?\s*[:=]\s*["']?(?:bearer\s+)?)([^\s"',;}]+)/gim;

/** `text` with the secrets (and their URL-encoded forms) hidden as `scope` says. */
export function redactText(text: string, secrets: readonly string[], scope: RedactionScope): string {
  const needles = [...new Set(secrets.filter((s) => s.length > 0).flatMap((s) => [s, encodeURIComponent(s)]))];
  if (needles.length === 0) return text;
  if (scope === "messages") return redact(text, needles);
  return text
    .replace(URL_TOKEN, (url) => redact(url.replace(KEY_PARAM, `$1${REDACTED}`), needles))
    .replace(KEY_FIELD, (field: string, name: string, value: string) => (needles.includes(value) ? `${name}${REDACTED}` : field));
}

/** A stream that redacts every chunk before writing: the last line of defence for output. */
export function redactingStream(stream: CliStream, secrets: readonly string[], scope: RedactionScope = "messages"): CliStream {
  if (!secrets.some((s) => s.length > 0)) return stream;
  return {
    write: (chunk) => stream.write(redactText(chunk, secrets, scope)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    ...(stream.once ? { once: (event: "drain", listener: () => void) => stream.once!(event, listener) } : {}),
  };
}

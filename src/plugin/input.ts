/**
 * What Stash hands a raw-interface plugin on stdin: `common.PluginInput`
 * (pkg/plugin/common/msg.go at v0.30.1), read and checked so that a plugin
 * started by hand, or by something that is not Stash, fails with a clear
 * message instead of a TypeError deep inside a handler.
 */
import { StashValidationError } from "../core/errors";

/** Go's `http.Cookie` as encoding/json writes it; only `Name` and `Value` matter to a plugin. */
export interface PluginSessionCookie {
  Name: string;
  Value: string;
  Path?: string;
  Domain?: string;
  Expires?: string;
  MaxAge?: number;
  Secure?: boolean;
  HttpOnly?: boolean;
  SameSite?: number;
  [field: string]: unknown;
}

/** `common.StashServerConnection`: where the plugin's Stash listens, and the session it may use. */
export interface PluginServerConnection {
  /** `http` or `https`. */
  Scheme: string;
  /** The host Stash listens on: often `0.0.0.0` or `::`, which the kit maps to loopback. */
  Host: string;
  Port: number;
  /** A fresh session of the user who started the run; it also carries Stash's hook-loop guard. */
  SessionCookie: PluginSessionCookie | null;
  /** The directory of Stash's configuration file. */
  Dir: string;
  /** The directory of the plugin's yml. */
  PluginDir: string;
}

/** `common.PluginInput`: the server connection and the operation's arguments. */
export interface PluginInput {
  server_connection: PluginServerConnection;
  /** The task's `defaultArgs` and the caller's args; hooks also get `hookContext`. */
  args: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Checks the parsed stdin; each problem names the field at fault. */
export function checkPluginInput(value: unknown): PluginInput {
  if (!isObject(value)) throw new StashValidationError("stdin", `must be a JSON object (Stash's plugin input), got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`);
  const conn = value["server_connection"];
  if (conn === undefined || conn === null) {
    throw new StashValidationError("server_connection", "is missing from stdin: this program is a Stash plugin and expects Stash's plugin input (use `stash-gql plugin run` to try it by hand)");
  }
  if (!isObject(conn)) throw new StashValidationError("server_connection", "must be an object");
  const scheme = conn["Scheme"];
  if (scheme !== "http" && scheme !== "https") throw new StashValidationError("server_connection.Scheme", `must be "http" or "https", got ${JSON.stringify(scheme)}`);
  if (typeof conn["Host"] !== "string") throw new StashValidationError("server_connection.Host", "must be a string");
  const port = conn["Port"];
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StashValidationError("server_connection.Port", `must be a port number (1-65535), got ${JSON.stringify(port)}`);
  }
  const cookie = conn["SessionCookie"] ?? null;
  if (cookie !== null && (!isObject(cookie) || typeof cookie["Name"] !== "string" || typeof cookie["Value"] !== "string")) {
    throw new StashValidationError("server_connection.SessionCookie", "must be null or an object with string Name and Value");
  }
  const args = value["args"] ?? {};
  if (!isObject(args)) throw new StashValidationError("args", "must be an object");
  return {
    server_connection: {
      Scheme: scheme,
      Host: conn["Host"],
      Port: port,
      SessionCookie: cookie as PluginSessionCookie | null,
      Dir: typeof conn["Dir"] === "string" ? conn["Dir"] : "",
      PluginDir: typeof conn["PluginDir"] === "string" ? conn["PluginDir"] : "",
    },
    args,
  };
}

/** Parses stdin text into a checked plugin input. */
export function parsePluginInput(text: string): PluginInput {
  if (text.trim() === "") {
    throw new StashValidationError("stdin", "is empty: Stash writes the plugin input there (run it from Stash, or with `stash-gql plugin run`)");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // Only the position: the parser's message quotes the text, which may hold the session cookie.
    const where = /position \d+/.exec((err as Error).message)?.[0];
    throw new StashValidationError("stdin", `is not valid JSON${where ? ` (error at ${where})` : ""}`);
  }
  return checkPluginInput(parsed);
}

/** A readable stream of text or bytes, such as `process.stdin`. */
export type InputStream = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

/**
 * Reads the whole plugin input from `stream` (default stdin) and checks it.
 * A terminal on stdin fails at once instead of waiting for input that Stash would have sent.
 */
export async function readPluginInput(stream: InputStream = process.stdin): Promise<PluginInput> {
  if (stream.isTTY) throw new StashValidationError("stdin", "is a terminal: Stash runs plugins with their input on stdin (try `stash-gql plugin run`)");
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return parsePluginInput(text + decoder.decode());
}

/**
 * The wire under the HTTP exchange (http-exchange.ts): one POST and its
 * answer. By default it goes through Node's own HTTP client (node:http/https,
 * with Node's keep-alive global agents): per request it costs a fraction of
 * what `fetch` does, and fetch was most of the SDK's client time
 * (bench/RESULTS.md). A `fetch` given in the options is used instead.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/** The fetch signature the SDK accepts (Node's global fetch, or a custom one with an agent/CA). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What an attempt sends; a valid `RequestInit`. */
export interface WireRequest {
  readonly method: "POST";
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Stops a request in flight. Timeouts and teardowns go through this rather
 * than an AbortController per request: creating abort signals showed in the
 * per-request profile, and node:http can simply destroy its request.
 */
export class Canceller {
  private stop: ((reason: Error) => void) | undefined;
  private reason: Error | undefined;

  /** Registers how to stop the request; runs at once when already cancelled. */
  onCancel(stop: (reason: Error) => void): void {
    if (this.reason) stop(this.reason);
    else this.stop = stop;
  }

  /** Stops the request; the first reason wins. */
  cancel(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.stop?.(reason);
  }
}

/** What an attempt reads from a response; a fetch `Response` has all of it. */
export interface WireResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** One HTTP request and its response: the SDK's node:http one, or one over any `FetchLike`. */
export type HttpSend = (url: string, init: WireRequest, cancel: Canceller) => Promise<WireResponse>;

/** Sending over a caller's fetch; cancelling aborts that fetch. */
export function sendWithFetch(fetchImpl: FetchLike): HttpSend {
  return (url, init, cancel) => {
    const controller = new AbortController();
    cancel.onCancel((reason) => controller.abort(reason));
    return fetchImpl(url, { ...init, signal: controller.signal });
  };
}

/** We only read single JSON responses, so only JSON media types are offered. */
const ACCEPT = "application/graphql-response+json, application/graphql+json, application/json";

/**
 * The headers of every request: JSON accept, the caller's headers (names
 * lower-cased, so each name appears once), a JSON content type unless the
 * caller set one, and the API key last so nothing overrides it.
 */
export function requestHeaders(extra: Readonly<Record<string, string>> | undefined, apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: ACCEPT };
  for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
  headers["content-type"] ??= "application/json";
  if (apiKey) headers["apikey"] = apiKey;
  return headers;
}

/** The body as text, decompressed the way fetch would (gzip, deflate, br). */
function readText(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
    const inflate =
      encoding === "gzip" || encoding === "x-gzip"
        ? createGunzip()
        : encoding === "deflate"
          ? createInflate()
          : encoding === "br"
            ? createBrotliDecompress()
            : null;
    const source: Readable = inflate ? pipeline(res, inflate, () => {}) : res;
    // Bytes first, decoded once: cheaper than decoding chunk by chunk, and no string rope to flatten.
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, size).toString("utf8"));
    };
    source.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    source.once("end", finish);
    source.once("error", reject);
    // A connection that closes before the declared length arrived is a broken answer.
    res.once("close", () => {
      if (!res.complete) reject(new Error("the connection closed before the response ended"));
      else if (!inflate) finish();
    });
  });
}

/**
 * The default: node:http(s) through Node's global agents, which keep
 * connections alive (and honour the server's Keep-Alive hint). Redirects are
 * not followed: a POST to Stash that is redirected is reported as the HTTP
 * status, with the URL to check.
 */
export const sendWithNode: HttpSend = (url, init, cancel) =>
  new Promise<WireResponse>((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    headers["accept-encoding"] ??= "gzip, deflate, br";
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method, headers }, (res) => {
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get: (name) => {
            const value = res.headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
          },
        },
        text: () => readText(res),
      });
    });
    req.on("error", reject);
    // Destroying the request closes the socket, which also ends a body still being read.
    cancel.onCancel((reason) => req.destroy(reason));
    req.end(init.body);
  });

/**
 * One GraphQL-over-HTTP attempt. By default it goes through Node's own HTTP
 * client (node:http/https, with Node's keep-alive global agents): per request
 * it costs a fraction of what `fetch` does, and fetch was most of the SDK's
 * client time (bench/RESULTS.md). A `fetch` given in the options is used
 * instead. Either way the timeout and the caller's AbortSignal share one
 * controller, the body is read inside the timeout window, and status,
 * content type and body are recorded so the parse function can explain failures.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { TransportRecord } from "./errors";

/** The fetch signature the SDK accepts (Node's global fetch, or a custom one with an agent/CA). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What an attempt sends; a valid `RequestInit`. */
export interface WireRequest {
  readonly method: "POST";
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Stops an exchange in flight. Timeouts and callers' signals go through this
 * rather than an AbortController per request: creating abort signals showed
 * in the per-request profile, and node:http can simply destroy its request.
 */
export class Canceller {
  private stop: ((reason: Error) => void) | undefined;
  private reason: Error | undefined;

  /** Registers how to stop the exchange; runs at once when already cancelled. */
  onCancel(stop: (reason: Error) => void): void {
    if (this.reason) stop(this.reason);
    else this.stop = stop;
  }

  /** Stops the exchange; the first reason wins. */
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

/** One HTTP exchange: the SDK's node:http one, or one over any `FetchLike`. */
export type Exchange = (url: string, init: WireRequest, cancel: Canceller) => Promise<WireResponse>;

/** An exchange over a caller's fetch; cancelling aborts that fetch. */
export function exchangeFromFetch(fetchImpl: FetchLike): Exchange {
  return (url, init, cancel) => {
    const controller = new AbortController();
    cancel.onCancel((reason) => controller.abort(reason));
    return fetchImpl(url, { ...init, signal: controller.signal });
  };
}

/** Per-attempt controls. */
export interface AttemptControl {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly record: TransportRecord;
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
 * The default exchange: node:http(s) through Node's global agents, which keep
 * connections alive (and honour the server's Keep-Alive hint). Redirects are
 * not followed: a POST to Stash that is redirected is reported as the HTTP
 * status, with the URL to check.
 */
export const nodeExchange: Exchange = (url, init, cancel) =>
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

/**
 * A minimal Response over an already-read body, which is all urql's
 * fetchExchange reads. It always claims JSON so urql parses the body the one
 * way and stays quiet; the real content type is in the record, and the parse
 * function judges it.
 */
function bufferedResponse(status: number, headers: WireResponse["headers"], body: string): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: "",
    headers: { get: (name: string) => (name.toLowerCase() === "content-type" ? "application/json" : headers.get(name)) },
    text: () => Promise.resolve(body),
  } as unknown as Response;
}

/**
 * The fetch function urql calls for one attempt. urql replaces
 * `fetchOptions.signal` with its own, so the timeout and the caller's signal
 * are joined here with urql's; the body is buffered once and recorded.
 */
export function attemptFetch(exchange: Exchange, control: AttemptControl): FetchLike {
  return async (input, init) => {
    // urql's own signal only fires when it tears an operation down, which this client never does mid-call.
    const wire: WireRequest = {
      method: "POST",
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: String(init?.body ?? ""),
    };
    const res = await send(exchange, String(input), wire, control);
    return bufferedResponse(res.status, res.headers, control.record.body ?? "");
  };
}

/** The exchange itself, with the timeout and the caller's signal on one canceller. */
async function send(exchange: Exchange, url: string, init: WireRequest, control: AttemptControl): Promise<WireResponse> {
  const { record, timeoutMs, signal } = control;
  if (signal?.aborted) {
    record.ended = "abort";
    throw signal.reason ?? new Error("aborted");
  }
  const cancel = new Canceller();
  const onCallerAbort = () => {
    record.ended ??= "abort";
    cancel.cancel(signal!.reason instanceof Error ? signal!.reason : new Error("aborted"));
  };
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const handle =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          record.ended ??= "timeout";
          record.timeoutMs = timeoutMs;
          cancel.cancel(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  try {
    const res = await exchange(url, init, cancel);
    record.status = res.status;
    record.contentType = res.headers.get("content-type") ?? "";
    const retryAfter = res.headers.get("retry-after");
    if (retryAfter !== null) record.retryAfter = retryAfter;
    // Reading inside the timeout window means a server that stalls mid-body still times out.
    record.body = await res.text();
    return res;
  } catch (err) {
    // A body that broke off mid-way is a network failure, not an HTTP answer.
    if (record.body === undefined) record.status = undefined;
    throw err;
  } finally {
    if (handle) clearTimeout(handle);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

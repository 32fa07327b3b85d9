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
import { CombinedError } from "@urql/core";
import type { TransportRecord } from "./errors";

/** The fetch signature the SDK accepts (Node's global fetch, or a custom one with an agent/CA). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What an attempt sends; a valid `RequestInit`. */
export interface WireRequest {
  readonly method: "POST";
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal?: AbortSignal;
}

/** What an attempt reads from a response; a fetch `Response` has all of it. */
export interface WireResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** One HTTP exchange: the SDK's node:http one, or any `FetchLike`. */
export type Exchange = (url: string, init: WireRequest) => Promise<WireResponse>;

/** Per-attempt controls. */
export interface AttemptControl {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly record: TransportRecord;
}

/** The JSON body of a GraphQL POST. */
export interface GraphQLBody {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: unknown;
}

/** What an attempt yields for `parseResult`: data, and GraphQL or transport errors in urql's shape. */
export interface AttemptResult {
  readonly data: unknown;
  readonly error: CombinedError | undefined;
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
export const nodeExchange: Exchange = (url, init) =>
  new Promise<WireResponse>((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    headers["accept-encoding"] ??= "gzip, deflate, br";
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method, headers, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
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
    req.end(init.body);
  });

/** Reads a GraphQL response body; anything that is not one becomes a network-style error, as urql reported it. */
function decode(body: string): AttemptResult {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (err) {
    return { data: undefined, error: new CombinedError({ networkError: err as Error }) };
  }
  const response = payload as { data?: unknown; errors?: unknown } | null;
  if (typeof response !== "object" || response === null || !("data" in response || Array.isArray(response.errors))) {
    return { data: undefined, error: new CombinedError({ networkError: new Error("No Content") }) };
  }
  const errors = Array.isArray(response.errors) ? new CombinedError({ graphQLErrors: response.errors }) : undefined;
  return { data: response.data, error: errors };
}

/** Sends one attempt and decodes the answer; transport failures come back as `networkError`, never thrown. */
export async function postGraphQL(
  exchange: Exchange,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: GraphQLBody,
  control: AttemptControl,
): Promise<AttemptResult> {
  try {
    await send(exchange, url, { method: "POST", headers: { ...headers }, body: JSON.stringify(body) }, control);
  } catch (err) {
    return { data: undefined, error: new CombinedError({ networkError: err as Error }) };
  }
  return decode(control.record.body ?? "");
}

/** The exchange itself, with the timeout and the caller's signal on one controller. */
async function send(exchange: Exchange, url: string, init: WireRequest, control: AttemptControl): Promise<void> {
  const { record, timeoutMs, signal } = control;
  if (signal?.aborted) {
    record.ended = "abort";
    throw signal.reason ?? new Error("aborted");
  }
  const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
  // One controller instead of AbortSignal.any: the latter allocates weak references per call.
  const controller = timed || signal ? new AbortController() : undefined;
  const onCallerAbort = () => {
    record.ended ??= "abort";
    controller!.abort(signal!.reason);
  };
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const handle = timed
    ? setTimeout(() => {
        record.ended ??= "timeout";
        record.timeoutMs = timeoutMs;
        controller!.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs)
    : undefined;
  try {
    const res = await exchange(url, controller ? { ...init, signal: controller.signal } : init);
    record.status = res.status;
    record.contentType = res.headers.get("content-type") ?? "";
    const retryAfter = res.headers.get("retry-after");
    if (retryAfter !== null) record.retryAfter = retryAfter;
    // Reading inside the timeout window means a server that stalls mid-body still times out.
    record.body = await res.text();
  } catch (err) {
    // A body that broke off mid-way is a network failure, not an HTTP answer.
    if (record.body === undefined) record.status = undefined;
    throw err;
  } finally {
    if (handle) clearTimeout(handle);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

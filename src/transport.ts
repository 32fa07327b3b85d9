/**
 * One GraphQL-over-HTTP attempt with `fetch` and nothing between. It joins the
 * timeout and the caller's AbortSignal on one controller, reads the body
 * inside the timeout window, and records status, content type and body so the
 * parse function can explain failures. It used to run under urql's client;
 * profiling showed urql's stream pipeline, its per-request AbortController
 * and `AbortSignal.any` cost several times the fetch itself (bench/RESULTS.md).
 */
import { CombinedError } from "@urql/core";
import type { TransportRecord } from "./errors";

/** The fetch signature the SDK accepts (Node's global fetch, or a custom one with an agent/CA). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

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
  base: FetchLike,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: GraphQLBody,
  control: AttemptControl,
): Promise<AttemptResult> {
  try {
    await send(base, url, { method: "POST", headers: { ...headers }, body: JSON.stringify(body) }, control);
  } catch (err) {
    return { data: undefined, error: new CombinedError({ networkError: err as Error }) };
  }
  return decode(control.record.body ?? "");
}

/** The fetch itself, with the timeout and the caller's signal on one controller. */
async function send(base: FetchLike, url: string, init: RequestInit, control: AttemptControl): Promise<void> {
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
    const res = await base(url, controller ? { ...init, signal: controller.signal } : init);
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

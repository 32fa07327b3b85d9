/**
 * The wire under the HTTP exchange (http-exchange.ts): one POST and its
 * answer, over any `fetch`. Nothing here is platform-specific; the default
 * sender is picked per build (transport-default.ts: node:http in Node,
 * browser-transport-default.ts: the page's fetch in a browser).
 */

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

/** Sending over a fetch; cancelling aborts that fetch. `extra` is merged into every request (e.g. `credentials`). */
export function sendWithFetch(fetchImpl: FetchLike, extra: Omit<RequestInit, "method" | "headers" | "body" | "signal"> = {}): HttpSend {
  return (url, init, cancel) => {
    const controller = new AbortController();
    cancel.onCancel((reason) => controller.abort(reason));
    return fetchImpl(url, { ...extra, ...init, signal: controller.signal });
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

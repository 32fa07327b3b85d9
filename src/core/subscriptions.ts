/**
 * GraphQL subscriptions over WebSocket. An urql client whose only exchange is
 * `subscriptionExchange` forwards to a graphql-ws client (the
 * graphql-transport-ws protocol Stash's web UI speaks); each `subscribe` call
 * becomes a buffered async iterator that fails with the SDK's typed errors.
 * The socket opens with the first subscription and closes after the last.
 */
import { Client, createRequest, subscriptionExchange, type ExecutionResult, type OperationResult } from "@urql/core";
import type { DocumentNode, OperationDefinitionNode } from "graphql/language/ast.js";
import { createClient } from "graphql-ws";
import { defaultWebSocket } from "./transport-websocket";
import type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
import { abortError, StashAuthError, StashError, StashNetworkError, StashValidationError } from "./errors";
import { parseResult, redact } from "./parse-result";
import { normalizeUrl } from "./url";

/** Per-call options of `subscribe`. */
export interface SubscriptionOptions {
  /** Ends the subscription: the socket is released and the pending `next()` rejects with `StashAbortError`. */
  signal?: AbortSignal;
}

/** How to reconnect after the socket drops; the subscription is sent again on the new socket. */
export interface ReconnectOptions {
  /** Reconnects in a row before giving up (default 5). */
  attempts?: number;
  /** First delay in ms, doubled per attempt up to 30 s, with jitter (default 1000). */
  delayMs?: number;
}

/** Options of a subscription transport. */
export interface SubscriptionTransportOptions {
  /** Stash's http(s) GraphQL endpoint; the ws(s) URL is derived from it. */
  url: string;
  /**
   * Sent as the `ApiKey` header on the upgrade request, or as `?apikey=` where
   * the platform's WebSocket cannot set headers (browsers). Never put in errors.
   */
  apiKey?: string;
  /** Extra headers on the upgrade request, e.g. `Cookie`. */
  headers?: Record<string, string>;
  /** Strings redacted from every error; the API key and cookie/authorization values are added. */
  secrets?: readonly string[];
  /** Default `false`: a dropped socket ends each iteration with `StashNetworkError`. */
  reconnect?: boolean | ReconnectOptions;
  /**
   * WebSocket class to use instead of the platform's (the `ws` package in Node, the global one in browsers).
   * It is called as `new Impl(url, protocols, { headers })`; browsers ignore the headers.
   */
  webSocketImpl?: unknown;
}

/** A subscription transport: one lazily opened socket shared by its subscriptions. */
export interface SubscriptionTransport {
  /** Starts a subscription; iterate it with `for await`, `break` to stop. Events are queued until read. */
  subscribe<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options?: SubscriptionOptions): AsyncIterableIterator<TData>;
  /** Ends every open iteration (as done) and closes the socket. */
  dispose(): Promise<void>;
}

/** Key in urql's operation context under which forwardSubscription finds the call's stream. */
const STREAM = "stashStream";
const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };
const SENSITIVE_HEADER = /^(apikey|cookie|authorization)$/i;

/** One `subscribe` call, as the transport tracks it. */
interface Stream {
  readonly operation: string;
  /** Generation of the socket the subscription was sent on. */
  socket: number;
  finish(error?: Error): void;
}

function isCloseLike(value: unknown): value is { code: number; reason: string; target?: unknown } {
  return typeof value === "object" && value !== null && "code" in value && "reason" in value;
}

/** What the transport uses of a socket: its state (0 connecting, 1 open, 2 closing, 3 closed, in every implementation). */
interface SocketLike {
  readonly readyState: number;
}
type WebSocketClass = new (url: string, protocols?: string | string[], options?: { headers: Record<string, string> }) => SocketLike;
const OPEN = 1;

/** The socket URL with `apikey` added to its query when given. */
function withApiKey(wsUrl: string, apiKey: string | undefined): string {
  if (!apiKey) return wsUrl;
  const parsed = new URL(wsUrl);
  parsed.searchParams.set("apikey", apiKey);
  return parsed.href;
}

/** Creates a subscription transport; nothing connects until the first `subscribe`. */
export function createSubscriptionTransport(options: SubscriptionTransportOptions): SubscriptionTransport {
  const { url, displayUrl } = normalizeUrl(options.url);
  const platform = defaultWebSocket();
  // Browsers cannot set headers on the upgrade, so the key rides in the query (pkg/session/session.go reads `apikey`).
  const keyInQuery = Boolean(options.apiKey) && platform.keyInQuery && options.webSocketImpl === undefined;
  const wsUrl = withApiKey(url.replace(/^http/, "ws"), keyInQuery ? options.apiKey : undefined);
  const wsDisplay = displayUrl.replace(/^http/, "ws");
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey && !keyInQuery) headers.ApiKey = options.apiKey;
  const secrets = [...(options.secrets ?? []), ...(options.apiKey ? [options.apiKey] : []), ...Object.entries(headers).filter(([name]) => SENSITIVE_HEADER.test(name)).map(([, value]) => value)];
  const retry = options.reconnect
    ? { attempts: 5, delayMs: 1000, ...(typeof options.reconnect === "object" ? options.reconnect : {}) }
    : undefined;

  const live = new Set<Stream>();
  // Sockets are numbered so that a close fails only the streams sent on that socket.
  const generations = new WeakMap<object, number>();
  let generation = 0;
  let current: SocketLike | undefined;
  let lastSocketError: string | undefined;
  let disposed = false;
  let nextKey = 1;

  // A subclass keeps the headers out of graphql-ws's hands and numbers the sockets.
  const Base = (options.webSocketImpl ?? platform.impl) as WebSocketClass | undefined;
  if (typeof Base !== "function") throw new StashValidationError("webSocketImpl", "this runtime has no global WebSocket to subscribe with; pass a WebSocket class");
  class TrackedWebSocket extends Base {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      generations.set(this, ++generation);
      current = this;
    }
  }

  /** 401/403 when the server refused the upgrade or closed with graphql-ws's auth codes. */
  function authStatus(cause: unknown): number | undefined {
    if (isCloseLike(cause) && (cause.code === 4401 || cause.code === 4403)) return cause.code - 4000;
    // ws reports a refused upgrade as "Unexpected server response: <status>".
    const status = Number(/Unexpected server response: (\d{3})/.exec(lastSocketError ?? "")?.[1]);
    return status === 401 || status === 403 ? status : undefined;
  }

  function toError(cause: unknown, operation: string): StashError {
    const status = authStatus(cause);
    if (status !== undefined) {
      const how = isCloseLike(cause) && cause.code !== 1006 ? `close code ${cause.code}` : `HTTP ${status}`;
      return new StashAuthError(
        redact(`${operation}: Stash at ${wsDisplay} refused the subscription socket (${how}): the API key is missing or wrong — check the apiKey option or STASH_API_KEY`, secrets),
        { status, bodyExcerpt: "", operation },
      );
    }
    const what = isCloseLike(cause)
      ? `closed (code ${cause.code}${cause.reason ? `, "${cause.reason}"` : ""})`
      : `failed (${cause instanceof Error ? cause.message : String(cause)})`;
    const detail = lastSocketError ? `: ${lastSocketError}` : "";
    // Only a redacted copy of the cause: the original may hold request details.
    const safeCause = new Error(redact(lastSocketError ?? what, secrets));
    return new StashNetworkError(
      redact(`${operation}: the subscription socket to ${wsDisplay} ${what}${detail}; check that Stash is running and the URL is right`, secrets),
      { operation, cause: safeCause },
    );
  }

  const socketClient = createClient({
    url: wsUrl,
    webSocketImpl: TrackedWebSocket,
    lazy: true,
    lazyCloseTimeout: 0,
    retryAttempts: retry ? retry.attempts : 0,
    shouldRetry: (cause) => isCloseLike(cause) && authStatus(cause) === undefined,
    retryWait: (attempt) => {
      const ms = Math.min(retry!.delayMs * 2 ** attempt, 30_000);
      return new Promise((resolve) => setTimeout(resolve, ms / 2 + (Math.random() * ms) / 2));
    },
    on: {
      connecting: () => void (lastSocketError = undefined),
      error: (event) => {
        const message = (event as { message?: unknown } | null)?.message;
        lastSocketError = typeof message === "string" && message ? message : undefined;
      },
      closed: (event) => {
        // graphql-ws reconnects after a server's normal closure whatever retryAttempts says,
        // so without `reconnect` the streams sent on a closed socket end here.
        const closed = isCloseLike(event) ? generations.get(event.target as object) : undefined;
        if (retry || closed === undefined) return;
        for (const stream of [...live]) if (stream.socket === closed) stream.finish(toError(event, stream.operation));
      },
    },
  });

  const urql = new Client({
    url: wsUrl,
    exchanges: [
      subscriptionExchange({
        forwardSubscription: (request, operation) => ({
          subscribe(observer) {
            const stream = operation.context[STREAM] as Stream | undefined;
            // A socket already closing (after the last stream ended) is replaced: count this one on the next.
            if (stream) stream.socket = current && current.readyState <= OPEN ? generation : generation + 1;
            const unsubscribe = socketClient.subscribe(
              { query: request.query ?? "", operationName: request.operationName, variables: request.variables, extensions: request.extensions },
              {
                next: (result) => observer.next(result as ExecutionResult),
                error: (error) => observer.error(error),
                complete: () => {
                  observer.complete();
                  stream?.finish();
                },
              },
            );
            return { unsubscribe };
          },
        }),
      }),
    ],
  });

  function subscribe<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, callOptions: SubscriptionOptions = {}): AsyncIterableIterator<TData> {
    const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
    const operation = definition?.name?.value ?? "subscription";
    const queue: TData[] = [];
    const waiters: { resolve(result: IteratorResult<TData>): void; reject(error: unknown): void }[] = [];
    let failure: Error | undefined;
    let finished = false;
    let unsubscribe: (() => void) | undefined;
    const { signal } = callOptions;

    const push = (data: TData) => {
      if (finished) return;
      const waiter = waiters.shift();
      if (waiter) waiter.resolve({ value: data, done: false });
      else queue.push(data);
    };
    // Ends the stream; queued events are still read first unless `drop` (abort, return).
    const finish = (error?: Error, drop = false) => {
      if (finished) return;
      finished = true;
      live.delete(stream);
      signal?.removeEventListener("abort", onAbort);
      unsubscribe?.();
      if (drop) queue.length = 0;
      failure = error;
      for (const waiter of waiters.splice(0)) {
        if (failure) waiter.reject(failure);
        else waiter.resolve(DONE);
        failure = undefined;
      }
    };
    const onAbort = () => finish(abortError(operation), true);
    const stream: Stream = { operation, socket: 0, finish };
    const iterator: AsyncIterableIterator<TData> = {
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift() as TData, done: false });
        const error = failure;
        failure = undefined;
        if (error) return Promise.reject(error);
        if (finished) return Promise.resolve(DONE);
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return() {
        finish(undefined, true);
        return Promise.resolve(DONE);
      },
      [Symbol.asyncIterator]: () => iterator,
    };

    if (signal?.aborted) finish(abortError(operation));
    else if (disposed) finish(new StashError(`${operation}: the subscription transport was disposed`, { operation }));
    else if (definition?.operation !== "subscription") finish(new StashValidationError("document", `"${operation}" is not a subscription`, operation));
    else {
      live.add(stream);
      signal?.addEventListener("abort", onAbort, { once: true });
      // A key of its own per call: urql would otherwise share one stream between equal requests.
      const request = { ...createRequest(document as DocumentNode, variables as AnyVariables), key: nextKey++ };
      const onResult = (result: OperationResult) => {
        const networkError: unknown = result.error?.networkError;
        if (networkError !== undefined) return finish(toError(networkError, operation));
        // urql marks completion by repeating the last event with hasNext: false; forwardSubscription ends the stream.
        if (result.hasNext === false && !result.error) return;
        try {
          push(parseResult<TData>({ operation, url: wsDisplay, data: result.data, error: result.error, secrets }));
        } catch (error) {
          finish(error as Error);
        }
      };
      const subscription = urql.executeSubscription(request, { [STREAM]: stream }).subscribe(onResult);
      unsubscribe = () => subscription.unsubscribe();
      if (finished) unsubscribe();
    }
    return iterator;
  }

  return {
    subscribe,
    async dispose() {
      disposed = true;
      for (const stream of [...live]) stream.finish();
      // A socket that never connected has nothing to close.
      await Promise.resolve(socketClient.dispose()).catch(() => undefined);
    },
  };
}

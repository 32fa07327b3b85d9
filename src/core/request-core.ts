/**
 * The request layer every client shares: one urql client per core, no
 * cache, whose exchanges retry queries (retry.ts) and send over HTTP with a
 * timeout per attempt (http-exchange.ts: the platform's sender, or the
 * caller's `fetch`). Around it: the concurrency cap, AbortSignals (an abort
 * unsubscribes, and urql's teardown closes the socket), and typed errors
 * through `parseResult`. `createStashCore` returns one of these as is;
 * `StashCore` (client.ts) adds the typed operations and the compatibility check.
 */
import { Client, makeOperation, type Operation, type OperationResult } from "@urql/core";
import { pipe, subscribe, take } from "wonka";
import type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
// The AST module only: the bare "graphql" entry would pull all of graphql-js into every consumer's type-check.
import type { DocumentNode, OperationDefinitionNode } from "graphql/language/ast.js";
import type { Capabilities } from "./capabilities";
import { abortError, StashValidationError } from "./errors";
import { parseResult } from "./parse-result";
import { httpExchange, type HttpContext } from "./http-exchange";
import { createLimit, type Limit } from "./limit";
import { resolveRetry, retryExchange, type RetryContext } from "./retry";
import type { ResolvedRetry } from "./retry-options";
import type { RetryOptions } from "./retry-options";
import { SUBSCRIPTIONS, type SubscriptionSlot } from "./subscription-slot";
import type { ReconnectOptions } from "./subscriptions";
import { requestHeaders, sendWithFetch, type FetchLike } from "./transport";
import { defaultSend, warnOnPlainHttpKey } from "./transport-default";
import { normalizeUrl, type Logger } from "./url";

/** Options of a client. Every field is optional. */
export interface StashClientOptions {
  /** Stash's GraphQL endpoint or base URL; default `http://localhost:9999/graphql`. */
  url?: string;
  /** Sent as the `ApiKey` header, only when set. Never logged or put in errors. */
  apiKey?: string;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /**
   * A fetch to send requests with, e.g. one bound to an undici Agent with a custom CA or a proxy.
   * By default the SDK uses node:http(s) with Node's keep-alive agents in Node, which costs far less
   * per request, and the page's fetch (`credentials: "same-origin"`) in browser builds.
   */
  fetch?: FetchLike;
  /** Per-call timeout in ms (default 30,000); 0 disables it. */
  timeoutMs?: number;
  /** Retry policy for queries (mutations are never retried); `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Most requests in flight at once from this client (default 16). */
  maxConcurrency?: number;
  /** Receives the SDK's few warnings; defaults to `console.warn`. */
  logger?: Logger;
  /**
   * Before the first call, ask the server what it supports (one request per
   * client) and refuse operations it would reject. Default: on for
   * `StashClient`, off for the bare `StashCore`; `createStashCore` never checks.
   */
  checkCompatibility?: boolean;
  /**
   * Subscriptions only: reconnect when the WebSocket drops and send the
   * subscriptions again. Default `false`: a dropped socket ends each
   * iteration with `StashNetworkError`.
   */
  reconnect?: boolean | ReconnectOptions;
}

/** Options every method accepts as its last argument. */
export interface CallOptions {
  /** Cancels the call; the socket is closed and the promise rejects with `StashAbortError`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
  /** Overrides the client's retry policy for this call (queries only). */
  retry?: RetryOptions | false;
}

/**
 * What the module functions (`findScene(core, …)`, `jobUpdates(core)`, …)
 * need of a core: `createStashCore`'s result, a `StashCore` and a
 * `StashClient` all are one.
 */
export interface StashCoreApi {
  /** The normalised endpoint, e.g. `http://localhost:9999/graphql`. */
  readonly url: string;
  /** True when the core asks the server what it supports before its first call. */
  readonly checksCompatibility: boolean;
  /** Runs a query or mutation and returns its data, or throws a typed `StashError`. */
  request<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options?: CallOptions): Promise<TData>;
  /** Ends open subscriptions and closes their socket; HTTP calls need no closing. */
  close(): Promise<void>;
  /** What the server supports; present on cores that check compatibility (`StashCore`, `StashClient`). */
  capabilities?(options?: { refresh?: boolean; signal?: AbortSignal }): Promise<Capabilities>;
  /**
   * The subscription socket's slot, used by `subscribe(core, …)`.
   * @internal
   */
  readonly [SUBSCRIPTIONS]: SubscriptionSlot;
}

/** What the core remembers about a document. */
export interface OperationInfo {
  readonly name: string;
  readonly kind: "query" | "mutation";
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONCURRENCY = 16;

function describeOperation(document: DocumentNode): OperationInfo {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (!op || op.operation === "subscription") {
    throw new StashValidationError("document", "must contain a query or a mutation");
  }
  return { name: op.name?.value ?? "anonymous", kind: op.operation };
}

/** The request layer: `request` and `close`, with no typed operations and no compatibility check. */
export class RequestCore implements StashCoreApi {
  readonly url: string;
  /** @internal */
  readonly [SUBSCRIPTIONS]: SubscriptionSlot;
  protected readonly timeoutMs: number;
  protected readonly retry: ResolvedRetry | false;
  private readonly urql: Client;
  private readonly secrets: readonly string[];
  /**
   * The cap sits in front of urql, not in an exchange: an operation waiting
   * inside urql would be live there, and urql hands every result and teardown
   * to each live operation (bench/notes/5-urql-exchanges.md).
   */
  private readonly limit: Limit;
  private readonly operations = new WeakMap<DocumentNode, OperationInfo>();
  private nextKey = 1;

  constructor(options: StashClientOptions = {}) {
    const { url, displayUrl } = normalizeUrl(options.url);
    this.url = displayUrl;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      throw new StashValidationError("timeoutMs", `must be a non-negative number of milliseconds, got ${timeoutMs}`);
    }
    const concurrency = options.maxConcurrency ?? DEFAULT_CONCURRENCY;
    if (!(Number.isInteger(concurrency) && concurrency >= 1) && concurrency !== Infinity) {
      throw new StashValidationError("maxConcurrency", `must be a positive integer, got ${concurrency}`);
    }
    this.timeoutMs = timeoutMs;
    this.retry = options.retry === false ? false : resolveRetry(options.retry);
    this.limit = createLimit(concurrency);
    this.secrets = options.apiKey ? [options.apiKey] : [];
    if (options.apiKey) warnOnPlainHttpKey(url, options.logger);
    const http = httpExchange({
      headers: requestHeaders(options.headers, options.apiKey),
      send: options.fetch ? sendWithFetch(options.fetch) : defaultSend,
    });
    this.urql = new Client({ url, exchanges: [retryExchange, http], requestPolicy: "network-only" });
    // Plain options only: the socket code loads with the first `subscribe(core, …)`.
    this[SUBSCRIPTIONS] = { options: { url, apiKey: options.apiKey, headers: options.headers, reconnect: options.reconnect } };
  }

  /** False here; `StashCore` overrides it. */
  get checksCompatibility(): boolean {
    return false;
  }

  /** Ends open subscriptions and closes their socket; HTTP calls need no closing. */
  async close(): Promise<void> {
    const slot = this[SUBSCRIPTIONS];
    const transport = slot.transport;
    slot.transport = undefined;
    await transport?.dispose();
  }

  /**
   * Runs any typed document against Stash and returns its data, or throws a
   * typed `StashError`. The escape hatch for operations the facade lacks.
   */
  request<TData, TVariables extends AnyVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: CallOptions = {},
  ): Promise<TData> {
    let info = this.operations.get(document);
    if (!info) {
      info = describeOperation(document);
      this.operations.set(document, info);
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    // Mutations are never retried: a lost answer may still have created something.
    const policy =
      info.kind === "mutation" || options.retry === false
        ? false
        : options.retry === undefined
          ? this.retry
          : resolveRetry(options.retry);
    const op = info;
    const signal = options.signal;
    const send = () => this.send<TData>(document, variables, op, timeoutMs, signal, policy);
    if (signal?.aborted) return Promise.reject(abortError(op.name));
    const check = this.beforeRequest(op.name, signal);
    return check ? check.then(send) : send();
  }

  /** A check to pass before an operation is sent (none here); `StashCore` refuses what the server lacks. */
  protected beforeRequest(_operation: string, _signal: AbortSignal | undefined): Promise<void> | undefined {
    return undefined;
  }

  /** One call: a place in the queue, then one urql operation (retries happen inside it), then the parse. */
  protected send<TData>(
    document: DocumentNode,
    variables: AnyVariables,
    info: OperationInfo,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    policy: ResolvedRetry | false,
  ): Promise<TData> {
    return this.limit(async () => {
      if (signal?.aborted) throw abortError(info.name);
      const context: HttpContext & RetryContext = { timeoutMs, retryPolicy: policy };
      // A unique key per call: urql would otherwise merge identical in-flight queries,
      // and one caller's abort or timeout would cancel another's request.
      const operation = this.urql.createRequestOperation(info.kind, { key: this.nextKey++, query: document, variables: variables ?? {} }, context);
      const result = await (signal ? this.execute(operation, signal, info.name) : this.urql.executeRequestOperation(operation).toPromise());
      return parseResult<TData>({ operation: info.name, url: this.url, data: result.data, error: result.error, secrets: this.secrets });
    });
  }

  /** Runs an operation until its result, or until the signal fires: then a teardown cancels the request and closes its socket. */
  private execute(operation: Operation, signal: AbortSignal, name: string): Promise<OperationResult> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        subscription.unsubscribe();
        // Unsubscribing tears a query down; urql leaves mutations running, so they are torn down by hand.
        if (operation.kind === "mutation") this.urql.reexecuteOperation(makeOperation("teardown", operation, operation.context));
        reject(abortError(name));
      };
      const subscription = pipe(
        this.urql.executeRequestOperation(operation),
        take(1),
        subscribe((result: OperationResult) => {
          signal.removeEventListener("abort", onAbort);
          resolve(result);
        }),
      );
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}

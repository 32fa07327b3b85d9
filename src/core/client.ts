/**
 * The transport core of the SDK: one urql client per StashCore, no cache,
 * whose exchanges retry queries (retry.ts) and send over HTTP with a timeout
 * per attempt (http-exchange.ts: node:http by default, or the caller's
 * `fetch`). Around it: the concurrency cap, AbortSignals (an abort
 * unsubscribes, and urql's teardown closes the socket), and typed errors
 * through `parseResult`.
 */
import { Client, makeOperation, type Operation, type OperationResult } from "@urql/core";
import { pipe, subscribe, take } from "wonka";
import type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import pLimit, { type LimitFunction } from "p-limit";
import { abortError, StashValidationError } from "./errors";
import { parseResult } from "./parse-result";
import { httpExchange, type HttpContext } from "./http-exchange";
import { resolveRetry, retryExchange, type ResolvedRetry, type RetryContext } from "./retry";
import type { RetryOptions } from "./retry-options";
import { requestHeaders, sendWithFetch, sendWithNode, type FetchLike } from "./transport";
import { normalizeUrl, warnOnPlainHttpKey, type Logger } from "./url";
import { createOperations, type StashOperations } from "../../generated/ops";
import { createSubscriptionTransport, type ReconnectOptions, type SubscriptionTransport } from "./subscriptions";
import {
  buildCapabilitiesDocument,
  capabilitiesFromProbe,
  PROBE_OPERATION,
  tooOldError,
  unsupportedOperationError,
  type Capabilities,
  type ProbeResult,
} from "./capabilities";

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
   * By default the SDK uses node:http(s) with Node's keep-alive agents, which costs far less per request.
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
   * `StashClient`, off for the bare `StashCore`.
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

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONCURRENCY = 16;

interface OperationInfo {
  readonly name: string;
  readonly kind: "query" | "mutation";
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * An iterator that runs `check` before starting `start()`'s stream. Unlike an
 * async generator wrapping the stream, its `return()` reaches the stream at
 * once, so `break` on an idle subscription releases it without waiting for
 * another event.
 */
function afterCheck<T>(check: () => Promise<void>, start: () => AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let inner: AsyncIterableIterator<T> | undefined;
  let checked: Promise<void> | undefined;
  let closed = false;
  const open = async (): Promise<AsyncIterableIterator<T> | undefined> => {
    await (checked ??= check());
    if (!closed) inner ??= start();
    return inner;
  };
  return {
    async next() {
      if (closed) return DONE;
      const stream = await open();
      return stream ? stream.next() : DONE;
    },
    async return() {
      closed = true;
      await inner?.return?.();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The name of a document's operation, if it has one. */
function operationName(document: DocumentNode): string | undefined {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  return op?.name?.value;
}

function describeOperation(document: DocumentNode): OperationInfo {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (!op || op.operation === "subscription") {
    throw new StashValidationError("document", "must contain a query or a mutation");
  }
  return { name: op.name?.value ?? "anonymous", kind: op.operation };
}

/** The request layer shared by every facade method; `StashClient` adds the Stash methods on top. */
export class StashCore {
  /** The normalised endpoint, e.g. `http://localhost:9999/graphql`. */
  readonly url: string;
  private readonly urql: Client;
  private readonly secrets: readonly string[];
  private readonly timeoutMs: number;
  private readonly retry: ResolvedRetry | false;
  /**
   * The cap sits in front of urql, not in an exchange: an operation waiting
   * inside urql would be live there, and urql hands every result and teardown
   * to each live operation (bench/notes/5-urql-exchanges.md).
   */
  private readonly limit: LimitFunction;
  private readonly operations = new WeakMap<DocumentNode, OperationInfo>();
  private nextKey = 1;
  private readonly checkCompatibility: boolean;
  private capabilitiesPromise: Promise<Capabilities> | undefined;
  private readonly subscriptionOptions: { url: string; apiKey?: string; headers?: Record<string, string>; reconnect?: boolean | ReconnectOptions };
  private subscriptions: SubscriptionTransport | undefined;

  /**
   * Every operation in operations/ as a typed method named after it, e.g.
   * `stash.ops.findPerformers({ filter })`: generated, and sent through the
   * same path as the facade (retries for queries, timeouts, signals,
   * capability refusals, typed errors).
   */
  readonly ops: StashOperations<CallOptions> = createOperations<CallOptions>(this);

  /** Whether a client of this class checks the server before its first call, unless told otherwise. */
  protected static readonly checksCompatibilityByDefault: boolean = false;

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
    this.checkCompatibility =
      options.checkCompatibility ?? (this.constructor as typeof StashCore).checksCompatibilityByDefault;
    this.retry = options.retry === false ? false : resolveRetry(options.retry);
    this.limit = pLimit(concurrency);
    this.secrets = options.apiKey ? [options.apiKey] : [];
    if (options.apiKey) warnOnPlainHttpKey(url, options.logger);
    const http = httpExchange({
      headers: requestHeaders(options.headers, options.apiKey),
      send: options.fetch ? sendWithFetch(options.fetch) : sendWithNode,
    });
    this.urql = new Client({ url, exchanges: [retryExchange, http], requestPolicy: "network-only" });
    this.subscriptionOptions = {
      url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.reconnect !== undefined ? { reconnect: options.reconnect } : {}),
    };
  }

  /**
   * Runs a GraphQL subscription over a WebSocket (graphql-ws, with the `ApiKey`
   * header on the upgrade) and yields each event's typed data. `break` or the
   * signal ends it and releases the socket; a dropped socket ends it with
   * `StashNetworkError` unless the client was built with `reconnect`.
   */
  subscribe<TData, TVariables extends AnyVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: Pick<CallOptions, "signal"> = {},
  ): AsyncIterableIterator<TData> {
    // One socket per client, opened by the first subscription and closed after the last.
    const transport = (this.subscriptions ??= createSubscriptionTransport(this.subscriptionOptions));
    const start = () => transport.subscribe(document, variables, options.signal ? { signal: options.signal } : {});
    const name = operationName(document);
    if (!this.checkCompatibility || name === undefined) return start();
    return afterCheck(() => this.ensureSupported(name, options.signal), start);
  }

  /** Ends open subscriptions and closes their socket; HTTP calls need no closing. */
  async close(): Promise<void> {
    const transport = this.subscriptions;
    this.subscriptions = undefined;
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
    if (!this.checkCompatibility) return send();
    return this.ensureSupported(op.name, signal).then(send);
  }

  /** Refuses, before sending, an operation the server lacks or a server older than the SDK supports. */
  private async ensureSupported(operation: string, signal: AbortSignal | undefined): Promise<void> {
    const caps = await this.capabilities(signal ? { signal } : {});
    if (!caps.meetsMinimum) throw tooOldError(caps);
    if (caps.missing.some((m) => m.operation === operation)) throw unsupportedOperationError(caps, operation);
  }

  /** True when this client asks the server what it supports before its first call. */
  get checksCompatibility(): boolean {
    return this.checkCompatibility;
  }

  /**
   * What the server supports: its version and which SDK operations it can
   * run. One request, cached per client; `refresh: true` asks again.
   */
  capabilities(options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<Capabilities> {
    if (!this.capabilitiesPromise || options.refresh) {
      const probe = buildCapabilitiesDocument();
      const info: OperationInfo = { name: PROBE_OPERATION, kind: "query" };
      const pending = this.send<ProbeResult>(probe, {}, info, this.timeoutMs, options.signal, this.retry).then((result) =>
        capabilitiesFromProbe(result, this.url),
      );
      // A failed probe is not cached: the next call tries again.
      pending.catch(() => {
        if (this.capabilitiesPromise === pending) this.capabilitiesPromise = undefined;
      });
      this.capabilitiesPromise = pending;
    }
    return this.capabilitiesPromise;
  }

  /** One call: a place in the queue, then one urql operation (retries happen inside it), then the parse. */
  private send<TData>(
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

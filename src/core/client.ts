/**
 * `StashCore`: the request layer (request-core.ts) plus what a full client
 * adds on top of it: every operation as a typed method (`ops`), subscriptions
 * as a method, and the compatibility check (ask the server once what it
 * supports, then refuse what it would reject).
 */
import type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
import { createOperations, type StashOperations } from "../../generated/ops";
import {
  buildCapabilitiesDocument,
  capabilitiesFromProbe,
  PROBE_OPERATION,
  tooOldError,
  unsupportedOperationError,
  type Capabilities,
  type ProbeResult,
} from "./capabilities";
import { RequestCore, type CallOptions, type OperationInfo, type StashClientOptions } from "./request-core";
import { subscribe } from "./subscribe";
import { SUBSCRIPTIONS } from "./subscription-slot";

export { RequestCore, type CallOptions, type StashClientOptions, type StashCoreApi } from "./request-core";

/** The request layer shared by every facade method; `StashClient` adds the Stash methods on top. */
export class StashCore extends RequestCore {
  private readonly checkCompatibility: boolean;
  private capabilitiesPromise: Promise<Capabilities> | undefined;

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
    super(options);
    this.checkCompatibility =
      options.checkCompatibility ?? (this.constructor as typeof StashCore).checksCompatibilityByDefault;
    if (this.checkCompatibility) this[SUBSCRIPTIONS].check = (operation, signal) => this.ensureSupported(operation, signal);
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
    return subscribe(this, document, variables, options);
  }

  /** Refuses, before sending, an operation the server lacks or a server older than the SDK supports. */
  private async ensureSupported(operation: string, signal: AbortSignal | undefined): Promise<void> {
    const caps = await this.capabilities(signal ? { signal } : {});
    if (!caps.meetsMinimum) throw tooOldError(caps);
    if (caps.missing.some((m) => m.operation === operation)) throw unsupportedOperationError(caps, operation);
  }

  /** With the check on, every operation waits for the (cached) probe and is refused if the server lacks it. */
  protected override beforeRequest(operation: string, signal: AbortSignal | undefined): Promise<void> | undefined {
    return this.checkCompatibility ? this.ensureSupported(operation, signal) : undefined;
  }

  /** True when this client asks the server what it supports before its first call. */
  override get checksCompatibility(): boolean {
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
}

/**
 * Where a core keeps its subscription socket. The slot holds plain options
 * until the first `subscribe(core, …)` (subscribe.ts) opens the transport, so
 * a core that never subscribes ships none of the socket code (graphql-ws and
 * urql's subscription exchange, ≈ 8 KB gzip).
 */
import type { SubscriptionTransport, SubscriptionTransportOptions } from "./subscriptions";

/**
 * The key of the slot on a core. `Symbol.for`, so a core made by one copy of
 * the SDK (say the `core` entry) is understood by another (the `jobs` entry).
 */
export const SUBSCRIPTIONS: unique symbol = Symbol.for("stash-graphql-client.subscriptions") as never;

/** A core's subscription state: how to open the socket, the check before each subscription, and the socket once open. */
export interface SubscriptionSlot {
  readonly options: SubscriptionTransportOptions;
  /** Runs before a subscription's first event (the compatibility check), when the core has one. */
  check?: (operation: string, signal: AbortSignal | undefined) => Promise<void>;
  transport?: SubscriptionTransport;
}

/** Anything `subscribe(core, …)` accepts: a core with a slot. */
export interface SubscribableCore {
  readonly [SUBSCRIPTIONS]: SubscriptionSlot;
}

/**
 * `subscribe(core, document, variables)`: a GraphQL subscription over the
 * core's WebSocket, as a function rather than a method so that only apps that
 * subscribe bundle the socket code. `StashCore.subscribe` goes through it too.
 */
import type { OperationDefinitionNode } from "graphql/language/ast.js";
import type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
import { SUBSCRIPTIONS, type SubscribableCore } from "./subscription-slot";
import { createSubscriptionTransport, type SubscriptionOptions } from "./subscriptions";

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

/**
 * Runs a subscription on the core's socket (opened by the first subscription,
 * closed by `core.close()`) and yields each event's typed data. `break` or the
 * signal ends it; a dropped socket ends it with `StashNetworkError` unless the
 * core was built with `reconnect`.
 */
export function subscribe<TData, TVariables extends AnyVariables>(
  core: SubscribableCore,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: SubscriptionOptions = {},
): AsyncIterableIterator<TData> {
  const slot = core[SUBSCRIPTIONS];
  // One socket per core, opened by the first subscription and closed after the last.
  const transport = (slot.transport ??= createSubscriptionTransport(slot.options));
  const start = () => transport.subscribe(document, variables, options.signal ? { signal: options.signal } : {});
  const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const name = definition?.name?.value;
  const check = slot.check;
  if (!check || name === undefined) return start();
  return afterCheck(() => check(name, options.signal), start);
}

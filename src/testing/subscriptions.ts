/**
 * The Subscription root fields, as Stash v0.30.1 serves them
 * (internal/api/resolver_subscription_job.go and _logging.go): each
 * subscription listens to one of the instance's event sources and forwards
 * every event until the client unsubscribes, which removes the listener.
 */
import { on, type EventEmitter } from "node:events";
import type { ResolverModule } from "./context";

/**
 * Events of `emitter` as an async iterator whose `return()` removes the listener
 * at once. Not an async generator: a generator's `return()` waits behind a pending
 * `next()`, so an idle subscription would keep its listener until the next event.
 */
export function eventIterator<T>(emitter: EventEmitter, event: string, pick: (args: any[]) => T): AsyncIterableIterator<T> {
  const inner = on(emitter, event) as AsyncIterableIterator<any[]>;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const step = await inner.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: pick(step.value) };
    },
    async return() {
      await inner.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await inner.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** `jobsSubscribe`, `loggingSubscribe` and `scanCompleteSubscribe`. */
export const subscriptionResolvers: ResolverModule = {
  Subscription: {
    // JobsSubscribe: one JobStatusUpdate {type: ADD|UPDATE|REMOVE, job} per job manager event.
    jobsSubscribe: (_args, ctx) => eventIterator(ctx.jobs.events, "update", ([update]) => update),
    // LoggingSubscribe: the logger hands over batches; each batch is one [LogEntry!]! event.
    loggingSubscribe: (_args, ctx) => eventIterator(ctx.logs.events, "entries", ([entries]) => entries),
    // ScanCompleteSubscribe: the scan subscription manager sends `true` when a scan (or clean) ends.
    scanCompleteSubscribe: (_args, ctx) => eventIterator(ctx.scanComplete, "complete", () => true),
  },
};

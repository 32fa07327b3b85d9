/**
 * Retries for queries, as an urql exchange: network failures, 502/503/504 and
 * 429 are sent again after an exponential backoff with jitter (p-retry's
 * formula), waiting at least as long as the server's `Retry-After`.
 * Mutations are never retried. A failure that is not retried, or the last
 * one, passes on to the caller.
 */
import { makeOperation, type Exchange, type Operation, type OperationResult } from "@urql/core";
import { filter, makeSubject, merge, onPush, pipe } from "wonka";
import { StashValidationError } from "./errors";
import { retryAfterMs, type TransportRecord } from "./parse-result";
import type { ResolvedRetry, RetryOptions } from "./retry-options";

export type { ResolvedRetry, RetryOptions } from "./retry-options";

const DEFAULTS: ResolvedRetry = { retries: 2, minDelayMs: 200, maxDelayMs: 5_000, factor: 2, maxRetryAfterMs: 30_000 };
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Fills in defaults and checks the numbers. */
export function resolveRetry(options: RetryOptions | undefined): ResolvedRetry {
  const merged = { ...DEFAULTS, ...options };
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new StashValidationError(`retry.${key}`, `must be a non-negative number, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(merged.retries)) {
    throw new StashValidationError("retry.retries", `must be a whole number, got ${merged.retries}`);
  }
  return merged;
}

/** What the client puts in each operation's context for this exchange. */
export interface RetryContext {
  /** The call's policy; `false` or absent means one attempt. */
  readonly retryPolicy?: ResolvedRetry | false;
  /** Which attempt this operation is, from 1; set by the exchange on a retry. */
  readonly retryAttempt?: number;
}

/** p-retry's backoff: `minDelay × factor^(attempt−1)`, times a random 1–2, capped. */
function backoff(policy: ResolvedRetry, attempt: number): number {
  const factor = policy.factor > 0 ? policy.factor : 1;
  return Math.min(Math.round((Math.random() + 1) * policy.minDelayMs * factor ** (attempt - 1)), policy.maxDelayMs);
}

/** How long to wait before sending `result`'s operation again, or undefined to pass the result on. */
function retryDelay(result: OperationResult): number | undefined {
  const { operation, error } = result;
  const { retryPolicy: policy, retryAttempt: attempt = 1 } = operation.context as RetryContext;
  if (!policy || operation.kind !== "query" || attempt > policy.retries) return undefined;
  // Only error results from the HTTP exchange carry a record; data and GraphQL errors are final.
  const record = error?.response as TransportRecord | undefined;
  if (!record || record.ended) return undefined;
  if (record.status !== undefined && !RETRY_STATUSES.has(record.status)) return undefined;
  const delay = backoff(policy, attempt);
  const wait = retryAfterMs(record.retryAfter);
  if (wait === undefined) return delay;
  // A server asking for a longer pause than the caller accepts gets its error thrown instead.
  return wait > policy.maxRetryAfterMs ? undefined : Math.max(wait, delay);
}

/**
 * Holds back a retryable result and sends its operation again after the
 * delay; a teardown (the caller's abort) cancels the wait.
 */
export const retryExchange: Exchange = ({ forward }) => (ops$) => {
  const { source: retries$, next: resend } = makeSubject<Operation>();
  const waiting = new Map<number, ReturnType<typeof setTimeout>>();
  const input$ = pipe(
    ops$,
    onPush((operation: Operation) => {
      if (operation.kind !== "teardown") return;
      const timer = waiting.get(operation.key);
      if (timer === undefined) return;
      clearTimeout(timer);
      waiting.delete(operation.key);
    }),
  );
  return pipe(
    forward(merge([input$, retries$])),
    filter((result: OperationResult) => {
      const delay = retryDelay(result);
      if (delay === undefined) return true;
      const operation = result.operation;
      const attempt = ((operation.context as RetryContext).retryAttempt ?? 1) + 1;
      const timer = setTimeout(() => {
        waiting.delete(operation.key);
        resend(makeOperation(operation.kind, operation, { ...operation.context, retryAttempt: attempt }));
      }, delay);
      waiting.set(operation.key, timer);
      return false;
    }),
  );
};

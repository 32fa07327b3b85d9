/**
 * Retries for queries: network failures, 502/503/504 and 429, with
 * exponential backoff and jitter (p-retry), waiting at least as long as the
 * server's `Retry-After`. Mutations never come here with retries enabled.
 */
import pRetry, { AbortError } from "p-retry";
import { StashHttpError, StashNetworkError, StashValidationError } from "./errors";

/** How queries are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay in ms (default 200). */
  minDelayMs?: number;
  /** Largest backoff delay in ms (default 5,000). */
  maxDelayMs?: number;
  /** Growth factor between attempts (default 2). */
  factor?: number;
  /** A `Retry-After` longer than this (ms, default 30,000) is not waited for: the error is thrown. */
  maxRetryAfterMs?: number;
}

/** A retry policy with every default filled in. */
export type ResolvedRetry = Required<RetryOptions>;

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

/** True for failures worth another attempt of a query. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof StashNetworkError) return true;
  return error instanceof StashHttpError && RETRY_STATUSES.has(error.status);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Runs `attempt`, retrying per `policy`; `false` means exactly one attempt.
 * The first attempt runs outside p-retry, since most calls succeed at once and
 * p-retry's per-call set-up showed in the per-request profile; a retryable
 * failure is handed to p-retry as its own first attempt, so backoff,
 * Retry-After and the attempt count are unchanged.
 */
export async function runWithRetry<T>(
  attempt: () => Promise<T>,
  policy: ResolvedRetry | false,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (policy === false || policy.retries === 0) return attempt();
  let firstError: unknown;
  try {
    return await attempt();
  } catch (error) {
    if (!isRetryable(error)) throw error;
    firstError = error;
  }
  let replay = true;
  return pRetry(
    async () => {
      try {
        if (replay) {
          replay = false;
          throw firstError;
        }
        return await attempt();
      } catch (error) {
        // p-retry rethrows AbortError's original error without further attempts.
        throw isRetryable(error) ? error : new AbortError(error as Error);
      }
    },
    {
      retries: policy.retries,
      factor: policy.factor,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true,
      ...(signal ? { signal } : {}),
      onFailedAttempt: async ({ error, retriesLeft }) => {
        const wait = error instanceof StashHttpError ? error.retryAfterMs : undefined;
        if (wait === undefined || retriesLeft === 0) return;
        if (wait > policy.maxRetryAfterMs) throw error;
        await sleep(wait, signal);
      },
    },
  );
}

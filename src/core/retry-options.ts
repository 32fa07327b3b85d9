/**
 * RetryOptions in a module of its own: the public declarations name it, and
 * importing it from retry.ts would make their .d.ts import @urql/core, which
 * loads all of graphql's declarations into a consumer's type-check
 * (bench/typecheck.ts).
 */

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

/** A retry policy with every default filled in (kept here, free of urql types, because the client's declarations name it). */
export type ResolvedRetry = Required<RetryOptions>;

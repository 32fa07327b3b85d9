/**
 * Every failure the SDK reports is one of these classes. `parseResult`
 * (parse-result.ts) is the single place that decides which one.
 */

/** One entry of a GraphQL `errors` array, as Stash sends it. */
export interface StashGraphQLErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Plain-object form of an error, safe to log or send: it never holds the API key. */
export interface SerializedStashError {
  name: string;
  message: string;
  operation?: string;
  [key: string]: unknown;
}

/** Base class of every error the SDK throws. */
export class StashError extends Error {
  override name = "StashError";
  /** The GraphQL operation (or SDK method) that failed, when known. */
  readonly operation: string | undefined;

  constructor(message: string, options: { operation?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.operation = options.operation;
  }

  /** A plain object for JSON logs; subclasses add their own fields. */
  toJSON(): SerializedStashError {
    const out: SerializedStashError = { name: this.name, message: this.message };
    if (this.operation) out.operation = this.operation;
    if (this.cause instanceof Error) out.cause = { name: this.cause.name, message: this.cause.message };
    return out;
  }

  /** Keeps `util.inspect`/console.log output to the safe fields. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.name}: ${this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** The server answered, but with GraphQL errors; `data` holds any partial result. */
export class StashGraphQLError extends StashError {
  override name = "StashGraphQLError";
  readonly errors: readonly StashGraphQLErrorEntry[];
  readonly data: unknown;

  constructor(message: string, errors: readonly StashGraphQLErrorEntry[], data: unknown, operation?: string) {
    super(message, { operation });
    this.errors = errors;
    this.data = data;
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), errors: this.errors };
  }
}

/** The server answered with an HTTP status or body the SDK cannot use (including 422 validation failures). */
export class StashHttpError extends StashError {
  override name = "StashHttpError";
  readonly status: number;
  /** The first few hundred characters of the body, for diagnosis. */
  readonly bodyExcerpt: string;
  /** GraphQL errors found in the body (422 validation failures carry them). */
  readonly errors: readonly StashGraphQLErrorEntry[];
  /** The server's `Retry-After`, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    init: {
      status: number;
      bodyExcerpt: string;
      errors?: readonly StashGraphQLErrorEntry[];
      operation?: string;
      retryAfterMs?: number;
    },
  ) {
    super(message, { operation: init.operation });
    this.status = init.status;
    this.bodyExcerpt = init.bodyExcerpt;
    this.errors = init.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): SerializedStashError {
    const out: SerializedStashError = { ...super.toJSON(), status: this.status, bodyExcerpt: this.bodyExcerpt, errors: this.errors };
    if (this.retryAfterMs !== undefined) out.retryAfterMs = this.retryAfterMs;
    return out;
  }
}

/** HTTP 401 or 403: the API key is missing, wrong, or lacks permission. */
export class StashAuthError extends StashHttpError {
  override name = "StashAuthError";
}

/** The request never got a complete answer: refused, reset, DNS, TLS. */
export class StashNetworkError extends StashError {
  override name = "StashNetworkError";
}

/** The call took longer than its timeout; the request was cancelled. */
export class StashTimeoutError extends StashError {
  override name = "StashTimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, operation?: string) {
    super(message, { operation });
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/** The caller's AbortSignal fired. Named `AbortError` so generic abort checks recognise it. */
export class StashAbortError extends StashError {
  override name = "AbortError";
}

/** The error for a call whose AbortSignal fired, wherever the SDK notices it. */
export function abortError(operation: string): StashAbortError {
  return new StashAbortError(`${operation}: the call was aborted by its AbortSignal`, { operation });
}

/** Bad input, caught before any request was sent. */
export class StashValidationError extends StashError {
  override name = "StashValidationError";
  /** The argument at fault, e.g. `id` or `filter.per_page`. */
  readonly argument: string;
  readonly problem: string;

  constructor(argument: string, problem: string, operation?: string) {
    super(`${argument}: ${problem}`, { operation });
    this.argument = argument;
    this.problem = problem;
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), argument: this.argument, problem: this.problem };
  }
}

/** A Stash job ended FAILED or CANCELLED while the SDK waited for it. */
export class StashJobError extends StashError {
  override name = "StashJobError";
  /** The job's id. */
  readonly jobId: string;
  /** The job's final status: `FAILED` or `CANCELLED`. */
  readonly status: string;
  /** Stash's own error text for the job, or null (a cancelled job has none). */
  readonly error: string | null;

  constructor(jobId: string, status: string, error: string | null, description?: string) {
    const what = description ? `job ${jobId} (${description})` : `job ${jobId}`;
    super(`${what} ended ${status}${error ? `: ${error}` : ""}`, { operation: "waitForJob" });
    this.jobId = jobId;
    this.status = status;
    this.error = error;
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), jobId: this.jobId, status: this.status, error: this.error };
  }
}

/** The connected Stash server is too old for the SDK, or lacks the operation asked for. */
export class StashUnsupportedError extends StashError {
  override name = "StashUnsupportedError";
}

/**
 * The URL answers GraphQL-shaped JSON, but not what Stash would send (e.g. the
 * probe's `version` or `__schema` is missing): the URL points at another server.
 */
export class StashNotStashError extends StashError {
  override name = "StashNotStashError";
  /** The endpoint, without credentials or query string. */
  readonly url: string;
  /** What the answer lacked, e.g. `version, __schema.types`. */
  readonly missing: string;

  constructor(url: string, missing: string, options: { operation?: string; cause?: unknown } = {}) {
    const prefix = options.operation ? `${options.operation}: ` : "";
    super(`${prefix}the server at ${url} does not look like Stash (${missing}); check that the URL points at Stash's GraphQL endpoint`, options);
    this.url = url;
    this.missing = missing;
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), url: this.url, missing: this.missing };
  }
}

/**
 * The error for a result Stash left null without saying why. Always a
 * `StashGraphQLError`: the server did answer a GraphQL response, just not a
 * usable one — the same class `parseResult` uses when `data` itself is null —
 * so callers catch "the server failed this operation" as one class.
 */
export function emptyResultError(operation: string, what: string, errors: readonly StashGraphQLErrorEntry[] = []): StashGraphQLError {
  return new StashGraphQLError(`${operation}: Stash returned no ${what} and no error message; check the Stash logs`, errors, null, operation);
}

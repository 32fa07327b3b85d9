/**
 * Every failure the SDK reports is one of these classes. `parseResult` is the
 * single place that decides which one: the transport only records what it saw.
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

/**
 * What the HTTP exchange saw for one attempt that did not end in a plain
 * GraphQL result; it travels on the result as `error.response`.
 */
export interface TransportRecord {
  /** HTTP status, or undefined when no response arrived. */
  readonly status?: number;
  readonly contentType?: string;
  readonly body?: string;
  /** The `Retry-After` header, verbatim. */
  readonly retryAfter?: string;
  /** Set when the attempt was cut off by its timeout. */
  readonly ended?: "timeout";
  readonly timeoutMs?: number;
}

/** The error side of an urql result, as far as the parse function reads it (urql's CombinedError fits). */
export interface ResultError {
  readonly networkError?: Error | undefined;
  /** The HTTP exchange's `TransportRecord`, on results that were not a plain GraphQL answer. */
  readonly response?: unknown;
  readonly graphQLErrors: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[] | undefined;
    readonly extensions?: Readonly<Record<string, unknown>> | undefined;
  }[];
}

/** Inputs to the single parse function. */
export interface ParseInput {
  operation: string;
  url: string;
  data: unknown;
  error: ResultError | undefined;
  /** Strings that must never appear in an error (the API key). */
  secrets: readonly string[];
}

const EXCERPT = 300;
const WHOLE_ANSWER: TransportRecord = Object.freeze({ status: 200, contentType: "application/json" });

/** Replaces every secret in `text` with a marker. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

function excerpt(body: string | undefined, secrets: readonly string[]): string {
  const text = redact(body ?? "", secrets).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

function graphQLEntries(payload: unknown): StashGraphQLErrorEntry[] {
  const errors = (payload as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: any) => ({
    message: String(e?.message ?? "unknown error"),
    ...(Array.isArray(e?.path) ? { path: e.path } : {}),
    ...(e?.extensions && typeof e.extensions === "object" ? { extensions: e.extensions } : {}),
  }));
}

function tryJson(body: string | undefined): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  const code = (cause as { code?: string } | undefined)?.code;
  if (cause instanceof Error) return code ? `${code}: ${cause.message}` : cause.message;
  return err.message;
}

function safeCause(err: unknown, secrets: readonly string[]): Error {
  // The original error object may carry request details; keep only a redacted message.
  const copy = new Error(redact(describeCause(err), secrets));
  copy.name = err instanceof Error ? err.name : "Error";
  return copy;
}

/** Reads `Retry-After` as seconds or an HTTP date. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function httpError(input: ParseInput, transport: TransportRecord, status: number): StashHttpError {
  const { operation, secrets, url } = input;
  const body = excerpt(transport.body, secrets);
  const errors = graphQLEntries(tryJson(transport.body));
  if (status === 401 || status === 403) {
    return new StashAuthError(
      `${operation}: Stash at ${url} answered HTTP ${status}: the API key is missing or wrong — check the apiKey option or STASH_API_KEY (Settings → Security in Stash shows the key)`,
      { status, bodyExcerpt: body, operation },
    );
  }
  const detail = errors.length
    ? errors.map((e) => e.message).join("; ")
    : body
      ? `body: ${body}`
      : "empty body";
  const hint =
    status === 422
      ? "the request does not match this server's schema — is the server older than the SDK expects?"
      : status === 429
        ? "the server is rate limiting — slow down or retry later"
        : status >= 500
          ? "the server or a proxy in front of it failed — check the Stash logs and any reverse proxy"
          : "check the URL points at Stash's /graphql endpoint";
  const wait = retryAfterMs(transport.retryAfter);
  return new StashHttpError(`${operation}: HTTP ${status} from ${url} (${detail}); ${hint}`, {
    status,
    bodyExcerpt: body,
    errors,
    operation,
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
}

/**
 * The one parse function: classifies an attempt's outcome into data or a typed
 * error. Returns the data when the call succeeded.
 */
export function parseResult<T>(input: ParseInput): T {
  const { operation, error, secrets, url } = input;
  // A result without a record is a whole JSON answer (a 2xx body, or a subscription event).
  const transport = (error?.response as TransportRecord | undefined) ?? WHOLE_ANSWER;
  if (transport.ended === "timeout") {
    return fail(
      new StashTimeoutError(
        `${operation}: no answer from ${url} within ${transport.timeoutMs} ms; the request was cancelled — raise timeoutMs or check the server's load`,
        transport.timeoutMs ?? 0,
        operation,
      ),
    );
  }
  const status = transport.status;
  if (status === undefined) {
    const cause = error?.networkError;
    return fail(
      new StashNetworkError(
        `${operation}: could not get an answer from ${url} (${redact(describeCause(cause), secrets)}); check that Stash is running and the URL is right`,
        { operation, cause: safeCause(cause, secrets) },
      ),
    );
  }
  if (status < 200 || status >= 300) return fail(httpError(input, transport, status));
  const contentType = (transport.contentType ?? "").toLowerCase();
  if (!/json/.test(contentType)) {
    return fail(
      new StashHttpError(
        `${operation}: HTTP ${status} from ${url} with content type "${contentType || "none"}" instead of JSON (body: ${excerpt(transport.body, secrets)}); is the URL Stash's /graphql endpoint, or is a proxy answering instead?`,
        { status, bodyExcerpt: excerpt(transport.body, secrets), operation },
      ),
    );
  }
  if (error?.networkError) {
    return fail(
      new StashHttpError(
        `${operation}: HTTP ${status} from ${url} with a body that is not valid JSON (body: ${excerpt(transport.body, secrets)}); a proxy may be mangling responses`,
        { status, bodyExcerpt: excerpt(transport.body, secrets), operation },
      ),
    );
  }
  if (error && error.graphQLErrors.length > 0) {
    const entries: StashGraphQLErrorEntry[] = error.graphQLErrors.map((e) => ({
      message: redact(e.message, secrets),
      ...(e.path ? { path: e.path } : {}),
      ...(e.extensions && Object.keys(e.extensions).length ? { extensions: e.extensions } : {}),
    }));
    const message = entries.map((e) => (e.path ? `${e.message} (at ${e.path.join(".")})` : e.message)).join("; ");
    return fail(new StashGraphQLError(`${operation}: Stash returned an error: ${message}`, entries, input.data ?? null, operation));
  }
  if (input.data === null || input.data === undefined) return fail(emptyResultError(operation, "data"));
  return input.data as T;
}

function fail(error: StashError): never {
  throw error;
}

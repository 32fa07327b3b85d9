/**
 * The single parse function: turns what urql and the HTTP exchange saw for a
 * call into its data or one of the SDK's typed errors (errors.ts), with every
 * secret redacted. The transport only records; this decides.
 */
import { StashAuthError, StashError, StashGraphQLError, StashHttpError, StashNetworkError, StashTimeoutError, emptyResultError, type StashGraphQLErrorEntry } from "./errors";

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

/** What a secret is replaced with, in errors and in the CLI's output. */
export const REDACTED = "[redacted]";

/** Replaces every secret in `text` with a marker. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
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

/**
 * Reads the schema of a live Stash server by introspection, plus its version.
 * Requests go through the SDK's own client core (same URL rule, transport and
 * typed errors as `StashClient`); this file only turns those errors into the
 * schema tool's codes and messages.
 */
import { getIntrospectionQuery, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { StashCore } from "../core/client";
import {
  StashAuthError,
  StashGraphQLError,
  StashHttpError,
  StashNetworkError,
  StashNotStashError,
  StashTimeoutError,
  StashValidationError,
} from "../core/errors";
import { normalizeUrl } from "../core/url";
import type { TypedDocumentNode } from "../../generated/typed-document";
import { SchemaPullError } from "./errors";
import { preview } from "./http";
import { assertStashSchema, schemaFromIntrospection, SchemaSourceError } from "./sdl";

/** What introspecting an endpoint yields. */
export interface EndpointSchema {
  schema: GraphQLSchema;
  /** `version.version` as the server reports it, or null when it did not answer. */
  stashVersion: string | null;
  /** The normalized GraphQL URL, without credentials or query string. */
  url: string;
}

/** Options for {@link introspectEndpoint}. */
export interface EndpointOptions {
  apiKey?: string;
  timeoutMs: number;
}

/** Accepts a server base URL or the GraphQL URL itself and returns the GraphQL URL (the client's rule). */
export function normalizeEndpoint(input: string): string {
  try {
    return normalizeUrl(input).url;
  } catch (err) {
    if (err instanceof StashValidationError) throw new SchemaPullError("options", `--endpoint: ${err.problem}`, { cause: err });
    throw err;
  }
}

type AnyDocument = TypedDocumentNode<Record<string, unknown>, Record<string, never>>;
const documentOf = (source: string) => parse(source, { noLocation: true }) as DocumentNode as AnyDocument;

// Deprecated arguments and input fields are only listed when asked for; older
// servers may reject that extension, so the plain query is the fallback.
const FULL = documentOf(getIntrospectionQuery({ descriptions: false, inputValueDeprecation: true }));
const PLAIN = documentOf(getIntrospectionQuery({ descriptions: false }));
const VERSION = documentOf("query StashVersion { version { version hash build_time } }");

/** Maps the core's transport and HTTP errors to the schema tool's codes; others pass through. */
function toPullError(err: unknown, shown: string, opts: EndpointOptions): unknown {
  if (err instanceof StashAuthError) {
    const hint = opts.apiKey ? "the API key given with --api-key was refused" : "no API key was given (use --api-key)";
    return new SchemaPullError("auth", `${shown} answered HTTP ${err.status}: the API key is missing or wrong (${hint})`, { cause: err });
  }
  if (err instanceof StashTimeoutError) {
    return new SchemaPullError("connect", `no answer from ${shown} within ${err.timeoutMs} ms: check the URL and that the server is running`, { cause: err });
  }
  if (err instanceof StashNetworkError) {
    // The core's cause is already a redacted copy, e.g. "connect ECONNREFUSED 127.0.0.1:9999".
    const why = err.cause instanceof Error ? err.cause.message : "";
    return new SchemaPullError("connect", `could not connect to ${shown}${why ? ` (${why})` : ""}: check the URL and that the server is running`, { cause: err });
  }
  if (err instanceof StashHttpError) {
    const ok = err.status >= 200 && err.status < 300;
    const what = ok ? "with something that is not JSON" : `HTTP ${err.status}`;
    return new SchemaPullError(ok ? "response" : "http", `${shown} answered ${what} ("${preview(err.bodyExcerpt)}"): check that it is Stash's GraphQL endpoint`, {
      cause: err,
    });
  }
  return err;
}

/** One request; GraphQL errors (HTTP 200, or 4xx with an `errors` body) come back as text instead of throwing. */
async function ask(core: StashCore, document: AnyDocument, shown: string, opts: EndpointOptions): Promise<{ data?: unknown; why: string }> {
  try {
    return { data: await core.request(document, {}), why: "" };
  } catch (err) {
    if (err instanceof StashGraphQLError) return { ...(err.data ? { data: err.data } : {}), why: err.errors.map((e) => e.message).join("; ") };
    if (err instanceof StashHttpError && !(err instanceof StashAuthError) && err.errors.length > 0) {
      return { why: err.errors.map((e) => e.message).join("; ") };
    }
    throw toPullError(err, shown, opts);
  }
}

async function fetchIntrospection(core: StashCore, shown: string, opts: EndpointOptions): Promise<unknown> {
  const full = await ask(core, FULL, shown, opts);
  if (full.data) return full.data;
  const plain = await ask(core, PLAIN, shown, opts);
  if (plain.data) return plain.data;
  const why = plain.why || full.why;
  throw new SchemaPullError("response", `${shown} did not answer the introspection query${why ? `: ${why}` : " (no data in the response)"}`);
}

async function fetchVersion(core: StashCore): Promise<string | null> {
  try {
    const data = (await core.request(VERSION, {})) as { version?: { version?: unknown } | null };
    const version = data.version?.version;
    return typeof version === "string" && version !== "" ? version : null;
  } catch {
    return null; // the version is a nicety; the schema is what matters
  }
}

/** Introspects a live Stash; the API key, when given, is sent as the `ApiKey` header only. */
export async function introspectEndpoint(endpoint: string, opts: EndpointOptions): Promise<EndpointSchema> {
  normalizeEndpoint(endpoint); // refuses a bad URL with the tool's "options" code
  // No retries: a schema pull is run by hand, and a failure should show at once.
  const core = new StashCore({ url: endpoint, timeoutMs: opts.timeoutMs, retry: false, ...(opts.apiKey ? { apiKey: opts.apiKey } : {}) });
  const shown = core.url;
  const data = await fetchIntrospection(core, shown, opts);
  let schema: GraphQLSchema;
  try {
    schema = schemaFromIntrospection(data);
    assertStashSchema(schema);
  } catch (err) {
    // JSON that is no introspection result, or a schema without Stash's types: another server.
    if (err instanceof SchemaSourceError) throw new StashNotStashError(shown, err.message.replace(/: it is not a Stash schema$/, ""), { cause: err });
    throw err;
  }
  return { schema, stashVersion: await fetchVersion(core), url: shown };
}

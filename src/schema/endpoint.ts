/**
 * Reads the schema of a live Stash server by introspection, plus its version.
 */
import { getIntrospectionQuery, type GraphQLSchema } from "graphql";
import { SchemaPullError } from "./errors";
import { displayUrl, preview, request } from "./http";
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

/** Accepts a server base URL or the GraphQL URL itself and returns the GraphQL URL. */
export function normalizeEndpoint(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new SchemaPullError("options", `--endpoint: "${input}" is not a URL (expected e.g. http://localhost:9999)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SchemaPullError("options", `--endpoint: expected an http(s) URL, got protocol "${url.protocol}"`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (!/\/graphql$/.test(path)) url.pathname = `${path}/graphql`;
  return url.toString();
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message?: unknown }[];
}

async function post(url: string, query: string, opts: EndpointOptions): Promise<GraphQLAnswer> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (opts.apiKey) headers["ApiKey"] = opts.apiKey;
  const res = await request(url, { method: "POST", headers, body: JSON.stringify({ query }) }, opts.timeoutMs);
  const shown = displayUrl(url);
  if (res.status === 401 || res.status === 403) {
    const hint = opts.apiKey ? "the API key given with --api-key was refused" : "no API key was given (use --api-key)";
    throw new SchemaPullError("auth", `${shown} answered HTTP ${res.status}: the API key is missing or wrong (${hint})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    const ok = res.status >= 200 && res.status < 300;
    const what = ok ? "with something that is not JSON" : `HTTP ${res.status} ${res.statusText}`.trimEnd();
    throw new SchemaPullError(
      ok ? "response" : "http",
      `${shown} answered ${what} ("${preview(res.body)}"): check that it is Stash's GraphQL endpoint`,
    );
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SchemaPullError("response", `${shown} answered JSON that is not a GraphQL response: check that it is Stash's GraphQL endpoint`);
  }
  return parsed as GraphQLAnswer;
}

function errorText(answer: GraphQLAnswer): string {
  return (answer.errors ?? []).map((e) => String(e.message)).join("; ");
}

async function fetchIntrospection(url: string, opts: EndpointOptions): Promise<unknown> {
  // Deprecated arguments and input fields are only listed when asked for; older
  // servers may reject that extension, so fall back to the plain query.
  const full = await post(url, getIntrospectionQuery({ descriptions: false, inputValueDeprecation: true }), opts);
  if (full.data) return full.data;
  const plain = await post(url, getIntrospectionQuery({ descriptions: false }), opts);
  if (plain.data) return plain.data;
  const why = errorText(plain) || errorText(full);
  throw new SchemaPullError(
    "response",
    `${displayUrl(url)} did not answer the introspection query${why ? `: ${why}` : " (no data in the response)"}`,
  );
}

async function fetchVersion(url: string, opts: EndpointOptions): Promise<string | null> {
  try {
    const answer = await post(url, "{ version { version hash build_time } }", opts);
    const version = (answer.data as { version?: { version?: unknown } } | undefined)?.version?.version;
    return typeof version === "string" && version !== "" ? version : null;
  } catch {
    return null; // the version is a nicety; the schema is what matters
  }
}

/** Introspects a live Stash; the API key, when given, is sent as the `ApiKey` header only. */
export async function introspectEndpoint(endpoint: string, opts: EndpointOptions): Promise<EndpointSchema> {
  const url = normalizeEndpoint(endpoint);
  const data = await fetchIntrospection(url, opts);
  let schema: GraphQLSchema;
  try {
    schema = schemaFromIntrospection(data);
    assertStashSchema(schema);
  } catch (err) {
    if (err instanceof SchemaSourceError) throw new SchemaPullError("schema", `${displayUrl(url)}: ${err.message}`);
    throw err;
  }
  return { schema, stashVersion: await fetchVersion(url, opts), url: displayUrl(url) };
}

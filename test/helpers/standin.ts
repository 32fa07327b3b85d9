/**
 * Shared helpers for tests that talk to a stand-in over real HTTP: start one
 * per test file (closed afterwards) and POST/GET GraphQL with full access to
 * status, headers and body.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { StashClient, type StashClientOptions } from "../../src/index";
import { startStandIn, type StandIn, type StandInOptions } from "../../src/testing/index";

/** A raw HTTP answer: status, lower-cased headers, and the body parsed as JSON when it is JSON. */
export interface GqlResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON (e.g. 401's empty body gives ""). */
  body: T;
  text: string;
}

/** A GraphQL response body. */
export interface GqlBody<D = any> {
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Anything with a GraphQL URL: a stand-in or a plain string. */
export type Target = StandIn | { url: string } | string;

function urlOf(target: Target): string {
  return typeof target === "string" ? target : target.url;
}

function toResponse(res: Response, text: string): GqlResponse {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  let body: unknown = text;
  try {
    body = text === "" ? "" : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers, body, text };
}

/** POSTs a GraphQL request; `headers` are added to (and may override) JSON content type. */
export async function gql<D = any>(
  target: Target,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  operationName?: string,
): Promise<GqlResponse<GqlBody<D>>> {
  const res = await fetch(urlOf(target), {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return toResponse(res, await res.text());
}

/** GETs a GraphQL request with `?query=&variables=&operationName=`. */
export async function gqlGet<D = any>(
  target: Target,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  operationName?: string,
): Promise<GqlResponse<GqlBody<D>>> {
  const url = new URL(urlOf(target));
  url.searchParams.set("query", query);
  if (variables) url.searchParams.set("variables", JSON.stringify(variables));
  if (operationName) url.searchParams.set("operationName", operationName);
  const res = await fetch(url, { headers: { Accept: "application/json", ...headers } });
  return toResponse(res, await res.text());
}

/** POSTs an arbitrary body (for malformed-request tests). */
export async function postRaw(target: Target, body: string, headers: Record<string, string> = {}): Promise<GqlResponse> {
  const res = await fetch(urlOf(target), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
  return toResponse(res, await res.text());
}

/**
 * Returns `data` of a successful response, throwing with the status and
 * errors otherwise, for tests that only care about the happy path.
 */
export async function gqlData<D = any>(target: Target, query: string, variables?: Record<string, unknown>): Promise<D> {
  const res = await gql<D>(target, query, variables);
  if (res.status !== 200 || res.body.errors?.length || res.body.data == null) {
    throw new Error(`GraphQL request failed (${res.status}): ${res.text}`);
  }
  return res.body.data;
}

/** The first GraphQL error message of a request, or undefined when it succeeded, for tests of Stash's error texts. */
export async function gqlError(target: Target, query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
  return (await gql(target, query, variables)).body.errors?.[0]?.message;
}

/**
 * Starts a stand-in before the tests of the calling file and closes it after.
 * Use the returned getter inside tests: `const stash = withStandIn(); ... stash()`.
 */
export function withStandIn(options: StandInOptions = {}): () => StandIn {
  let instance: StandIn | undefined;
  beforeAll(async () => {
    instance = await startStandIn(options);
  });
  afterAll(async () => {
    await instance?.close();
  });
  return () => {
    if (!instance) throw new Error("withStandIn: the stand-in has not started (use it inside a test)");
    return instance;
  };
}

/** Runs `fn` with a fresh stand-in that is closed afterwards, even when `fn` throws. */
export async function usingStandIn<R>(options: StandInOptions, fn: (stash: StandIn) => Promise<R>): Promise<R> {
  const stash = await startStandIn(options);
  try {
    return await fn(stash);
  } finally {
    await stash.close();
  }
}

/**
 * A stand-in and a client per call, both closed after each test. The defaults
 * (a manual job clock unless told otherwise) apply when a call gives no options.
 */
export function standInPerTest(clientDefaults: StashClientOptions = {}) {
  const open: { standIn: StandIn; stash: StashClient }[] = [];
  afterEach(async () => {
    for (const { standIn, stash } of open.splice(0)) {
      await stash.close();
      await standIn.close();
    }
  });
  const start = async (options: StandInOptions = { jobs: { clock: "manual" } }, client: StashClientOptions = {}) => {
    const standIn = await startStandIn(options);
    const stash = new StashClient({ url: standIn.url, ...clientDefaults, ...client });
    open.push({ standIn, stash });
    return { standIn, stash };
  };
  /** Closes a pair the test built itself, after the test, like the others. */
  const keep = (standIn: StandIn, stash: StashClient): void => void open.push({ standIn, stash });
  return Object.assign(start, { keep });
}

/**
 * Every fault the stand-in can inject, for a query and for a mutation: the
 * error class, a message that says what happened and what to check, and how
 * many requests reached the server (queries retry where safe; mutations never).
 * The API key is recognisable so the secret-hygiene check means something.
 */
import { inspect } from "node:util";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@urql/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import {
  StashAuthError,
  StashError,
  StashGraphQLError,
  StashHttpError,
  StashNetworkError,
  StashTimeoutError,
} from "../src/core/errors";
import { startStandIn, type FaultSpec, type StandIn } from "../src/testing";

const KEY = "sk-TEST-4b1d-7e57-c0ffee-5ecre7";

const query = parse("query Version { version { version hash build_time } }") as TypedDocumentNode<
  { version: { version: string | null } },
  Record<string, never>
>;
const mutation = parse("mutation TagCreate($input: TagCreateInput!) { tagCreate(input: $input) { id name } }") as TypedDocumentNode<
  { tagCreate: { id: string; name: string } | null },
  { input: { name: string } }
>;

interface Case {
  name: string;
  fault: FaultSpec;
  /** Error class expected; null for success. */
  error: (new (...args: any[]) => StashError) | null;
  /** Fragments the message must contain. */
  message: RegExp[];
  /** Requests the server sees for a query (retries included) and for a mutation. */
  queryRequests: number;
  mutationRequests: number;
}

const echoKey = `<html><body>Bad gateway (upstream said ApiKey: ${KEY})</body></html>`;

const cases: Case[] = [
  {
    name: "500 with a JSON body",
    fault: { status: { code: 500, body: JSON.stringify({ errors: [{ message: "database is locked" }] }), headers: { "content-type": "application/json" } } },
    error: StashHttpError,
    message: [/HTTP 500/, /database is locked/, /Stash logs/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "502 with an HTML body",
    fault: { status: { code: 502, body: echoKey, headers: { "content-type": "text/html" } } },
    error: StashHttpError,
    message: [/HTTP 502/, /Bad gateway/, /proxy/],
    queryRequests: 3,
    mutationRequests: 1,
  },
  {
    name: "503 with Retry-After",
    fault: { status: { code: 503, body: "busy", headers: { "retry-after": "0", "content-type": "text/plain" } } },
    error: StashHttpError,
    message: [/HTTP 503/, /busy/],
    queryRequests: 3,
    mutationRequests: 1,
  },
  {
    name: "401",
    fault: { status: { code: 401, body: "", headers: { "www-authenticate": "FormBased" } } },
    error: StashAuthError,
    message: [/401/, /API key/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "403",
    fault: { status: { code: 403, body: "forbidden" } },
    error: StashAuthError,
    message: [/403/, /API key/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "422 validation",
    fault: {
      status: {
        code: 422,
        body: JSON.stringify({ errors: [{ message: 'Cannot query field "nope"', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }], data: null }),
        headers: { "content-type": "application/json" },
      },
    },
    error: StashHttpError,
    message: [/HTTP 422/, /Cannot query field/, /schema/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "HTTP 200 with errors and partial data",
    fault: {
      status: {
        code: 200,
        body: JSON.stringify({ errors: [{ message: "boom", path: ["version"] }], data: { version: null, tagCreate: null } }),
        headers: { "content-type": "application/json" },
      },
    },
    error: StashGraphQLError,
    message: [/boom/, /at (version|tagCreate)|at version/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "HTTP 200 with data: null",
    fault: { status: { code: 200, body: JSON.stringify({ data: null }), headers: { "content-type": "application/json" } } },
    error: StashGraphQLError,
    message: [/no data/, /logs/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "a connection reset mid-response",
    fault: { dropConnection: true },
    error: StashNetworkError,
    message: [/could not get an answer/, /running/],
    queryRequests: 3,
    mutationRequests: 1,
  },
  {
    name: "a server that never answers",
    fault: { hang: true },
    error: StashTimeoutError,
    message: [/within 300 ms/, /timeoutMs/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "malformed JSON",
    fault: { malformedJson: true },
    error: StashHttpError,
    message: [/not valid JSON/, /proxy/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "a wrong content type",
    fault: { contentType: "text/html" },
    error: StashHttpError,
    message: [/content type "text\/html"/, /\/graphql endpoint/],
    queryRequests: 1,
    mutationRequests: 1,
  },
  {
    name: "an application/graphql-response+json success",
    fault: { contentType: "application/graphql-response+json" },
    error: null,
    message: [],
    queryRequests: 1,
    mutationRequests: 1,
  },
];

let stash: StandIn;
let client: StashCore;
let tagNo = 0;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  client = new StashCore({ url: stash.url, apiKey: KEY, timeoutMs: 300, retry: { minDelayMs: 1, maxDelayMs: 5 } });
});
afterAll(async () => {
  await stash.close();
});
beforeEach(() => {
  stash.faults.clear();
  stash.resetStats();
});

function assertNoSecret(err: unknown): void {
  const e = err as Error & { toJSON?: () => unknown };
  const views = [
    e.message,
    e.stack ?? "",
    inspect(e, { depth: 5 }),
    JSON.stringify(e),
    inspect((e as { cause?: unknown }).cause, { depth: 5 }),
    String((e as { cause?: unknown }).cause ?? ""),
  ];
  for (const view of views) expect(view).not.toContain(KEY);
}

async function run(kind: "query" | "mutation"): Promise<unknown> {
  if (kind === "query") return client.request(query, {});
  tagNo += 1;
  return client.request(mutation, { input: { name: `fault tag ${tagNo}` } });
}

describe.each(cases)("$name", (c) => {
  for (const kind of ["query", "mutation"] as const) {
    it(`${kind}: ${c.error ? c.error.name : "succeeds"}, ${kind === "query" ? c.queryRequests : c.mutationRequests} request(s)`, async () => {
      stash.faults.set(c.fault);
      const outcome = await run(kind).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      stash.faults.clear();
      if (c.error === null) {
        expect(outcome).toHaveProperty("data");
      } else {
        expect("error" in outcome, `expected ${c.error.name}`).toBe(true);
        const error = (outcome as { error: unknown }).error;
        expect(error).toBeInstanceOf(c.error);
        for (const re of c.message) expect((error as Error).message).toMatch(re);
        expect((error as Error).message).toContain(kind === "query" ? "Version" : "TagCreate");
        assertNoSecret(error);
      }
      expect(stash.requests).toBe(kind === "query" ? c.queryRequests : c.mutationRequests);
    });
  }
});

describe("retry policy details", () => {
  it("waits for Retry-After before retrying a query, then succeeds", async () => {
    stash.faults.set({ status: { code: 503, body: "busy", headers: { "retry-after": "1" } }, times: 1 });
    const started = Date.now();
    await expect(client.request(query, {})).resolves.toHaveProperty("version");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stash.requests).toBe(2);
  });

  it("does not wait for a Retry-After beyond maxRetryAfterMs", async () => {
    const impatient = new StashCore({ url: stash.url, apiKey: KEY, retry: { maxRetryAfterMs: 100, minDelayMs: 1 } });
    stash.faults.set({ status: { code: 503, body: "busy", headers: { "retry-after": "120" } } });
    const err = await impatient.request(query, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashHttpError);
    expect((err as StashHttpError).retryAfterMs).toBe(120_000);
    expect(stash.requests).toBe(1);
  });

  it("can be turned off per client and per call", async () => {
    const noRetry = new StashCore({ url: stash.url, apiKey: KEY, retry: false });
    stash.faults.set({ status: { code: 502, body: "bad gateway" } });
    await expect(noRetry.request(query, {})).rejects.toBeInstanceOf(StashHttpError);
    expect(stash.requests).toBe(1);
    stash.resetStats();
    await expect(client.request(query, {}, { retry: false })).rejects.toBeInstanceOf(StashHttpError);
    expect(stash.requests).toBe(1);
    stash.resetStats();
    await expect(client.request(query, {}, { retry: { retries: 4, minDelayMs: 1, maxDelayMs: 2 } })).rejects.toBeInstanceOf(StashHttpError);
    expect(stash.requests).toBe(5);
  });

  it("a transient 502 on a query is invisible to the caller", async () => {
    stash.faults.set({ status: { code: 502, body: "bad gateway" }, times: 1 });
    await expect(client.request(query, {})).resolves.toHaveProperty("version");
    expect(stash.requests).toBe(2);
  });
});

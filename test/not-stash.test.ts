/**
 * A URL that answers GraphQL-shaped JSON but is not Stash: every layer (the
 * client, the core's capability probe, the schema tool, the CLI) says so with
 * StashNotStashError, instead of a TypeError from reading a missing field.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBE_OPERATION } from "../src/core/capabilities";
import { StashCore } from "../src/core/client";
import { StashError, StashNotStashError } from "../src/core/errors";
import { EXIT } from "../src/cli/exit-codes";
import { runCli } from "../src/cli/program";
import { StashClient, StashNotStashError as Exported } from "../src/index";
import { introspectEndpoint } from "../src/schema/endpoint";
import { capture } from "./helpers/cli-io";

const KEY = "sk-not-stash-key-7c7c7c";
const servers: Server[] = [];
/** Base URLs of servers answering the same JSON to every request. */
const url = { findSceneNull: "", emptyData: "" };

async function answering(body: unknown): Promise<string> {
  const server = createServer((req, res) => {
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  url.findSceneNull = await answering({ data: { findScene: null } });
  url.emptyData = await answering({ data: {} });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Awaits a call that must fail with StashNotStashError, and checks no form of it shows the key. */
async function notStash(call: () => Promise<unknown>): Promise<StashNotStashError> {
  const err = await call().then(
    () => new Error("expected StashNotStashError"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StashNotStashError);
  expect(err).toBeInstanceOf(StashError);
  const e = err as StashNotStashError;
  for (const text of [e.message, e.stack ?? "", JSON.stringify(e.toJSON()), inspect(e)]) expect(text).not.toContain(KEY);
  return e;
}

const cases = [
  ["answers {data:{findScene:null}}", () => url.findSceneNull],
  ["answers {data:{}}", () => url.emptyData],
] as const;

describe.each(cases)("a server that %s", (_label, base) => {
  it("StashClient.findScene rejects with StashNotStashError naming the URL and what was missing", async () => {
    // The key also sits in the query string: the message shows the URL without it.
    const client = new StashClient({ url: `${base()}/?apikey=${KEY}`, apiKey: KEY });
    const err = await notStash(() => client.findScene("1"));
    expect(err.message).toBe(
      `${PROBE_OPERATION}: the server at ${base()}/graphql does not look like Stash (no version and no __schema.types in its answer); check that the URL points at Stash's GraphQL endpoint`,
    );
    expect(err.url).toBe(`${base()}/graphql`);
    expect(err.toJSON()).toMatchObject({ name: "StashNotStashError", url: `${base()}/graphql`, missing: "no version and no __schema.types in its answer" });
  });

  it("StashCore.capabilities() rejects the same way, and is not cached", async () => {
    const core = new StashCore({ url: base(), apiKey: KEY });
    await notStash(() => core.capabilities());
    await notStash(() => core.capabilities());
  });

  it("the schema tool's introspection rejects with StashNotStashError", async () => {
    const err = await notStash(() => introspectEndpoint(base(), { apiKey: KEY, timeoutMs: 5_000 }));
    expect(err.message).toMatch(/^the server at http:\/\/127\.0\.0\.1:\d+\/graphql does not look like Stash \(the response is not a GraphQL introspection result \(no __schema\)\)/);
  });

  it("the CLI prints one line and exits 5; `schema pull` keeps its exit 1", async () => {
    for (const args of [["scenes", "get", "1"], ["version"], ["compat"]]) {
      const c = capture();
      const code = await runCli([...args, "--url", base(), "--api-key", KEY], c.io);
      expect(code, c.stderr()).toBe(EXIT.notStash);
      expect(c.stderr()).toMatch(/^stash-gql: .*the server at http:\/\/127\.0\.0\.1:\d+\/graphql does not look like Stash \(no version and no __schema\.types in its answer\)[^\n]*\n$/);
      expect(c.stderr()).not.toMatch(/unexpected error|TypeError/);
      expect(c.stdout() + c.stderr()).not.toContain(KEY);
    }
    const c = capture();
    expect(await runCli(["schema", "pull", "--endpoint", base(), "--api-key", KEY, "--out", "/nonexistent/never-written.graphql"], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/^stash-gql schema pull: the server at .* does not look like Stash/);
    expect(c.stderr()).not.toContain(KEY);
  });
});

describe("StashNotStashError", () => {
  it("is exported from the package entry, and exit code 5 is in EXIT and --help", async () => {
    expect(Exported).toBe(StashNotStashError);
    expect(EXIT.notStash).toBe(5);
    const c = capture();
    expect(await runCli(["scenes", "get", "--help"], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/^ {2}5 {4}the URL answers, but not like Stash/m);
  });
});

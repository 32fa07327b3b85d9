/**
 * The subscription transport against a real graphql-ws server on a loopback
 * socket: ordering, buffering, headers, auth, unsubscribe, abort, drops,
 * reconnection and GraphQL errors.
 */
import { EventEmitter, on, once } from "node:events";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { afterEach, describe, expect, it } from "vitest";
import type { TypedDocumentNode } from "../generated/typed-document";
import { StashAbortError, StashAuthError, StashGraphQLError, StashNetworkError } from "../src/core/errors";
import { createSubscriptionTransport, type SubscriptionTransport, type SubscriptionTransportOptions } from "../src/core/subscriptions";

const KEY = "key-9f8e7d6c5b4a";

// graphql-ws runs outside Vite, where Node loads graphql's CommonJS build; the
// schema must come from that same copy or graphql rejects it as from another realm.
const { buildSchema, parse } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

const schema = buildSchema(`
  type Query { ok: Boolean }
  type JobStatusUpdate { type: String!  progress: Float }
  type Subscription {
    ticks(n: Int!): Int!
    jobs: JobStatusUpdate!
    failing: Int!
  }
`);

const Ticks = parse("subscription Ticks($n: Int!) { ticks(n: $n) }") as TypedDocumentNode<{ ticks: number }, { n: number }>;
const Jobs = parse("subscription Jobs { jobs { type progress } }") as TypedDocumentNode<
  { jobs: { type: string; progress: number | null } },
  Record<string, never>
>;
const Failing = parse("subscription Failing { failing }") as TypedDocumentNode<{ failing: number }, Record<string, never>>;
const Invalid = parse("subscription Invalid { nope }") as TypedDocumentNode<{ nope: number }, Record<string, never>>;

interface TestServer {
  url: string;
  wss: WebSocketServer;
  /** "connection", "subscribed", "complete" and "close" as the server sees them. */
  hub: EventEmitter;
  /** Each `jobs` subscriber receives what is emitted here as "job". */
  bus: EventEmitter;
  headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** An iterator over a bus event whose `return()` settles at once, unlike a suspended generator's. */
function listen(bus: EventEmitter, event: string): AsyncIterableIterator<unknown> {
  const source = on(bus, event);
  return {
    next: async () => {
      const r = await source.next();
      return r.done ? r : { done: false, value: { jobs: r.value[0] } };
    },
    return: () => source.return!(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const servers: TestServer[] = [];
const transports: SubscriptionTransport[] = [];

async function startServer(options: { requireKey?: boolean; accept?: boolean } = {}): Promise<TestServer> {
  const wss = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    path: "/graphql",
    // Like Stash, refuse the HTTP upgrade itself when the key is wrong.
    ...(options.requireKey ? { verifyClient: ({ req }: { req: { headers: IncomingHttpHeaders } }) => req.headers.apikey === KEY } : {}),
  });
  await once(wss, "listening");
  const hub = new EventEmitter();
  const bus = new EventEmitter();
  const headers: IncomingHttpHeaders[] = [];
  wss.on("connection", (socket) => {
    hub.emit("connection");
    socket.on("close", () => hub.emit("close"));
  });
  const server = useServer(
    {
      schema,
      roots: {
        subscription: {
          ticks: async function* ({ n }: { n: number }) {
            for (let i = 1; i <= n; i++) yield { ticks: i };
          },
          jobs: () => listen(bus, "job"),
          failing: async function* () {
            yield { failing: 1 };
            // The default resolver calls functions, so this fails during execution of the event.
            yield { failing: () => { throw new Error(`boom (${KEY})`); } };
          },
        },
      },
      onConnect: (ctx) => {
        headers.push(ctx.extra.request.headers);
        return options.accept ?? true;
      },
      onOperation: () => {
        hub.emit("subscribed");
      },
      onComplete: () => {
        hub.emit("complete");
      },
    },
    wss,
  );
  const { port } = wss.address() as AddressInfo;
  const testServer: TestServer = {
    url: `http://127.0.0.1:${port}/graphql`,
    wss,
    hub,
    bus,
    headers,
    async close() {
      for (const client of wss.clients) client.terminate();
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  servers.push(testServer);
  return testServer;
}

function transport(options: SubscriptionTransportOptions): SubscriptionTransport {
  const t = createSubscriptionTransport(options);
  transports.push(t);
  return t;
}

/** Runs `body` and returns what it threw. */
async function caught(body: () => Promise<unknown>): Promise<Error> {
  try {
    await body();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

function expectNoKey(error: Error): void {
  const cause = (error as { cause?: unknown }).cause;
  for (const text of [error.message, JSON.stringify(error), inspect(error), String(cause), String(JSON.stringify(cause))]) {
    expect(text).not.toContain(KEY);
  }
}

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.dispose()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("subscription transport over a real graphql-ws server", () => {
  it("streams typed events in order, buffering those not yet read, and closes the socket when the stream completes", async () => {
    const server = await startServer();
    const closed = once(server.hub, "close");
    const stream = transport({ url: server.url }).subscribe(Ticks, { n: 5 });
    await closed; // every event has arrived before the first next()
    const seen: number[] = [];
    for await (const event of stream) seen.push(event.ticks);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("uses the client's URL rule: a base URL on 0.0.0.0 reaches ws://127.0.0.1:<port>/graphql", async () => {
    const server = await startServer();
    const base = server.url.replace("/graphql", "").replace("127.0.0.1", "0.0.0.0");
    const seen: number[] = [];
    for await (const event of transport({ url: base }).subscribe(Ticks, { n: 2 })) seen.push(event.ticks);
    expect(seen).toEqual([1, 2]);
  });

  it("a stream the server completes without events ends at once", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url }).subscribe(Ticks, { n: 0 });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it("yields object-shaped events and sends the ApiKey and extra headers on the upgrade", async () => {
    const server = await startServer({ requireKey: true });
    server.hub.once("subscribed", () => {
      server.bus.emit("job", { type: "UPDATE", progress: 0.5 });
      server.bus.emit("job", { type: "REMOVE", progress: null });
    });
    const stream = transport({ url: server.url, apiKey: KEY, headers: { "X-Extra": "yes" } }).subscribe(Jobs, {});
    const first = await stream.next();
    const second = await stream.next();
    expect([first.value, second.value]).toEqual([
      { jobs: { type: "UPDATE", progress: 0.5 } },
      { jobs: { type: "REMOVE", progress: null } },
    ]);
    expect(server.headers[0]?.apikey).toBe(KEY);
    expect(server.headers[0]?.["x-extra"]).toBe("yes");
  });

  it("a subscription started while the previous socket closes is carried on a new socket", async () => {
    const server = await startServer();
    const t = transport({ url: server.url });
    for await (const _ of t.subscribe(Ticks, { n: 1 })) break; // releases the socket
    const stream = t.subscribe(Jobs, {});
    await once(server.hub, "subscribed");
    server.bus.emit("job", { type: "ADD", progress: 3 });
    expect((await stream.next()).value?.jobs.progress).toBe(3);
  });

  it("a key refused at the upgrade becomes StashAuthError without the key in it", async () => {
    const server = await startServer({ requireKey: true });
    const wrong = `${KEY}-wrong`;
    const error = await caught(() => transport({ url: server.url, apiKey: wrong, reconnect: { delayMs: 1 } }).subscribe(Ticks, { n: 1 }).next());
    expect(error).toBeInstanceOf(StashAuthError);
    expect((error as StashAuthError).status).toBe(401);
    expect(error.message).toContain("Ticks");
    for (const text of [error.message, JSON.stringify(error), inspect(error), String(error.cause)]) expect(text).not.toContain(wrong);
    expect(server.headers).toHaveLength(0);
  });

  it("a connection refused by the server's onConnect (4403) becomes StashAuthError", async () => {
    const server = await startServer({ accept: false });
    const error = await caught(() => transport({ url: server.url, apiKey: KEY }).subscribe(Ticks, { n: 1 }).next());
    expect(error).toBeInstanceOf(StashAuthError);
    expect((error as StashAuthError).status).toBe(403);
    expectNoKey(error);
  });

  it("break unsubscribes and closes the socket", async () => {
    const server = await startServer();
    server.hub.once("subscribed", () => {
      for (let i = 0; i < 3; i++) server.bus.emit("job", { type: "UPDATE", progress: i });
    });
    const completed = once(server.hub, "complete");
    const closed = once(server.hub, "close");
    let count = 0;
    for await (const event of transport({ url: server.url }).subscribe(Jobs, {})) {
      expect(event.jobs.progress).toBe(count);
      if (++count === 2) break;
    }
    await Promise.all([completed, closed]);
  });

  it("aborting closes the socket and rejects the pending next() with StashAbortError", async () => {
    const server = await startServer();
    const controller = new AbortController();
    const stream = transport({ url: server.url }).subscribe(Jobs, {}, { signal: controller.signal });
    const pending = stream.next();
    await once(server.hub, "subscribed");
    const closed = once(server.hub, "close");
    controller.abort();
    const error = await caught(() => pending);
    expect(error).toBeInstanceOf(StashAbortError);
    expect(error.name).toBe("AbortError");
    await closed;
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it("an already-aborted signal rejects at once without connecting", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url }).subscribe(Jobs, {}, { signal: AbortSignal.abort() });
    expect(await caught(() => stream.next())).toBeInstanceOf(StashAbortError);
    expect(server.wss.clients.size).toBe(0);
    expect(server.headers).toHaveLength(0);
  });

  it("the server terminating the socket ends the iteration with StashNetworkError, after the events already received", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url, apiKey: KEY }).subscribe(Jobs, {});
    await once(server.hub, "subscribed");
    server.bus.emit("job", { type: "ADD", progress: null });
    expect((await stream.next()).value).toEqual({ jobs: { type: "ADD", progress: null } });
    for (const client of server.wss.clients) client.terminate();
    const error = await caught(() => stream.next());
    expect(error).toBeInstanceOf(StashNetworkError);
    expect(error.message).toContain("1006");
    expectNoKey(error);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it("a normal closure by the server also ends the iteration when reconnect is off", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url }).subscribe(Jobs, {});
    await once(server.hub, "subscribed");
    for (const client of server.wss.clients) client.close(1000, "shutting down");
    const error = await caught(() => stream.next());
    expect(error).toBeInstanceOf(StashNetworkError);
    expect(error.message).toContain("shutting down");
  });

  it("a server that cannot be reached gives StashNetworkError", async () => {
    const server = await startServer();
    const url = server.url;
    await server.close();
    servers.splice(0);
    const error = await caught(() => transport({ url, apiKey: KEY }).subscribe(Ticks, { n: 1 }).next());
    expect(error).toBeInstanceOf(StashNetworkError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expectNoKey(error);
  });

  it("with reconnect, the stream resumes after the server drops the socket once", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url, apiKey: KEY, reconnect: { attempts: 3, delayMs: 1 } }).subscribe(Jobs, {});
    await once(server.hub, "subscribed");
    server.bus.emit("job", { type: "ADD", progress: 1 });
    expect((await stream.next()).value?.jobs.progress).toBe(1);
    const resubscribed = once(server.hub, "subscribed");
    for (const client of server.wss.clients) client.terminate();
    await resubscribed;
    server.bus.emit("job", { type: "ADD", progress: 2 });
    expect((await stream.next()).value?.jobs.progress).toBe(2);
    expect(server.headers).toHaveLength(2);
    expect(server.headers[1]?.apikey).toBe(KEY);
    await stream.return!();
  });

  it("a GraphQL error in an event becomes StashGraphQLError, after the good events", async () => {
    const server = await startServer();
    const stream = transport({ url: server.url, apiKey: KEY }).subscribe(Failing, {});
    expect((await stream.next()).value).toEqual({ failing: 1 });
    const error = await caught(() => stream.next());
    expect(error).toBeInstanceOf(StashGraphQLError);
    expect(error.message).toContain("boom");
    expect((error as StashGraphQLError).errors[0]?.path).toEqual(["failing"]);
    expectNoKey(error);
  });

  it("a document the server rejects becomes StashGraphQLError", async () => {
    const server = await startServer();
    const error = await caught(() => transport({ url: server.url }).subscribe(Invalid, {}).next());
    expect(error).toBeInstanceOf(StashGraphQLError);
    expect(error.message).toContain("nope");
  });

  it("dispose ends open iterations as done", async () => {
    const server = await startServer();
    const t = createSubscriptionTransport({ url: server.url });
    const stream = t.subscribe(Jobs, {});
    const pending = stream.next();
    await once(server.hub, "subscribed");
    const closed = once(server.hub, "close");
    await t.dispose();
    expect(await pending).toEqual({ value: undefined, done: true });
    await closed;
  });
});

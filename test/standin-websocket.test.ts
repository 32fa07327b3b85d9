/**
 * The stand-in's WebSocket subscriptions over real sockets: the SDK on
 * graphql-transport-ws, a raw client speaking the legacy graphql-ws protocol,
 * auth on the upgrade, listener cleanup on unsubscribe and on close.
 */
import type { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { StashAbortError, StashClient } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";

const KEY = "ws-test-key";
let standIn: StandIn;
let stash: StashClient;

beforeEach(async () => {
  standIn = await startStandIn({ apiKey: KEY });
  stash = new StashClient({ url: standIn.url, apiKey: KEY, retry: false });
});

afterEach(async () => {
  await standIn.close();
});

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An iterator step's value; fails when the stream ended instead. */
function value<T>(step: IteratorResult<T>): T {
  if (step.done) throw new Error("the subscription ended");
  return step.value;
}

const listeners = (events: EventEmitter, name: string) => () => events.listenerCount(name);

/** A raw client of the legacy protocol: every message received, in order. */
async function legacyClient(url: string, headers: Record<string, string> = { ApiKey: KEY }) {
  const ws = new WebSocket(url.replace(/^http/, "ws"), "graphql-ws", { headers });
  const messages: { type: string; id?: string; payload?: any }[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  const send = (msg: object) => ws.send(JSON.stringify(msg));
  const next = async (type: string) => {
    await until(() => messages.some((m) => m.type === type), `legacy "${type}"`);
    return messages.splice(messages.findIndex((m) => m.type === type), 1)[0]!;
  };
  return { ws, send, next, messages };
}

/** The HTTP status a refused upgrade answers with. */
function upgradeStatus(url: string, headers: Record<string, string>, protocol = "graphql-transport-ws") {
  return new Promise<{ status: number; auth: string | undefined }>((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws"), protocol, { headers });
    ws.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, auth: res.headers["www-authenticate"] as string | undefined });
      res.resume();
      ws.terminate();
    });
    ws.once("open", () => reject(new Error("upgrade was accepted")));
    ws.once("error", () => undefined);
  });
}

describe("stand-in subscriptions (graphql-transport-ws, through the SDK)", () => {
  it("jobsSubscribe streams ADD, UPDATE and REMOVE of a running job", async () => {
    const updates = stash.ops.jobsSubscribe();
    const first = updates.next();
    await until(() => standIn.jobs.events.listenerCount("update") === 1, "the subscription");
    standIn.jobs.enqueue("Stand-in test job", async (job) => {
      job.progress(0.5);
      await job.step();
    });
    const seen = [value(await first).jobsSubscribe];
    while (seen.at(-1)!.type !== "REMOVE") seen.push(value(await updates.next()).jobsSubscribe);
    expect(seen[0]).toMatchObject({ type: "ADD", job: { status: "READY", description: "Stand-in test job" } });
    expect(seen.some((u) => u.type === "UPDATE" && u.job.status === "RUNNING")).toBe(true);
    expect(seen.at(-1)!.job).toMatchObject({ status: "FINISHED", description: "Stand-in test job" });
    await updates.return!();
    await until(() => listeners(standIn.jobs.events, "update")() === 0, "the listener to go");
  });

  it("follows a metadataScan: its job updates, its log and scanCompleteSubscribe", async () => {
    const jobs = stash.ops.jobsSubscribe();
    const logs = stash.ops.loggingSubscribe();
    const scans = stash.ops.scanCompleteSubscribe();
    const [firstJob, firstLog, complete] = [jobs.next(), logs.next(), scans.next()];
    await until(() => standIn.jobs.events.listenerCount("update") === 1 && standIn.logs.events.listenerCount("entries") === 1, "the subscriptions");
    const { metadataScan: id } = await stash.ops.metadataScan({ input: {} });
    const seen = [value(await firstJob).jobsSubscribe];
    while (seen.at(-1)!.type !== "REMOVE") seen.push(value(await jobs.next()).jobsSubscribe);
    expect(seen.every((u) => u.job.id === id)).toBe(true);
    expect(seen.at(-1)!.job.status).toBe("FINISHED");
    expect(value(await complete).scanCompleteSubscribe).toBe(true);
    const messages = value(await firstLog).loggingSubscribe.map((e) => e.message);
    while (!messages.some((m) => m.startsWith("Scan finished"))) messages.push(...value(await logs.next()).loggingSubscribe.map((e) => e.message));
    for (const it of [jobs, logs, scans]) await it.return!();
    await until(() => standIn.jobs.events.listenerCount("update") + standIn.logs.events.listenerCount("entries") === 0, "the listeners to go");
  });

  it("loggingSubscribe streams each batch of log entries", async () => {
    const logs = stash.ops.loggingSubscribe();
    const first = logs.next();
    await until(() => standIn.logs.events.listenerCount("entries") === 1, "the subscription");
    standIn.logs.add("Info", "first");
    standIn.logs.add("Warning", "second");
    const batch = value(await first).loggingSubscribe;
    expect(batch.map((e) => [e.level, e.message])).toEqual([
      ["Info", "first"],
      ["Warning", "second"],
    ]);
    expect(typeof batch[0]!.time).toBe("string");
    await logs.return!();
    await until(() => standIn.logs.events.listenerCount("entries") === 0, "the listener to go");
  });

  it("return() on an idle subscription releases it at once, even with a next() pending", async () => {
    const updates = stash.ops.jobsSubscribe();
    const pending = updates.next();
    await until(() => standIn.jobs.events.listenerCount("update") === 1, "the subscription");
    await updates.return!();
    await expect(pending).resolves.toMatchObject({ done: true });
    await until(() => standIn.jobs.events.listenerCount("update") === 0, "the listener to go");
  });

  it("an idle subscription's listener goes as soon as the client aborts", async () => {
    const stop = new AbortController();
    const a = stash.ops.jobsSubscribe({}, { signal: stop.signal });
    const b = stash.ops.loggingSubscribe({}, { signal: stop.signal });
    const ends = [a.next(), b.next()].map((p) => p.then(() => "event", (e: unknown) => e instanceof StashAbortError));
    await until(() => standIn.jobs.events.listenerCount("update") === 1 && standIn.logs.events.listenerCount("entries") === 1, "both subscriptions");
    stop.abort();
    await expect(Promise.all(ends)).resolves.toEqual([true, true]);
    await until(() => standIn.jobs.events.listenerCount("update") === 0 && standIn.logs.events.listenerCount("entries") === 0, "the listeners to go");
  });

  it("closing the stand-in ends open subscriptions and their listeners", async () => {
    const updates = stash.ops.jobsSubscribe();
    const pending = updates.next().then(
      (step) => ({ done: step.done }),
      (error: unknown) => ({ error }),
    );
    await until(() => standIn.jobs.events.listenerCount("update") === 1, "the subscription");
    await standIn.close();
    const outcome = await pending;
    expect("error" in outcome || outcome.done === true).toBe(true);
    expect(standIn.jobs.events.listenerCount("update")).toBe(0);
  });
});

describe("stand-in subscriptions (legacy graphql-ws protocol)", () => {
  it("connects, acknowledges, streams and stops", async () => {
    const client = await legacyClient(standIn.url);
    expect(client.ws.protocol).toBe("graphql-ws");
    client.send({ type: "connection_init", payload: {} });
    await client.next("connection_ack");
    await client.next("ka"); // gqlgen's legacy handler keeps alive with "ka" (KeepAlivePingInterval)
    client.send({ id: "1", type: "start", payload: { query: "subscription { loggingSubscribe { level message } }" } });
    await until(() => standIn.logs.events.listenerCount("entries") === 1, "the subscription");
    standIn.logs.add("Error", "broken");
    const data = await client.next("data");
    expect(data).toMatchObject({ id: "1", payload: { data: { loggingSubscribe: [{ level: "Error", message: "broken" }] } } });
    client.send({ id: "1", type: "stop" });
    await until(() => standIn.logs.events.listenerCount("entries") === 0, "the listener to go");
    client.ws.close();
  });

  it("accepts the key as ?apikey= and ends with 1001 when the stand-in closes", async () => {
    const client = await legacyClient(`${standIn.url}?apikey=${KEY}`, {});
    client.send({ type: "connection_init", payload: {} });
    await client.next("connection_ack");
    client.send({ id: "j", type: "start", payload: { query: "subscription { jobsSubscribe { type job { id status } } }" } });
    await until(() => standIn.jobs.events.listenerCount("update") === 1, "the subscription");
    const closed = new Promise<number>((resolve) => client.ws.once("close", resolve));
    await standIn.close();
    expect(await closed).toBe(1001);
    expect(standIn.jobs.events.listenerCount("update")).toBe(0);
  });

  it("answers validation errors the library's way", async () => {
    const client = await legacyClient(standIn.url);
    client.send({ type: "connection_init", payload: {} });
    await client.next("connection_ack");
    client.send({ id: "2", type: "start", payload: { query: "subscription { noSuchField }" } });
    const data = await client.next("data");
    expect(data.payload.errors[0].message).toMatch(/noSuchField/);
    client.ws.close();
  });
});

describe("stand-in WebSocket upgrades", () => {
  it("picks the subprotocol by the client's Sec-WebSocket-Protocol, in the client's order", async () => {
    for (const [offered, picked] of [
      [["graphql-transport-ws"], "graphql-transport-ws"],
      [["graphql-ws", "graphql-transport-ws"], "graphql-ws"],
      [["x-other", "graphql-transport-ws", "graphql-ws"], "graphql-transport-ws"],
    ] as const) {
      const ws = new WebSocket(standIn.url.replace(/^http/, "ws"), [...offered], { headers: { ApiKey: KEY } });
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      expect(ws.protocol).toBe(picked);
      ws.close();
    }
  });

  it("without a known subprotocol, falls back to the legacy server, which closes with 1002", async () => {
    const ws = new WebSocket(standIn.url.replace(/^http/, "ws"), { headers: { ApiKey: KEY } });
    await expect(new Promise((resolve) => ws.once("close", resolve))).resolves.toBe(1002);
  });

  it("refuses a missing or wrong key with 401 before upgrading", async () => {
    await expect(upgradeStatus(standIn.url, {})).resolves.toEqual({ status: 401, auth: "FormBased" });
    await expect(upgradeStatus(standIn.url, { ApiKey: "wrong" })).resolves.toEqual({ status: 401, auth: "FormBased" });
    await expect(upgradeStatus(`${standIn.url}?apikey=wrong`, {}, "graphql-ws")).resolves.toEqual({ status: 401, auth: "FormBased" });
  });

  it("the SDK reports a refused upgrade as an auth error", async () => {
    const wrong = new StashClient({ url: standIn.url, apiKey: "wrong", retry: false });
    const error = await wrong.ops.jobsSubscribe().next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/Auth|Http/);
    expect(standIn.jobs.events.listenerCount("update")).toBe(0);
  });

  it("accepts a login session's cookie instead of a key", async () => {
    const locked = await startStandIn({ credentials: { username: "admin", password: "hunter2" } });
    try {
      const res = await fetch(`${locked.baseUrl}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ username: "admin", password: "hunter2" }).toString(),
        redirect: "manual",
      });
      const cookie = /^session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
      expect(cookie).not.toBe("session=");
      await expect(upgradeStatus(locked.url, {})).resolves.toEqual({ status: 401, auth: "FormBased" });
      await expect(upgradeStatus(locked.url, { Cookie: "session=forged" })).resolves.toEqual({ status: 401, auth: "FormBased" });
      const viaCookie = new StashClient({ url: locked.url, headers: { Cookie: cookie }, retry: false });
      const logs = viaCookie.ops.loggingSubscribe();
      const first = logs.next();
      await until(() => locked.logs.events.listenerCount("entries") === 1, "the subscription");
      locked.logs.add("Info", "with a session");
      expect(value(await first).loggingSubscribe.map((e) => e.message)).toEqual(["with a session"]);
      await logs.return!();
      await viaCookie.close();
    } finally {
      await locked.close();
    }
  });

  it("answers 404 off /graphql", async () => {
    await expect(upgradeStatus(`${standIn.baseUrl}/other`, { ApiKey: KEY })).resolves.toMatchObject({ status: 404 });
  });
});

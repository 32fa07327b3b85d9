/**
 * Cancellation reaches the socket: an aborted or timed-out call closes its
 * connection at once (seen from the server side), rejects with the right
 * class, and is never retried.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashAbortError, StashTimeoutError } from "../src/core/errors";
import { VersionDocument } from "../generated/graphql";

let server: Server;
let url: string;
let requests = 0;
const closed: number[] = [];

beforeAll(async () => {
  // Accepts every request and never answers, like a wedged reverse proxy.
  server = createServer((req) => {
    requests++;
    req.resume();
  });
  server.on("connection", (socket: Socket) => socket.on("close", () => closed.push(Date.now())));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = 0;
  closed.length = 0;
});

async function waitFor(check: () => boolean, ms = 1000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

it("an AbortSignal rejects promptly with StashAbortError and closes the socket", async () => {
  const client = new StashCore({ url });
  const controller = new AbortController();
  const started = Date.now();
  const pending = client.request(VersionDocument, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(pending).rejects.toBeInstanceOf(StashAbortError);
  expect(Date.now() - started).toBeLessThan(1000);
  await waitFor(() => closed.length > 0);
  expect(closed.length).toBe(1);
  expect(requests).toBe(1);
});

it("an already-aborted signal sends nothing", async () => {
  const client = new StashCore({ url });
  await expect(client.request(VersionDocument, {}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(StashAbortError);
  expect(requests).toBe(0);
});

it("a per-call timeout raises StashTimeoutError, closes the socket and is not retried", async () => {
  const client = new StashCore({ url, timeoutMs: 30_000 });
  const started = Date.now();
  const err = await client.request(VersionDocument, {}, { timeoutMs: 100 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StashTimeoutError);
  expect((err as StashTimeoutError).timeoutMs).toBe(100);
  expect(Date.now() - started).toBeLessThan(2000);
  await waitFor(() => closed.length > 0);
  expect(closed.length).toBe(1);
  expect(requests).toBe(1);
});

/**
 * Transport safety: HTTPS with a custom CA through the `fetch` option, and the
 * one warning when an API key would travel over plain HTTP to a public host.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@urql/core";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashNetworkError } from "../src/core/errors";
import { startStandIn, type StandIn } from "../src/testing";

const KEY = "sk-https-test-key-0f0f0f";
const tls = new URL("./fixtures/tls/", import.meta.url);
const cert = readFileSync(new URL("cert.pem", tls));
const key = readFileSync(new URL("key.pem", tls));

const version = parse("query Version { version { version } }") as TypedDocumentNode<
  { version: { version: string | null } },
  Record<string, never>
>;

let stash: StandIn;
let proxy: Server;
let httpsUrl: string;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  // A TLS front for the stand-in, like a reverse proxy with a home-made certificate.
  proxy = createServer({ cert, key }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(stash.url, {
      method: "POST",
      headers: { "content-type": "application/json", apikey: String(req.headers["apikey"] ?? "") },
      body: Buffer.concat(chunks),
    });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(await upstream.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  httpsUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await stash.close();
});

describe("HTTPS", () => {
  it("works with a custom CA passed through the fetch option", async () => {
    const agent = new Agent({ connect: { ca: cert } });
    const client = new StashCore({
      url: httpsUrl,
      apiKey: KEY,
      fetch: (input, init) => undiciFetch(input as string, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>,
    });
    const data = await client.request(version, {});
    expect(data.version.version).toBe("v0.30.1");
    await agent.close();
  });

  it("refuses an untrusted certificate with a network error that does not leak the key", async () => {
    const client = new StashCore({ url: httpsUrl, apiKey: KEY, retry: false });
    const err = await client.request(version, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashNetworkError);
    expect((err as Error).message).toMatch(/certificate|self[- ]signed/i);
    expect(JSON.stringify(err)).not.toContain(KEY);
  });
});

describe("plain-HTTP warning", () => {
  function warningsFor(url: string, apiKey?: string): string[] {
    const seen: string[] = [];
    const client = new StashCore({ url, ...(apiKey ? { apiKey } : {}), logger: { warn: (m) => seen.push(m) } });
    expect(client.url).toBeTruthy();
    return seen;
  }

  it("warns once when a key would go over http:// to a public host", () => {
    const seen = warningsFor("http://stash.example.com:9999", KEY);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/unencrypted/);
    expect(seen[0]).toContain("stash.example.com");
    expect(seen[0]).not.toContain(KEY);
  });

  it.each([
    ["loopback", "http://127.0.0.1:9999", KEY],
    ["localhost", "http://localhost:9999", KEY],
    ["a private address", "http://192.168.1.20:9999", KEY],
    ["a .local name", "http://nas.local:9999", KEY],
    ["https", "https://stash.example.com", KEY],
    ["no key", "http://stash.example.com:9999", undefined],
  ])("stays quiet for %s", (_label, url, apiKey) => {
    expect(warningsFor(url, apiKey)).toEqual([]);
  });
});

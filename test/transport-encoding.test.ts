/**
 * The default node:http transport reads what fetch would: gzip, deflate and
 * brotli bodies, and a body that stops short is a network failure, not data.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { StashCore } from "../src/core/client";
import { StashNetworkError } from "../src/core/errors";
import { VersionDocument } from "../generated/graphql";

const payload = JSON.stringify({ data: { version: { version: "v0.30.1", hash: "abc", build_time: "2025-12-01" } } });
const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const mode = new URL(req.url ?? "/", "http://x").searchParams.get("mode") ?? "identity";
    if (mode === "short") {
      // Promises more bytes than it sends, then hangs up.
      res.writeHead(200, { "content-type": "application/json", "content-length": String(payload.length + 50) });
      res.write(payload.slice(0, 20));
      setTimeout(() => res.destroy(), 10);
      return;
    }
    const encode = encoders[mode];
    const body = encode ? encode(Buffer.from(payload)) : Buffer.from(payload);
    res.writeHead(200, { "content-type": "application/json", ...(encode ? { "content-encoding": mode } : {}) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it.each(["identity", "gzip", "deflate", "br"])("decodes a %s body", async (mode) => {
  const client = new StashCore({ url: `${base}?mode=${mode}` });
  await expect(client.request(VersionDocument, {})).resolves.toEqual({
    version: { version: "v0.30.1", hash: "abc", build_time: "2025-12-01" },
  });
});

it("reports a body cut short as a network error", async () => {
  const client = new StashCore({ url: `${base}?mode=short`, retry: false });
  await expect(client.request(VersionDocument, {})).rejects.toBeInstanceOf(StashNetworkError);
});

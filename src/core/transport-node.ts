/**
 * The Node sender: node:http(s) through Node's global agents. Per request it
 * costs a fraction of what `fetch` does, and fetch was most of the SDK's
 * client time (bench/RESULTS.md). Only Node builds reach this file
 * (transport-default.ts); browser builds use the page's fetch instead.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { HttpSend, WireResponse } from "./transport";

/** The body as text, decompressed the way fetch would (gzip, deflate, br). */
function readText(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
    const inflate =
      encoding === "gzip" || encoding === "x-gzip"
        ? createGunzip()
        : encoding === "deflate"
          ? createInflate()
          : encoding === "br"
            ? createBrotliDecompress()
            : null;
    const source: Readable = inflate ? pipeline(res, inflate, () => {}) : res;
    // Bytes first, decoded once: cheaper than decoding chunk by chunk, and no string rope to flatten.
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, size).toString("utf8"));
    };
    source.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    source.once("end", finish);
    source.once("error", reject);
    // A connection that closes before the declared length arrived is a broken answer.
    res.once("close", () => {
      if (!res.complete) reject(new Error("the connection closed before the response ended"));
      else if (!inflate) finish();
    });
  });
}

/**
 * The default: node:http(s) through Node's global agents, which keep
 * connections alive (and honour the server's Keep-Alive hint). Redirects are
 * not followed: a POST to Stash that is redirected is reported as the HTTP
 * status, with the URL to check.
 */
export const sendWithNode: HttpSend = (url, init, cancel) =>
  new Promise<WireResponse>((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    headers["accept-encoding"] ??= "gzip, deflate, br";
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method, headers }, (res) => {
      resolve({
        status: res.statusCode ?? 0,
        headers: {
          get: (name) => {
            const value = res.headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
          },
        },
        text: () => readText(res),
      });
    });
    req.on("error", reject);
    // Destroying the request closes the socket, which also ends a body still being read.
    cancel.onCancel((reason) => req.destroy(reason));
    req.end(init.body);
  });

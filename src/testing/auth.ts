/**
 * Stash's API-key check: the `ApiKey` header, or `?apikey=` (used on media
 * URLs). A non-empty key that does not match is refused even when the server
 * has no credentials configured, as Stash (v0.26+) does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The key a request presents: the header first, then the query parameter. */
export function presentedKey(req: IncomingMessage, url: URL): string {
  const header = req.headers["apikey"];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return fromHeader || url.searchParams.get("apikey") || "";
}

/** True when the request may proceed. */
export function isAuthorized(req: IncomingMessage, url: URL, apiKey: string | undefined): boolean {
  const given = presentedKey(req, url);
  if (!apiKey) return given === "";
  return given !== "" && sameKey(given, apiKey);
}

/** Stash's refusal: 401, empty body, `WWW-Authenticate: FormBased`. */
export function refuse(res: ServerResponse): void {
  res.writeHead(401, { "WWW-Authenticate": "FormBased", "Content-Length": "0" });
  res.end();
}

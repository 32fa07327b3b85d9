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

/** The auth decision: proceed, or which refusal to send. */
export type AuthVerdict = "ok" | "refused" | "legacy-error";

/**
 * Decides whether a request may proceed. `legacy` imitates v0.25, which
 * answered a key sent to a server without credentials with a 500.
 */
export function checkAuth(req: IncomingMessage, url: URL, apiKey: string | undefined, legacy = false): AuthVerdict {
  const given = presentedKey(req, url);
  if (!apiKey) return given === "" ? "ok" : legacy ? "legacy-error" : "refused";
  return given !== "" && sameKey(given, apiKey) ? "ok" : "refused";
}

/** True when the request may proceed. */
export function isAuthorized(req: IncomingMessage, url: URL, apiKey: string | undefined): boolean {
  return checkAuth(req, url, apiKey) === "ok";
}

/** Sends the refusal for a verdict: 401 with an empty body and `WWW-Authenticate: FormBased`, or v0.25's 500. */
export function refuse(res: ServerResponse, verdict: AuthVerdict = "refused"): void {
  if (verdict === "legacy-error") {
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": "13" });
    res.end("unauthorized\n");
    return;
  }
  res.writeHead(401, { "WWW-Authenticate": "FormBased", "Content-Length": "0" });
  res.end();
}

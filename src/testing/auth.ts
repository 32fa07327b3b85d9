/**
 * Stash's request authentication: the `ApiKey` header, or `?apikey=` (used on
 * media URLs), else the `session` cookie of a login (sessions.ts). A non-empty
 * key that does not match is refused even when the server has no credentials
 * configured, as Stash (v0.26+) does (internal/api/authentication.go).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { requestCookie, type SessionStore } from "./sessions";

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
 * Login sessions for `checkAuth`: a request without a key may present the
 * session cookie instead; `required` says whether anonymous requests are refused
 * (credentials configured, or the stand-in locked by its `apiKey` option).
 */
export interface SessionAccess {
  readonly sessions: SessionStore;
  readonly required: boolean;
}

/**
 * Decides whether a request may proceed, in pkg/session/session.go
 * Authenticate's order: a presented key must match (even when none is
 * configured); without one, a live session cookie passes; otherwise only when
 * nothing is required. `legacy` imitates v0.25, which answered a key sent to a
 * server without credentials with a 500.
 */
export function checkAuth(
  req: IncomingMessage,
  url: URL,
  apiKey: string | undefined,
  legacy = false,
  access?: SessionAccess,
): AuthVerdict {
  const given = presentedKey(req, url);
  if (given !== "") {
    if (!apiKey) return legacy ? "legacy-error" : "refused";
    return sameKey(given, apiKey) ? "ok" : "refused";
  }
  if (access) {
    const cookie = requestCookie(req, access.sessions.cookieName);
    if (cookie !== "" && access.sessions.validate(cookie) !== null) return "ok";
    return access.required ? "refused" : "ok";
  }
  return apiKey ? "refused" : "ok";
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

/**
 * Login sessions of one stand-in, as Stash keeps them behind its `session`
 * cookie (pkg/session/session.go at v0.30.1). Stash stores the user id in a
 * signed gorilla cookie; the stand-in hands out an opaque random value and
 * keeps the user id here, so `destroy` can revoke a session server-side.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** pkg/session/session.go: `cookieName = "session"`. */
export const SESSION_COOKIE = "session";

/** pkg/session/session.go (`Store`): one instance's sessions, keyed by cookie value. */
export class SessionStore {
  /** The cookie carrying a session: `session`. */
  readonly cookieName = SESSION_COOKIE;
  private readonly sessions = new Map<string, { username: string; expires: number }>();

  /**
   * @param maxAgeSeconds - how long a session lives; read on every use because
   *   `configureGeneral(maxSessionAge)` changes it (Stash default 3600, config.go).
   * @param now - the clock, in milliseconds.
   */
  constructor(
    private readonly maxAgeSeconds: () => number = () => 3600,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session for `username` and returns the cookie value. */
  create(username: string): string {
    const value = randomBytes(24).toString("base64url");
    this.sessions.set(value, { username, expires: this.now() + this.maxAgeSeconds() * 1000 });
    return value;
  }

  /**
   * The username of a live session, or null. A use refreshes the expiry, as
   * Stash re-saves the cookie on every authenticated request (GetSessionUserID).
   */
  validate(value: string): string | null {
    const session = this.sessions.get(value);
    if (!session) return null;
    const now = this.now();
    if (session.expires <= now) {
      this.sessions.delete(value);
      return null;
    }
    session.expires = now + this.maxAgeSeconds() * 1000;
    return session.username;
  }

  /** Ends a session; unknown values are ignored. */
  destroy(value: string): void {
    this.sessions.delete(value);
  }

  /** The `Max-Age` the cookie is given, in seconds. */
  get maxAge(): number {
    return this.maxAgeSeconds();
  }
}

/** The value of cookie `name` in a request's `Cookie` header(s), or "". */
export function requestCookie(req: IncomingMessage, name: string): string {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return "";
}

/**
 * The `Set-Cookie` value gorilla/sessions writes for Stash: Path=/, Max-Age
 * and Expires, SameSite=Lax (NewStore sets only SameSite; gorilla's default
 * options are Path "/" and no HttpOnly). `maxAge <= 0` deletes the cookie.
 */
export function sessionCookie(value: string, maxAge: number, now: number = Date.now()): string {
  if (maxAge <= 0) {
    return `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; SameSite=Lax`;
  }
  const expires = new Date(now + maxAge * 1000).toUTCString();
  return `${SESSION_COOKIE}=${value}; Path=/; Expires=${expires}; Max-Age=${maxAge}; SameSite=Lax`;
}

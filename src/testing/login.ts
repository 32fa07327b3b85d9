/**
 * Stash's `/login` and `/logout` endpoints (internal/api/session.go and
 * pkg/session/session.go at v0.30.1). Both are reachable without a session
 * (authentication.go allowUnauthenticated); a wrong API key is still refused
 * first, as the middleware authenticates before it looks at the path.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConfigStore } from "./config";
import { readBody } from "./http-request";
import { requestCookie, sessionCookie, type SessionStore } from "./sessions";

/** What the login endpoints need of an instance. */
export interface LoginDeps {
  readonly config: ConfigStore;
  readonly sessions: SessionStore;
}

/** True for the paths this module answers. */
export function isLoginPath(pathname: string): boolean {
  return pathname === "/login" || pathname === "/logout";
}

/** Go's http.Error: text/plain, nosniff, the message and a newline. */
function httpError(res: ServerResponse, status: number, message: string): void {
  const body = `${message}\n`;
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** Go's http.Redirect with 302 for a GET: a short HTML body pointing at the target. */
function redirect(res: ServerResponse, location: string, cookie?: string): void {
  const body = `<a href="${location.replace(/"/g, "&quot;")}">Found</a>.\n\n`;
  res.writeHead(302, {
    Location: location,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    ...(cookie ? { "Set-Cookie": cookie } : {}),
  });
  res.end(body);
}

/**
 * Go's r.FormValue: the url-encoded or multipart body first, then the query
 * string. A JSON body is not form data, so its fields read as empty.
 */
async function formValues(req: IncomingMessage, url: URL): Promise<{ username: string; password: string }> {
  const body = await readBody(req);
  const type = req.headers["content-type"] ?? "";
  let form: FormData | null = null;
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    try {
      form = await new Response(new Uint8Array(body), { headers: { "Content-Type": type } }).formData();
    } catch {
      form = null; // Go ignores a body it cannot parse and falls back to the query
    }
  }
  const pick = (name: string): string => {
    const value = form?.get(name);
    return typeof value === "string" ? value : (url.searchParams.get(name) ?? "");
  };
  return { username: pick("username"), password: pick("password") };
}

/** A stand-in's login page: the form Stash's page posts (username, password). */
function loginPage(res: ServerResponse, returnURL: string): void {
  const action = returnURL ? `/login?returnURL=${encodeURIComponent(returnURL)}` : "/login";
  const body =
    `<!doctype html><html><head><title>Login</title></head><body>` +
    `<form method="post" action="${action}"><input name="username"><input name="password" type="password">` +
    `<button type="submit">Login</button></form></body></html>`;
  res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Answers `/login` (GET page, POST form) and `/logout` (GET). */
export async function handleLogin(deps: LoginDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { config, sessions } = deps;
  if (url.pathname === "/logout") {
    if (req.method !== "GET" && req.method !== "HEAD") return httpError(res, 405, "Method Not Allowed");
    // session.go Logout: the session loses its user and the cookie gets MaxAge -1.
    const value = requestCookie(req, sessions.cookieName);
    if (value !== "") sessions.destroy(value);
    // session.go handleLogout: back to the login page when credentials are required, else home.
    return redirect(res, config.hasCredentials() ? "/login" : "/", sessionCookie("", -1));
  }
  if (req.method === "GET" || req.method === "HEAD") {
    const returnURL = url.searchParams.get("returnURL") ?? "";
    // session.go handleLogin: without credentials there is nothing to log in to.
    if (!config.hasCredentials()) return redirect(res, returnURL || "/");
    return loginPage(res, returnURL);
  }
  if (req.method !== "POST") {
    await readBody(req);
    return httpError(res, 405, "Method Not Allowed");
  }
  const { username, password } = await formValues(req, url);
  // session.go Login: ValidateCredentials passes anything when no credentials are set.
  if (!config.validateCredentials(username, password)) {
    return httpError(res, 401, "Username or password is invalid");
  }
  const value = sessions.create(username);
  // handleLoginPost answers a bare 200; the page's script follows returnURL itself.
  res.writeHead(200, { "Set-Cookie": sessionCookie(value, sessions.maxAge), "Content-Length": "0" });
  res.end();
}

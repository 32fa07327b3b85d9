import { describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { gql, usingStandIn, withStandIn } from "./helpers/standin";

const locked = withStandIn({ credentials: { username: "admin", password: "hunter2" } });
const QUERY = "{ version { version } }";

function login(baseUrl: string, username: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }).toString(),
    redirect: "manual",
  });
}

function sessionValue(res: Response): string {
  const cookie = res.headers.get("set-cookie") ?? "";
  return /^session=([^;]*)/.exec(cookie)?.[1] ?? "";
}

describe("stand-in login and sessions", () => {
  it("refuses anonymous GraphQL with 401 and WWW-Authenticate: FormBased when credentials are set", async () => {
    const res = await gql(locked(), QUERY);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe("FormBased");
    expect(res.text).toBe("");
  });

  it("POST /login with the right form answers 200 and sets the session cookie", async () => {
    const res = await login(locked().baseUrl, "admin", "hunter2");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^session=[^;]+; Path=\/; Expires=[^;]+; Max-Age=3600; SameSite=Lax$/);
    expect(locked().sessions.validate(sessionValue(res))).toBe("admin");
  });

  it("the cookie authenticates the SDK's requests, and /logout revokes it", async () => {
    const value = sessionValue(await login(locked().baseUrl, "admin", "hunter2"));
    const stash = new StashClient({ url: locked().url, headers: { Cookie: `session=${value}` }, retry: false });
    const { configuration } = await stash.ops.configuration();
    expect(configuration.general.username).toBe("admin");

    const out = await fetch(`${locked().baseUrl}/logout`, { headers: { Cookie: `session=${value}` }, redirect: "manual" });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login");
    expect(out.headers.get("set-cookie")).toMatch(/^session=; .*Max-Age=0/);
    const after = await gql(locked(), QUERY, undefined, { Cookie: `session=${value}` });
    expect(after.status).toBe(401);
    expect(after.headers["www-authenticate"]).toBe("FormBased");
  });

  it("refuses a wrong password or user as Stash does: 401 'Username or password is invalid', no cookie", async () => {
    for (const [user, pass] of [["admin", "nope"], ["root", "hunter2"]] as const) {
      const res = await login(locked().baseUrl, user, pass);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe("Username or password is invalid\n");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("reads form fields only: a JSON body logs nobody in (Go's r.FormValue)", async () => {
    const res = await fetch(`${locked().baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "hunter2" }),
    });
    expect(res.status).toBe(401);
  });

  it("accepts a multipart form too", async () => {
    const form = new FormData();
    form.set("username", "admin");
    form.set("password", "hunter2");
    const res = await fetch(`${locked().baseUrl}/login`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(sessionValue(res)).not.toBe("");
  });

  it("GET /login serves the login page with credentials, and redirects home without", async () => {
    const page = await fetch(`${locked().baseUrl}/login`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
    await usingStandIn({}, async (open) => {
      const res = await fetch(`${open.baseUrl}/login?returnURL=%2Fscenes`, { redirect: "manual" });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/scenes");
    });
  });

  it("has no API key until generateAPIKey makes one, which then works alongside sessions", async () => {
    const value = sessionValue(await login(locked().baseUrl, "admin", "hunter2"));
    const stash = new StashClient({ url: locked().url, headers: { Cookie: `session=${value}` }, retry: false });
    expect((await stash.ops.configuration()).configuration.general.apiKey).toBe("");
    expect((await gql(locked(), QUERY, undefined, { ApiKey: "anything" })).status).toBe(401);
    const key = (await stash.ops.generateAPIKey({ input: {} })).generateAPIKey;
    expect(key).not.toBe("");
    expect((await gql(locked(), QUERY, undefined, { ApiKey: key })).status).toBe(200);
    // A wrong key is refused even alongside a valid cookie: Stash checks a presented key first.
    expect((await gql(locked(), QUERY, undefined, { ApiKey: "wrong", Cookie: `session=${value}` })).status).toBe(401);
  });

  it("SessionStore: create, validate, destroy", () => {
    const sessions = locked().sessions;
    expect(sessions.cookieName).toBe("session");
    const value = sessions.create("plugin");
    expect(sessions.validate(value)).toBe("plugin");
    sessions.destroy(value);
    expect(sessions.validate(value)).toBeNull();
    expect(sessions.validate("never-issued")).toBeNull();
  });

  it("without credentials, anonymous requests pass and a stand-in apiKey still locks the API", async () => {
    await usingStandIn({}, async (open) => {
      expect((await gql(open, QUERY)).status).toBe(200);
    });
    await usingStandIn({ apiKey: "k" }, async (keyed) => {
      const res = await gql(keyed, QUERY);
      expect(res.status).toBe(401);
      expect(res.headers["www-authenticate"]).toBe("FormBased");
      // A session opened by the plugin runner (or /login) passes without the key.
      const value = keyed.sessions.create("");
      expect((await gql(keyed, QUERY, undefined, { Cookie: `session=${value}` })).status).toBe(200);
    });
  });

  it("sessions expire after maxSessionAge", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    await usingStandIn({ credentials: { username: "a", password: "b" }, now: () => now }, async (own) => {
      const value = own.sessions.create("a");
      now = new Date(now.getTime() + 3599_000);
      expect(own.sessions.validate(value)).toBe("a"); // a use refreshes the expiry
      now = new Date(now.getTime() + 3601_000);
      expect(own.sessions.validate(value)).toBeNull();
    });
  });
});

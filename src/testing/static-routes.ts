/**
 * Static files a stand-in serves beside its API, for browser tests: a test
 * page and the bundle of a UI plugin on the stand-in's own origin, so the
 * page's requests are same-origin and carry the `/login` session cookie the
 * way a UI plugin's requests do inside Stash. They are served to anyone, like
 * Stash's login page and its assets (internal/api/authentication.go lets
 * those through unauthenticated).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** One file: its bytes and the `Content-Type` to send them with. */
export interface StaticAsset {
  readonly body: string | Uint8Array;
  readonly contentType: string;
}

/** URL path (e.g. `/` or `/plugin/sdk-panel/javascript`) → the file served there. */
export type StaticRoutes = Readonly<Record<string, StaticAsset>>;

/** Serves `pathname` when it is a static route (GET and HEAD only); returns whether it answered. */
export function serveStatic(routes: StaticRoutes | undefined, pathname: string, req: IncomingMessage, res: ServerResponse): boolean {
  const asset = routes && Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
  if (!asset) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Length": "0" });
    res.end();
    return true;
  }
  const body = typeof asset.body === "string" ? Buffer.from(asset.body, "utf8") : asset.body;
  res.writeHead(200, { "Content-Type": asset.contentType, "Content-Length": String(body.byteLength), "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

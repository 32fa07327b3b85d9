/**
 * The WebSocket class subscriptions use in Node builds: the `ws` package,
 * which can send the `ApiKey` header on the upgrade. Browser builds swap this
 * module for browser-websocket.ts (scripts/lib/browser-build.ts).
 */
import WebSocket from "ws";

/** A platform's WebSocket, and whether the API key must travel in the URL because headers cannot. */
export interface WebSocketPlatform {
  readonly impl: unknown;
  readonly keyInQuery: boolean;
}

/** The `ws` package's WebSocket; the key goes in the `ApiKey` header. */
export function defaultWebSocket(): WebSocketPlatform {
  return { impl: WebSocket, keyInQuery: false };
}

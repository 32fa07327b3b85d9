/**
 * The WebSocket class subscriptions use in browser builds: the page's own.
 * Browsers cannot set headers on an upgrade request, so an API key, when
 * given, travels as `?apikey=`; without one, a same-origin socket carries
 * the session cookie like any request from the page.
 */
import type { WebSocketPlatform } from "./transport-websocket";

/** The global WebSocket, looked up when the first subscription starts. */
export function defaultWebSocket(): WebSocketPlatform {
  return { impl: globalThis.WebSocket, keyInQuery: true };
}

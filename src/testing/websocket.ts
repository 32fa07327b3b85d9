/**
 * WebSocket subscriptions on `/graphql`, as gqlgen's `transport.Websocket`
 * serves them for Stash (internal/api/server.go, v0.30.1): both subprotocols,
 * `graphql-transport-ws` (graphql-ws library) and the legacy `graphql-ws`
 * (subscriptions-transport-ws library), against the same executable schema
 * and per-instance context as HTTP. Authentication happens on the upgrade
 * request, like every other request (authenticateHandler in authentication.go).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { execute, parse, subscribe, validate, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { SubscriptionServer } from "subscriptions-transport-ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { AuthVerdict } from "./auth";
import type { StandInContext } from "./context";

/** The modern protocol (graphql-ws library), which the SDK and Stash's UI speak. */
const TRANSPORT_WS = "graphql-transport-ws";
/** The legacy protocol of subscriptions-transport-ws, which gqlgen still serves. */
const LEGACY_WS = "graphql-ws";
/** server.go: `KeepAlivePingInterval: 10 * time.Second`. */
const KEEP_ALIVE_MS = 10_000;
/** How long `close()` waits for close handshakes before cutting the sockets. */
const CLOSE_GRACE_MS = 500;

/** What the gateway needs from its stand-in. */
export interface WebSocketGatewayOptions {
  readonly schema: GraphQLSchema;
  readonly context: StandInContext;
  /** The HTTP auth decision, applied to the upgrade request. */
  readonly authorize: (req: IncomingMessage, url: URL) => AuthVerdict;
}

/**
 * The subprotocol to serve: the first one the client offers that gqlgen knows,
 * as gorilla's Upgrader picks in the client's order. Without either, gqlgen
 * falls back to the legacy protocol; subscriptions-transport-ws then closes
 * the socket with 1002 because none was negotiated.
 */
export function pickSubprotocol(header: string | undefined): typeof TRANSPORT_WS | typeof LEGACY_WS {
  const offered = (header ?? "").split(",").map((p) => p.trim());
  return offered.find((p): p is typeof TRANSPORT_WS | typeof LEGACY_WS => p === TRANSPORT_WS || p === LEGACY_WS) ?? LEGACY_WS;
}

/** An HTTP response written on a socket that will not be upgraded. */
function reject(socket: Duplex, status: string, headers: Record<string, string>, body = ""): void {
  const lines = Object.entries({ ...headers, "Content-Length": String(Buffer.byteLength(body)), Connection: "close" }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}

/** Accepts a stand-in's WebSocket upgrades and owns every socket it accepted. */
export class WebSocketGateway {
  private readonly modern = new WebSocketServer({ noServer: true });
  private readonly legacy = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(LEGACY_WS) ? LEGACY_WS : false),
  });
  private readonly modernServer: { dispose(): Promise<void> | void };
  private readonly legacyServer: SubscriptionServer;
  private closed = false;

  constructor(private readonly options: WebSocketGatewayOptions) {
    const { schema, context } = options;
    // Stash sets no InitFunc: the connection_init payload is not checked, only the upgrade.
    // useServer's keep-alive is WebSocket ping frames, not protocol messages. graphql-ws gets this
    // module's graphql functions; subscriptions-transport-ws always validates with its own
    // `require("graphql")`, so tests must load that same copy (see vitest.config.ts).
    this.modernServer = useServer({ schema, context, parse, validate, execute, subscribe }, this.modern, KEEP_ALIVE_MS);
    this.legacyServer = new SubscriptionServer(
      {
        schema,
        execute,
        subscribe,
        // "ka" right after the ack and every 10 s, as gqlgen's legacy handler sends them. The library's
        // interval stops on its first tick after the socket closed: up to 10 s after close().
        keepAlive: KEEP_ALIVE_MS,
        onOperation: (_message: unknown, params: object) => ({ ...params, context }),
      },
      // The library declares ws 7's Server type; it only calls `on`, `removeListener` and `close`.
      this.legacy as never,
    );
  }

  /** Handles an HTTP `upgrade` event: auth, path, then the subprotocol's server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, baseUrl: string): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", baseUrl);
    const verdict = this.options.authorize(req, url);
    if (verdict === "legacy-error") return reject(socket, "500 Internal Server Error", { "Content-Type": "text/plain; charset=utf-8" }, "unauthorized\n");
    if (verdict !== "ok") return reject(socket, "401 Unauthorized", { "WWW-Authenticate": "FormBased" });
    if (url.pathname !== "/graphql") return reject(socket, "404 Not Found", { "Content-Type": "text/plain; charset=utf-8" }, "404 page not found\n");
    const target = pickSubprotocol(req.headers["sec-websocket-protocol"]) === TRANSPORT_WS ? this.modern : this.legacy;
    target.handleUpgrade(req, socket, head, (ws) => target.emit("connection", ws, req));
  }

  /** Open sockets, both subprotocols. */
  get clients(): ReadonlySet<WebSocket> {
    return new Set([...this.modern.clients, ...this.legacy.clients]);
  }

  /** Closes every socket (1001 "Going away", cut after a short grace), which ends their subscriptions. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const sockets = [...this.clients];
    const ended = Promise.all(sockets.map((ws) => (ws.readyState === ws.CLOSED ? null : new Promise((resolve) => ws.once("close", resolve)))));
    for (const ws of sockets) ws.close(1001, "Going away");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    for (const ws of sockets) ws.terminate();
    await ended;
    this.legacyServer.close();
    await this.modernServer.dispose();
  }
}

/**
 * The stand-in's HTTP server: `/graphql` (POST and GET), `/healthz`, media
 * images (media-routes.ts) and `/login`/`/logout`, with Stash's authentication
 * (internal/api/authentication.go), fault injection and
 * request accounting. Every instance owns its store and sockets; instances
 * serving the same snapshot share its executable schema, which holds no state.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { GraphQLSchema } from "graphql";
import { checkAuth, refuse, type AuthVerdict } from "./auth";
import { ConfigStore, type Credentials } from "./config";
import type { ConfigOverrides } from "./config-defaults";
import type { StandInContext } from "./context";
import { DocumentCache, plainError, prepare, run, type Outcome, type Preparation } from "./execute";
import { FaultController, type FaultSpec } from "./faults";
import type { Fixture, SeedResult } from "./fixture";
import type { GeneratedLibrary } from "./generate";
import { decodeGet, decodePost, negotiateType, readBody, type DecodedParams } from "./http-request";
import { buildStandInSchema } from "./resolvers";
import { chooseSchema } from "./schemas";
import { handleLogin, isLoginPath } from "./login";
import { seedStore } from "./seed";
import { SessionStore } from "./sessions";
import { RequestStats, type RequestLogEntry } from "./stats";
import { Store } from "./store";
import type { StandInPlugin } from "./plugin-defs";
import { PluginHost, type StandInPlugins } from "./plugins";
import { requestCookie } from "./sessions";
import type { JobClockOptions } from "./clock";
import { Disk } from "./disk";
import { mediaRoute, sendMedia } from "./media-routes";
import { DlnaService } from "./dlna";
import { JobManager, type JobsController } from "./jobs";
import { LogBuffer } from "./logs";
import { WebSocketGateway } from "./websocket";
import { serveStatic, type StaticRoutes } from "./static-routes";

/** Options of `startStandIn`. */
export interface StandInOptions {
  /** When set, requests must present this key (`ApiKey` header or `?apikey=`). */
  apiKey?: string;
  /** Stash version to imitate, e.g. `v0.27.2`; picks the schema snapshot. Default `v0.30.1`. */
  version?: string;
  /** What `version { version }` reports, when it should differ from `version` (e.g. `""` or a dev build). */
  reportedVersion?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Clock for created_at/updated_at and histories. */
  now?: () => Date;
  /** Delay added before handling every GraphQL request, in milliseconds. */
  latencyMs?: number;
  /**
   * How jobs (scans and other tasks) advance. `clock: "real"` (default) steps
   * every `stepMs` (default 10) ms while jobs are queued; `clock: "manual"`
   * steps only on `standIn.jobs.tick(n)` / `standIn.jobs.runUntilIdle()`.
   */
  jobs?: JobClockOptions;
  /**
   * Username and password: Stash then refuses anonymous requests (401,
   * `WWW-Authenticate: FormBased`), `POST /login` opens a cookie session, and
   * the API key is whatever `generateAPIKey` made (none at start unless `apiKey`).
   */
  credentials?: Credentials;
  /** Initial configuration, merged section by section over Stash's defaults. */
  config?: ConfigOverrides;
  /** Plugins as their yml would define them; only the `raw` interface runs (as child processes). */
  plugins?: readonly StandInPlugin[];
  /** Files served as is (a test page, a UI plugin's bundle) on the stand-in's origin, without authentication. */
  static?: StaticRoutes;
}

/** A running stand-in Stash server. */
export interface StandIn {
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  readonly port: number;
  /** The version `version { version }` reports. */
  readonly version: string;
  /** The schema snapshot served, e.g. `v0.30.1`. */
  readonly schemaVersion: string;
  /** The in-memory database, for tests that need to look behind the API. */
  readonly store: Store;
  /** Run-time fault injection. */
  readonly faults: FaultController;
  /** The configuration `configuration` reports and `configure*` change. */
  readonly config: ConfigStore;
  /** Login sessions behind the `session` cookie. */
  readonly sessions: SessionStore;
  /** The job queue: `tick(n)` / `runUntilIdle()` advance it under the manual clock. */
  readonly jobs: JobsController;
  /** The server log (`logs` query, loggingSubscribe); jobs write into it. */
  readonly logs: LogBuffer;
  /** Plugin definitions and a record of every plugin run (input, output, error, exit code, log lines). */
  readonly plugins: StandInPlugins;
  /** GraphQL requests received since start or `resetStats()`, including refused ones. */
  readonly requests: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Operations received, in arrival order. */
  readonly operations: readonly RequestLogEntry[];
  /** Loads a fixture or a generated library (all-or-nothing) and returns the ids created. */
  seed(fixture: Fixture | GeneratedLibrary): Promise<SeedResult>;
  resetStats(): void;
  /** Stops listening and ends every connection, hanging ones included. */
  close(): Promise<void>;
}

type Sleeper = { timer: NodeJS.Timeout; wake: () => void };

class StandInServer implements StandIn {
  readonly faults = new FaultController();
  readonly store: Store;
  readonly config: ConfigStore;
  readonly sessions: SessionStore;
  readonly jobs: JobManager;
  readonly logs: LogBuffer;
  readonly plugins: PluginHost;
  private readonly disk = new Disk();
  private readonly scanComplete = new EventEmitter();
  private readonly stats = new RequestStats();
  private readonly sleepers = new Set<Sleeper>();
  private readonly documents = new DocumentCache();
  private closed = false;
  /** v0.25 answered an unexpected key with 500 `unauthorized` instead of 401. */
  private readonly legacyAuth: boolean;
  private ctx!: StandInContext;
  /** Subscriptions over WebSocket, created with the first upgrade. */
  private gateway: WebSocketGateway | null = null;
  url = "";
  baseUrl = "";
  port = 0;

  constructor(
    private readonly server: Server,
    private readonly schema: GraphQLSchema,
    private readonly options: StandInOptions,
    readonly version: string,
    readonly schemaVersion: string,
  ) {
    this.store = new Store({ now: options.now });
    this.config = new ConfigStore({ overrides: options.config, credentials: options.credentials, apiKey: options.apiKey, now: options.now });
    this.sessions = new SessionStore(() => this.config.maxSessionAge, () => (options.now ?? (() => new Date()))().getTime());
    this.logs = new LogBuffer(options.now);
    this.jobs = new JobManager(this.logs, options.now, options.jobs);
    this.plugins = new PluginHost(options.plugins);
    this.legacyAuth = schemaVersion.startsWith("v0.25.");
  }

  get requests(): number {
    return this.stats.requests;
  }
  get inFlight(): number {
    return this.stats.inFlight;
  }
  get maxInFlight(): number {
    return this.stats.maxInFlight;
  }
  get operations(): readonly RequestLogEntry[] {
    return this.stats.log;
  }

  /** Called once the port is known. */
  listening(host: string, port: number): void {
    const hostPart = host.includes(":") ? `[${host}]` : host;
    this.port = port;
    this.baseUrl = `http://${hostPart}:${port}`;
    this.url = `${this.baseUrl}/graphql`;
    this.ctx = {
      store: this.store,
      baseUrl: this.baseUrl,
      version: this.version,
      release: this.options.version ?? this.schemaVersion,
      jobs: this.jobs,
      logs: this.logs,
      scanComplete: this.scanComplete,
      disk: this.disk,
      config: this.config,
      sessions: this.sessions,
      dlna: new DlnaService(() => (this.config.section("dlna") as Record<string, unknown>).enabled === true, () => this.store.now().getTime()),
      plugins: this.plugins,
    };
    // generateAPIKey replaces the key at once, for auth and for media URLs alike.
    const config = this.config;
    Object.defineProperty(this.ctx, "apiKey", { get: () => config.apiKey || undefined, enumerable: true });
  }

  /**
   * Stash's authentication for this instance: the current API key, else a
   * session cookie; anonymous requests pass unless credentials are set or the
   * stand-in was started with an `apiKey` (its locked mode).
   */
  authorize(req: IncomingMessage, url: URL, required = this.config.hasCredentials() || Boolean(this.options.apiKey)): AuthVerdict {
    return checkAuth(req, url, this.config.apiKey || undefined, this.legacyAuth, { sessions: this.sessions, required });
  }

  async seed(fixture: Fixture | GeneratedLibrary): Promise<SeedResult> {
    const plain = "fixture" in fixture && "duplicates" in fixture ? fixture.fixture : (fixture as Fixture);
    const result = seedStore(this.store, plain);
    this.disk.add(plain.disk, this.store.nowTime()); // validated by seedStore
    this.disk.addImages(plain.disk_images, this.store.nowTime());
    this.config.adoptLibrary([...Object.keys(result.files), ...[...(plain.disk ?? []), ...(plain.disk_images ?? [])].map((f) => f.path)]);
    if (plain.plugins?.length) this.plugins.load([...(this.options.plugins ?? []), ...plain.plugins]);
    return result;
  }

  resetStats(): void {
    this.stats.reset();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.jobs.close();
    this.plugins.stopAll();
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
    this.sleepers.clear();
    // Upgraded sockets are no longer the HTTP server's: closeAllConnections() would miss them.
    await this.gateway?.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Entry point for WebSocket upgrades: authenticated like HTTP, then served on `/graphql`. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closed) return void socket.destroy();
    this.gateway ??= new WebSocketGateway({
      schema: this.schema,
      context: this.ctx,
      authorize: (r, url) => this.authorize(r, url),
    });
    this.gateway.handleUpgrade(req, socket, head, this.baseUrl);
  }

  /** Entry point for every HTTP request. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.baseUrl);
    if (url.pathname === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("ok");
      return;
    }
    if (isLoginPath(url.pathname)) {
      // authentication.go: /login and /logout need no session, but a wrong key is still refused.
      const verdict = this.authorize(req, url, false);
      if (verdict !== "ok") return refuse(res, verdict);
      handleLogin(this, req, res, url).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
      return;
    }
    if (url.pathname === "/graphql") {
      this.stats.begin();
      res.once("close", () => this.stats.end());
      this.graphql(req, res, url).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) this.send(req, res, plainError(500, String((err as Error)?.message ?? err)));
        else res.destroy();
      });
      return;
    }
    const media = mediaRoute(url.pathname);
    if (media && (req.method === "GET" || req.method === "HEAD")) {
      const verdict = this.authorize(req, url);
      if (verdict !== "ok") return refuse(res, verdict);
      return sendMedia(this.store, media, req, res);
    }
    if (serveStatic(this.options.static, url.pathname, req, res)) return;
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("404 page not found\n");
  }

  private async graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let decoded: DecodedParams;
    if (req.method === "POST") decoded = decodePost(req.headers["content-type"], await readBody(req));
    else if (req.method === "GET") decoded = decodeGet(url);
    else {
      await readBody(req);
      res.writeHead(req.method === "OPTIONS" ? 200 : 405, { Allow: "OPTIONS, GET, POST", "Content-Length": "0" });
      res.end();
      return;
    }
    const prepared: Preparation | null = decoded.ok ? prepare(this.schema, decoded.params, this.documents) : null;
    const operation = prepared?.ok ? prepared.request.operation : null;
    const entry: RequestLogEntry = {
      operationType: operation?.operation ?? null,
      operationName: operation?.name?.value ?? (decoded.ok ? decoded.params.operationName : null),
    };
    this.stats.log.push(entry);
    const fault = this.faults.take(entry);
    const latency = (this.options.latencyMs ?? 0) + (fault?.latencyMs ?? 0);
    if (latency > 0) await this.sleep(latency);
    if (this.closed || res.destroyed) return;
    if (fault?.hang) return; // left open until the client gives up or close() ends the socket
    if (fault?.status) {
      const { code, body = "", headers = {} } = fault.status;
      res.writeHead(code, { "Content-Length": String(Buffer.byteLength(body)), ...headers });
      res.end(body);
      return;
    }
    const verdict = this.authorize(req, url);
    if (verdict !== "ok") return refuse(res, verdict);
    let outcome: Outcome;
    if (!decoded.ok) outcome = plainError(decoded.status, decoded.message);
    else if (!prepared!.ok) outcome = prepared!.outcome;
    else if (req.method === "GET" && operation!.operation !== "query") {
      outcome = plainError(406, "GET requests only allow query operations");
    } else {
      // Per request: the hook chain its plugin session cookie carries (session.VisitedPluginHandler).
      const visited = this.plugins.visitedHooks(requestCookie(req, this.sessions.cookieName));
      const ctx = visited.length ? { ...this.ctx, visitedPluginHooks: visited } : this.ctx;
      outcome = await run(this.schema, ctx, prepared!.request);
    }
    this.send(req, res, outcome, fault);
  }

  private send(req: IncomingMessage, res: ServerResponse, outcome: Outcome, fault?: FaultSpec | null): void {
    let text = JSON.stringify(outcome.body);
    let status = outcome.status;
    if (fault?.malformedJson) {
      text = `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<!-- not json`;
      status = 200;
    }
    const type = fault?.contentType ?? `${negotiateType(req.headers.accept)}; charset=utf-8`;
    const payload = Buffer.from(text, "utf8");
    res.writeHead(status, { "Content-Type": type, "Content-Length": String(payload.length) });
    if (fault?.dropConnection) {
      // Promise the full length, deliver half, then cut the connection mid-body.
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
      return;
    }
    res.end(payload);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(sleeper);
    });
  }
}

/**
 * Executable schemas by snapshot, built on first use: building one costs tens of
 * milliseconds, and test suites start a stand-in per test. Sharing is safe because
 * the resolvers keep everything in the per-instance context, never on the schema.
 */
const schemas = new Map<string, GraphQLSchema>();

function schemaFor(snapshot: string, sdl: string): GraphQLSchema {
  let schema = schemas.get(snapshot);
  if (!schema) schemas.set(snapshot, (schema = buildStandInSchema(sdl)));
  return schema;
}

/** Starts a stand-in Stash server on 127.0.0.1 (port 0 unless given) and resolves once it listens. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const choice = chooseSchema(options.version, options.reportedVersion);
  const schema = schemaFor(choice.snapshot, choice.sdl);
  const server = createServer();
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  const instance = new StandInServer(server, schema, options, choice.reportedVersion, choice.snapshot);
  server.on("request", (req, res) => instance.handle(req, res));
  server.on("upgrade", (req, socket, head) => instance.upgrade(req, socket, head));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  instance.listening(host, (server.address() as AddressInfo).port);
  return instance;
}

/**
 * The contract between the stand-in's HTTP layer and its resolvers. Root
 * resolvers receive plain arguments and this context, and return "views"
 * (see present-*.ts) that graphql-js resolves field by field.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { ConfigStore } from "./config";
import type { SessionStore } from "./sessions";
import type { Store } from "./store";
import type { Disk, ScanCompleteEmitter } from "./disk";
import type { JobManager } from "./jobs";
import type { LogBuffer } from "./logs";
import type { PluginHost, VisitedPluginHook } from "./plugins";
import type { DlnaService } from "./dlna";

/** Per-instance state every resolver can reach. Nothing here is shared between stand-ins. */
export interface StandInContext {
  readonly store: Store;
  /** `http://127.0.0.1:<port>`: the base of media URLs (screenshots, streams). */
  readonly baseUrl: string;
  /** The Stash version the instance claims to be, e.g. `v0.30.1`. */
  readonly version: string;
  /** The Stash release whose behaviour the instance imitates (what it was started as); picks sort lists. */
  readonly release: string;
  /** The configured API key; Stash puts it into stream URLs so players can fetch them. */
  readonly apiKey?: string | undefined;
  /** The job queue (`findJob`, `jobQueue`, task mutations); its "update" events feed jobsSubscribe. */
  readonly jobs: JobManager;
  /** The log; its "entries" events feed loggingSubscribe. */
  readonly logs: LogBuffer;
  /** Emits "complete" (no payload) when a scan or clean job ends — feeds scanCompleteSubscribe. */
  readonly scanComplete: ScanCompleteEmitter;
  /** Files on disk not yet scanned into the library (`Fixture.disk`). */
  readonly disk: Disk;
  /** The instance's configuration (`configuration`, `configure*`). */
  readonly config: ConfigStore;
  /** Login sessions behind the `session` cookie. */
  readonly sessions: SessionStore;
  /** The DLNA switch and temporary IP allow-list (`dlnaStatus`, `enableDLNA`, …). */
  readonly dlna: DlnaService;
  /** The plugin cache (`plugins`, `runPluginTask`, post hooks). */
  readonly plugins?: PluginHost;
  /** Per request: the plugin hooks its session cookie says led to it (Stash's hook loop guard). */
  readonly visitedPluginHooks?: readonly VisitedPluginHook[];
}

/** A media URL as Stash hands it out: with `apikey` first in the query when a key is configured. */
export function withApiKey(ctx: StandInContext, url: string, query = ""): string {
  const params = [ctx.apiKey ? `apikey=${encodeURIComponent(ctx.apiKey)}` : "", query].filter(Boolean).join("&");
  return params ? `${url}?${params}` : url;
}

/** A root field resolver: `(args, context, info) => value`. */
export type RootResolver = (
  args: Record<string, any>,
  ctx: StandInContext,
  info: GraphQLResolveInfo,
) => unknown;

/** Root resolvers keyed by field name, for Query or Mutation. */
export type RootResolvers = Readonly<Record<string, RootResolver>>;

/**
 * A Subscription field: `subscribe` returns the event stream (graphql-js calls its
 * `return()` when the client unsubscribes), and each event is the field's value.
 */
export type SubscriptionResolver = (
  args: Record<string, any>,
  ctx: StandInContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<unknown> | Promise<AsyncIterable<unknown>>;

/** A group of root resolvers contributed by one module. */
export interface ResolverModule {
  readonly Query?: RootResolvers;
  readonly Mutation?: RootResolvers;
  /** Subscription fields by name: their event streams. */
  readonly Subscription?: Readonly<Record<string, SubscriptionResolver>>;
}

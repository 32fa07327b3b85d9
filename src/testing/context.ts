/**
 * The contract between the stand-in's HTTP layer and its resolvers. Root
 * resolvers receive plain arguments and this context, and return "views"
 * (see present-*.ts) that graphql-js resolves field by field.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { Store } from "./store";

/** Per-instance state every resolver can reach. Nothing here is shared between stand-ins. */
export interface StandInContext {
  readonly store: Store;
  /** `http://127.0.0.1:<port>`: the base of media URLs (screenshots, streams). */
  readonly baseUrl: string;
  /** The Stash version the instance claims to be, e.g. `v0.30.1`. */
  readonly version: string;
  /** The configured API key; Stash puts it into stream URLs so players can fetch them. */
  readonly apiKey?: string | undefined;
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

/** A group of root resolvers contributed by one module. */
export interface ResolverModule {
  readonly Query?: RootResolvers;
  readonly Mutation?: RootResolvers;
}

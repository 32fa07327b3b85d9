/**
 * Builds one stand-in's executable schema: the served SDL with every root
 * field wired either to a resolver module or to an explicit "not supported"
 * error, so the stand-in never answers a field with invented data.
 */
import { buildSchema, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import type { ResolverModule, RootResolver, StandInContext, SubscriptionResolver } from "./context";
import { configResolvers } from "./config-resolvers";
import { dlnaResolvers } from "./dlna";
import { entityResolvers } from "./entities";
import { entityScraperResolvers } from "./entity-scrapers";
import { fileMutations } from "./file-mutations";
import { fileQueries } from "./file-queries";
import { groupMutations } from "./group-mutations";
import { groupQueries } from "./group-queries";
import { historyMutations } from "./history";
import { jobResolvers } from "./job-resolvers";
import { statsResolvers } from "./library-stats";
import { markerResolvers } from "./markers";
import { mediaResolvers } from "./media-resolvers";
import { packageResolvers } from "./packages";
import { pluginResolvers, withPostHooks } from "./plugin-resolvers";
import { savedFilterResolvers } from "./saved-filters";
import { sceneMutations } from "./scene-mutations";
import { sceneQueries } from "./scene-queries";
import { scraperResolvers } from "./scrapers";
import { stashBoxResolvers } from "./stash-box-resolvers";
import { subscriptionResolvers } from "./subscriptions";
import { systemResolvers } from "./system-resolvers";
import { taskMutations } from "./task-mutations";
import { unsupportedMessage } from "./unsupported";
import { versionResolvers } from "./version";

/** The resolver modules; a later module wins a field both define. */
export function standInModules(): readonly ResolverModule[] {
  return [versionResolvers, entityResolvers, scraperResolvers, sceneQueries, sceneMutations, historyMutations, markerResolvers, mediaResolvers, groupQueries, groupMutations, savedFilterResolvers, fileQueries, fileMutations, statsResolvers, systemResolvers, dlnaResolvers, packageResolvers, stashBoxResolvers, entityScraperResolvers, subscriptionResolvers, configResolvers, pluginResolvers, jobResolvers, taskMutations];
}

function unsupported(name: string): RootResolver {
  return () => {
    throw new Error(unsupportedMessage(name));
  };
}

function attach(type: GraphQLObjectType | null | undefined, pick: (name: string) => RootResolver | undefined): void {
  if (!type) return;
  for (const [name, field] of Object.entries(type.getFields()) as [string, GraphQLField<unknown, StandInContext>][]) {
    const resolver = pick(name) ?? unsupported(name);
    field.resolve = (_root, args, ctx, info) => resolver(args, ctx, info);
  }
}

/** Subscription fields: `subscribe` gives the event stream; each event is already the field's value. */
function attachSubscriptions(type: GraphQLObjectType | null | undefined, pick: (name: string) => SubscriptionResolver | undefined): void {
  if (!type) return;
  for (const [name, field] of Object.entries(type.getFields()) as [string, GraphQLField<unknown, StandInContext>][]) {
    const subscribe = pick(name) ?? unsupported(name);
    field.subscribe = (_root, args, ctx, info) => subscribe(args, ctx, info);
    field.resolve = (event) => event;
  }
}

/** Parses `sdl` and attaches the modules' root resolvers; fields missing from an older schema are skipped. */
export function buildStandInSchema(sdl: string, modules: readonly ResolverModule[] = standInModules()): GraphQLSchema {
  const schema = buildSchema(sdl);
  const query = new Map<string, RootResolver>();
  const mutation = new Map<string, RootResolver>();
  const subscription = new Map<string, SubscriptionResolver>();
  for (const mod of modules) {
    for (const [name, fn] of Object.entries(mod.Query ?? {})) query.set(name, fn);
    for (const [name, fn] of Object.entries(mod.Mutation ?? {})) mutation.set(name, fn);
    for (const [name, fn] of Object.entries(mod.Subscription ?? {})) subscription.set(name, fn);
  }
  attach(schema.getQueryType(), (name) => query.get(name));
  // Mutations that fire Stash's post hooks run the hooked plugins before answering.
  attach(schema.getMutationType(), (name) => {
    const fn = mutation.get(name);
    return fn && withPostHooks(name, fn);
  });
  attachSubscriptions(schema.getSubscriptionType(), (name) => subscription.get(name));
  return schema;
}

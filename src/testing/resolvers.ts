/**
 * Builds one stand-in's executable schema: the served SDL with every root
 * field wired either to a resolver module or to an explicit "not supported"
 * error, so the stand-in never answers a field with invented data.
 */
import { buildSchema, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { entityResolvers } from "./entities";
import { historyMutations } from "./history";
import { markerResolvers } from "./markers";
import { sceneMutations } from "./scene-mutations";
import { sceneQueries } from "./scene-queries";
import { scraperResolvers } from "./scrapers";

/** The resolver modules; a later module wins a field both define. */
export function standInModules(): readonly ResolverModule[] {
  return [entityResolvers, scraperResolvers, sceneQueries, sceneMutations, historyMutations, markerResolvers];
}

function unsupported(name: string): RootResolver {
  return () => {
    throw new Error(`${name} is not supported by the stand-in`);
  };
}

function attach(type: GraphQLObjectType | null | undefined, pick: (name: string) => RootResolver | undefined): void {
  if (!type) return;
  for (const [name, field] of Object.entries(type.getFields()) as [string, GraphQLField<unknown, StandInContext>][]) {
    const resolver = pick(name) ?? unsupported(name);
    field.resolve = (_root, args, ctx, info) => resolver(args, ctx, info);
  }
}

/** Parses `sdl` and attaches the modules' root resolvers; fields missing from an older schema are skipped. */
export function buildStandInSchema(sdl: string, modules: readonly ResolverModule[] = standInModules()): GraphQLSchema {
  const schema = buildSchema(sdl);
  const query = new Map<string, RootResolver>();
  const mutation = new Map<string, RootResolver>();
  for (const mod of modules) {
    for (const [name, fn] of Object.entries(mod.Query ?? {})) query.set(name, fn);
    for (const [name, fn] of Object.entries(mod.Mutation ?? {})) mutation.set(name, fn);
  }
  attach(schema.getQueryType(), (name) => query.get(name));
  attach(schema.getMutationType(), (name) => mutation.get(name));
  attach(schema.getSubscriptionType(), () => undefined);
  return schema;
}

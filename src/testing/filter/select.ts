/**
 * Per-entity entry points for find resolvers: the records of a table that
 * match an entity filter and the find filter's `q`, in id order (sort and
 * page with find-filter.ts and the specs in src/testing/sorts/).
 */
import type { GraphQLSchema } from "graphql";
import type { GroupRecord, PerformerRecord, Store, StudioRecord, TagRecord } from "../store";
import { selectRecords } from "./engine";
import { filterEnv } from "./registry";

type FilterArg = Readonly<Record<string, unknown>> | null | undefined;

/** Records of `typeName` (e.g. `TagFilterType`) matching the filter and q. */
export function selectEntities<R>(store: Store, schema: GraphQLSchema, typeName: string, filter: FilterArg, q: string | null | undefined): R[] {
  const env = filterEnv(store, schema);
  return selectRecords(env, { ...env.spec(typeName), typeName }, filter, q).records as R[];
}

/** findTags: tags matching `tag_filter` and q. */
export function selectTags(store: Store, schema: GraphQLSchema, filter: FilterArg, q: string | null | undefined): TagRecord[] {
  return selectEntities(store, schema, "TagFilterType", filter, q);
}

/** findPerformers: performers matching `performer_filter` and q. */
export function selectPerformers(store: Store, schema: GraphQLSchema, filter: FilterArg, q: string | null | undefined): PerformerRecord[] {
  return selectEntities(store, schema, "PerformerFilterType", filter, q);
}

/** findStudios: studios matching `studio_filter` and q. */
export function selectStudios(store: Store, schema: GraphQLSchema, filter: FilterArg, q: string | null | undefined): StudioRecord[] {
  return selectEntities(store, schema, "StudioFilterType", filter, q);
}

/** findGroups (and the deprecated findMovies): groups matching the filter and q. */
export function selectGroups(store: Store, schema: GraphQLSchema, filter: FilterArg, q: string | null | undefined): GroupRecord[] {
  return selectEntities(store, schema, "GroupFilterType", filter, q);
}

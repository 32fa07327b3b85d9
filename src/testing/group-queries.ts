/**
 * findGroup(s) and the deprecated findMovie(s), answered from the same
 * records (internal/api/resolver_query_find_{group,movie}.go). Filtering and
 * `q` go through the shared filter engine's GroupFilterType spec; sorting through
 * the shared group sort spec (src/testing/sorts/group.ts).
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { sortAndPage, type FindFilterInput } from "./find-filter";
import { parseId } from "./ids";
import { recordsByIdList } from "./media-ids";
import { nameOrder } from "./present-entity-parts";
import { groupView, movieView } from "./present-group";
import { pageByIdIndex } from "./filter/paging";
import { selectEntities } from "./filter/select";
import { forRelease } from "./sorts/release";
import { groupSortSpec, sortContainer } from "./sorts/group";
import type { GroupRecord } from "./store";

type View = (ctx: StandInContext, group: GroupRecord) => Record<string, unknown>;

function findOne(view: View): RootResolver {
  return (args, ctx) => {
    const group = ctx.store.get("groups", parseId(args.id));
    return group ? view(ctx, group) : null;
  };
}

/** Options of the findGroups / findMovies resolvers. */
interface FindManyOptions {
  readonly view: View;
  readonly filterArg: string;
  readonly typeName: string;
  readonly resultKey: string;
}

function findMany(options: FindManyOptions): RootResolver {
  return (args, ctx, info) => {
    const groups = recordsByIdList(args.ids, "ids", (id) => ctx.store.get("groups", id), (id) => new Error(`group with id ${id} not found`));
    if (groups) {
      return { count: groups.length, [options.resultKey]: groups.map((g) => options.view(ctx, g)) };
    }
    const filter = args.filter as FindFilterInput | null | undefined;
    const objectFilter = args[options.filterArg] as Record<string, unknown> | null | undefined;
    const spec = forRelease(groupSortSpec(ctx.store, sortContainer(objectFilter)), "groups", ctx.release);
    const page =
      pageByIdIndex(ctx.store, "groups", objectFilter, filter, spec.defaultSort ?? "id") ??
      sortAndPage(selectEntities<GroupRecord>(ctx.store, info.schema, options.typeName, objectFilter, filter?.q), filter, spec);
    return { count: page.count, [options.resultKey]: page.items.map((g) => options.view(ctx, g)) };
  };
}

/** Group and movie queries. */
export const groupQueries: ResolverModule = {
  Query: {
    findGroup: findOne(groupView),
    findGroups: findMany({ view: groupView, filterArg: "group_filter", typeName: "GroupFilterType", resultKey: "groups" }),
    findMovie: findOne(movieView),
    findMovies: findMany({ view: movieView, filterArg: "movie_filter", typeName: "MovieFilterType", resultKey: "movies" }),
    // resolver_query_find_movie.go AllMovies: GroupStore.All, by name then id.
    allMovies: (_args, ctx) =>
      [...ctx.store.all("groups")].sort(nameOrder).map((g) => movieView(ctx, g)),
  },
};

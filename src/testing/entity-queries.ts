/**
 * findTag(s), findPerformer(s), findStudio(s) and the deprecated allTags,
 * allPerformers and allStudios (internal/api/resolver_query_find_*.go).
 * An `ids` list answers those records in that order (FindMany: a missing id
 * is an error); otherwise the shared filter engine (filter/), the `q`
 * search and the entity's sort spec (sorts/) apply.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { RootResolver, StandInContext } from "./context";
import { pageByIdIndex } from "./filter/paging";
import { selectEntities } from "./filter/select";
import { sortAndPage, type FindFilterInput, type SortSpec } from "./find-filter";
import { parseId } from "./ids";
import { recordsByIdList } from "./media-ids";
import { nameOrder, tagOrder } from "./present-entity-parts";
import { performerView } from "./present-performer";
import { studioView } from "./present-studio";
import { tagView } from "./present-tag";
import { performerSortSpec } from "./sorts/performer";
import { studioSortSpec } from "./sorts/studio";
import { forRelease } from "./sorts/release";
import { tagSortSpec } from "./sorts/tag";
import type { PerformerRecord, Store, StudioRecord, TagRecord } from "./store";

type Table = "tags" | "performers" | "studios";
type AnyRecord = TagRecord | PerformerRecord | StudioRecord;

interface Kind {
  readonly table: Table;
  readonly noun: string;
  readonly filterArg: string;
  readonly filterType: string;
  readonly sort: (store: Store) => SortSpec<any>;
  readonly resultKey: string;
  readonly view: (ctx: StandInContext, record: any) => Record<string, unknown>;
}

const KINDS: Readonly<Record<Table, Kind>> = {
  tags: { table: "tags", noun: "tag", filterArg: "tag_filter", filterType: "TagFilterType", sort: tagSortSpec, resultKey: "tags", view: tagView },
  performers: {
    table: "performers",
    noun: "performer",
    filterArg: "performer_filter",
    filterType: "PerformerFilterType",
    sort: performerSortSpec,
    resultKey: "performers",
    view: performerView,
  },
  studios: { table: "studios", noun: "studio", filterArg: "studio_filter", filterType: "StudioFilterType", sort: studioSortSpec, resultKey: "studios", view: studioView },
};

function findOne(kind: Kind): RootResolver {
  return (args, ctx) => {
    const record = ctx.store.get(kind.table, parseId(args.id));
    return record ? kind.view(ctx, record) : null;
  };
}

/** The filter, search, sort and page of one find call, on the shared filter engine and sort specs. */
function query(kind: Kind, ctx: StandInContext, args: Record<string, any>, info: GraphQLResolveInfo): { count: number; items: AnyRecord[] } {
  const filter = args.filter as FindFilterInput | null | undefined;
  const spec = forRelease(kind.sort(ctx.store) as SortSpec<AnyRecord>, kind.table, ctx.release);
  const indexed = pageByIdIndex(ctx.store, kind.table, args[kind.filterArg], filter, spec.defaultSort ?? "id");
  if (indexed) return indexed;
  const matches = selectEntities<AnyRecord>(ctx.store, info.schema, kind.filterType, args[kind.filterArg], filter?.q);
  return sortAndPage(matches, filter, spec);
}

function findMany(kind: Kind): RootResolver {
  return (args, ctx, info) => {
    const raw = (args.ids as unknown[] | null | undefined)?.length ? args.ids : args.performer_ids;
    const records = recordsByIdList<AnyRecord>(raw, "ids", (id) => ctx.store.get(kind.table, id), (id) => new Error(`${kind.noun} with id ${id} not found`));
    if (records) {
      return { count: records.length, [kind.resultKey]: records.map((r) => kind.view(ctx, r)) };
    }
    const page = query(kind, ctx, args, info);
    return { count: page.count, [kind.resultKey]: page.items.map((r) => kind.view(ctx, r)) };
  };
}

/** All records: tags in tag order, performers and studios by name (pkg/sqlite/*.go All). */
function all(kind: Kind): RootResolver {
  return (_args, ctx) => {
    const rows = [...ctx.store.all(kind.table)] as AnyRecord[];
    if (kind.table === "tags") (rows as TagRecord[]).sort(tagOrder);
    else rows.sort(nameOrder);
    return rows.map((r) => kind.view(ctx, r));
  };
}

/** The query fields of tags, performers and studios. */
export const entityQueries = {
  findTag: findOne(KINDS.tags),
  findTags: findMany(KINDS.tags),
  allTags: all(KINDS.tags),
  findPerformer: findOne(KINDS.performers),
  findPerformers: findMany(KINDS.performers),
  allPerformers: all(KINDS.performers),
  findStudio: findOne(KINDS.studios),
  findStudios: findMany(KINDS.studios),
  allStudios: all(KINDS.studios),
} satisfies Record<string, RootResolver>;

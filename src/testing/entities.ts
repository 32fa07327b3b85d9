/**
 * Tags, performers, studios and groups: just enough create and find fields
 * for clients to set up and look up what scenes point at, plus `version`.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { compileEntityFilter, matchesQuery, type FilterableEntity } from "./entity-filter";
import { sortAndPage, type FindFilterInput, type SortSpec } from "./find-filter";
import { parseId, parseIds } from "./ids";
import { groupView, performerView, studioView, tagView } from "./present-entities";
import { blankGroup } from "./records/group";
import { blankPerformer } from "./records/performer";
import { blankStudio } from "./records/studio";
import { blankTag } from "./records/tag";
import type { Store } from "./store";

/** A fixed build hash: the stand-in is always the same "build". */
const BUILD_HASH = "5a7d1c0e";
const BUILD_TIME = "2025-12-01 00:00:00";

type EntityTable = "tags" | "performers" | "studios" | "groups";

interface EntityKind {
  readonly table: EntityTable;
  /** Lower-case singular for messages: `tag with name 'X' already exists`. */
  readonly noun: string;
  readonly filterType: string;
  readonly filterFields: readonly string[];
  readonly resultKey: string;
  readonly view: (ctx: StandInContext, record: any) => Record<string, unknown>;
}

const KINDS: Readonly<Record<EntityTable, EntityKind>> = {
  tags: { table: "tags", noun: "tag", filterType: "TagFilterType", filterFields: ["name", "aliases"], resultKey: "tags", view: tagView },
  performers: {
    table: "performers",
    noun: "performer",
    filterType: "PerformerFilterType",
    filterFields: ["name", "aliases", "disambiguation"],
    resultKey: "performers",
    view: performerView,
  },
  studios: { table: "studios", noun: "studio", filterType: "StudioFilterType", filterFields: ["name", "aliases"], resultKey: "studios", view: studioView },
  groups: { table: "groups", noun: "group", filterType: "GroupFilterType", filterFields: ["name"], resultKey: "groups", view: groupView },
};

const SORT: SortSpec<FilterableEntity & { createdAt: string; updatedAt: string }> = {
  defaultSort: "name",
  keys: {
    name: (e) => e.name,
    id: (e) => e.id,
    created_at: (e) => e.createdAt,
    updated_at: (e) => e.updatedAt,
  },
};

function findOne(kind: EntityKind): RootResolver {
  return (args, ctx) => {
    const record = ctx.store.get(kind.table, parseId(args.id));
    return record ? kind.view(ctx, record) : null;
  };
}

function findMany(kind: EntityKind, filterArg: string, idArgs: readonly string[]): RootResolver {
  return (args, ctx) => {
    const rawIds = idArgs.map((name) => args[name] as unknown[] | null | undefined).find((v) => v && v.length > 0);
    if (rawIds) {
      const ids = parseIds(rawIds);
      const seen = new Set<number>();
      const records = ids.map((id) => {
        if (seen.has(id)) throw new Error(`validating ids: duplicate id found: ${id}`);
        seen.add(id);
        const record = ctx.store.get(kind.table, id);
        if (!record) throw new Error(`${kind.noun} with id ${id} not found`);
        return record;
      });
      return { count: records.length, [kind.resultKey]: records.map((r) => kind.view(ctx, r)) };
    }
    const filter = args.filter as FindFilterInput | null | undefined;
    const test = compileEntityFilter(args[filterArg] as Record<string, unknown> | null, kind.filterType, kind.filterFields);
    // Groups keep aliases as one text column; the name search here reads names only for them.
    const rows = [...ctx.store.all(kind.table)].map((r) => (kind.table === "groups" ? { ...r, aliases: [] } : r)) as (FilterableEntity & { createdAt: string; updatedAt: string })[];
    const matches = rows.filter((r) => matchesQuery(r, filter?.q) && test(r));
    const page = sortAndPage(matches, filter, SORT);
    return { count: page.count, [kind.resultKey]: page.items.map((r) => kind.view(ctx, r)) };
  };
}

function nameTaken(store: Store, table: EntityTable, name: string): boolean {
  const key = name.toLowerCase();
  for (const record of store.all(table)) {
    if (record.name.toLowerCase() === key) return true;
    if ("aliases" in record && Array.isArray(record.aliases) && (record.aliases as string[]).some((a) => a.toLowerCase() === key)) return true;
  }
  return false;
}

/** Input keys each create mutation stores; any other non-null key is refused by name. */
const CREATE_KEYS: Readonly<Record<EntityTable, readonly string[]>> = {
  tags: ["name", "aliases", "parent_ids"],
  performers: ["name", "disambiguation", "alias_list", "tag_ids"],
  studios: ["name", "aliases", "parent_id"],
  groups: ["name"],
};

function checkedIds(store: Store, table: EntityTable, raw: unknown): number[] {
  const ids = [...new Set(parseIds(raw as unknown[] | null | undefined))];
  for (const id of ids) if (!store.has(table, id)) throw new Error("FOREIGN KEY constraint failed");
  return ids;
}

function trimmedList(raw: unknown): string[] {
  return [...new Set(((raw as string[] | null | undefined) ?? []).map((s) => s.trim()).filter((s) => s !== ""))];
}

function create(kind: EntityKind): RootResolver {
  return (args, ctx) => {
    const input = args.input as Record<string, unknown>;
    for (const [key, value] of Object.entries(input)) {
      if (value !== null && value !== undefined && !CREATE_KEYS[kind.table].includes(key)) {
        throw new Error(`${kind.noun}Create: input field ${key} is not supported by the stand-in`);
      }
    }
    const name = String(input.name ?? "").trim();
    if (name === "") throw new Error("name must not be blank");
    const { store } = ctx;
    return store.transaction(() => {
      // Performers are told apart by disambiguation, so only an exact pair clashes.
      const disambiguation = String(input.disambiguation ?? "").trim();
      const clash =
        kind.table === "performers"
          ? [...store.all("performers")].some((p) => p.name.toLowerCase() === name.toLowerCase() && p.disambiguation === disambiguation)
          : nameTaken(store, kind.table, name);
      if (clash) throw new Error(`${kind.noun} with name '${name}' already exists`);
      const stamp = store.nowTime();
      const id = store.allocateId(kind.table);
      switch (kind.table) {
        case "tags":
          return kind.view(ctx, store.put("tags", { ...blankTag(id, name, stamp), aliases: trimmedList(input.aliases), parentIds: checkedIds(store, "tags", input.parent_ids) }));
        case "performers":
          return kind.view(ctx, store.put("performers", { ...blankPerformer(id, name, stamp), disambiguation, aliases: trimmedList(input.alias_list), tagIds: checkedIds(store, "tags", input.tag_ids) }));
        case "studios": {
          const parent = input.parent_id == null ? null : parseId(input.parent_id);
          if (parent !== null && !store.has("studios", parent)) throw new Error("FOREIGN KEY constraint failed");
          return kind.view(ctx, store.put("studios", { ...blankStudio(id, name, stamp), aliases: trimmedList(input.aliases), parentId: parent }));
        }
        case "groups":
          return kind.view(ctx, store.put("groups", blankGroup(id, name, stamp)));
      }
    });
  };
}

function version(_args: Record<string, any>, ctx: StandInContext, _info: GraphQLResolveInfo): Record<string, string> {
  return { version: ctx.version, hash: BUILD_HASH, build_time: BUILD_TIME };
}

/** Create and find fields for tags, performers, studios and groups, and `version`. */
export const entityResolvers: ResolverModule = {
  Query: {
    version,
    findTag: findOne(KINDS.tags),
    findTags: findMany(KINDS.tags, "tag_filter", ["ids"]),
    findPerformer: findOne(KINDS.performers),
    findPerformers: findMany(KINDS.performers, "performer_filter", ["ids", "performer_ids"]),
    findStudio: findOne(KINDS.studios),
    findStudios: findMany(KINDS.studios, "studio_filter", ["ids"]),
    findGroup: findOne(KINDS.groups),
    findGroups: findMany(KINDS.groups, "group_filter", ["ids"]),
  },
  Mutation: {
    tagCreate: create(KINDS.tags),
    performerCreate: create(KINDS.performers),
    studioCreate: create(KINDS.studios),
    groupCreate: create(KINDS.groups),
  },
};

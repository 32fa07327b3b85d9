/**
 * Group mutations and their deprecated movie twins
 * (internal/api/resolver_mutation_{group,movie}.go). Movies are groups: both
 * families read and write the same records.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { destroyResolvers } from "./crud-resolvers";
import { addSubGroupLinks, checkHierarchy, containingLinks, removeSubGroupLinks, reorderSubGroupLinks, subGroupAtOrderIndex } from "./group-hierarchy";
import { convertDescriptions, groupBulkChanges, groupCreateChanges, groupUpdateChanges, type GroupChanges } from "./group-input";
import { createGroup, destroyGroup, updateGroup } from "./group-store";
import { parseId, parseIds } from "./ids";
import { groupView, movieView } from "./present-group";
import { converting } from "./scene-input";
import type { GroupRecord } from "./store";

type View = (ctx: StandInContext, group: GroupRecord) => Record<string, unknown>;

function viewOf(ctx: StandInContext, id: number, view: View): Record<string, unknown> | null {
  const group = ctx.store.get("groups", id);
  return group ? view(ctx, group) : null;
}

function create(view: View, legacy: boolean): RootResolver {
  return (args, ctx) => {
    const changes = groupCreateChanges(args.input, ctx);
    const id = ctx.store.transaction(() => createGroup(ctx.store, changes, legacy));
    return viewOf(ctx, id, view);
  };
}

function update(view: View, legacy: boolean): RootResolver {
  return (args, ctx) => {
    const id = converting("id", () => parseId(args.input.id));
    const changes = groupUpdateChanges(args.input, ctx);
    ctx.store.transaction(() => updateGroup(ctx.store, id, changes, legacy));
    return viewOf(ctx, id, view);
  };
}

function bulkUpdate(view: View, legacy: boolean): RootResolver {
  return (args, ctx) => {
    const ids = converting("ids", () => parseIds(args.input.ids));
    const changes: GroupChanges = groupBulkChanges(args.input);
    ctx.store.transaction(() => {
      for (const id of ids) updateGroup(ctx.store, id, changes, legacy);
    });
    return ids.flatMap((id) => viewOf(ctx, id, view) ?? []);
  };
}

const { destroy: destroyOne, destroyMany } = destroyResolvers(destroyGroup);

function existingGroup(ctx: StandInContext, id: number): GroupRecord {
  const group = ctx.store.get("groups", id);
  if (!group) throw new Error("not found");
  return group;
}

/** pkg/group/update.go AddSubGroups; insert_index is an order index, and one past the end appends. */
const addGroupSubGroups: RootResolver = (args, ctx) => {
  const { input } = args;
  const groupId = converting("group id", () => parseId(input.containing_group_id));
  const subGroups = convertDescriptions(input.sub_groups, "sub group ids");
  const insertIndex = (input.insert_index as number | null | undefined) ?? null;
  const { store } = ctx;
  store.transaction(() => {
    const group = existingGroup(ctx, groupId);
    const already = subGroups.filter((s) => group.subGroups.some((l) => l.groupId === s.groupId)).map((s) => s.groupId);
    if (already.length > 0) throw new Error(`subgroups with IDs [${already.join(" ")}] already in group`);
    checkHierarchy(
      store,
      groupId,
      containingLinks(store, groupId).map((l) => l.groupId),
      [...group.subGroups, ...subGroups].map((s) => s.groupId),
    );
    if (insertIndex !== null && insertIndex < 0) throw new Error("invalid insert index");
    addSubGroupLinks(store, groupId, subGroups);
    if (insertIndex === null) return;
    const pointId = subGroupAtOrderIndex(store, groupId, insertIndex);
    if (pointId !== null) reorderSubGroupLinks(store, groupId, subGroups.map((s) => s.groupId), pointId, false);
  });
  return true;
};

const removeGroupSubGroups: RootResolver = (args, ctx) => {
  const groupId = converting("group id", () => parseId(args.input.containing_group_id));
  const ids = converting("sub group ids", () => parseIds(args.input.sub_group_ids));
  ctx.store.transaction(() => {
    existingGroup(ctx, groupId);
    removeSubGroupLinks(ctx.store, groupId, ids);
  });
  return true;
};

/** pkg/group/reorder.go: the sub-groups move before (or after) the group `insert_at_id`. */
const reorderSubGroups: RootResolver = (args, ctx) => {
  const { input } = args;
  const groupId = converting("group id", () => parseId(input.group_id));
  const ids = converting("sub group ids", () => parseIds(input.sub_group_ids));
  const pointId = converting("insert at id", () => parseId(input.insert_at_id));
  ctx.store.transaction(() => {
    existingGroup(ctx, groupId);
    if (pointId < 0) throw new Error("invalid insert index");
    reorderSubGroupLinks(ctx.store, groupId, ids, pointId, input.insert_after === true);
  });
  return true;
};

/** Group and movie mutations. */
export const groupMutations: ResolverModule = {
  Mutation: {
    groupCreate: create(groupView, false),
    groupUpdate: update(groupView, false),
    bulkGroupUpdate: bulkUpdate(groupView, false),
    groupDestroy: destroyOne,
    groupsDestroy: destroyMany,
    addGroupSubGroups,
    removeGroupSubGroups,
    reorderSubGroups,
    movieCreate: create(movieView, true),
    movieUpdate: update(movieView, true),
    bulkMovieUpdate: bulkUpdate(movieView, true),
    movieDestroy: destroyOne,
    moviesDestroy: destroyMany,
  },
};

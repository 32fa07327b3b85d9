/**
 * The groups_relations table kept on the containing group's record
 * (`GroupRecord.subGroups`), with Stash's order_index arithmetic
 * (pkg/sqlite/group_relationships.go) and its hierarchy walks.
 */
import { foreignKeyError } from "./ids";
import type { GroupRecord, Store, SubGroupLink } from "./store";

/** A group id with the description of its link, as GroupDescriptionInput gives it. */
export interface GroupDescriptionValue {
  readonly groupId: number;
  readonly description: string;
}

/** A containing group of some group: the link row seen from the sub-group. */
export interface ContainingLink {
  readonly groupId: number;
  readonly description: string;
  readonly orderIndex: number;
}

/** Stash's `a group cannot be contained by one of its subgroups` (pkg/group/create.go). */
export const HIERARCHY_LOOP = "a group cannot be contained by one of its subgroups";

function groupOf(store: Store, id: number): GroupRecord {
  const group = store.get("groups", id);
  if (!group) throw foreignKeyError();
  return group;
}

function writeLinks(store: Store, containerId: number, links: readonly SubGroupLink[]): void {
  const sorted = [...links].sort((a, b) => a.orderIndex - b.orderIndex);
  store.patch("groups", containerId, { subGroups: sorted });
}

function maxOrderIndex(group: GroupRecord): number {
  return group.subGroups.reduce((max, link) => Math.max(max, link.orderIndex), 0);
}

/** Inserting a row whose (containing_id, sub_id) exists fails as SQLite's primary key does. */
function insertLink(store: Store, containerId: number, link: SubGroupLink): void {
  if (containerId === link.groupId) throw new Error("CHECK constraint failed: containing_id != sub_id");
  const container = groupOf(store, containerId);
  groupOf(store, link.groupId);
  if (container.subGroups.some((l) => l.groupId === link.groupId)) {
    throw new Error("UNIQUE constraint failed: groups_relations.containing_id, groups_relations.sub_id");
  }
  writeLinks(store, containerId, [...container.subGroups, link]);
}

/** The groups that contain `groupId`, ordered by the link's order_index as Stash reads them (pkg/sqlite/group.go). */
export function containingLinks(store: Store, groupId: number): ContainingLink[] {
  const out: ContainingLink[] = [];
  for (const containerId of store.referrers("groupSubGroups", groupId)) {
    const link = store.get("groups", containerId)?.subGroups.find((l) => l.groupId === groupId);
    if (link) out.push({ groupId: containerId, description: link.description, orderIndex: link.orderIndex });
  }
  return out.sort((a, b) => a.orderIndex - b.orderIndex || a.groupId - b.groupId);
}

/** Replaces the sub-groups of a group: order indexes restart at 1. */
export function setSubGroups(store: Store, containerId: number, values: readonly GroupDescriptionValue[]): void {
  writeLinks(store, containerId, []);
  values.forEach((v, i) => insertLink(store, containerId, { ...v, orderIndex: i + 1 }));
}

/** Appends sub-groups after the current last order index. */
export function addSubGroupLinks(store: Store, containerId: number, values: readonly GroupDescriptionValue[]): void {
  const base = maxOrderIndex(groupOf(store, containerId));
  values.forEach((v, i) => insertLink(store, containerId, { ...v, orderIndex: base + i + 1 }));
}

/** Removes sub-groups; ids that are not sub-groups are ignored, and gaps stay. */
export function removeSubGroupLinks(store: Store, containerId: number, ids: readonly number[]): void {
  const container = groupOf(store, containerId);
  const drop = new Set(ids);
  writeLinks(store, containerId, container.subGroups.filter((l) => !drop.has(l.groupId)));
}

/** Adds `subId` to each containing group, at the end of that group's sub-groups. */
export function addContainingLinks(store: Store, subId: number, values: readonly GroupDescriptionValue[]): void {
  for (const v of values) {
    const container = groupOf(store, v.groupId);
    insertLink(store, v.groupId, { groupId: subId, description: v.description, orderIndex: maxOrderIndex(container) + 1 });
  }
}

/** Removes `subId` from the given containing groups. */
export function removeContainingLinks(store: Store, subId: number, containerIds: readonly number[]): void {
  for (const containerId of containerIds) {
    const container = store.get("groups", containerId);
    if (container?.subGroups.some((l) => l.groupId === subId)) removeSubGroupLinks(store, containerId, [subId]);
  }
}

/** Replaces the containing groups of `subId`. */
export function setContainingLinks(store: Store, subId: number, values: readonly GroupDescriptionValue[]): void {
  removeContainingLinks(store, subId, [...store.referrers("groupSubGroups", subId)]);
  addContainingLinks(store, subId, values);
}

/**
 * Moves each sub-group just before `insertPointId` (or just after it), one at
 * a time as Stash does: with `insertAfter` several ids therefore end up in
 * reverse order. Ids that are not sub-groups change nothing.
 */
export function reorderSubGroupLinks(store: Store, containerId: number, ids: readonly number[], insertPointId: number, insertAfter: boolean): void {
  for (const id of ids) {
    const links = groupOf(store, containerId).subGroups;
    const point = links.find((l) => l.groupId === insertPointId);
    if (!point) throw new Error(`sub-group ${insertPointId} not found in containing group ${containerId}`);
    let index = point.orderIndex;
    if (insertAfter) {
      const next = links.filter((l) => l.orderIndex > index).map((l) => l.orderIndex);
      index = next.length > 0 ? Math.min(...next) : index + 1;
    }
    const at = index;
    const moved = links.map((l) => (l.orderIndex >= at ? { ...l, orderIndex: l.orderIndex + 1 } : l));
    writeLinks(store, containerId, moved.map((l) => (l.groupId === id ? { ...l, orderIndex: at } : l)));
  }
}

/** The sub-group id at an order index, if any (insert_index is an order index, 1-based). */
export function subGroupAtOrderIndex(store: Store, containerId: number, orderIndex: number): number | null {
  return groupOf(store, containerId).subGroups.find((l) => l.orderIndex === orderIndex)?.groupId ?? null;
}

/**
 * Descendants of `rootIds` down to `levels` levels (1 = direct sub-groups;
 * -1 = all), not counting the roots unless a cycle leads back to them.
 */
export function descendants(store: Store, rootIds: readonly number[], levels: number): Set<number> {
  const out = new Set<number>();
  let frontier = [...rootIds];
  for (let level = 1; frontier.length > 0 && (levels < 0 || level <= levels); level++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const link of store.get("groups", id)?.subGroups ?? []) {
        if (out.has(link.groupId)) continue;
        out.add(link.groupId);
        next.push(link.groupId);
      }
    }
    frontier = next;
  }
  return out;
}

/** Ancestors of `ids` including the ids themselves (GroupStore.FindInAncestors, pkg/sqlite/group.go). */
export function selfAndAncestors(store: Store, ids: readonly number[]): Set<number> {
  const out = new Set<number>(ids);
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const parent of store.referrers("groupSubGroups", id)) {
      if (!out.has(parent)) {
        out.add(parent);
        stack.push(parent);
      }
    }
  }
  return out;
}

/**
 * pkg/group/validate.go: a group may not list itself, and none of its
 * sub-groups may be one of its containing groups or their ancestors.
 */
export function checkHierarchy(store: Store, selfId: number | null, containingIds: readonly number[], subIds: readonly number[]): void {
  if (selfId !== null && (containingIds.includes(selfId) || subIds.includes(selfId))) throw new Error(HIERARCHY_LOOP);
  if (containingIds.length === 0 || subIds.length === 0) return;
  const above = selfAndAncestors(store, containingIds);
  if (subIds.some((id) => above.has(id))) throw new Error(HIERARCHY_LOOP);
}

/**
 * Writes group change sets to the store as Stash's group service and store
 * do (pkg/group/{create,update,validate}.go, pkg/sqlite/group.go): validate,
 * write the row, then urls, tags, containing groups and sub-groups. The
 * deprecated movie mutations call the store directly in Stash, so `legacy`
 * skips the service's name and hierarchy checks (resolver_mutation_movie.go).
 */
import {
  addContainingLinks,
  addSubGroupLinks,
  checkHierarchy,
  containingLinks,
  removeContainingLinks,
  removeSubGroupLinks,
  setContainingLinks,
  setSubGroups,
  type GroupDescriptionValue,
} from "./group-hierarchy";
import { applyList, EMPTY_NAME, type GroupChanges, type ListChange } from "./group-input";
import { foreignKeyError } from "./ids";
import { blankGroup } from "./records/group";
import type { GroupRecord, Store } from "./store";
import { missingRow } from "./missing-row";

/** models.ErrNotFound's text, which the group service returns for a missing group. */
const NOT_FOUND = "not found";

function checkForeignKeys(store: Store, changes: GroupChanges): void {
  const studio = changes.columns.studioId;
  if (studio != null && !store.has("studios", studio)) throw foreignKeyError();
  if (changes.tagIds && changes.tagIds.mode !== "REMOVE") {
    for (const id of changes.tagIds.values) if (!store.has("tags", id)) throw foreignKeyError();
  }
}

const sameGroup = (a: GroupDescriptionValue, b: GroupDescriptionValue) => a.groupId === b.groupId;

function effectiveIds(current: readonly GroupDescriptionValue[], change: ListChange<GroupDescriptionValue> | undefined): number[] {
  return applyList(current, change, sameGroup).map((v) => v.groupId);
}

function modifyContaining(store: Store, id: number, change: ListChange<GroupDescriptionValue> | undefined): void {
  if (!change) return;
  if (change.mode === "SET") setContainingLinks(store, id, change.values);
  else if (change.mode === "ADD") addContainingLinks(store, id, change.values);
  else removeContainingLinks(store, id, change.values.map((v) => v.groupId));
}

function modifySubGroups(store: Store, id: number, change: ListChange<GroupDescriptionValue> | undefined): void {
  if (!change) return;
  if (change.mode === "SET") setSubGroups(store, id, change.values);
  else if (change.mode === "ADD") addSubGroupLinks(store, id, change.values);
  else removeSubGroupLinks(store, id, change.values.map((v) => v.groupId));
}

function imageFlags(changes: GroupChanges): Partial<Pick<GroupRecord, "hasFrontImage" | "hasBackImage">> {
  return {
    ...(changes.frontImage !== undefined ? { hasFrontImage: changes.frontImage } : {}),
    ...(changes.backImage !== undefined ? { hasBackImage: changes.backImage } : {}),
  };
}

/** groupCreate / movieCreate: returns the new group's id. */
export function createGroup(store: Store, changes: GroupChanges, legacy: boolean): number {
  if (!legacy) {
    if ((changes.columns.name ?? "") === "") throw new Error(EMPTY_NAME);
    checkHierarchy(store, null, effectiveIds([], changes.containing), effectiveIds([], changes.subGroups));
  }
  checkForeignKeys(store, changes);
  const stamp = store.nowTime();
  const id = store.allocateId("groups");
  store.put("groups", {
    ...blankGroup(id, changes.columns.name ?? "", stamp),
    ...changes.columns,
    urls: applyList([], changes.urls),
    tagIds: applyList([], changes.tagIds),
    ...imageFlags(changes),
  });
  modifyContaining(store, id, changes.containing);
  modifySubGroups(store, id, changes.subGroups);
  return id;
}

/** groupUpdate / bulkGroupUpdate / movieUpdate / bulkMovieUpdate for one group. */
export function updateGroup(store: Store, id: number, changes: GroupChanges, legacy: boolean): void {
  const existing = store.get("groups", id);
  if (!existing) throw new Error(legacy ? "sql: no rows in result set" : NOT_FOUND);
  if (!legacy) {
    if (changes.columns.name !== undefined && changes.columns.name === "") throw new Error(EMPTY_NAME);
    if (changes.containing || changes.subGroups) {
      checkHierarchy(
        store,
        id,
        effectiveIds(containingLinks(store, id), changes.containing),
        effectiveIds(existing.subGroups, changes.subGroups),
      );
    }
  }
  checkForeignKeys(store, changes);
  store.patch("groups", id, {
    ...changes.columns,
    urls: applyList(existing.urls, changes.urls),
    tagIds: applyList(existing.tagIds, changes.tagIds),
    ...imageFlags(changes),
    updatedAt: store.nowTime(),
  });
  modifyContaining(store, id, changes.containing);
  modifySubGroups(store, id, changes.subGroups);
}

/**
 * Deletes a group as SQLite's cascades do: its scene links and its
 * groups_relations rows in both directions go; scenes stay unchanged otherwise.
 */
export function destroyGroup(store: Store, id: number): void {
  if (!store.has("groups", id)) throw missingRow(id, "groups");
  for (const sceneId of [...store.referrers("sceneGroups", id)]) {
    const scene = store.get("scenes", sceneId);
    if (scene) store.patch("scenes", sceneId, { groups: scene.groups.filter((g) => g.groupId !== id) });
  }
  for (const containerId of [...store.referrers("groupSubGroups", id)]) removeSubGroupLinks(store, containerId, [id]);
  store.remove("groups", id);
}

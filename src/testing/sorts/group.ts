/**
 * The group sorts Stash accepts (pkg/sqlite/group.go groupSortOptions,
 * setGroupSort); every sort ends with name ascending. `sub_group_order` is
 * the position among the sub-groups of the containing group the filter names
 * (`containing_groups`), else of the group's first container.
 */
import type { SortSpec } from "../find-filter";
import type { GroupRecord, Store } from "../store";
import { naturalKey } from "./natural";

/** The containing group a group filter names, for `sub_group_order`. */
export function sortContainer(filter: Readonly<Record<string, unknown>> | null | undefined): number | null {
  const criterion = filter?.containing_groups as { value?: readonly unknown[] | null } | null | undefined;
  const first = criterion?.value?.[0];
  const id = first === undefined || first === null ? Number.NaN : Number(first);
  return Number.isSafeInteger(id) ? id : null;
}

/** The sort spec for findGroups over a store; `containerId` from `sortContainer`. */
export function groupSortSpec(store: Store, containerId: number | null = null): SortSpec<GroupRecord> {
  const name = (g: GroupRecord) => naturalKey(g.name);
  const scenes = (g: GroupRecord) => [...store.referrers("sceneGroups", g.id)];
  return {
    defaultSort: "name",
    tieBreak: name,
    keys: {
      name,
      id: (g) => g.id,
      created_at: (g) => g.createdAt,
      updated_at: (g) => g.updatedAt,
      date: (g) => g.date,
      duration: (g) => g.duration,
      rating: (g) => g.rating100,
      tag_count: (g) => g.tagIds.length,
      scenes_count: (g) => store.referrerCount("sceneGroups", g.id),
      o_counter: (g) => scenes(g).reduce((n, id) => n + (store.get("scenes", id)?.oHistory.length ?? 0), 0),
      // groups_relations.order_index: the position in the container's sub-group list.
      sub_group_order: (g) => {
        const containers = containerId !== null ? [containerId] : [...store.referrers("groupSubGroups", g.id)];
        for (const id of containers) {
          const index = store.get("groups", id)?.subGroups.findIndex((s) => s.groupId === g.id) ?? -1;
          if (index >= 0) return index;
        }
        return null;
      },
    },
  };
}

/**
 * `stash.groups`: the shared entity methods plus sub-groups (add, remove,
 * reorder) and the scenes in a group with their index.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { AddGroupSubGroupsDocument, RemoveGroupSubGroupsDocument, ReorderSubGroupsDocument } from "../../generated/graphql";
import { checkBoolean, checkId, checkIds, checkInteger, type ID } from "../core/validate";
import { StashValidationError } from "../core/errors";
import { convertInput } from "../entities/input";
import { createEntityNamespace } from "../entities/namespace";
import { GROUP_SPEC, type GroupTypes } from "../../generated/entities";
import type { CreatableNamespace } from "../entities/types";
import { createGroupScenes, type GroupScenes } from "./group-scenes";

export type { Group, GroupBulkUpdate, GroupCreate, GroupTypes, GroupUpdate, SlimGroup } from "../../generated/entities";

/** A sub-group to add: its id (or object), or `{ group, description }`. */
export type SubGroupLike = ID | { readonly id: ID } | { readonly group: ID | { readonly id: ID }; readonly description?: string | null };

/** Where `reorderSubGroups` puts the moved sub-groups. */
export interface ReorderSubGroups {
  /** The sub-groups to move, in their new order. */
  readonly subGroupIds: readonly ID[];
  /** The sub-group they go next to. */
  readonly at: ID;
  /** After `at` instead of before it. */
  readonly after?: boolean;
}

/**
 * The `stash.groups` namespace.
 *
 * @group Namespaces
 */
export interface GroupsNamespace extends CreatableNamespace<GroupTypes>, GroupScenes {
  /** Adds sub-groups, at `insertIndex` (0-based) or at the end. */
  addSubGroups(groupId: ID, subGroups: readonly SubGroupLike[], insertIndex?: number, options?: CallOptions): Promise<boolean>;
  /** Removes sub-groups; the groups themselves stay. */
  removeSubGroups(groupId: ID, subGroupIds: readonly ID[], options?: CallOptions): Promise<boolean>;
  /** Moves sub-groups before (or after) another sub-group. */
  reorderSubGroups(groupId: ID, reorder: ReorderSubGroups, options?: CallOptions): Promise<boolean>;
}

function subGroupInput(value: SubGroupLike, argument: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && "group" in value) return convertInput("GroupDescriptionInput", value, argument, { mode: "plain" });
  return convertInput("GroupDescriptionInput", { group: value }, argument, { mode: "plain" });
}

/** Builds `stash.groups` over a core. */
export function createGroups(core: StashCoreApi): GroupsNamespace {
  const base = createEntityNamespace<GroupTypes>(core, GROUP_SPEC);
  return {
    ...base,
    ...createGroupScenes(core),
    addSubGroups: async (groupId, subGroups, insertIndex, options) => {
      const containing_group_id = checkId(groupId, "groupId");
      if (!Array.isArray(subGroups) || subGroups.length === 0) checkIds(subGroups, "subGroups");
      const sub_groups = subGroups.map((g, i) => subGroupInput(g, `subGroups[${i}]`)) as { group_id: string }[];
      if (sub_groups.some((g) => g.group_id === containing_group_id)) throw new StashValidationError("subGroups", `contains the group ${containing_group_id} itself`);
      const input = { containing_group_id, sub_groups, ...(insertIndex === undefined ? {} : { insert_index: checkInteger(insertIndex, "insertIndex", 0) }) };
      return (await core.request(AddGroupSubGroupsDocument, { input }, options)).addGroupSubGroups;
    },
    removeSubGroups: async (groupId, subGroupIds, options) => {
      const input = { containing_group_id: checkId(groupId, "groupId"), sub_group_ids: checkIds(subGroupIds, "subGroupIds") };
      return (await core.request(RemoveGroupSubGroupsDocument, { input }, options)).removeGroupSubGroups;
    },
    reorderSubGroups: async (groupId, reorder, options) => {
      const input = {
        group_id: checkId(groupId, "groupId"),
        sub_group_ids: checkIds(reorder?.subGroupIds, "subGroupIds"),
        insert_at_id: checkId(reorder?.at, "at"),
        ...(reorder.after === undefined ? {} : { insert_after: checkBoolean(reorder.after, "after") }),
      };
      return (await core.request(ReorderSubGroupsDocument, { input }, options)).reorderSubGroups;
    },
  };
}

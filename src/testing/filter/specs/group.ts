/**
 * GroupFilterType and the deprecated MovieFilterType (pkg/sqlite/group_filter.go),
 * and the group `q` over name and aliases (pkg/sqlite/group.go).
 */
import { criterionId, type MultiCriterionInput } from "../../criteria";
import type { GroupRecord } from "../../store";
import type { FilterEnv } from "../env";
import { isMissingField } from "../is-missing";
import { relativesField } from "../relatives";
import { searchColumns } from "../search";
import type { CustomField, EntitySpec } from "../types";

function scenesOf(g: GroupRecord, env: FilterEnv): number[] {
  return [...env.store.referrers("sceneGroups", g.id)];
}

/** `performers`: performers of the group's scenes (groups_performers in Stash). */
const groupPerformers: CustomField<GroupRecord, never> = {
  compile: (c: MultiCriterionInput, env) => {
    const performers = (g: GroupRecord) => {
      const out = new Set<number>();
      for (const id of scenesOf(g, env)) for (const p of env.store.get("scenes", id)?.performerIds ?? []) out.add(p);
      return out;
    };
    if (c.modifier === "IS_NULL") return { test: (g: GroupRecord) => performers(g).size === 0, perRow: false };
    if (c.modifier === "NOT_NULL") return { test: (g: GroupRecord) => performers(g).size > 0, perRow: false };
    const values = (c.value ?? []).map(criterionId);
    if (values.length === 0) return null;
    const hits = (g: GroupRecord) => {
      const set = performers(g);
      return new Set(values.filter((v) => set.has(v))).size;
    };
    switch (c.modifier) {
      case "INCLUDES":
        return { test: (g: GroupRecord) => hits(g) > 0, perRow: false };
      case "INCLUDES_ALL":
        return { test: (g: GroupRecord) => hits(g) === values.length, perRow: false };
      case "EXCLUDES":
        return { test: (g: GroupRecord) => hits(g) === 0, perRow: false };
      default:
        // Stash adds only the join for other modifiers, which filters nothing.
        return null;
    }
  },
};

/** The group filter spec. */
export const GROUP_SPEC: EntitySpec<GroupRecord> = {
  typeName: "GroupFilterType",
  aliases: ["MovieFilterType"],
  records: (env) => env.store.all("groups"),
  search: searchColumns((g) => [[g.name, g.aliases || null]]),
  fields: {
    name: (g) => g.name,
    director: (g) => g.director,
    synopsis: (g) => g.synopsis,
    rating100: (g) => g.rating100,
    // floatIntCriterionHandler: `cast(duration as int)`.
    duration: (g) => (g.duration === null ? null : Math.trunc(g.duration)),
    is_missing: isMissingField<GroupRecord>(
      "groups",
      {
        front_image: (g) => !g.hasFrontImage,
        back_image: (g) => !g.hasBackImage,
        scenes: (g, env) => env.store.referrerCount("sceneGroups", g.id) === 0,
      },
      {
        id: (g) => g.id,
        name: (g) => g.name,
        aliases: (g) => g.aliases || null,
        duration: (g) => g.duration,
        date: (g) => g.date,
        rating: (g) => g.rating100,
        studio_id: (g) => g.studioId,
        director: (g) => g.director || null,
        description: (g) => g.synopsis || null,
        front_image_blob: (g) => (g.hasFrontImage ? "blob" : null),
        back_image_blob: (g) => (g.hasBackImage ? "blob" : null),
        created_at: (g) => g.createdAt,
        updated_at: (g) => g.updatedAt,
      },
    ),
    url: (g) => g.urls,
    studios: { ids: (g) => (g.studioId === null ? [] : [g.studioId]), hierarchy: "studios", single: true },
    performers: groupPerformers,
    tags: { ids: (g) => g.tagIds, hierarchy: "tags" },
    tag_count: (g) => g.tagIds.length,
    o_counter: (g, env) => scenesOf(g, env).reduce((n, id) => n + (env.store.get("scenes", id)?.oHistory.length ?? 0), 0),
    date: (g) => g.date,
    // groups_relations: containing_id → sub_id.
    containing_groups: relativesField<GroupRecord>(
      (id, env) => env.store.get("groups", id)?.subGroups.map((s) => s.groupId) ?? [],
      (g, env) => env.store.referrerCount("groupSubGroups", g.id),
    ),
    sub_groups: relativesField<GroupRecord>(
      (id, env) => [...env.store.referrers("groupSubGroups", id)],
      (g) => g.subGroups.length,
    ),
    containing_group_count: (g, env) => env.store.referrerCount("groupSubGroups", g.id),
    sub_group_count: (g) => g.subGroups.length,
    created_at: (g) => g.createdAt,
    updated_at: (g) => g.updatedAt,
    scenes_filter: { ids: scenesOf },
    studios_filter: { ids: (g) => (g.studioId === null ? [] : [g.studioId]) },
  },
};

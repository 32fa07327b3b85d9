/**
 * The Group view, and the deprecated Movie view over the same record
 * (internal/api/resolver_model_movie.go). Counts take Stash's `depth`:
 * 0 (the default) is the group alone, -1 every level of sub-groups.
 */
import { tagsOf } from "./present-entity-parts";
import type { StandInContext } from "./context";
import { containingLinks, descendants } from "./group-hierarchy";
import { sceneView } from "./present-scene";
import { studioView } from "./present-studio";
import { tagView } from "./present-tag";
import type { GroupRecord, SceneRecord } from "./store";

/** Scenes of a group and of its sub-groups down to `depth` levels (-1: all), in id order (pkg/sqlite/scene.go FindByGroupID has no ORDER BY). */
export function groupScenes(ctx: StandInContext, groupId: number, depth: number | null | undefined): SceneRecord[] {
  const { store } = ctx;
  const ids = new Set<number>([groupId, ...descendants(store, [groupId], depth ?? 0)]);
  const sceneIds = new Set<number>();
  for (const id of ids) for (const sceneId of store.referrers("sceneGroups", id)) sceneIds.add(sceneId);
  return [...sceneIds]
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const scene = store.get("scenes", id);
      return scene ? [scene] : [];
    });
}

function unixSeconds(time: string): number {
  return Math.floor(Date.parse(time) / 1000);
}

function descriptionsView(ctx: StandInContext, links: readonly { groupId: number; description: string }[]): Record<string, unknown>[] {
  return links.flatMap((link) => {
    const group = ctx.store.get("groups", link.groupId);
    return group ? [{ group: groupView(ctx, group), description: link.description === "" ? null : link.description }] : [];
  });
}

/** The fields Group and Movie share. */
function commonFields(ctx: StandInContext, group: GroupRecord): Record<string, unknown> {
  const { store } = ctx;
  const stamp = unixSeconds(group.updatedAt);
  const root = `${ctx.baseUrl}/group/${group.id}`;
  return {
    id: String(group.id),
    name: group.name,
    aliases: group.aliases,
    duration: group.duration,
    date: group.date,
    rating100: group.rating100,
    director: group.director,
    synopsis: group.synopsis,
    url: group.urls[0] ?? null,
    urls: group.urls,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    // internal/api/urlbuilders/group.go: the front path always exists (a default image); the back one only when set.
    front_image_path: `${root}/frontimage?t=${stamp}${group.hasFrontImage ? "" : "&default=true"}`,
    back_image_path: group.hasBackImage ? `${root}/backimage?t=${stamp}` : null,
    studio: () => {
      const studio = group.studioId === null ? undefined : store.get("studios", group.studioId);
      return studio ? studioView(ctx, studio) : null;
    },
    tags: () => tagsOf(store, group.tagIds).map((t) => tagView(ctx, t)),
    scene_count: (args: { depth?: number | null }) => groupScenes(ctx, group.id, args.depth).length,
    scenes: () => groupScenes(ctx, group.id, 0).map((s) => sceneView(ctx, s)),
  };
}

/** A Group view. */
export function groupView(ctx: StandInContext, group: GroupRecord): Record<string, unknown> {
  const { store } = ctx;
  const performersOf = (depth: number | null | undefined) => {
    const ids = new Set<number>();
    for (const scene of groupScenes(ctx, group.id, depth)) for (const id of scene.performerIds) ids.add(id);
    return ids;
  };
  return {
    __typename: "Group",
    ...commonFields(ctx, group),
    o_counter: () => groupScenes(ctx, group.id, 0).reduce((n, s) => n + s.oHistory.length, 0),
    containing_groups: () => descriptionsView(ctx, containingLinks(store, group.id)),
    sub_groups: () => descriptionsView(ctx, group.subGroups),
    // pkg/sqlite/filter_hierarchical.go: depth 0 counts direct sub-groups, each extra level one more generation.
    sub_group_count: (args: { depth?: number | null }) => {
      const depth = args.depth ?? 0;
      return descendants(store, [group.id], depth < 0 ? -1 : depth + 1).size;
    },
    performer_count: (args: { depth?: number | null }) => performersOf(args.depth).size,
  };
}

/** A Movie view: the same group under its pre-0.27 name. */
export function movieView(ctx: StandInContext, group: GroupRecord): Record<string, unknown> {
  return { __typename: "Movie", ...commonFields(ctx, group) };
}

/**
 * Views of the entities scenes point at (tags, performers, studios, groups,
 * galleries). They fill every non-null field so any client selection resolves;
 * counts are computed on demand because they scan the scene table.
 */
import type { StandInContext } from "./context";
import { sceneView } from "./present-scene";
import type { GalleryRecord, GroupRecord, PerformerRecord, SceneRecord, StudioRecord, TagRecord } from "./store";

function countScenes(ctx: StandInContext, test: (scene: SceneRecord) => boolean): number {
  let n = 0;
  for (const scene of ctx.store.all("scenes")) if (test(scene)) n++;
  return n;
}

/** A Tag view. */
export function tagView(ctx: StandInContext, tag: TagRecord): Record<string, unknown> {
  const { store } = ctx;
  const lookup = (ids: readonly number[]) =>
    ids.flatMap((id) => {
      const t = store.get("tags", id);
      return t ? [tagView(ctx, t)] : [];
    });
  const children = () => [...store.all("tags")].filter((t) => t.parentIds.includes(tag.id));
  return {
    __typename: "Tag",
    id: String(tag.id),
    name: tag.name,
    sort_name: null,
    description: "",
    aliases: tag.aliases,
    ignore_auto_tag: false,
    created_at: tag.createdAt,
    updated_at: tag.updatedAt,
    favorite: false,
    stash_ids: [],
    image_path: `${ctx.baseUrl}/tag/${tag.id}/image`,
    scene_count: () => countScenes(ctx, (s) => s.tagIds.includes(tag.id)),
    scene_marker_count: () => {
      let n = 0;
      for (const m of store.all("markers")) if (m.primaryTagId === tag.id || m.tagIds.includes(tag.id)) n++;
      return n;
    },
    image_count: 0,
    gallery_count: 0,
    performer_count: () => [...store.all("performers")].filter((p) => p.tagIds.includes(tag.id)).length,
    studio_count: 0,
    group_count: 0,
    parents: () => lookup(tag.parentIds),
    children: () => children().map((t) => tagView(ctx, t)),
    parent_count: tag.parentIds.length,
    child_count: () => children().length,
  };
}

/** A Performer view. */
export function performerView(ctx: StandInContext, performer: PerformerRecord): Record<string, unknown> {
  const { store } = ctx;
  const scenes = () => [...store.all("scenes")].filter((s) => s.performerIds.includes(performer.id));
  return {
    __typename: "Performer",
    id: String(performer.id),
    name: performer.name,
    disambiguation: performer.disambiguation,
    urls: [],
    alias_list: performer.aliases,
    favorite: false,
    ignore_auto_tag: false,
    custom_fields: {},
    created_at: performer.createdAt,
    updated_at: performer.updatedAt,
    image_path: `${ctx.baseUrl}/performer/${performer.id}/image`,
    tags: () =>
      performer.tagIds.flatMap((id) => {
        const t = store.get("tags", id);
        return t ? [tagView(ctx, t)] : [];
      }),
    stash_ids: [],
    scene_count: () => scenes().length,
    image_count: 0,
    gallery_count: 0,
    group_count: 0,
    performer_count: 0,
    o_counter: () => scenes().reduce((sum, s) => sum + s.oHistory.length, 0),
    groups: [],
    scenes: () => scenes().map((s) => sceneView(ctx, s)),
  };
}

/** A Studio view. */
export function studioView(ctx: StandInContext, studio: StudioRecord): Record<string, unknown> {
  const { store } = ctx;
  return {
    __typename: "Studio",
    id: String(studio.id),
    name: studio.name,
    urls: [],
    aliases: studio.aliases,
    details: "",
    favorite: false,
    ignore_auto_tag: false,
    created_at: studio.createdAt,
    updated_at: studio.updatedAt,
    image_path: `${ctx.baseUrl}/studio/${studio.id}/image`,
    parent_studio: () => {
      const parent = studio.parentId === null ? undefined : store.get("studios", studio.parentId);
      return parent ? studioView(ctx, parent) : null;
    },
    child_studios: () =>
      [...store.all("studios")].filter((s) => s.parentId === studio.id).map((s) => studioView(ctx, s)),
    tags: [],
    stash_ids: [],
    groups: [],
    scene_count: () => countScenes(ctx, (s) => s.studioId === studio.id),
    image_count: 0,
    gallery_count: 0,
    performer_count: 0,
    group_count: 0,
  };
}

/** A Group view. */
export function groupView(ctx: StandInContext, group: GroupRecord): Record<string, unknown> {
  const inGroup = (s: SceneRecord) => s.groups.some((g) => g.groupId === group.id);
  return {
    __typename: "Group",
    id: String(group.id),
    name: group.name,
    urls: [],
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    tags: [],
    containing_groups: [],
    sub_groups: [],
    sub_group_count: 0,
    performer_count: 0,
    scene_count: () => countScenes(ctx, inGroup),
    scenes: () => [...ctx.store.all("scenes")].filter(inGroup).map((s) => sceneView(ctx, s)),
  };
}

/** A Gallery view. */
export function galleryView(ctx: StandInContext, gallery: GalleryRecord): Record<string, unknown> {
  return {
    __typename: "Gallery",
    id: String(gallery.id),
    title: gallery.title,
    urls: [],
    organized: false,
    created_at: gallery.createdAt,
    updated_at: gallery.updatedAt,
    files: [],
    chapters: [],
    scenes: [],
    tags: [],
    performers: [],
    image_count: 0,
    paths: { cover: `${ctx.baseUrl}/gallery/${gallery.id}/cover`, preview: `${ctx.baseUrl}/gallery/${gallery.id}/preview` },
  };
}

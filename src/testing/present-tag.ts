/** The Tag view: every non-null field filled so any selection resolves. */
import type { StandInContext } from "./context";
import type { SceneRecord, TagRecord } from "./store";

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

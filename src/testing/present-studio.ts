/** The Studio view. */
import type { StandInContext } from "./context";
import type { SceneRecord, StudioRecord } from "./store";

function countScenes(ctx: StandInContext, test: (scene: SceneRecord) => boolean): number {
  let n = 0;
  for (const scene of ctx.store.all("scenes")) if (test(scene)) n++;
  return n;
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

/** The Performer view. */
import type { StandInContext } from "./context";
import { sceneView } from "./present-scene";
import { tagView } from "./present-tag";
import type { PerformerRecord } from "./store";

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

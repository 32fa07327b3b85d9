/**
 * The Studio view (internal/api/resolver_model_studio.go): every field filled
 * from the record; counts take `depth` to include child studios.
 */
import type { StandInContext } from "./context";
import { countByStudio, oCount, studioPerformerIds } from "./entity-counts";
import { aliasOrder, depthArg, entityImagePath, stashIdViews, tagsOf } from "./present-entity-parts";
import { groupView } from "./present-group";
import { tagView } from "./present-tag";
import type { RelationName } from "./relations";
import type { StudioRecord } from "./store";

/** A Studio view. */
export function studioView(ctx: StandInContext, studio: StudioRecord): Record<string, unknown> {
  const { store } = ctx;
  const id = studio.id;
  const count = (relation: RelationName) => (args?: Record<string, unknown>) => countByStudio(store, relation, id, depthArg(args));
  const groups = () =>
    [...store.referrers("groupStudio", id)]
      .sort((a, b) => a - b)
      .flatMap((g) => {
        const group = store.get("groups", g);
        return group ? [groupView(ctx, group)] : [];
      });
  return {
    __typename: "Studio",
    id: String(id),
    name: studio.name,
    urls: studio.urls,
    url: studio.urls[0] ?? null,
    aliases: aliasOrder(studio.aliases),
    // Stash's model holds details as a plain string, so unset reads "" (pkg/models/model_studio.go).
    details: studio.details,
    rating100: studio.rating100,
    favorite: studio.favorite,
    ignore_auto_tag: studio.ignoreAutoTag,
    created_at: studio.createdAt,
    updated_at: studio.updatedAt,
    image_path: entityImagePath(ctx, "studio", id, studio.updatedAt, studio.hasImage),
    parent_studio: () => {
      const parent = studio.parentId === null ? undefined : store.get("studios", studio.parentId);
      return parent ? studioView(ctx, parent) : null;
    },
    child_studios: () =>
      [...store.referrers("studioParent", id)]
        .sort((a, b) => a - b)
        .flatMap((c) => {
          const child = store.get("studios", c);
          return child ? [studioView(ctx, child)] : [];
        }),
    tags: () => tagsOf(store, studio.tagIds).map((t) => tagView(ctx, t)),
    stash_ids: stashIdViews(studio.stashIds),
    groups,
    movies: groups,
    scene_count: count("sceneStudio"),
    image_count: count("imageStudio"),
    gallery_count: count("galleryStudio"),
    group_count: count("groupStudio"),
    movie_count: count("groupStudio"),
    performer_count: (args?: Record<string, unknown>) => studioPerformerIds(store, id, depthArg(args)).size,
    o_counter: () => oCount(store, "sceneStudio", "imageStudio", id),
  };
}

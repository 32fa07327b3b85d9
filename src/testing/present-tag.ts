/**
 * The Tag view (internal/api/resolver_model_tag.go): every field filled from
 * the record, counts from the relation indexes with `depth`.
 */
import type { StandInContext } from "./context";
import { countByTag } from "./entity-counts";
import { aliasOrder, depthArg, entityImagePath, stashIdViews, tagsOf } from "./present-entity-parts";
import type { RelationName } from "./relations";
import type { TagRecord } from "./store";

/** A Tag view. */
export function tagView(ctx: StandInContext, tag: TagRecord): Record<string, unknown> {
  const { store } = ctx;
  const count = (relation: RelationName) => (args?: Record<string, unknown>) => countByTag(store, relation, tag.id, depthArg(args));
  const groupCount = count("groupTags");
  return {
    __typename: "Tag",
    id: String(tag.id),
    name: tag.name,
    // Stash's model holds plain strings, so an unset sort name or description reads "" (pkg/models/model_tag.go).
    sort_name: tag.sortName,
    description: tag.description,
    aliases: aliasOrder(tag.aliases),
    ignore_auto_tag: tag.ignoreAutoTag,
    created_at: tag.createdAt,
    updated_at: tag.updatedAt,
    favorite: tag.favorite,
    stash_ids: stashIdViews(tag.stashIds),
    image_path: entityImagePath(ctx, "tag", tag.id, tag.updatedAt, tag.hasImage),
    scene_count: count("sceneTags"),
    scene_marker_count: count("markerTags"),
    image_count: count("imageTags"),
    gallery_count: count("galleryTags"),
    performer_count: count("performerTags"),
    studio_count: count("studioTags"),
    group_count: groupCount,
    movie_count: groupCount,
    parents: () => tagsOf(store, tag.parentIds).map((t) => tagView(ctx, t)),
    children: () => tagsOf(store, store.referrers("tagParents", tag.id)).map((t) => tagView(ctx, t)),
    parent_count: () => tagsOf(store, tag.parentIds).length,
    child_count: () => store.referrerCount("tagParents", tag.id),
  };
}

/**
 * TagFilterType (pkg/sqlite/tag_filter.go) and the tag `q` search over name,
 * aliases and sort name (pkg/sqlite/tag.go). Counts read the store's reverse
 * indexes, so they cost one lookup per tag.
 */
import type { TagRecord } from "../../store";
import { isMissingField } from "../is-missing";
import { relativesField } from "../relatives";
import { searchColumns } from "../search";
import type { EntitySpec } from "../types";

/** The tag filter spec. */
export const TAG_SPEC: EntitySpec<TagRecord> = {
  typeName: "TagFilterType",
  records: (env) => env.store.all("tags"),
  search: searchColumns((t) => (t.aliases.length > 0 ? t.aliases : [null]).map((alias) => [t.name, alias, t.sortName || null])),
  fields: {
    name: (t) => t.name,
    sort_name: (t) => t.sortName,
    aliases: (t) => t.aliases,
    description: (t) => t.description,
    favorite: (t) => t.favorite,
    ignore_auto_tag: (t) => t.ignoreAutoTag,
    is_missing: isMissingField<TagRecord>(
      "tags",
      { image: (t) => !t.hasImage },
      {
        id: (t) => t.id,
        name: (t) => t.name,
        sort_name: (t) => t.sortName || null,
        description: (t) => t.description || null,
        favorite: (t) => t.favorite,
        ignore_auto_tag: (t) => t.ignoreAutoTag,
        created_at: (t) => t.createdAt,
        updated_at: (t) => t.updatedAt,
        image_blob: (t) => (t.hasImage ? "blob" : null),
      },
    ),
    scene_count: (t, env) => env.store.referrerCount("sceneTags", t.id),
    image_count: (t, env) => env.store.referrerCount("imageTags", t.id),
    gallery_count: (t, env) => env.store.referrerCount("galleryTags", t.id),
    performer_count: (t, env) => env.store.referrerCount("performerTags", t.id),
    studio_count: (t, env) => env.store.referrerCount("studioTags", t.id),
    group_count: (t, env) => env.store.referrerCount("groupTags", t.id),
    movie_count: (t, env) => env.store.referrerCount("groupTags", t.id),
    // Primary and other tags alike: Stash joins scene_markers on either.
    marker_count: (t, env) => env.store.referrerCount("markerTags", t.id),
    parents: relativesField<TagRecord>(
      (id, env) => [...env.store.referrers("tagParents", id)],
      (t) => t.parentIds.length,
    ),
    children: relativesField<TagRecord>(
      (id, env) => env.store.get("tags", id)?.parentIds ?? [],
      (t, env) => env.store.referrerCount("tagParents", t.id),
    ),
    parent_count: (t) => t.parentIds.length,
    child_count: (t, env) => env.store.referrerCount("tagParents", t.id),
    stash_id_endpoint: (t) => t.stashIds,
    created_at: (t) => t.createdAt,
    updated_at: (t) => t.updatedAt,
    scenes_filter: { ids: (t, env) => [...env.store.referrers("sceneTags", t.id)] },
    images_filter: { ids: (t, env) => [...env.store.referrers("imageTags", t.id)] },
    galleries_filter: { ids: (t, env) => [...env.store.referrers("galleryTags", t.id)] },
  },
};

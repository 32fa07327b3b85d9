/**
 * StudioFilterType (pkg/sqlite/studio_filter.go) and the studio `q` over
 * name and aliases (pkg/sqlite/studio.go).
 */
import type { StudioRecord } from "../../store";
import { isMissingField } from "../is-missing";
import { searchColumns } from "../search";
import type { EntitySpec } from "../types";

/** The studio filter spec. */
export const STUDIO_SPEC: EntitySpec<StudioRecord> = {
  typeName: "StudioFilterType",
  records: (env) => env.store.all("studios"),
  search: searchColumns((s) => (s.aliases.length > 0 ? s.aliases : [null]).map((alias) => [s.name, alias])),
  fields: {
    name: (s) => s.name,
    details: (s) => s.details,
    url: (s) => s.urls,
    rating100: (s) => s.rating100,
    favorite: (s) => s.favorite,
    ignore_auto_tag: (s) => s.ignoreAutoTag,
    stash_id: (s) => s.stashIds.map((id) => id.stashId),
    stash_id_endpoint: (s) => s.stashIds,
    is_missing: isMissingField<StudioRecord>(
      "studios",
      {
        url: (s) => s.urls.length === 0,
        image: (s) => !s.hasImage,
        stash_id: (s) => s.stashIds.length === 0,
      },
      {
        id: (s) => s.id,
        name: (s) => s.name,
        parent_id: (s) => s.parentId,
        details: (s) => s.details || null,
        rating: (s) => s.rating100,
        favorite: (s) => s.favorite,
        ignore_auto_tag: (s) => s.ignoreAutoTag,
        image_blob: (s) => (s.hasImage ? "blob" : null),
        created_at: (s) => s.createdAt,
        updated_at: (s) => s.updatedAt,
      },
    ),
    tag_count: (s) => s.tagIds.length,
    scene_count: (s, env) => env.store.referrerCount("sceneStudio", s.id),
    image_count: (s, env) => env.store.referrerCount("imageStudio", s.id),
    gallery_count: (s, env) => env.store.referrerCount("galleryStudio", s.id),
    // A plain multi criterion on the parent studio (multiCriterionHandlerBuilder): `excludes` is not read.
    parents: { ids: (s) => (s.parentId === null ? [] : [s.parentId]), plain: true },
    aliases: (s) => s.aliases,
    tags: { ids: (s) => s.tagIds, hierarchy: "tags" },
    child_count: (s, env) => env.store.referrerCount("studioParent", s.id),
    created_at: (s) => s.createdAt,
    updated_at: (s) => s.updatedAt,
    scenes_filter: { ids: (s, env) => [...env.store.referrers("sceneStudio", s.id)] },
    images_filter: { ids: (s, env) => [...env.store.referrers("imageStudio", s.id)] },
    galleries_filter: { ids: (s, env) => [...env.store.referrers("galleryStudio", s.id)] },
  },
};

/**
 * The studio sorts Stash accepts (pkg/sqlite/studio.go studioSortOptions,
 * getStudioSort); every sort ends with name ascending.
 */
import type { SortSpec } from "../find-filter";
import type { Store, StudioRecord } from "../store";
import { scenesDuration } from "./common";
import { naturalKey } from "./natural";

/** The sort spec for findStudios over a store. */
export function studioSortSpec(store: Store): SortSpec<StudioRecord> {
  const name = (s: StudioRecord) => naturalKey(s.name);
  return {
    defaultSort: "name",
    tieBreak: name,
    keys: {
      name,
      id: (s) => s.id,
      created_at: (s) => s.createdAt,
      updated_at: (s) => s.updatedAt,
      rating: (s) => s.rating100,
      tag_count: (s) => s.tagIds.length,
      child_count: (s) => store.referrerCount("studioParent", s.id),
      scenes_count: (s) => store.referrerCount("sceneStudio", s.id),
      images_count: (s) => store.referrerCount("imageStudio", s.id),
      galleries_count: (s) => store.referrerCount("galleryStudio", s.id),
      scenes_duration: (s) => scenesDuration(store, store.referrers("sceneStudio", s.id)),
    },
  };
}

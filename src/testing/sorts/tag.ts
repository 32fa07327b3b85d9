/**
 * The tag sorts Stash accepts (pkg/sqlite/tag.go tagSortOptions, getTagSort):
 * name is `COALESCE(sort_name, name)` in NATURAL_CI order, counts read the
 * reverse indexes, and every sort ends with sort name / name ascending.
 */
import type { SortSpec } from "../find-filter";
import type { Store, TagRecord } from "../store";
import { scenesDuration } from "./common";
import { naturalKey } from "./natural";

/** The sort spec for findTags over a store. */
export function tagSortSpec(store: Store): SortSpec<TagRecord> {
  const name = (t: TagRecord) => naturalKey(t.sortName || t.name);
  const count = (relation: Parameters<Store["referrerCount"]>[0]) => (t: TagRecord) => store.referrerCount(relation, t.id);
  return {
    defaultSort: "name",
    tieBreak: name,
    keys: {
      name,
      id: (t) => t.id,
      created_at: (t) => t.createdAt,
      updated_at: (t) => t.updatedAt,
      scenes_count: count("sceneTags"),
      images_count: count("imageTags"),
      galleries_count: count("galleryTags"),
      performers_count: count("performerTags"),
      studios_count: count("studioTags"),
      groups_count: count("groupTags"),
      movies_count: count("groupTags"),
      // Rows of scene_markers_tags plus markers with the tag as primary: a marker with both counts twice.
      scene_markers_count: (t) => {
        let n = 0;
        for (const id of store.referrers("markerTags", t.id)) {
          const m = store.get("markers", id);
          if (m) n += (m.primaryTagId === t.id ? 1 : 0) + (m.tagIds.includes(t.id) ? 1 : 0);
        }
        return n;
      },
      scenes_duration: (t) => scenesDuration(store, store.referrers("sceneTags", t.id)),
    },
  };
}

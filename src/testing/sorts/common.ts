/**
 * Building blocks of the entity sort specs: keys computed from related
 * records, and the random / tie-break conventions every Stash entity query
 * shares (pkg/sqlite/sql.go getSort, getCountSort).
 */
import type { SortValue } from "../find-filter";
import type { Store } from "../store";

/** Memoises a key per record id for one request: sorts read each key many times. */
export function memo<T extends { readonly id: number }>(read: (item: T) => SortValue): (item: T) => SortValue {
  const cache = new Map<number, SortValue>();
  return (item) => {
    let v = cache.get(item.id);
    if (v === undefined) {
      v = read(item);
      cache.set(item.id, v);
    }
    return v;
  };
}

/** `COALESCE(SUM(video_files.duration), 0)` over every file of the given scenes (…sortByScenesDuration). */
export function scenesDuration(store: Store, sceneIds: Iterable<number>): number {
  let total = 0;
  for (const id of sceneIds) {
    const scene = store.get("scenes", id);
    if (!scene) continue;
    for (const fileId of scene.fileIds) total += store.get("files", fileId)?.duration ?? 0;
  }
  return total;
}

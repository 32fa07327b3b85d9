/**
 * Building blocks of the entity sort specs: keys computed from related
 * records, and the random / tie-break conventions every Stash entity query
 * shares (pkg/sqlite/sql.go getSort, getCountSort).
 */
import type { Store } from "../store";

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

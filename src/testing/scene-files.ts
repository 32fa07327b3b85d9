/**
 * Moving files between scenes and deleting scenes, shared by sceneCreate,
 * sceneAssignFile, sceneMerge and the destroy mutations. A file belongs to at
 * most one scene; the first entry of a scene's `fileIds` is its primary file.
 */
import { foreignKeyError } from "./ids";
import type { FileRecord, SceneRecord, Store } from "./store";

/** True when the file is the primary file of the scene it belongs to. */
export function isPrimaryFile(store: Store, file: FileRecord): boolean {
  if (file.sceneId === null) return false;
  return store.get("scenes", file.sceneId)?.fileIds[0] === file.id;
}

/**
 * Re-points files at `sceneId`, appending them after its current files, so a
 * scene without files gets the first one as primary. No primary-file check:
 * sceneMerge moves source primaries this way, as Stash's AssignFiles does.
 */
export function moveFilesToScene(store: Store, sceneId: number, fileIds: readonly number[]): void {
  for (const fileId of fileIds) {
    const file = store.get("files", fileId);
    if (!file) throw new Error(`file with id ${fileId} not found`);
    if (file.sceneId !== null) {
      const previous = store.get("scenes", file.sceneId);
      if (previous) store.patch("scenes", previous.id, { fileIds: previous.fileIds.filter((id) => id !== fileId) });
    }
    const target = store.get("scenes", sceneId);
    if (!target) throw foreignKeyError();
    store.patch("scenes", sceneId, { fileIds: [...target.fileIds, fileId] });
    store.patch("files", fileId, { sceneId });
  }
}

/**
 * Stash's scene service AssignFile (pkg/scene/update.go): the file must exist and must not be the
 * primary file of a scene (`cannot reassign primary file`); a secondary file
 * moves, becoming primary only if the target had no files.
 */
export function assignFile(store: Store, sceneId: number, fileId: number): void {
  const file = store.get("files", fileId);
  if (!file) throw new Error(`file with id ${fileId} not found`);
  if (isPrimaryFile(store, file)) throw new Error("cannot reassign primary file");
  moveFilesToScene(store, sceneId, [fileId]);
}

/**
 * Deletes a scene with its markers (histories live on the record). Its files
 * are deleted too when `deleteFile` is set and no other scene uses them;
 * otherwise they survive unattached, as scanned files do in Stash.
 */
export function destroyScene(store: Store, scene: SceneRecord, deleteFile: boolean): void {
  for (const marker of store.sceneMarkers(scene.id)) store.remove("markers", marker.id);
  for (const fileId of scene.fileIds) {
    const file = store.get("files", fileId);
    if (!file) continue;
    // A file record holds one scene, so "shared with another scene" means it already moved away.
    if (file.sceneId !== null && file.sceneId !== scene.id) continue;
    if (deleteFile) store.remove("files", fileId);
    else store.patch("files", fileId, { sceneId: null });
  }
  store.remove("scenes", scene.id);
}

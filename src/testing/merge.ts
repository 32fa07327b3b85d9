/**
 * sceneMerge as Stash's scene service does it (pkg/scene/merge.go): source files and markers move
 * to the destination, `values` update the destination (null clears), the
 * histories follow only when asked, and the sources are deleted. Tags,
 * performers and urls of the sources are not merged unless given in `values`.
 */
import type { StandInContext } from "./context";
import { parseId, parseIds, sceneNotFound, uniqueIds } from "./ids";
import { destroyScene, moveFilesToScene } from "./scene-files";
import {
  checkSceneReferences,
  converting,
  processCoverImage,
  sceneUpdateParts,
  type SceneInput,
  type SceneUpdateParts,
} from "./scene-input";
import type { SceneRecord } from "./store";

/** Runs a SceneMergeInput in one transaction and returns the updated destination. */
export function mergeScenes(ctx: StandInContext, input: SceneInput): SceneRecord {
  const { store } = ctx;
  const sourceIds = uniqueIds(converting("source ids", () => parseIds(input.source as unknown[])));
  const destId = converting("destination id", () => parseId(input.destination));
  const values = input.values as SceneInput | null | undefined;
  // `values.id` is required by the schema but ignored: the destination is the target.
  const parts: SceneUpdateParts = values ? sceneUpdateParts(values, ctx) : { changes: {}, primaryFileId: null };
  const cover = values ? processCoverImage(values.cover_image) : null;

  return store.transaction(() => {
    if (sourceIds.includes(destId)) throw new Error("destination scene cannot be in source list");
    const sources = sourceIds.map((id) => {
      const scene = store.get("scenes", id);
      if (!scene) throw new Error(`finding source scenes: scene with id ${id} not found`);
      return scene;
    });
    const dest = store.get("scenes", destId);
    if (!dest) throw sceneNotFound(destId);

    for (const source of sources) {
      for (const marker of store.sceneMarkers(source.id)) store.patch("markers", marker.id, { sceneId: destId });
    }
    const movedFiles = sources.flatMap((s) => s.fileIds);
    // Appending keeps the destination's primary; a destination without files takes the first moved one.
    moveFilesToScene(store, destId, movedFiles);

    let fileIds = store.get("scenes", destId)!.fileIds;
    const wanted = parts.primaryFileId;
    if (movedFiles.length === 0 && wanted !== null) {
      if (!fileIds.includes(wanted)) throw new Error(`file with id ${wanted} not associated with scene`);
      fileIds = [wanted, ...fileIds.filter((f) => f !== wanted)];
    }

    checkSceneReferences(store, parts.changes);
    const playHistory = input.play_history === true ? sources.flatMap((s) => s.playHistory) : [];
    const oHistory = input.o_history === true ? sources.flatMap((s) => s.oHistory) : [];
    const merged = store.patch("scenes", destId, {
      ...parts.changes,
      fileIds,
      playHistory: [...dest.playHistory, ...playHistory],
      oHistory: [...dest.oHistory, ...oHistory],
      hasCover: dest.hasCover || cover !== null,
      updatedAt: store.nowTime(),
    });

    for (const source of sources) {
      const current = store.get("scenes", source.id);
      if (current) destroyScene(store, current, false);
    }
    return merged;
  });
}

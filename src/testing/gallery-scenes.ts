/**
 * A gallery's scene links. They live on the scenes (`SceneRecord.galleryIds`,
 * Stash's scenes_galleries join table), so changing a gallery's scenes
 * rewrites those scenes' lists.
 */
import type { Store } from "./store";

/** Scene ids linked to a gallery, ascending. */
export function gallerySceneIds(store: Store, galleryId: number): number[] {
  return [...store.referrers("sceneGalleries", galleryId)].sort((a, b) => a - b);
}

/** Rewrites which scenes link to a gallery; the scenes' own `updated_at` stays, as only the join table changes. */
export function setGalleryScenes(store: Store, galleryId: number, next: readonly number[]): void {
  const current = gallerySceneIds(store, galleryId);
  const wanted = new Set(next);
  for (const sceneId of current) {
    if (wanted.has(sceneId)) continue;
    const scene = store.get("scenes", sceneId)!;
    store.patch("scenes", sceneId, { galleryIds: scene.galleryIds.filter((g) => g !== galleryId) });
  }
  const had = new Set(current);
  for (const sceneId of next) {
    if (had.has(sceneId)) continue;
    const scene = store.get("scenes", sceneId);
    if (!scene) throw new Error("FOREIGN KEY constraint failed");
    store.patch("scenes", sceneId, { galleryIds: [...scene.galleryIds, galleryId] });
  }
}

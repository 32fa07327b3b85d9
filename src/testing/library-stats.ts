/**
 * The `stats` query (internal/api/resolver.go Stats): counts per table, file
 * sizes and durations summed over every file of every scene or image
 * (pkg/sqlite/scene.go Size/Duration, image.go Size), O-counts of scenes and
 * images, and play totals from the scenes' histories.
 */
import type { ResolverModule, RootResolver } from "./context";

const stats: RootResolver = (_args, ctx) => {
  const { store } = ctx;
  let scenesSize = 0;
  let scenesDuration = 0;
  let sceneO = 0;
  let plays = 0;
  let played = 0;
  let playDuration = 0;
  for (const scene of store.all("scenes")) {
    for (const file of store.sceneFiles(scene)) {
      scenesSize += file.size;
      scenesDuration += file.duration;
    }
    sceneO += scene.oHistory.length;
    plays += scene.playHistory.length;
    if (scene.playHistory.length > 0) played++;
    playDuration += scene.playDuration;
  }
  let imagesSize = 0;
  let imageO = 0;
  for (const image of store.all("images")) {
    for (const id of image.fileIds) imagesSize += store.get("imageFiles", id)?.size ?? 0;
    imageO += image.oCounter;
  }
  const groups = store.count("groups");
  return {
    scene_count: store.count("scenes"),
    scenes_size: scenesSize,
    scenes_duration: scenesDuration,
    image_count: store.count("images"),
    images_size: imagesSize,
    gallery_count: store.count("galleries"),
    performer_count: store.count("performers"),
    studio_count: store.count("studios"),
    group_count: groups,
    movie_count: groups,
    tag_count: store.count("tags"),
    total_o_count: sceneO + imageO,
    total_play_duration: playDuration,
    total_play_count: plays,
    scenes_played: played,
  };
};

/** The stats query. */
export const statsResolvers: ResolverModule = { Query: { stats } };

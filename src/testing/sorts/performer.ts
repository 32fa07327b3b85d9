/**
 * The performer sorts Stash accepts (pkg/sqlite/performer.go
 * performerSortOptions, getPerformerSort); every sort ends with name ascending.
 */
import { performerOCount, performerPlayCount } from "../filter/specs/performer-relations";
import type { SortSpec } from "../find-filter";
import type { PerformerRecord, Store } from "../store";
import { scenesDuration } from "./common";
import { naturalKey, newest, textOrNull } from "./natural";

/** The sort spec for findPerformers over a store. */
export function performerSortSpec(store: Store): SortSpec<PerformerRecord> {
  const name = (p: PerformerRecord) => naturalKey(p.name);
  const scenes = (p: PerformerRecord) => [...store.referrers("scenePerformers", p.id)];
  const sceneTimes = (p: PerformerRecord, pick: "playHistory" | "oHistory") =>
    scenes(p).flatMap((id) => store.get("scenes", id)?.[pick] ?? []);
  return {
    defaultSort: "name",
    tieBreak: name,
    keys: {
      name,
      id: (p) => p.id,
      birthdate: (p) => p.birthdate,
      career_length: (p) => textOrNull(p.careerLength),
      created_at: (p) => p.createdAt,
      updated_at: (p) => p.updatedAt,
      height: (p) => p.heightCm,
      weight: (p) => p.weight,
      measurements: (p) => textOrNull(p.measurements),
      penis_length: (p) => p.penisLength,
      rating: (p) => p.rating100,
      tag_count: (p) => p.tagIds.length,
      scenes_count: (p) => store.referrerCount("scenePerformers", p.id),
      images_count: (p) => store.referrerCount("imagePerformers", p.id),
      galleries_count: (p) => store.referrerCount("galleryPerformers", p.id),
      o_counter: (p) => performerOCount(p, store),
      play_count: (p) => performerPlayCount(p, store),
      last_played_at: (p) => newest(sceneTimes(p, "playHistory")),
      last_o_at: (p) => newest(sceneTimes(p, "oHistory")),
      scenes_duration: (p) => scenesDuration(store, scenes(p)),
    },
  };
}

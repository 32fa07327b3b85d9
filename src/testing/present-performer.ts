/**
 * The Performer view (internal/api/resolver_model_performer.go): every field
 * filled from the record, counts and lists from the relation indexes.
 */
import type { StandInContext } from "./context";
import { appearsWithIds, oCount, performerGroupIds } from "./entity-counts";
import { aliasOrder, entityImagePath, stashIdViews, tagsOf } from "./present-entity-parts";
import { groupView } from "./present-group";
import { sceneView } from "./present-scene";
import { tagView } from "./present-tag";
import type { PerformerRecord } from "./store";

/** pkg/performer/url.go: the deprecated `twitter`/`instagram` fields pick the first URL on that site. */
const TWITTER = /^https?:\/\/(?:www\.)?twitter\.com\//;
const INSTAGRAM = /^https?:\/\/(?:www\.)?instagram\.com\//;

/** A Performer view. */
export function performerView(ctx: StandInContext, performer: PerformerRecord): Record<string, unknown> {
  const { store } = ctx;
  const id = performer.id;
  const groups = () =>
    [...performerGroupIds(store, id)]
      .sort((a, b) => a - b)
      .flatMap((g) => {
        const group = store.get("groups", g);
        return group ? [groupView(ctx, group)] : [];
      });
  return {
    __typename: "Performer",
    id: String(id),
    name: performer.name,
    // Text columns are plain strings in Stash's model, so unset ones read "" (pkg/models/model_performer.go).
    disambiguation: performer.disambiguation,
    urls: performer.urls,
    url: performer.urls[0] ?? null,
    twitter: performer.urls.find((u) => TWITTER.test(u)) ?? null,
    instagram: performer.urls.find((u) => INSTAGRAM.test(u)) ?? null,
    alias_list: aliasOrder(performer.aliases),
    gender: performer.gender,
    birthdate: performer.birthdate,
    death_date: performer.deathDate,
    ethnicity: performer.ethnicity,
    country: performer.country,
    eye_color: performer.eyeColor,
    hair_color: performer.hairColor,
    height_cm: performer.heightCm,
    weight: performer.weight,
    measurements: performer.measurements,
    fake_tits: performer.fakeTits,
    penis_length: performer.penisLength,
    circumcised: performer.circumcised,
    career_length: performer.careerLength,
    tattoos: performer.tattoos,
    piercings: performer.piercings,
    details: performer.details,
    rating100: performer.rating100,
    favorite: performer.favorite,
    ignore_auto_tag: performer.ignoreAutoTag,
    custom_fields: performer.customFields,
    created_at: performer.createdAt,
    updated_at: performer.updatedAt,
    image_path: entityImagePath(ctx, "performer", id, performer.updatedAt, performer.hasImage),
    tags: () => tagsOf(store, performer.tagIds).map((t) => tagView(ctx, t)),
    stash_ids: stashIdViews(performer.stashIds),
    scene_count: () => store.referrerCount("scenePerformers", id),
    image_count: () => store.referrerCount("imagePerformers", id),
    gallery_count: () => store.referrerCount("galleryPerformers", id),
    group_count: () => performerGroupIds(store, id).size,
    movie_count: () => performerGroupIds(store, id).size,
    performer_count: () => appearsWithIds(store, id).size,
    o_counter: () => oCount(store, "scenePerformers", "imagePerformers", id),
    groups,
    movies: groups,
    scenes: () =>
      [...store.referrers("scenePerformers", id)]
        .sort((a, b) => a - b)
        .flatMap((s) => {
          const scene = store.get("scenes", s);
          return scene ? [sceneView(ctx, scene)] : [];
        }),
  };
}

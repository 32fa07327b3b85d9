/**
 * PerformerFilterType (pkg/sqlite/performer_filter.go) and the performer `q`
 * over name and aliases (pkg/sqlite/performer.go).
 */
import { numberMatcher } from "../../criteria";
import type { PerformerRecord } from "../../store";
import { isMissingField } from "../is-missing";
import { searchColumns } from "../search";
import type { EntitySpec } from "../types";
import { appearsWith, performerAge, performerGroups, performerMedia, performerOCount, performerPlayCount, performerStudios } from "./performer-relations";

function year(date: string | null): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** The performer filter spec. */
export const PERFORMER_SPEC: EntitySpec<PerformerRecord> = {
  typeName: "PerformerFilterType",
  records: (env) => env.store.all("performers"),
  search: searchColumns((p) => (p.aliases.length > 0 ? p.aliases : [null]).map((alias) => [p.name, alias])),
  fields: {
    name: (p) => p.name,
    disambiguation: (p) => p.disambiguation,
    details: (p) => p.details,
    filter_favorites: (p) => p.favorite,
    ignore_auto_tag: (p) => p.ignoreAutoTag,
    birth_year: (p) => year(p.birthdate),
    death_year: (p) => year(p.deathDate),
    age: (p, env) => performerAge(p, env),
    gender: (p) => p.gender,
    is_missing: isMissingField<PerformerRecord>(
      "performers",
      {
        url: (p) => p.urls.length === 0,
        // Deprecated in Stash in favour of scene_count = 0.
        scenes: (p, env) => env.store.referrerCount("scenePerformers", p.id) === 0,
        image: (p) => !p.hasImage,
        stash_id: (p) => p.stashIds.length === 0,
        aliases: (p) => p.aliases.length === 0,
      },
      {
        id: (p) => p.id,
        name: (p) => p.name,
        disambiguation: (p) => p.disambiguation || null,
        gender: (p) => p.gender,
        birthdate: (p) => p.birthdate,
        death_date: (p) => p.deathDate,
        ethnicity: (p) => p.ethnicity || null,
        country: (p) => p.country || null,
        eye_color: (p) => p.eyeColor || null,
        hair_color: (p) => p.hairColor || null,
        height: (p) => p.heightCm,
        weight: (p) => p.weight,
        measurements: (p) => p.measurements || null,
        fake_tits: (p) => p.fakeTits || null,
        penis_length: (p) => p.penisLength,
        circumcised: (p) => p.circumcised,
        career_length: (p) => p.careerLength || null,
        tattoos: (p) => p.tattoos || null,
        piercings: (p) => p.piercings || null,
        details: (p) => p.details || null,
        rating: (p) => p.rating100,
        favorite: (p) => p.favorite,
        ignore_auto_tag: (p) => p.ignoreAutoTag,
        image_blob: (p) => (p.hasImage ? "blob" : null),
        created_at: (p) => p.createdAt,
        updated_at: (p) => p.updatedAt,
      },
    ),
    ethnicity: (p) => p.ethnicity,
    country: (p) => p.country,
    eye_color: (p) => p.eyeColor,
    height_cm: (p) => p.heightCm,
    // Older schemas: `height` is a StringCriterionInput holding a number of centimetres.
    height: {
      compile: (c: { value: string; modifier: string }) => {
        const match = numberMatcher({ value: Number.parseInt(c.value, 10) || 0, modifier: c.modifier });
        return { test: (p: PerformerRecord) => match(p.heightCm), perRow: false };
      },
    },
    measurements: (p) => p.measurements,
    fake_tits: (p) => p.fakeTits,
    penis_length: (p) => p.penisLength,
    circumcised: (p) => p.circumcised,
    career_length: (p) => p.careerLength,
    tattoos: (p) => p.tattoos,
    piercings: (p) => p.piercings,
    rating100: (p) => p.rating100,
    hair_color: (p) => p.hairColor,
    url: (p) => p.urls,
    weight: (p) => p.weight,
    stash_id: (p) => p.stashIds.map((s) => s.stashId),
    stash_id_endpoint: (p) => p.stashIds,
    aliases: (p) => p.aliases,
    tags: { ids: (p) => p.tagIds, hierarchy: "tags" },
    studios: performerStudios,
    groups: performerGroups,
    performers: appearsWith,
    tag_count: (p) => p.tagIds.length,
    scene_count: (p, env) => env.store.referrerCount("scenePerformers", p.id),
    image_count: (p, env) => env.store.referrerCount("imagePerformers", p.id),
    gallery_count: (p, env) => env.store.referrerCount("galleryPerformers", p.id),
    play_count: (p, env) => performerPlayCount(p, env.store),
    o_counter: (p, env) => performerOCount(p, env.store),
    birthdate: (p) => p.birthdate,
    death_date: (p) => p.deathDate,
    created_at: (p) => p.createdAt,
    updated_at: (p) => p.updatedAt,
    scenes_filter: { ids: (p, env) => performerMedia(p, env.store).scenes },
    images_filter: { ids: (p, env) => performerMedia(p, env.store).images },
    galleries_filter: { ids: (p, env) => performerMedia(p, env.store).galleries },
    tags_filter: { ids: (p) => p.tagIds },
    custom_fields: (p) => p.customFields,
  },
};

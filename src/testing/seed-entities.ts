/**
 * Seeds a fixture's tags, performers and studios (inside seedStore's
 * transaction): each is found by name or created, then given the fixture's
 * fields. A parent link that would loop through records already in the
 * store is refused with the fixture path.
 */
import type { Fixture } from "./fixture";
import { tagPaths } from "./hierarchy";
import type { Store } from "./store";

/** Name → id lookups of the surrounding seed (creating unknown entities). */
export interface EntitySeedNames {
  readonly tag: (name: string) => number;
  readonly performer: (name: string) => number;
  readonly studio: (name: string) => number;
}

/** Only the keys a fixture entry gives. */
function given<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const trim = (s: string | undefined) => s?.trim();
const trimAll = (list: readonly string[] | undefined) => (list ? [...new Set(list.map((s) => s.trim()))] : undefined);

function seedTags(store: Store, fixture: Fixture, names: EntitySeedNames): void {
  (fixture.tags ?? []).forEach((tag, i) => {
    if (typeof tag === "string") return void names.tag(tag);
    const id = names.tag(tag.name);
    const parentIds = [...store.get("tags", id)!.parentIds];
    (tag.parents ?? []).forEach((parentName, j) => {
      const parent = names.tag(parentName);
      if (tagPaths(store, id, false).has(parent)) {
        throw new Error(`invalid fixture: tags[${i}].parents[${j}] makes the tag hierarchy loop back to ${JSON.stringify(tag.name)}`);
      }
      if (!parentIds.includes(parent)) parentIds.push(parent);
      store.patch("tags", id, { parentIds });
    });
    store.patch("tags", id, {
      ...given({
        aliases: trimAll(tag.aliases),
        sortName: trim(tag.sort_name),
        description: trim(tag.description),
        favorite: tag.favorite,
        ignoreAutoTag: tag.ignore_auto_tag,
      }),
    });
  });
}

function seedPerformers(store: Store, fixture: Fixture, names: EntitySeedNames): void {
  for (const p of fixture.performers ?? []) {
    if (typeof p === "string") {
      names.performer(p);
      continue;
    }
    const id = names.performer(p.name);
    store.patch("performers", id, {
      ...given({
        disambiguation: trim(p.disambiguation),
        aliases: trimAll(p.aliases),
        gender: p.gender,
        birthdate: p.birthdate,
        deathDate: p.death_date,
        country: trim(p.country),
        ethnicity: trim(p.ethnicity),
        hairColor: trim(p.hair_color),
        eyeColor: trim(p.eye_color),
        heightCm: p.height_cm,
        weight: p.weight,
        details: trim(p.details),
        rating100: p.rating100,
        favorite: p.favorite,
        ignoreAutoTag: p.ignore_auto_tag,
        urls: trimAll(p.urls),
        tagIds: p.tags ? [...new Set(p.tags.map((t) => names.tag(t)))] : undefined,
        customFields: p.custom_fields ? { ...p.custom_fields } : undefined,
      }),
    });
  }
}

function seedStudios(store: Store, fixture: Fixture, names: EntitySeedNames): void {
  (fixture.studios ?? []).forEach((s, i) => {
    if (typeof s === "string") return void names.studio(s);
    const id = names.studio(s.name);
    let parentId: number | undefined;
    if (s.parent !== undefined) {
      parentId = names.studio(s.parent);
      for (let at: number | null = parentId; at !== null; at = store.get("studios", at)?.parentId ?? null) {
        if (at === id) throw new Error(`invalid fixture: studios[${i}].parent makes the studio hierarchy loop back to ${JSON.stringify(s.name)}`);
      }
    }
    store.patch("studios", id, {
      ...given({
        parentId,
        aliases: trimAll(s.aliases),
        urls: trimAll(s.urls),
        details: trim(s.details),
        rating100: s.rating100,
        favorite: s.favorite,
        ignoreAutoTag: s.ignore_auto_tag,
        tagIds: s.tags ? [...new Set(s.tags.map((t) => names.tag(t)))] : undefined,
      }),
    });
  });
}

/** Seeds tags, then performers, then studios, with every field the fixture gives. */
export function seedEntities(store: Store, fixture: Fixture, names: EntitySeedNames): void {
  seedTags(store, fixture, names);
  seedPerformers(store, fixture, names);
  seedStudios(store, fixture, names);
}

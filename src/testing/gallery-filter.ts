/**
 * GalleryFilterType on the filter engine (pkg/sqlite/gallery_filter.go) and
 * the gallery `q` search over title, folder path, zip path, fingerprints and
 * chapter titles (pkg/sqlite/gallery.go makeQuery).
 */
import type { GraphQLSchema } from "graphql";
import { and3, or3, stringMatcher, type StringCriterionInput, type Truth } from "./criteria";
import { selectRecords } from "./filter/engine";
import type { FilterEnv } from "./filter/env";
import { isMissingField } from "./filter/is-missing";
import { anyRow } from "./filter/kinds";
import { filterEnv } from "./filter/registry";
import { searchColumns } from "./filter/search";
import type { CustomField, EntitySpec, Test } from "./filter/types";
import { gallerySceneIds } from "./gallery-scenes";
import { md5Field, performerAgeField, performerFavoriteField, performerTagsField } from "./media-filter-fields";
import { existing, galleryChapters } from "./present-gallery";
import type { GalleryFileRecord, GalleryRecord, Store } from "./store";

const one = (id: number | null): number[] => (id === null ? [] : [id]);
const text = (value: string): string | null => (value === "" ? null : value);

function zips(g: GalleryRecord, env: FilterEnv): GalleryFileRecord[] {
  return existing(g.fileIds, (id) => env.store.get("galleryFiles", id));
}

function folderPath(g: GalleryRecord, env: FilterEnv): string | null {
  return g.folderId === null ? null : (env.store.get("folders", g.folderId)?.path ?? null);
}

/**
 * `path`: the zip file's path or the gallery folder's path. Which of the two
 * must hold depends on the modifier, as in Stash's pathCriterionHandler (pkg/sqlite/criterion_handlers.go) for
 * galleries: the negative ones need both, the others either.
 */
const pathField: CustomField<GalleryRecord, never> = {
  compile: (c: StringCriterionInput, env): Test<GalleryRecord, never> => {
    const match = stringMatcher(c);
    const both = c.modifier === "NOT_MATCHES_REGEX" || c.modifier === "IS_NULL";
    const join = both ? and3 : or3;
    return {
      perRow: false,
      test: (g): Truth => join(anyRow(zips(g, env).map((f) => f.path), match), match(folderPath(g, env))),
    };
  },
};

/** `average_resolution`: the mean of MIN(width, height) over the gallery's image files (NULL without any). */
function averageSize(g: GalleryRecord, env: FilterEnv): { width: number; height: number } | null {
  let total = 0;
  let n = 0;
  for (const imageId of env.store.referrers("imageGalleries", g.id)) {
    const image = env.store.get("images", imageId);
    for (const fileId of image?.fileIds ?? []) {
      const f = env.store.get("imageFiles", fileId);
      if (!f) continue;
      total += Math.min(f.width, f.height);
      n++;
    }
  }
  return n === 0 ? null : { width: total / n, height: total / n };
}

/** `has_chapters`: "true" = at least one chapter; any other value = none. */
const hasChaptersField: CustomField<GalleryRecord, never> = {
  compile: (value: string, env) => ({
    perRow: false,
    test: (g) => (env.store.referrerCount("chapterGallery", g.id) > 0) === (value === "true"),
  }),
};

/** `is_zip`: the gallery has a zip file (galleries_files row) or not. */
const isZipField: CustomField<GalleryRecord, never> = {
  compile: (want: boolean) => ({ perRow: false, test: (g) => (g.fileIds.length > 0) === want }),
};

/** The gallery filter spec. */
export const GALLERY_SPEC: EntitySpec<GalleryRecord> = {
  typeName: "GalleryFilterType",
  records: (env) => env.store.all("galleries"),
  // One searched row per (zip, fingerprint, chapter), as the joins multiply them.
  search: searchColumns((g, env) => {
    const folder = folderPath(g, env);
    const files = zips(g, env).flatMap((f) => (f.fingerprints.length === 0 ? [[f.path, null]] : f.fingerprints.map((fp) => [f.path, fp.value])));
    const chapters = galleryChapters(env.store, g.id).map((c) => c.title);
    const rows: (string | null)[][] = [];
    for (const [path, fingerprint] of files.length > 0 ? files : [[null, null]]) {
      for (const chapter of chapters.length > 0 ? chapters : [null]) rows.push([text(g.title), folder, path ?? null, fingerprint ?? null, chapter]);
    }
    return rows;
  }),
  fields: {
    id: (g) => g.id,
    title: (g) => g.title,
    code: (g) => g.code,
    details: (g) => g.details,
    photographer: (g) => g.photographer,
    checksum: md5Field((g, env) => zips(g, env).map((f) => f.fingerprints), false),
    is_zip: isZipField,
    path: pathField,
    file_count: (g) => g.fileIds.length,
    rating100: (g) => g.rating100,
    url: (g) => g.urls,
    organized: (g) => g.organized,
    is_missing: isMissingField<GalleryRecord>(
      "galleries",
      {
        url: (g) => g.urls.length === 0,
        scenes: (g, env) => env.store.referrerCount("sceneGalleries", g.id) === 0,
        studio: (g) => g.studioId === null,
        performers: (g) => g.performerIds.length === 0,
        date: (g) => g.date === null,
        tags: (g) => g.tagIds.length === 0,
      },
      {
        id: (g) => g.id,
        title: (g) => text(g.title),
        code: (g) => text(g.code),
        details: (g) => text(g.details),
        photographer: (g) => text(g.photographer),
        rating: (g) => g.rating100,
        organized: (g) => g.organized,
        studio_id: (g) => g.studioId,
        folder_id: (g) => g.folderId,
        created_at: (g) => g.createdAt,
        updated_at: (g) => g.updatedAt,
      },
    ),
    tags: { ids: (g) => g.tagIds, hierarchy: "tags" },
    tag_count: (g) => g.tagIds.length,
    performers: { ids: (g) => g.performerIds },
    performer_count: (g) => g.performerIds.length,
    // multiCriterionHandlerBuilder over scenes_galleries: no `excludes`.
    scenes: { ids: (g, env) => gallerySceneIds(env.store, g.id), plain: true },
    has_chapters: hasChaptersField,
    studios: { ids: (g) => one(g.studioId), hierarchy: "studios", single: true },
    performer_tags: performerTagsField((g: GalleryRecord) => g.performerIds),
    average_resolution: (g, env) => averageSize(g, env),
    image_count: (g, env) => env.store.referrerCount("imageGalleries", g.id),
    performer_favorite: performerFavoriteField((g: GalleryRecord) => g.performerIds),
    performer_age: performerAgeField(
      (g: GalleryRecord) => g.performerIds,
      (g) => g.date,
    ),
    date: (g) => g.date,
    created_at: (g) => g.createdAt,
    updated_at: (g) => g.updatedAt,
    scenes_filter: { ids: (g, env) => gallerySceneIds(env.store, g.id) },
    images_filter: { ids: (g, env) => [...env.store.referrers("imageGalleries", g.id)] },
    performers_filter: { ids: (g) => g.performerIds },
    studios_filter: { ids: (g) => one(g.studioId) },
    tags_filter: { ids: (g) => g.tagIds },
    files_filter: { ids: (g) => g.fileIds },
    folders_filter: { ids: (g) => one(g.folderId) },
  },
};

/** findGalleries: galleries matching `gallery_filter` and q, in id order. */
export function selectGalleries(
  store: Store,
  schema: GraphQLSchema,
  filter: Readonly<Record<string, unknown>> | null | undefined,
  q: string | null | undefined,
): GalleryRecord[] {
  return selectRecords(filterEnv(store, schema), GALLERY_SPEC, filter, q).records;
}

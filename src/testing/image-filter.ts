/**
 * ImageFilterType on the filter engine (pkg/sqlite/image_filter.go) and the
 * image `q` search over title, file path and fingerprints (pkg/sqlite/image.go
 * makeQuery). An image's joined rows are its files, so path, resolution and
 * orientation must hold for the same file; an image without files is one
 * row of NULLs.
 */
import type { GraphQLSchema } from "graphql";
import { selectRecords, type Selection } from "./filter/engine";
import { isMissingField } from "./filter/is-missing";
import { filterEnv } from "./filter/registry";
import { searchColumns } from "./filter/search";
import type { EntitySpec } from "./filter/types";
import { md5Field, performerAgeField, performerFavoriteField, performerTagsField } from "./media-filter-fields";
import { existing } from "./present-gallery";
import type { ImageFileRecord, ImageRecord, Store } from "./store";

const one = (id: number | null): number[] => (id === null ? [] : [id]);
const text = (value: string): string | null => (value === "" ? null : value);

/** The image filter spec. */
export const IMAGE_SPEC: EntitySpec<ImageRecord, ImageFileRecord> = {
  typeName: "ImageFilterType",
  records: (env) => env.store.all("images"),
  rows: (image, env) => existing(image.fileIds, (id) => env.store.get("imageFiles", id)),
  // One searched row per (file, fingerprint), as the joins multiply them.
  search: searchColumns((image, env) => {
    const files = existing(image.fileIds, (id) => env.store.get("imageFiles", id));
    if (files.length === 0) return [[text(image.title), null, null]];
    return files.flatMap((f) =>
      f.fingerprints.length === 0 ? [[text(image.title), f.path, null]] : f.fingerprints.map((fp) => [text(image.title), f.path, fp.value]),
    );
  }),
  fields: {
    id: (i) => i.id,
    checksum: md5Field((i, env) => existing(i.fileIds, (id) => env.store.get("imageFiles", id)).map((f) => f.fingerprints), true),
    title: (i) => i.title,
    code: (i) => i.code,
    details: (i) => i.details,
    photographer: (i) => i.photographer,
    path: { row: (f) => f.path },
    file_count: (i) => i.fileIds.length,
    rating100: (i) => i.rating100,
    o_counter: (i) => i.oCounter,
    organized: (i) => i.organized,
    date: (i) => i.date,
    url: (i) => i.urls,
    resolution: { row: (f) => ({ width: f.width, height: f.height }) },
    orientation: { row: (f) => ({ width: f.width, height: f.height }) },
    is_missing: isMissingField<ImageRecord>(
      "images",
      {
        studio: (i) => i.studioId === null,
        performers: (i) => i.performerIds.length === 0,
        galleries: (i) => i.galleryIds.length === 0,
        tags: (i) => i.tagIds.length === 0,
      },
      {
        id: (i) => i.id,
        title: (i) => text(i.title),
        code: (i) => text(i.code),
        details: (i) => text(i.details),
        photographer: (i) => text(i.photographer),
        date: (i) => i.date,
        rating: (i) => i.rating100,
        organized: (i) => i.organized,
        o_counter: (i) => i.oCounter,
        studio_id: (i) => i.studioId,
        created_at: (i) => i.createdAt,
        updated_at: (i) => i.updatedAt,
      },
    ),
    tags: { ids: (i) => i.tagIds, hierarchy: "tags" },
    tag_count: (i) => i.tagIds.length,
    // multiCriterionHandlerBuilder: no `excludes`, and IS_NULL/NOT_NULL read the join table.
    galleries: { ids: (i) => i.galleryIds, plain: true },
    performers: { ids: (i) => i.performerIds },
    performer_count: (i) => i.performerIds.length,
    studios: { ids: (i) => one(i.studioId), hierarchy: "studios", single: true },
    performer_tags: performerTagsField((i: ImageRecord) => i.performerIds),
    performer_favorite: performerFavoriteField((i: ImageRecord) => i.performerIds),
    performer_age: performerAgeField(
      (i: ImageRecord) => i.performerIds,
      (i) => i.date,
    ),
    created_at: (i) => i.createdAt,
    updated_at: (i) => i.updatedAt,
    galleries_filter: { ids: (i) => i.galleryIds },
    performers_filter: { ids: (i) => i.performerIds },
    studios_filter: { ids: (i) => one(i.studioId) },
    tags_filter: { ids: (i) => i.tagIds },
    files_filter: { ids: (i) => i.fileIds },
  },
};

/** findImages: images matching `image_filter` and q, in id order, with the files that matched. */
export function selectImages(
  store: Store,
  schema: GraphQLSchema,
  filter: Readonly<Record<string, unknown>> | null | undefined,
  q: string | null | undefined,
): Selection<ImageRecord, ImageFileRecord> {
  return selectRecords(filterEnv(store, schema), IMAGE_SPEC, filter, q);
}

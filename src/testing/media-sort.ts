/**
 * Paging galleries and images as their Stash queries order them: without a
 * sort there is no ORDER BY at all, so rows come in id order whatever the
 * direction (pkg/sqlite/gallery.go setGallerySort, image.go
 * setImageSortAndPagination); with one, the spec's key, then its tie-break.
 */
import { pageByIdIndex, type IdPage } from "./filter/paging";
import { pageOf, sortAndPage, type FindFilterInput, type PageResult, type SortSpec } from "./find-filter";
import type { Store, TableRecords } from "./store";

/** Sorts (when asked) and pages records that arrive in id order. */
export function sortAndPageMedia<T extends { readonly id: number }>(
  items: readonly T[],
  filter: FindFilterInput | null | undefined,
  spec: SortSpec<T>,
): PageResult<T> {
  if (!filter?.sort) return { count: items.length, items: pageOf(items, filter) };
  return sortAndPage(items, filter, spec);
}

/** The id-index page of a gallery or image find, or null; no sort means id order ascending, whatever the direction. */
export function mediaPageByIdIndex<T extends "galleries" | "images">(
  store: Store,
  table: T,
  entityFilter: Readonly<Record<string, unknown>> | null | undefined,
  filter: FindFilterInput | null | undefined,
): IdPage<TableRecords[T]> | null {
  return pageByIdIndex(store, table, entityFilter, filter?.sort ? filter : { ...filter, sort: "id", direction: "ASC" }, "id");
}

/**
 * Walks every entity of a query page by page without holding more than one
 * page in memory. Shared by scenes, markers and every entity namespace: the
 * caller supplies how to fetch one page; this module owns the cursor.
 */
import { StashError, StashValidationError } from "../core/errors";
import { checkFindFilter, throwIfAborted } from "../core/find-filter";
import { CriterionModifier, SortDirectionEnum, type FindFilterType } from "../../generated/graphql";
import { checkInteger, checkObject } from "../core/validate";
import type { CallOptions, StashCoreApi } from "../core/client";
import { serverVersion } from "../core/server-version";
import { checkSortForServer, type SortEntity } from "../core/sorts";

/** One page as the walker needs it: the total still matching and the items in order. */
export interface WalkPage<T> {
  readonly count: number;
  readonly items: readonly T[];
}

/** Fetches one page for a find filter and an entity filter (the caller's, possibly wrapped with an id cursor). */
export type FetchWalkPage<T, F> = (find: FindFilterType, entityFilter: F | undefined) => Promise<WalkPage<T>>;

/** What `walkEntities` needs besides the page fetcher. */
export interface WalkOptions<F> {
  /** Search and sort, already checked (see `checkWalkFilter`). */
  readonly filter: FindFilterType;
  readonly entityFilter: F | undefined;
  readonly perPage: number;
  /**
   * Whether the entity filter has an `id` criterion (scenes, images, galleries do; tags,
   * performers, studios and groups do not in Stash v0.30). Without one, an id-sorted walk
   * pages by number and skips ids it has already passed.
   */
  readonly idCursor?: boolean;
  /** Names the walk in errors, e.g. `tags.iterate`. */
  readonly operation: string;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Checks an iterator's find filter and page size: `page`/`per_page` belong to
 * the iterator, and plain `random` is refused because it reshuffles per page.
 */
export function checkWalkFilter(
  filter: unknown,
  perPage: unknown,
  sorts: readonly string[],
): { filter: FindFilterType; perPage: number } {
  const size = checkInteger(perPage ?? 100, "perPage", 1);
  if (filter != null) {
    const f = checkObject(filter, "filter");
    if (f["page"] != null || f["per_page"] != null) {
      throw new StashValidationError("filter", "page and per_page are set by the iterator; use perPage for the page size");
    }
  }
  const checked = checkFindFilter(filter, "filter", { sorts }) ?? {};
  if (checked.sort === "random") {
    throw new StashValidationError("filter.sort", `"random" reshuffles on every page; use random_<seed> for a stable order`);
  }
  return { filter: checked, perPage: size };
}

/** An iterator's `fragment` argument: `slim` (the default) or `full`. */
export function checkFragment(value: unknown): "slim" | "full" {
  const fragment = value ?? "slim";
  if (fragment !== "slim" && fragment !== "full") throw new StashValidationError("fragment", `must be "slim" or "full", got ${JSON.stringify(fragment)}`);
  return fragment;
}

/**
 * `fetchPage`, but the first page waits for the connected server's release (the cached
 * probe) and refuses a sort it lacks; later pages go straight through.
 */
export function checkSortOnFirstPage<T, F>(
  fetchPage: FetchWalkPage<T, F>,
  core: StashCoreApi,
  options: CallOptions,
  sort: string | null | undefined,
  entity: SortEntity,
): FetchWalkPage<T, F> {
  let checked = false;
  return async (find, entityFilter) => {
    if (!checked) {
      checkSortForServer(sort, "filter.sort", entity, await serverVersion(core, options));
      checked = true;
    }
    return fetchPage(find, entityFilter);
  };
}

/**
 * Yields every item, one request per page. Sorted by id (the default), it
 * walks with an id cursor — each request asks for ids beyond the last one
 * seen, the caller's filter nested under AND — so items added or deleted
 * meanwhile cause no skips or repeats. Any other sort walks numbered pages.
 */
export function walkEntities<T extends { readonly id: string }, F extends object>(
  fetchPage: FetchWalkPage<T, F>,
  options: WalkOptions<F>,
): AsyncIterableIterator<T> {
  const byId = options.filter.sort === undefined || options.filter.sort === "id";
  // Each walker checks the signal before every item too, so an abort inside a page stops the loop at once.
  return !byId
    ? walkByPage(fetchPage, options)
    : options.idCursor === false
      ? walkByPageInIdOrder(fetchPage, options)
      : walkById(fetchPage, options);
}

async function* walkById<T extends { readonly id: string }, F extends object>(fetchPage: FetchWalkPage<T, F>, o: WalkOptions<F>) {
  const descending = o.filter.direction === SortDirectionEnum.DESC;
  const find: FindFilterType = { ...o.filter, sort: "id", page: 1, per_page: o.perPage };
  const hasFilter = o.entityFilter !== undefined && Object.keys(o.entityFilter).length > 0;
  let cursor: number | undefined;
  for (;;) {
    throwIfAborted(o.signal, o.operation);
    let ef = o.entityFilter;
    if (cursor !== undefined) {
      const id = { value: cursor, modifier: descending ? CriterionModifier.LESS_THAN : CriterionModifier.GREATER_THAN };
      // Stash refuses AND next to OR/NOT in one object, so the caller's filter goes one level down.
      ef = (hasFilter ? { id, AND: o.entityFilter } : { id }) as unknown as F;
    }
    const page = await fetchPage(find, ef);
    for (const item of page.items) {
      const id = Number(item.id);
      if (cursor !== undefined && (descending ? id >= cursor : id <= cursor)) {
        throw new StashError(`${o.operation}: the server returned id ${item.id} out of id order; it may not support id filters`, {
          operation: o.operation,
        });
      }
      cursor = id;
      throwIfAborted(o.signal, o.operation);
      yield item;
    }
    // `count` is what remains past the cursor, so a full last page ends the walk without an empty request.
    if (page.items.length < o.perPage || page.items.length >= page.count) return;
  }
}

/**
 * Id order without an id criterion: numbered pages sorted by id. An item seen
 * twice (a deletion shifted it back a page) is skipped; an item shifted onto
 * an already-read page by a deletion is missed, which only a cursor avoids.
 */
async function* walkByPageInIdOrder<T extends { readonly id: string }, F extends object>(fetchPage: FetchWalkPage<T, F>, o: WalkOptions<F>) {
  const descending = o.filter.direction === SortDirectionEnum.DESC;
  let last: number | undefined;
  for (let page = 1; ; page++) {
    throwIfAborted(o.signal, o.operation);
    const result = await fetchPage({ ...o.filter, sort: "id", page, per_page: o.perPage }, o.entityFilter);
    for (const item of result.items) {
      const id = Number(item.id);
      if (last !== undefined && (descending ? id >= last : id <= last)) continue;
      last = id;
      throwIfAborted(o.signal, o.operation);
      yield item;
    }
    if (result.items.length < o.perPage || page * o.perPage >= result.count) return;
  }
}

async function* walkByPage<T, F extends object>(fetchPage: FetchWalkPage<T, F>, o: WalkOptions<F>) {
  let seen = 0;
  for (let page = 1; ; page++) {
    throwIfAborted(o.signal, o.operation);
    const result = await fetchPage({ ...o.filter, page, per_page: o.perPage }, o.entityFilter);
    for (const item of result.items) {
      if (seen >= result.count) return;
      seen++;
      throwIfAborted(o.signal, o.operation);
      yield item;
    }
    if (result.items.length < o.perPage || seen >= result.count) return;
  }
}

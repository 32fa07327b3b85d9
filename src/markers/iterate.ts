/**
 * Walks every marker matching a filter one page at a time, so memory stays
 * bounded by the page size however many markers the library holds.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { StashValidationError } from "../core/errors";
import { FindSceneMarkersDocument, SortDirectionEnum, type FindFilterType, type SceneMarkerFilterType } from "../../generated/graphql";
import { markerFindFilter, type SceneMarker } from "./markers";
import { checkInteger, checkKnownKeys, checkObject } from "../core/validate";
import { walkEntities } from "../entities/iterate";

/** Arguments of `iterateSceneMarkers`. */
export interface IterateSceneMarkersArgs {
  /** Only `q` is used: the iterator owns paging and sorts by id. */
  filter?: FindFilterType;
  /** Sent as `scene_marker_filter`. */
  markerFilter?: SceneMarkerFilterType;
  /** Markers per request; default 100. */
  perPage?: number;
}

const DEFAULT_PER_PAGE = 100;

/**
 * Yields every matching marker in ascending id order, one request per page, and
 * stops at the total the server counted. Deleting markers mid-walk can shift a
 * later one onto an already-read page (it is then missed); new markers come last.
 */
export async function* iterateSceneMarkers(
  core: StashCoreApi,
  args: IterateSceneMarkersArgs = {},
  options?: CallOptions,
): AsyncGenerator<SceneMarker, void, undefined> {
  checkKnownKeys(checkObject(args, "args"), ["filter", "markerFilter", "perPage"], "args");
  const perPage = args.perPage === undefined ? DEFAULT_PER_PAGE : checkInteger(args.perPage, "perPage", 1);
  const base = markerFindFilter(args.filter, undefined) ?? {};
  // Page numbers only walk a stable order when the sort is total; id is.
  if (base.sort != null && base.sort !== "id") {
    throw new StashValidationError("filter.sort", `the iterator sorts by id; got ${JSON.stringify(base.sort)}`);
  }
  if (base.page != null) throw new StashValidationError("filter.page", "the iterator chooses pages; leave it unset");
  if (base.per_page != null) throw new StashValidationError("filter.per_page", "use the perPage argument instead");
  if (base.direction === SortDirectionEnum.DESC) throw new StashValidationError("filter.direction", "the iterator walks ascending ids");
  if (args.markerFilter != null) checkObject(args.markerFilter, "markerFilter");

  const fetchPage = async (filter: FindFilterType, markerFilter: SceneMarkerFilterType | undefined) => {
    const variables = markerFilter == null ? { filter } : { filter, scene_marker_filter: markerFilter };
    const { findSceneMarkers } = await core.request(FindSceneMarkersDocument, variables, options);
    return { count: findSceneMarkers.count, items: findSceneMarkers.scene_markers };
  };
  // Stash's marker filter has no id criterion, so the walk pages by number in id order and skips ids it has passed.
  yield* walkEntities(fetchPage, {
    filter: { ...base, sort: "id", direction: SortDirectionEnum.ASC },
    entityFilter: args.markerFilter ?? undefined,
    perPage,
    idCursor: false,
    operation: "iterateSceneMarkers",
    signal: options?.signal,
  });
}

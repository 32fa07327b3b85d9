/**
 * Walks every marker matching a filter one page at a time, so memory stays
 * bounded by the page size however many markers the library holds.
 */
import type { CallOptions, StashCore } from "../core/client";
import { StashValidationError } from "../core/errors";
import { FindSceneMarkersDocument, SortDirectionEnum, type FindFilterType, type SceneMarkerFilterType } from "../../generated/graphql";
import { markerFindFilter, type SceneMarker } from "./markers";
import { checkInteger, checkKnownKeys, checkObject } from "../core/validate";

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
  core: StashCore,
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

  let lastId = -1;
  let seen = 0;
  for (let page = 1; ; page++) {
    const filter: FindFilterType = { ...base, sort: "id", direction: SortDirectionEnum.ASC, page, per_page: perPage };
    const variables = args.markerFilter == null ? { filter } : { filter, scene_marker_filter: args.markerFilter };
    const { findSceneMarkers } = await core.request(FindSceneMarkersDocument, variables, options);
    for (const marker of findSceneMarkers.scene_markers) {
      const id = Number(marker.id);
      // Ids only grow, so anything not above the last one was already yielded.
      if (id <= lastId) continue;
      lastId = id;
      seen++;
      yield marker;
    }
    if (findSceneMarkers.scene_markers.length < perPage || seen >= findSceneMarkers.count) return;
  }
}

/**
 * Scene markers: find, create, update, bulk update, destroy, and the marker
 * lookups behind Stash's wall and tag views. Functions take the core first so
 * `StashClient` can expose them as methods with the same names.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError, StashValidationError } from "../core/errors";
import {
  BulkSceneMarkerUpdateDocument,
  BulkUpdateIdMode,
  FindSceneMarkersDocument,
  MarkerStringsDocument,
  MarkerWallDocument,
  SceneMarkerCreateDocument,
  SceneMarkerDestroyDocument,
  SceneMarkersDestroyDocument,
  SceneMarkerTagsDocument,
  SceneMarkerUpdateDocument,
  type BulkSceneMarkerUpdateInput,
  type FindFilterType,
  type SceneMarkerCreateInput,
  type SceneMarkerDataFragment,
  type SceneMarkerFilterType,
  type SceneMarkerTagsQuery,
  type SceneMarkerUpdateInput,
} from "../../generated/graphql";
import { checkFindFilter, mergeQuery } from "../core/find-filter";
import { checkInputForServer, fieldNames } from "../core/input-fields";
import { serverVersion } from "../core/server-version";
import { checkSortForServer, knownSorts, newestSorts } from "../core/sorts";
import { checkEnum, checkId, checkIds, checkKnownKeys, checkNonNegative, checkObject, checkString, type ID } from "../core/validate";

/** A scene marker as the facade returns it (the SceneMarkerData fragment). */
export type SceneMarker = SceneMarkerDataFragment;

/** One entry of `sceneMarkerTags`: a primary tag and the scene's markers that use it. */
export type SceneMarkerTag = SceneMarkerTagsQuery["sceneMarkerTags"][number];

/** One entry of `markerStrings`: a marker title and how many markers carry it. */
export interface MarkerString {
  id: string;
  title: string;
  count: number;
}

/** Arguments of `findSceneMarkers`. */
export interface FindSceneMarkersArgs {
  /** Paging, sort and search; Stash's default sort for markers is `title`. */
  filter?: FindFilterType;
  /** Sent as `scene_marker_filter`; the scene criterion is `scenes: { value, modifier }`. */
  markerFilter?: SceneMarkerFilterType;
  /** Shorthand for `filter.q` (marker title, scene title and primary tag name). */
  q?: string;
  /** Exact marker ids; Stash then ignores the filters. */
  ids?: readonly ID[];
}

/** The result of `findSceneMarkers`. */
export interface FindSceneMarkersResult {
  count: number;
  scene_markers: SceneMarker[];
}

/** Arguments of `markerStrings`. */
export interface MarkerStringsArgs {
  /** Substring of the title. */
  q?: string;
  /** `"count"` sorts by count descending; anything else sorts by title. */
  sort?: string;
}

/** Sort names the newest known Stash release accepts for markers (`random_<seed>` too); older servers are checked against their own list. */
export const MARKER_SORTS: readonly string[] = /* @__PURE__ */ newestSorts("sceneMarkers");

/**
 * Validates a marker FindFilterType (known keys, paging, a sort some Stash release
 * accepts for markers) and folds a separate `q` into it; two different searches are an error.
 */
export function markerFindFilter(filter: unknown, q: unknown, argument = "filter"): FindFilterType | undefined {
  return mergeQuery(checkFindFilter(filter, argument, { sorts: knownSorts("sceneMarkers") }), q);
}

/** Drops keys whose value is undefined: undefined means "leave as is", and must never reach the wire as null. */
function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

function checkSeconds(seconds: unknown, endSeconds: unknown, prefix: string): void {
  const start = checkNonNegative(seconds, `${prefix}seconds`);
  if (endSeconds === null || endSeconds === undefined) return;
  const end = checkNonNegative(endSeconds, `${prefix}end_seconds`);
  if (end < start) {
    throw new StashValidationError(`${prefix}end_seconds`, `(${end}) must be greater than or equal to seconds (${start})`);
  }
}

const optionalId = (value: unknown, argument: string) => (value == null ? (value as null | undefined) : checkId(value, argument));
const tagIdList = (value: unknown, argument: string) =>
  value == null ? (value as null | undefined) : checkIds(value, argument, { allowEmpty: true, allowDuplicates: true });

/** Finds markers by filter, marker filter, search text or ids; not-found ids are the server's error. */
export async function findSceneMarkers(
  core: StashCoreApi,
  args: FindSceneMarkersArgs = {},
  options?: CallOptions,
): Promise<FindSceneMarkersResult> {
  checkKnownKeys(checkObject(args, "args"), ["filter", "markerFilter", "q", "ids"], "args");
  if (args.markerFilter != null) checkObject(args.markerFilter, "markerFilter");
  const ids = args.ids == null ? undefined : checkIds(args.ids, "ids", { allowEmpty: true });
  const filter = markerFindFilter(args.filter, args.q);
  checkSortForServer(filter?.sort, "filter.sort", "sceneMarkers", await serverVersion(core, options));
  const data = await core.request(
    FindSceneMarkersDocument,
    defined({ filter, scene_marker_filter: args.markerFilter ?? undefined, ids }),
    options,
  );
  return data.findSceneMarkers;
}

/** Creates one marker; checks ids and that `0 ≤ seconds ≤ end_seconds` before sending. */
export async function createSceneMarker(
  core: StashCoreApi,
  input: SceneMarkerCreateInput,
  options?: CallOptions,
): Promise<SceneMarker> {
  checkKnownKeys(checkObject(input, "input"), fieldNames("SceneMarkerCreateInput"), "input");
  const clean: SceneMarkerCreateInput = defined({
    title: checkString(input.title, "input.title"),
    seconds: input.seconds,
    end_seconds: input.end_seconds,
    scene_id: checkId(input.scene_id, "input.scene_id"),
    primary_tag_id: checkId(input.primary_tag_id, "input.primary_tag_id"),
    tag_ids: tagIdList(input.tag_ids, "input.tag_ids"),
  });
  checkSeconds(clean.seconds, clean.end_seconds, "input.");
  checkInputForServer("SceneMarkerCreateInput", clean, "input", await serverVersion(core, options));
  const data = await core.request(SceneMarkerCreateDocument, { input: clean }, options);
  return nonNull(data.sceneMarkerCreate, "SceneMarkerCreate");
}

/**
 * Updates one marker. A key left undefined is not sent (kept as is); `end_seconds: null`
 * clears the end; `tag_ids` present replaces the tags.
 */
export async function updateSceneMarker(
  core: StashCoreApi,
  input: SceneMarkerUpdateInput,
  options?: CallOptions,
): Promise<SceneMarker> {
  checkKnownKeys(checkObject(input, "input"), fieldNames("SceneMarkerUpdateInput"), "input");
  // Stash's columns are NOT NULL: a null here would only fail on the server.
  for (const key of ["title", "seconds", "scene_id", "primary_tag_id"] as const) {
    if (input[key] === null) throw new StashValidationError(`input.${key}`, "cannot be cleared; leave it undefined to keep it");
  }
  const clean: SceneMarkerUpdateInput = defined({
    id: checkId(input.id, "input.id"),
    title: input.title == null ? undefined : checkString(input.title, "input.title"),
    seconds: input.seconds,
    end_seconds: input.end_seconds,
    scene_id: optionalId(input.scene_id, "input.scene_id"),
    primary_tag_id: optionalId(input.primary_tag_id, "input.primary_tag_id"),
    tag_ids: tagIdList(input.tag_ids, "input.tag_ids"),
  });
  if (clean.seconds != null) checkSeconds(clean.seconds, clean.end_seconds, "input.");
  else if (clean.end_seconds != null) checkNonNegative(clean.end_seconds, "input.end_seconds");
  checkInputForServer("SceneMarkerUpdateInput", clean, "input", await serverVersion(core, options));
  const data = await core.request(SceneMarkerUpdateDocument, { input: clean }, options);
  return nonNull(data.sceneMarkerUpdate, "SceneMarkerUpdate");
}

/** Sets title, primary tag and tags (SET/ADD/REMOVE) on many markers at once (Stash v0.30+). */
export async function bulkSceneMarkerUpdate(
  core: StashCoreApi,
  input: BulkSceneMarkerUpdateInput,
  options?: CallOptions,
): Promise<SceneMarker[]> {
  checkKnownKeys(checkObject(input, "input"), fieldNames("BulkSceneMarkerUpdateInput"), "input");
  if (input.primary_tag_id === null) throw new StashValidationError("input.primary_tag_id", "cannot be cleared; a marker needs a primary tag");
  let tagIds: BulkSceneMarkerUpdateInput["tag_ids"];
  if (input.tag_ids != null) {
    checkKnownKeys(checkObject(input.tag_ids, "input.tag_ids"), fieldNames("BulkUpdateIds"), "input.tag_ids");
    tagIds = {
      mode: checkEnum(input.tag_ids.mode, BulkUpdateIdMode, "input.tag_ids.mode"),
      ids: checkIds(input.tag_ids.ids ?? [], "input.tag_ids.ids", { allowEmpty: true, allowDuplicates: true }),
    };
  }
  const clean: BulkSceneMarkerUpdateInput = defined({
    ids: checkIds(input.ids, "input.ids"),
    title: input.title == null ? undefined : checkString(input.title, "input.title"),
    primary_tag_id: optionalId(input.primary_tag_id, "input.primary_tag_id"),
    tag_ids: tagIds,
  });
  checkInputForServer("BulkSceneMarkerUpdateInput", clean, "input", await serverVersion(core, options));
  const data = await core.request(BulkSceneMarkerUpdateDocument, { input: clean }, options);
  return data.bulkSceneMarkerUpdate ?? [];
}

/** Deletes one marker; a missing id is the server's error. Returns true. */
export async function destroySceneMarker(core: StashCoreApi, id: ID, options?: CallOptions): Promise<boolean> {
  const data = await core.request(SceneMarkerDestroyDocument, { id: checkId(id, "id") }, options);
  return data.sceneMarkerDestroy;
}

/** Deletes several markers in one transaction: one missing id fails the whole call. */
export async function destroySceneMarkers(core: StashCoreApi, ids: readonly ID[], options?: CallOptions): Promise<boolean> {
  const data = await core.request(SceneMarkersDestroyDocument, { ids: checkIds(ids, "ids") }, options);
  return data.sceneMarkersDestroy;
}

/** A scene's markers grouped by primary tag. */
export async function sceneMarkerTags(core: StashCoreApi, sceneId: ID, options?: CallOptions): Promise<SceneMarkerTag[]> {
  const data = await core.request(SceneMarkerTagsDocument, { scene_id: checkId(sceneId, "sceneId") }, options);
  return data.sceneMarkerTags;
}

/** Up to 80 random markers, optionally matching `q`. */
export async function markerWall(core: StashCoreApi, q?: string, options?: CallOptions): Promise<SceneMarker[]> {
  const data = await core.request(MarkerWallDocument, q == null ? {} : { q: checkString(q, "q") }, options);
  return data.markerWall;
}

/** Marker titles with their counts; Stash's list type allows null entries, which are dropped. */
export async function markerStrings(core: StashCoreApi, args: MarkerStringsArgs = {}, options?: CallOptions): Promise<MarkerString[]> {
  checkKnownKeys(checkObject(args, "args"), ["q", "sort"], "args");
  const variables = defined({
    q: args.q == null ? undefined : checkString(args.q, "q"),
    sort: args.sort == null ? undefined : checkString(args.sort, "sort"),
  });
  const data = await core.request(MarkerStringsDocument, variables, options);
  return data.markerStrings.filter((entry): entry is MarkerString => entry !== null);
}

function nonNull<T>(value: T | null | undefined, operation: string): T {
  if (value === null || value === undefined) {
    throw emptyResultError(operation, "marker");
  }
  return value;
}

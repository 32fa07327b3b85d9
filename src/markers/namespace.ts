/**
 * `stash.markers`: scene markers under the entity namespace's method names.
 * Each method calls the same module function as the seed-named
 * `StashClient` methods (`findSceneMarkers`, `mergeSceneMarkers`, …).
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import type { BulkSceneMarkerUpdateInput, SceneMarkerCreateInput, SceneMarkerFilterType, SceneMarkerUpdateInput } from "../../generated/graphql";
import { checkId, checkKnownKeys, checkObject, type ID } from "../core/validate";
import { toBulkUpdateIds, type BulkIdsChange } from "../entities/bulk-modes";
import { relationId } from "../entities/input";
import type { FindManyArgs, FindManyResult } from "../entities/types";
import * as markers from "./markers";
import { iterateSceneMarkers } from "./iterate";
import { mergeSceneMarkers, type MergeSceneMarkersOptions, type MergeSceneMarkersResult } from "./merge";

/** What `markers.bulkUpdate` accepts: `tag_ids` may also be `{ add }`, `{ remove }` or `{ set }`. */
export type MarkerBulkUpdate = Omit<BulkSceneMarkerUpdateInput, "tag_ids"> & { readonly tag_ids?: BulkIdsChange | null };

/** Arguments of `markers.iterate`. */
export interface MarkerIterateArgs {
  /** Only `q` is used: the iterator sorts by id. */
  readonly filter?: markers.FindSceneMarkersArgs["filter"];
  readonly scene_marker_filter?: SceneMarkerFilterType;
  /** Markers per request; default 100. */
  readonly perPage?: number;
}

/**
 * The `stash.markers` namespace.
 *
 * @group Namespaces
 */
export interface MarkersNamespace {
  /** A marker by id, or `null`. */
  find(id: ID, options?: CallOptions): Promise<markers.SceneMarker | null>;
  /** One page of markers with the total count. */
  findMany(args?: FindManyArgs<"scene_marker_filter", SceneMarkerFilterType>, options?: CallOptions): Promise<FindManyResult<markers.SceneMarker>>;
  /** Every matching marker in id order, one page in memory at a time. */
  iterate(args?: MarkerIterateArgs, options?: CallOptions): AsyncIterableIterator<markers.SceneMarker>;
  /** Creates a marker. */
  create(input: SceneMarkerCreateInput, options?: CallOptions): Promise<markers.SceneMarker>;
  /** Updates a marker's set fields. */
  update(input: SceneMarkerUpdateInput, options?: CallOptions): Promise<markers.SceneMarker>;
  /** Applies one change to many markers (Stash v0.30+). */
  bulkUpdate(input: MarkerBulkUpdate, options?: CallOptions): Promise<markers.SceneMarker[]>;
  /** Deletes one marker or several (one transaction). */
  destroy(idOrIds: ID | readonly ID[], options?: CallOptions): Promise<boolean>;
  /** Copies the markers of source scenes onto a target scene, skipping ones it already has. */
  merge(targetId: ID, sourceIds: readonly ID[], mergeOptions?: MergeSceneMarkersOptions, options?: CallOptions): Promise<MergeSceneMarkersResult>;
  /** A scene's markers grouped by primary tag. */
  tags(sceneId: ID, options?: CallOptions): Promise<markers.SceneMarkerTag[]>;
  /** Up to 80 random markers matching `q`. */
  wall(q?: string, options?: CallOptions): Promise<markers.SceneMarker[]>;
  /** Marker titles with how many markers carry each. */
  strings(args?: markers.MarkerStringsArgs, options?: CallOptions): Promise<markers.MarkerString[]>;
}

/** Builds `stash.markers` over a core. */
export function createMarkers(core: StashCoreApi): MarkersNamespace {
  const findMany = async (args: FindManyArgs<"scene_marker_filter", SceneMarkerFilterType> = {}, options?: CallOptions) => {
    checkKnownKeys(checkObject(args, "args"), ["filter", "q", "ids", "scene_marker_filter"], "args");
    const { scene_marker_filter, ...rest } = args;
    const found = await markers.findSceneMarkers(core, { ...rest, ...(scene_marker_filter ? { markerFilter: scene_marker_filter } : {}) }, options);
    return { count: found.count, items: found.scene_markers };
  };
  return {
    find: async (id, options) => (await findMany({ ids: [checkId(id)] }, options)).items[0] ?? null,
    findMany,
    iterate: (args = {}, options) => {
      checkKnownKeys(checkObject(args, "args"), ["filter", "perPage", "scene_marker_filter"], "args");
      const { scene_marker_filter, ...rest } = args;
      return iterateSceneMarkers(core, { ...rest, ...(scene_marker_filter ? { markerFilter: scene_marker_filter } : {}) }, options);
    },
    create: (input, options) => markers.createSceneMarker(core, input, options),
    update: (input, options) => markers.updateSceneMarker(core, input, options),
    bulkUpdate: (input, options) => {
      const value = checkObject(input, "input");
      const tagIds = value["tag_ids"] == null ? value["tag_ids"] : toBulkUpdateIds(value["tag_ids"], "input.tag_ids", relationId);
      return markers.bulkSceneMarkerUpdate(core, { ...(input as BulkSceneMarkerUpdateInput), tag_ids: tagIds as BulkSceneMarkerUpdateInput["tag_ids"] }, options);
    },
    destroy: (idOrIds, options) =>
      Array.isArray(idOrIds) ? markers.destroySceneMarkers(core, idOrIds, options) : markers.destroySceneMarker(core, idOrIds as ID, options),
    merge: (targetId, sourceIds, mergeOptions, options) => mergeSceneMarkers(core, targetId, sourceIds, mergeOptions, options),
    tags: (sceneId, options) => markers.sceneMarkerTags(core, sceneId, options),
    wall: (q, options) => markers.markerWall(core, q, options),
    strings: (args, options) => markers.markerStrings(core, args, options),
  };
}

/**
 * `stash-graphql-client/markers`: scene markers (find, iterate, create,
 * update, destroy, merge), each a function taking a core first.
 */
export {
  findSceneMarkers,
  createSceneMarker,
  updateSceneMarker,
  bulkSceneMarkerUpdate,
  destroySceneMarker,
  destroySceneMarkers,
  sceneMarkerTags,
  markerWall,
  markerStrings,
  MARKER_SORTS,
  type SceneMarker,
  type SceneMarkerTag,
  type MarkerString,
  type FindSceneMarkersArgs,
  type FindSceneMarkersResult,
  type MarkerStringsArgs,
} from "../markers/markers";
export { iterateSceneMarkers, type IterateSceneMarkersArgs } from "../markers/iterate";
export {
  mergeSceneMarkers,
  type MergeSceneMarkersOptions,
  type MergeSceneMarkersResult,
  type MarkerSkipReason,
  type SkippedMarker,
  type PlannedMarker,
  type FailedMarker,
} from "../markers/merge";
export type { SceneMarkerDataFragment, SceneMarkerFilterType, SceneMarkerCreateInput, SceneMarkerUpdateInput } from "../../generated/graphql";

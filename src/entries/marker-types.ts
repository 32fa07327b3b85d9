/**
 * The marker sort names and types, shared by the main entry and `/markers`
 * (which adds the functions), so the list is kept once.
 */
export {
  MARKER_SORTS,
  type SceneMarker,
  type SceneMarkerTag,
  type MarkerString,
  type FindSceneMarkersArgs,
  type FindSceneMarkersResult,
  type MarkerStringsArgs,
} from "../markers/markers";
export type { IterateSceneMarkersArgs } from "../markers/iterate";
export type {
  MergeSceneMarkersOptions,
  MergeSceneMarkersResult,
  MarkerSkipReason,
  SkippedMarker,
  PlannedMarker,
  FailedMarker,
} from "../markers/merge";

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
} from "../markers/markers";
export { iterateSceneMarkers } from "../markers/iterate";
export { mergeSceneMarkers } from "../markers/merge";
export * from "./marker-types";
export type { SceneMarkerDataFragment, SceneMarkerFilterType, SceneMarkerCreateInput, SceneMarkerUpdateInput } from "../../generated/graphql";

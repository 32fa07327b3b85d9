/**
 * `stash-graphql-client/scenes`: scene reads and writes, plays and O
 * history, duplicates, each a function taking a core first
 * (`findScene(core, "42")`). The same functions back `StashClient`'s methods.
 */
export {
  findScene,
  findSceneByHash,
  findScenes,
  findScenesByPathRegex,
  sceneWall,
  sceneStreams,
  parseSceneFilenames,
  createScene,
  updateScene,
  scenesUpdate,
  bulkSceneUpdate,
  sceneDestroy,
  scenesDestroy,
  sceneMerge,
  type FindScenesArgs,
  type FindScenesResult,
  type SceneHashArgs,
  type SceneDestroyArgs,
  type ScenesDestroyArgs,
  type SceneMergeArgs,
  type ParseSceneFilenamesArgs,
  type ParseSceneFilenamesResult,
  type SceneStreamEndpoint,
} from "../scenes/scenes";
export { iterateScenes, SCENE_SORTS, type IterateScenesArgs, type IteratedScene } from "../scenes/iterate";
export {
  sceneAddO,
  sceneDeleteO,
  sceneResetO,
  sceneAddPlay,
  sceneDeletePlay,
  sceneResetPlayCount,
  sceneSaveActivity,
  sceneResetActivity,
  type HistoryTime,
  type HistoryMutationResult,
  type SceneActivity,
  type SceneActivityReset,
} from "../scenes/history";
export { sceneAssignFile, sceneGenerateScreenshot, type SceneAssignFileArgs } from "../scenes/files";
export {
  findDuplicateScenes,
  findDuplicateScenesWrapper,
  DUPLICATE_PRESETS,
  type SlimScene,
  type DuplicatePreset,
  type FindDuplicateScenesArgs,
  type FindDuplicateScenesWrapperArgs,
} from "../scenes/duplicates";
export {
  planDuplicateCleanup,
  applyDuplicateCleanup,
  CLEANUP_STRATEGIES,
  type CleanupStrategy,
  type CleanupScene,
  type DuplicateCleanupPlan,
  type PlanDuplicateCleanupOptions,
  type ApplyDuplicateCleanupOptions,
  type ApplyDuplicateCleanupResult,
} from "../scenes/duplicate-cleanup";
export type { SceneCreate, SceneUpdate, BulkSceneUpdate, SceneMergeValues } from "../scenes/input";
export type { SceneDataFragment, SlimSceneDataFragment, SceneFilterType, FindFilterType } from "../../generated/graphql";

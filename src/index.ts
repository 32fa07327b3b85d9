/**
 * stash-graphql-client: a typed client for the GraphQL API of Stash.
 * `StashClient` is the whole surface; typed documents for `request()` live in
 * `stash-graphql-client/operations`, the stand-in server in `/testing`.
 */
export { StashClient, type StashEnv } from "./stash-client";
export { StashCore, type CallOptions, type StashClientOptions } from "./client";
export type { RetryOptions } from "./retry";
export type { AnyVariables, TypedDocumentNode } from "../generated/typed-document";
export type { ResultError } from "./errors";
export type { FetchLike } from "./transport";
export { DEFAULT_URL, type Logger } from "./url";
export type { ID } from "./validate";
export { MINIMUM_STASH_VERSION, parseStashVersion, type Capabilities, type MissingOperation, type StashSemver } from "./capabilities";
export { methodSupport, type MethodSupport } from "./compat-report";
export { methodOperations } from "./compat-methods";
export {
  renderDuplicateReport,
  inlineScreenshots,
  type DuplicateReportOptions,
  type InlineImagesOptions,
  type InlineImagesResult,
  type InlineImageFailure,
  type ReportScene,
  type PlanLike,
  type ReportFile,
} from "./report";

export {
  StashError,
  StashGraphQLError,
  StashHttpError,
  StashAuthError,
  StashNetworkError,
  StashTimeoutError,
  StashAbortError,
  StashValidationError,
  StashUnsupportedError,
  type StashGraphQLErrorEntry,
  type SerializedStashError,
} from "./errors";

export type {
  FindScenesArgs,
  FindScenesResult,
  SceneHashArgs,
  SceneDestroyArgs,
  ScenesDestroyArgs,
  SceneMergeArgs,
  ParseSceneFilenamesArgs,
  ParseSceneFilenamesResult,
  SceneStreamEndpoint,
} from "./scenes";
export type {
  IdLike,
  SceneGroupLike,
  StashIdLike,
  SceneReadOnlyFields,
  SceneFields,
  SceneCreate,
  SceneUpdate,
  SceneMergeValues,
  BulkIdsLike,
  BulkUrlsLike,
  BulkSceneUpdate,
} from "./scene-input";
export type { HistoryTime, HistoryMutationResult, SceneActivity, SceneActivityReset } from "./scene-history";
export { SCENE_SORTS, type IterateScenesArgs, type IteratedScene } from "./pagination";
export type {
  SceneAssignFileArgs,
  ScraperSource,
  ScrapeSingleSceneArgs,
  ScrapeMultiScenesArgs,
  SceneScraper,
  StashVersion,
} from "./misc";

export {
  MARKER_SORTS,
  type SceneMarker,
  type SceneMarkerTag,
  type MarkerString,
  type FindSceneMarkersArgs,
  type FindSceneMarkersResult,
  type MarkerStringsArgs,
} from "./markers";
export type { IterateSceneMarkersArgs } from "./marker-pagination";
export type {
  MergeSceneMarkersOptions,
  MergeSceneMarkersResult,
  MarkerSkipReason,
  SkippedMarker,
  PlannedMarker,
  FailedMarker,
} from "./marker-merge";
export {
  DUPLICATE_PRESETS,
  type SlimScene,
  type DuplicatePreset,
  type FindDuplicateScenesArgs,
  type FindDuplicateScenesWrapperArgs,
} from "./duplicates";
export {
  CLEANUP_STRATEGIES,
  planDuplicateCleanup,
  type CleanupStrategy,
  type CleanupFile,
  type CleanupScene,
  type CleanupResult,
  type DuplicateMergeInput,
  type DuplicateCleanupGroup,
  type SkippedCleanupGroup,
  type DuplicateCleanupPlan,
  type PlanDuplicateCleanupOptions,
  type ApplyDuplicateCleanupOptions,
  type ApplyDuplicateCleanupResult,
} from "./duplicate-cleanup";

// Enum values as runtime const objects, e.g. CriterionModifier.INCLUDES, BulkUpdateIdMode.ADD.
export {
  BulkUpdateIdMode,
  CircumisedEnum,
  CriterionModifier,
  GenderEnum,
  OrientationEnum,
  ResolutionEnum,
  ScrapeType,
  SortDirectionEnum,
} from "../generated/graphql";

export type {
  SceneDataFragment,
  SlimSceneDataFragment,
  SceneMarkerDataFragment,
  VideoFileDataFragment,
  ScrapedSceneDataFragment,
  FindFilterType,
  SceneFilterType,
  SceneMarkerFilterType,
  SceneCreateInput,
  SceneUpdateInput,
  BulkSceneUpdateInput,
  SceneMergeInput,
  SceneDestroyInput,
  ScenesDestroyInput,
  SceneGroupInput,
  SceneHashInput,
  SceneParserInput,
  StashIDInput,
  SceneMarkerCreateInput,
  SceneMarkerUpdateInput,
  BulkSceneMarkerUpdateInput,
  BulkUpdateIds,
  BulkUpdateStrings,
  AssignSceneFileInput,
  ScraperSourceInput,
  ScrapeSingleSceneInput,
  ScrapeMultiScenesInput,
  ScrapedSceneInput,
  IntCriterionInput,
  FloatCriterionInput,
  StringCriterionInput,
  DateCriterionInput,
  TimestampCriterionInput,
  MultiCriterionInput,
  HierarchicalMultiCriterionInput,
  ResolutionCriterionInput,
  PhashDistanceCriterionInput,
  PHashDuplicationCriterionInput,
  StashIDCriterionInput,
  OrientationCriterionInput,
  FileFilterType,
  VideoFileFilterInput,
} from "../generated/graphql";

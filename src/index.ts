/**
 * stash-graphql-client: a typed client for the GraphQL API of Stash.
 * `StashClient` is the whole surface; typed documents for `request()` live in
 * `stash-graphql-client/operations`, the stand-in server in `/testing`.
 */
export { StashClient, type StashEnv } from "./stash-client";
export { StashCore, type CallOptions, type StashClientOptions, type StashCoreApi } from "./core/client";
export { operationNames, type OperationRunner, type StashOperations } from "../generated/ops";
export { DEFAULT_URL } from "./core/url";
export { MINIMUM_STASH_VERSION, parseStashVersion, type Capabilities, type MissingOperation, type StashSemver } from "./core/capabilities";
export { methodSupport, type MethodSupport } from "./core/compat-report";
export { methodOperations } from "../generated/method-operations";
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

export * from "./entries/shared";

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
} from "./scenes/scenes";
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
} from "./scenes/input";
export type { HistoryTime, HistoryMutationResult, SceneActivity, SceneActivityReset } from "./scenes/history";
export { SCENE_SORTS, type IterateScenesArgs, type IteratedScene } from "./scenes/iterate";
export type { SceneAssignFileArgs } from "./scenes/files";
export type { ScraperSource, ScrapeSingleSceneArgs, ScrapeMultiScenesArgs, SceneScraper } from "./scrapers/scene-scrapers";
export type { StashVersion } from "./system/version";
export { waitForJob, jobEnded, type Job, type WaitForJobOptions } from "./jobs/wait";
export type { JobUpdate, JobsNamespace } from "./jobs/jobs";
export type { MetadataNamespace } from "./metadata/metadata";
export type { ConfigNamespace, ConfigSection, ConfigUpdate, StashConfig } from "./config/config";
export type { Plugin, PluginSettings, PluginSettingsChange, PluginsNamespace, PluginTask } from "./plugins/plugins";
export type {
  BulkIdsChange,
  BulkStringsChange,
  CreatableNamespace,
  DestroyOptions,
  EntityBulkUpdate,
  EntityCreate,
  EntityNamespace,
  EntityTypes,
  EntityUpdate,
  FindManyArgs,
  FindManyResult,
  IterateArgs,
  Loose,
  LooseField,
  ReadOnlyOf,
  RelationAliases,
  RelationAliasMap,
} from "./entities/types";
export type { FindOrCreateResult } from "./entities/find-or-create";
export type { MergeArgs } from "./entities/merge";
export type { ScenesNamespace } from "./scenes/namespace";
export type { MarkerBulkUpdate, MarkerIterateArgs, MarkersNamespace } from "./markers/namespace";
export type { SlimTag, Tag, TagBulkUpdate, TagCreate, TagTypes, TagUpdate, TagsNamespace } from "./tags/tags";
export type { Performer, PerformerBulkUpdate, PerformerCreate, PerformerTypes, PerformerUpdate, PerformersNamespace, SlimPerformer } from "./performers/performers";
export type { SlimStudio, Studio, StudioBulkUpdate, StudioCreate, StudioTypes, StudioUpdate, StudiosNamespace } from "./studios/studios";
export type { GalleriesNamespace, Gallery, GalleryBulkUpdate, GalleryCreate, GalleryTypes, GalleryUpdate, SlimGallery } from "./galleries/galleries";
export type { ChaptersNamespace, GalleryChapter } from "./galleries/chapters";
export type { Image, ImageBulkUpdate, ImageTypes, ImageUpdate, ImagesNamespace, SlimImage } from "./images/images";
export type { Group, GroupBulkUpdate, GroupCreate, GroupTypes, GroupUpdate, GroupsNamespace, ReorderSubGroups, SlimGroup, SubGroupLike } from "./groups/groups";
export type { GroupScene, GroupScenes } from "./groups/group-scenes";
export type { SavedFilter, SavedFiltersNamespace } from "./saved-filters/saved-filters";
export type { FilesNamespace, StashFile, StashFolder } from "./files/files";
export type { ScrapedContent, Scraper, ScrapersNamespace } from "./scrapers/namespace";
export type { LatestVersion, LogEntry, StashStats, SystemNamespace, SystemStatus } from "./system/namespace";
export { JobStatus, JobStatusUpdateType } from "../generated/graphql";

export * from "./entries/marker-types";
export {
  DUPLICATE_PRESETS,
  type SlimScene,
  type DuplicatePreset,
  type FindDuplicateScenesArgs,
  type FindDuplicateScenesWrapperArgs,
} from "./scenes/duplicates";
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
} from "./scenes/duplicate-cleanup";

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

/**
 * `stash-graphql-client/testing`: a stand-in Stash server that executes the
 * committed schema over real HTTP, plus fixtures to fill it.
 */
export { startStandIn, type StandIn, type StandInOptions } from "./server";
export type {
  Fixture,
  FixtureFile,
  FixtureGallery,
  FixtureGalleryChapter,
  FixtureGalleryZip,
  FixtureGender,
  FixtureGroup,
  FixtureImage,
  FixtureImageFile,
  FixtureMarker,
  FixtureMediaMetadata,
  FixtureNamed,
  FixturePerformer,
  FixtureSavedFilter,
  FixtureScene,
  FixtureSceneGroup,
  FixtureStudio,
  FixtureSubGroup,
  FixtureTag,
  SeedResult,
} from "./fixture";
export type { FaultMatch, FaultSpec, FaultStatus, FaultController } from "./faults";
export type { RequestLogEntry } from "./stats";
export { schemaSnapshots } from "./schemas";
export { generateLibrary, type GenerateOptions, type GeneratedLibrary, type PlantedDuplicateGroup } from "./generate";
export { screenshotPng } from "./images";
export type {
  StandInPlugin,
  StandInPluginHook,
  StandInPluginSetting,
  StandInPluginTask,
} from "./plugin-defs";
export type { PluginRun, PluginRunKind, StandInPlugins, VisitedPluginHook } from "./plugins";
export type { GoCookie, PluginInput, PluginLogLevel, PluginLogLine, ServerConnection } from "./plugin-runner";
export type { ConfigInput, ConfigStore, Credentials } from "./config";
export type { ConfigData, ConfigOverrides, Section as ConfigSection } from "./config-defaults";
export type { SessionStore } from "./sessions";
export type { StaticAsset, StaticRoutes } from "./static-routes";
export type { JobClock, JobClockOptions } from "./clock";
export type { JobHandle, JobManager, JobRun, JobStatus, JobUpdate, JobView, JobsController } from "./jobs";
export type { LogBuffer, LogEntry, LogLevel } from "./logs";

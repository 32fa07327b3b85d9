/**
 * `stash-graphql-client/testing`: a stand-in Stash server that executes the
 * committed schema over real HTTP, plus fixtures to fill it.
 */
export { startStandIn, type StandIn, type StandInOptions } from "./server";
export type {
  Fixture,
  FixtureFile,
  FixtureMarker,
  FixtureNamed,
  FixturePerformer,
  FixtureScene,
  FixtureSceneGroup,
  FixtureStudio,
  FixtureTag,
  SeedResult,
} from "./fixture";
export type { FaultMatch, FaultSpec, FaultStatus, FaultController } from "./faults";
export type { RequestLogEntry } from "./stats";
export { schemaSnapshots } from "./schemas";
export { generateLibrary, type GenerateOptions, type GeneratedLibrary, type PlantedDuplicateGroup } from "./generate";
export { screenshotPng } from "./images";

/**
 * `StashClient`: the whole public surface in one class. Each method is a thin
 * delegate to a module function taking the core first, so every concern
 * (input conversion, paging, histories, markers, duplicates) lives in its own
 * small file and can be used without the class.
 */
import { StashCore, type CallOptions, type StashClientOptions } from "./core/client";
import { StashValidationError } from "./core/errors";
import type { FindFilterType, SceneDataFragment, ScrapedSceneDataFragment } from "../generated/graphql";
import * as scenes from "./scenes/scenes";
import * as history from "./scenes/history";
import * as sceneFiles from "./scenes/files";
import * as sceneScrapers from "./scrapers/scene-scrapers";
import * as system from "./system/version";
import * as markers from "./markers/markers";
import * as markerMerge from "./markers/merge";
import * as markerPages from "./markers/iterate";
import * as duplicates from "./scenes/duplicates";
import * as cleanup from "./scenes/duplicate-cleanup";
import { iterateScenes, type IteratedScene, type IterateScenesArgs } from "./scenes/iterate";
import type { BulkSceneUpdate, SceneCreate, SceneUpdate } from "./scenes/input";
import type { ID } from "./core/validate";
import { createJobs, type JobsNamespace } from "./jobs/jobs";
import { createMetadata, type MetadataNamespace } from "./metadata/metadata";
import { createConfig, type ConfigNamespace } from "./config/config";
import { createPlugins, type PluginsNamespace } from "./plugins/plugins";
import { createScenes, type ScenesNamespace } from "./scenes/namespace";
import { createMarkers, type MarkersNamespace } from "./markers/namespace";
import { createTags, type TagsNamespace } from "./tags/tags";
import { createPerformers, type PerformersNamespace } from "./performers/performers";
import { createStudios, type StudiosNamespace } from "./studios/studios";
import { createGalleries, type GalleriesNamespace } from "./galleries/galleries";
import { createImages, type ImagesNamespace } from "./images/images";
import { createGroups, type GroupsNamespace } from "./groups/groups";
import { createSavedFilters, type SavedFiltersNamespace } from "./saved-filters/saved-filters";
import { createFiles, type FilesNamespace } from "./files/files";
import { createScrapers, type ScrapersNamespace } from "./scrapers/namespace";
import { createSystem, type SystemNamespace } from "./system/namespace";
import { pluginClientOptions, type PluginClientOptions } from "./plugin/connection";
import type { PluginInput } from "./plugin/input";

/** Environment variables `StashClient.fromEnv` reads. */
export interface StashEnv {
  STASH_URL?: string;
  STASH_API_KEY?: string;
  STASH_TIMEOUT_MS?: string;
  [name: string]: string | undefined;
}

/** A typed client for Stash's GraphQL API. Every method takes an optional last `CallOptions` (`{ signal, timeoutMs, retry }`). */
export class StashClient extends StashCore {
  // The facade probes the server once before its first call, so an old server fails clearly instead of with a 422.
  protected static override readonly checksCompatibilityByDefault: boolean = true;

  /** Stash's job queue: `list`, `find`, `stop`, `stopAll`, `updates`, and `wait(id)` for a job to end. */
  readonly jobs: JobsNamespace = createJobs(this);

  /** Metadata tasks (`scan`, `generate`, `autoTag`, `identify`, `clean`, …) returning job ids, and `…AndWait` forms. */
  readonly metadata: MetadataNamespace = createMetadata(this);

  /** Stash's configuration: `get()`, and `update({ general, interface, … })` sending only the keys that changed. */
  readonly config: ConfigNamespace = createConfig(this);

  /** Plugins: `list`, `tasks`, `run` (job id), `runOperation`, `settings`, and `configure`, which merges instead of replacing. */
  readonly plugins: PluginsNamespace = createPlugins(this);

  /** Scenes: `find`, `findMany`, `iterate`, `create`, `update`, `bulkUpdate`, `destroy`, `merge`, plays and O history. */
  readonly scenes: ScenesNamespace = createScenes(this);

  /** Scene markers: `find`, `findMany`, `iterate`, `create`, `update`, `bulkUpdate`, `destroy`, `merge`. */
  readonly markers: MarkersNamespace = createMarkers(this);

  /** Tags: the entity methods, `findOrCreate`, `merge`, `ancestors` and `descendants`. */
  readonly tags: TagsNamespace = createTags(this);

  /** Performers: the entity methods and `findOrCreate`. */
  readonly performers: PerformersNamespace = createPerformers(this);

  /** Studios: the entity methods, `findOrCreate`, `parents`, `children` and `descendants`. */
  readonly studios: StudiosNamespace = createStudios(this);

  /** Galleries: the entity methods, images in a gallery, its cover and `chapters`. */
  readonly galleries: GalleriesNamespace = createGalleries(this);

  /** Images: the entity methods (a scan creates images) and the O counter. */
  readonly images: ImagesNamespace = createImages(this);

  /** Groups: the entity methods, sub-groups, and the scenes in a group with their index. */
  readonly groups: GroupsNamespace = createGroups(this);

  /** Saved filters: `find`, `list`, `save`, `destroy`. */
  readonly savedFilters: SavedFiltersNamespace = createSavedFilters(this);

  /** Files and folders: `find`, `findMany`, `folder`, `move`, `delete`, `setFingerprints`. */
  readonly files: FilesNamespace = createFiles(this);

  /** Scrapers: `list`, `reload`, `scrapeURL`, and scene scraping. */
  readonly scrapers: ScrapersNamespace = createScrapers(this);

  /** The server: `version`, `status`, `stats`, `latestVersion`, `logs`. */
  readonly system: SystemNamespace = createSystem(this);

  /**
   * A client for the Stash that started a plugin, from its stdin input: Host `0.0.0.0`/`::` mapped to
   * loopback, the session cookie sent, and the API key too when given (option or `STASH_API_KEY`).
   */
  static fromPluginInput(input: PluginInput, options: PluginClientOptions = {}): StashClient {
    return new StashClient(pluginClientOptions(input, options));
  }

  /** Builds a client from `STASH_URL`, `STASH_API_KEY` and `STASH_TIMEOUT_MS`; `overrides` win over the environment. */
  static fromEnv(env: StashEnv = process.env, overrides: StashClientOptions = {}): StashClient {
    const options: StashClientOptions = {};
    const url = env.STASH_URL?.trim();
    const apiKey = env.STASH_API_KEY?.trim();
    const timeout = env.STASH_TIMEOUT_MS?.trim();
    if (url) options.url = url;
    if (apiKey) options.apiKey = apiKey;
    if (timeout) {
      const ms = Number(timeout);
      if (!Number.isFinite(ms) || ms < 0) throw new StashValidationError("STASH_TIMEOUT_MS", `must be a number of milliseconds, got "${timeout}"`);
      options.timeoutMs = ms;
    }
    return new StashClient({ ...options, ...overrides });
  }

  // Scenes: reads

  /** A scene by id, or `null` when there is none. */
  findScene(id: ID, options?: CallOptions): Promise<SceneDataFragment | null> {
    return scenes.findScene(this, id, options);
  }

  /** A scene by a file's MD5 `checksum` or `oshash`, or `null`. */
  findSceneByHash(hash: scenes.SceneHashArgs, options?: CallOptions): Promise<SceneDataFragment | null> {
    return scenes.findSceneByHash(this, hash, options);
  }

  /** One page of scenes (Stash's default page size unless `filter.per_page` says otherwise) with totals. */
  findScenes(args?: scenes.FindScenesArgs, options?: CallOptions): Promise<scenes.FindScenesResult> {
    return scenes.findScenes(this, args, options);
  }

  /** Every matching scene, one page at a time; by default in id order with an id cursor. */
  iterateScenes<F extends "slim" | "full" = "slim">(args?: IterateScenesArgs<F>, options?: CallOptions): AsyncIterableIterator<IteratedScene<F>> {
    return iterateScenes(this, args, options);
  }

  /** Scenes whose file path matches the regex in `filter.q`. */
  findScenesByPathRegex(filter: FindFilterType, options?: CallOptions): Promise<scenes.FindScenesResult> {
    return scenes.findScenesByPathRegex(this, filter, options);
  }

  /** Up to 80 random scenes whose details contain `q`. */
  sceneWall(q?: string, options?: CallOptions): Promise<SceneDataFragment[]> {
    return scenes.sceneWall(this, q, options);
  }

  /** The stream endpoints of a scene, direct stream first. */
  sceneStreams(sceneId: ID, options?: CallOptions): Promise<scenes.SceneStreamEndpoint[]> {
    return scenes.sceneStreams(this, sceneId, options);
  }

  /** Scene fields proposed from file names by the pattern in `filter.q`. */
  parseSceneFilenames(args: scenes.ParseSceneFilenamesArgs, options?: CallOptions): Promise<scenes.ParseSceneFilenamesResult> {
    return scenes.parseSceneFilenames(this, args, options);
  }

  // Scenes: writes

  /** Creates a scene. */
  createScene(scene: SceneCreate, options?: CallOptions): Promise<SceneDataFragment> {
    return scenes.createScene(this, scene, options);
  }

  /** Updates the fields that are set (`null` clears, `[]` empties a list); accepts a modified fetched scene. */
  updateScene(scene: SceneUpdate, options?: CallOptions): Promise<SceneDataFragment> {
    return scenes.updateScene(this, scene, options);
  }

  /** Updates several scenes in one all-or-nothing transaction. */
  scenesUpdate(updates: readonly SceneUpdate[], options?: CallOptions): Promise<SceneDataFragment[]> {
    return scenes.scenesUpdate(this, updates, options);
  }

  /** Applies one change to many scenes; relationships take `{ ids, mode }`. */
  bulkSceneUpdate(update: BulkSceneUpdate, options?: CallOptions): Promise<SceneDataFragment[]> {
    return scenes.bulkSceneUpdate(this, update, options);
  }

  /** Deletes a scene; files stay on disk unless `delete_file: true`. */
  sceneDestroy(args: scenes.SceneDestroyArgs, options?: CallOptions): Promise<boolean> {
    return scenes.sceneDestroy(this, args, options);
  }

  /** Deletes several scenes in one transaction; files stay on disk unless `delete_file: true`. */
  scenesDestroy(args: scenes.ScenesDestroyArgs, options?: CallOptions): Promise<boolean> {
    return scenes.scenesDestroy(this, args, options);
  }

  /** Merges source scenes into the destination and returns it. */
  sceneMerge(args: scenes.SceneMergeArgs, options?: CallOptions): Promise<SceneDataFragment> {
    return scenes.sceneMerge(this, args, options);
  }

  /** Starts a screenshot job for a scene; returns the job id. */
  sceneGenerateScreenshot(id: ID, at?: number, options?: CallOptions): Promise<string> {
    return sceneFiles.sceneGenerateScreenshot(this, id, at, options);
  }

  /** Moves a file to a scene. */
  sceneAssignFile(args: sceneFiles.SceneAssignFileArgs, options?: CallOptions): Promise<boolean> {
    return sceneFiles.sceneAssignFile(this, args, options);
  }

  // Play, O and activity

  /** Adds O entries (now, or one per time). */
  sceneAddO(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult> {
    return history.sceneAddO(this, id, times, options);
  }

  /** Removes O entries (the newest, or one per time). */
  sceneDeleteO(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult> {
    return history.sceneDeleteO(this, id, times, options);
  }

  /** Deletes the whole O history; returns 0. */
  sceneResetO(id: ID, options?: CallOptions): Promise<number> {
    return history.sceneResetO(this, id, options);
  }

  /** Adds plays (now, or one per time). */
  sceneAddPlay(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult> {
    return history.sceneAddPlay(this, id, times, options);
  }

  /** Removes plays (the newest, or one per time). */
  sceneDeletePlay(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult> {
    return history.sceneDeletePlay(this, id, times, options);
  }

  /** Deletes the whole play history; returns 0. */
  sceneResetPlayCount(id: ID, options?: CallOptions): Promise<number> {
    return history.sceneResetPlayCount(this, id, options);
  }

  /** Saves the resume point and/or adds played seconds. */
  sceneSaveActivity(id: ID, activity: history.SceneActivity, options?: CallOptions): Promise<boolean> {
    return history.sceneSaveActivity(this, id, activity, options);
  }

  /** Zeroes the resume point and/or the play duration. */
  sceneResetActivity(id: ID, reset: history.SceneActivityReset, options?: CallOptions): Promise<boolean> {
    return history.sceneResetActivity(this, id, reset, options);
  }

  // Markers

  /** One page of markers with the total count. */
  findSceneMarkers(args?: markers.FindSceneMarkersArgs, options?: CallOptions): Promise<markers.FindSceneMarkersResult> {
    return markers.findSceneMarkers(this, args, options);
  }

  /** Every matching marker, one page at a time. */
  iterateSceneMarkers(args?: markerPages.IterateSceneMarkersArgs, options?: CallOptions): AsyncIterableIterator<markers.SceneMarker> {
    return markerPages.iterateSceneMarkers(this, args, options);
  }

  /** Creates a marker. */
  createSceneMarker(input: Parameters<typeof markers.createSceneMarker>[1], options?: CallOptions): Promise<markers.SceneMarker> {
    return markers.createSceneMarker(this, input, options);
  }

  /** Updates a marker's set fields. */
  updateSceneMarker(input: Parameters<typeof markers.updateSceneMarker>[1], options?: CallOptions): Promise<markers.SceneMarker> {
    return markers.updateSceneMarker(this, input, options);
  }

  /** Applies one change to many markers (Stash v0.30+). */
  bulkSceneMarkerUpdate(input: Parameters<typeof markers.bulkSceneMarkerUpdate>[1], options?: CallOptions): Promise<markers.SceneMarker[]> {
    return markers.bulkSceneMarkerUpdate(this, input, options);
  }

  /** Deletes a marker. */
  destroySceneMarker(id: ID, options?: CallOptions): Promise<boolean> {
    return markers.destroySceneMarker(this, id, options);
  }

  /** Deletes several markers in one transaction. */
  destroySceneMarkers(ids: readonly ID[], options?: CallOptions): Promise<boolean> {
    return markers.destroySceneMarkers(this, ids, options);
  }

  /** A scene's markers grouped by primary tag. */
  sceneMarkerTags(sceneId: ID, options?: CallOptions): Promise<markers.SceneMarkerTag[]> {
    return markers.sceneMarkerTags(this, sceneId, options);
  }

  /** Up to 80 random markers matching `q`. */
  markerWall(q?: string, options?: CallOptions): Promise<markers.SceneMarker[]> {
    return markers.markerWall(this, q, options);
  }

  /** Marker titles with how many markers carry each. */
  markerStrings(args?: markers.MarkerStringsArgs, options?: CallOptions): Promise<markers.MarkerString[]> {
    return markers.markerStrings(this, args, options);
  }

  /** Copies the markers of source scenes onto a target scene, skipping ones it already has. */
  mergeSceneMarkers(
    targetId: ID,
    sourceIds: readonly ID[],
    mergeOptions?: markerMerge.MergeSceneMarkersOptions,
    options?: CallOptions,
  ): Promise<markerMerge.MergeSceneMarkersResult> {
    return markerMerge.mergeSceneMarkers(this, targetId, sourceIds, mergeOptions, options);
  }

  // Duplicates

  /** Groups of perceptual duplicates, as the server computes them. */
  findDuplicateScenes(args?: duplicates.FindDuplicateScenesArgs, options?: CallOptions): Promise<duplicates.SlimScene[][]> {
    return duplicates.findDuplicateScenes(this, args, options);
  }

  /** `findDuplicateScenes` with checked arguments, presets and exact matches by default. */
  findDuplicateScenesWrapper(args?: duplicates.FindDuplicateScenesWrapperArgs, options?: CallOptions): Promise<duplicates.SlimScene[][]> {
    return duplicates.findDuplicateScenesWrapper(this, args, options);
  }

  /** Decides, without any request, which scene of each duplicate group to keep. */
  planDuplicateCleanup<S extends cleanup.CleanupScene>(
    groups: readonly (readonly S[])[],
    planOptions: cleanup.PlanDuplicateCleanupOptions,
  ): cleanup.DuplicateCleanupPlan<S> {
    return cleanup.planDuplicateCleanup(groups, planOptions);
  }

  /** Carries out a cleanup plan by merging each group into its keeper. */
  applyDuplicateCleanup(
    plan: cleanup.DuplicateCleanupPlan<cleanup.CleanupScene>,
    applyOptions?: cleanup.ApplyDuplicateCleanupOptions,
    options?: CallOptions,
  ): Promise<cleanup.ApplyDuplicateCleanupResult> {
    return cleanup.applyDuplicateCleanup(this, plan, applyOptions, options);
  }

  // Scrapers and server

  /** Asks one scraper about one scene. */
  scrapeSingleScene(source: sceneScrapers.ScraperSource, input: sceneScrapers.ScrapeSingleSceneArgs, options?: CallOptions): Promise<ScrapedSceneDataFragment[]> {
    return sceneScrapers.scrapeSingleScene(this, source, input, options);
  }

  /** Asks a scraper about several stored scenes. */
  scrapeMultiScenes(source: sceneScrapers.ScraperSource, input: sceneScrapers.ScrapeMultiScenesArgs, options?: CallOptions): Promise<ScrapedSceneDataFragment[][]> {
    return sceneScrapers.scrapeMultiScenes(this, source, input, options);
  }

  /** Scrapes a scene page by URL; `null` when no scraper handles it. */
  scrapeSceneURL(url: string, options?: CallOptions): Promise<ScrapedSceneDataFragment | null> {
    return sceneScrapers.scrapeSceneURL(this, url, options);
  }

  /** The configured scene scrapers. */
  listSceneScrapers(options?: CallOptions): Promise<sceneScrapers.SceneScraper[]> {
    return sceneScrapers.listSceneScrapers(this, options);
  }

  /** The server's version, e.g. `{ version: "v0.30.1", hash, build_time }`. */
  version(options?: CallOptions): Promise<system.StashVersion> {
    return system.version(this, options);
  }
}

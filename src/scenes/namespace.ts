/**
 * `stash.scenes`: scenes under the same method names as every other entity
 * namespace (find, findMany, iterate, create, update, bulkUpdate, destroy,
 * merge) plus what only scenes have. Each method calls the same module
 * function the seed-named `StashClient` methods call, so both spellings
 * behave identically.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import type { SceneDataFragment, SceneFilterType } from "../../generated/graphql";
import { checkKnownKeys, checkObject, type ID } from "../core/validate";
import type { DestroyOptions, FindManyArgs, FindManyResult, IterateArgs } from "../entities/types";
import * as scenes from "./scenes";
import * as history from "./history";
import * as files from "./files";
import { iterateScenes, type IteratedScene } from "./iterate";
import type { BulkSceneUpdate, SceneCreate, SceneUpdate } from "./input";

/**
 * The `stash.scenes` namespace.
 *
 * @group Namespaces
 */
export interface ScenesNamespace {
  /** A scene by id, or `null`. */
  find(id: ID, options?: CallOptions): Promise<SceneDataFragment | null>;
  /** A scene by a file's MD5 `checksum` or `oshash`, or `null`. */
  findByHash(hash: scenes.SceneHashArgs, options?: CallOptions): Promise<SceneDataFragment | null>;
  /** One page of scenes with `count`, `duration` and `filesize` over all matches. */
  findMany(
    args?: FindManyArgs<"scene_filter", SceneFilterType>,
    options?: CallOptions,
  ): Promise<FindManyResult<SceneDataFragment, { readonly duration: number; readonly filesize: number }>>;
  /** Every matching scene in id order (by default), one page in memory at a time. */
  iterate<F extends "slim" | "full" = "slim">(args?: IterateArgs<"scene_filter", SceneFilterType, F>, options?: CallOptions): AsyncIterableIterator<IteratedScene<F>>;
  /** Creates a scene. */
  create(scene: SceneCreate, options?: CallOptions): Promise<SceneDataFragment>;
  /** Updates the set fields (`null` clears, `[]` empties); accepts a modified fetched scene. */
  update(scene: SceneUpdate, options?: CallOptions): Promise<SceneDataFragment>;
  /** Updates several scenes in one all-or-nothing transaction. */
  updateMany(updates: readonly SceneUpdate[], options?: CallOptions): Promise<SceneDataFragment[]>;
  /** Applies one change to many scenes; relations take `{ add }`, `{ remove }` or `{ set }`. */
  bulkUpdate(update: BulkSceneUpdate, options?: CallOptions): Promise<SceneDataFragment[]>;
  /** Deletes one scene or several; files stay on disk unless `delete_file: true`. */
  destroy(idOrIds: ID | readonly ID[], options?: DestroyOptions): Promise<boolean>;
  /** Merges source scenes into the destination and returns it. */
  merge(args: scenes.SceneMergeArgs, options?: CallOptions): Promise<SceneDataFragment>;
  /** Up to 80 random scenes whose details contain `q`. */
  wall(q?: string, options?: CallOptions): Promise<SceneDataFragment[]>;
  /** The stream endpoints of a scene, direct stream first. */
  streams(id: ID, options?: CallOptions): Promise<scenes.SceneStreamEndpoint[]>;
  /** Starts a screenshot job; returns the job id. */
  generateScreenshot(id: ID, at?: number, options?: CallOptions): Promise<string>;
  /** Moves a file to a scene. */
  assignFile(args: files.SceneAssignFileArgs, options?: CallOptions): Promise<boolean>;
  /** Adds O entries (now, or one per time). */
  addO(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult>;
  /** Removes O entries (the newest, or one per time). */
  removeO(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult>;
  /** Deletes the whole O history; returns 0. */
  resetO(id: ID, options?: CallOptions): Promise<number>;
  /** Adds plays (now, or one per time). */
  addPlay(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult>;
  /** Removes plays (the newest, or one per time). */
  removePlay(id: ID, times?: readonly history.HistoryTime[], options?: CallOptions): Promise<history.HistoryMutationResult>;
  /** Saves the resume point and/or adds played seconds. */
  saveActivity(id: ID, activity: history.SceneActivity, options?: CallOptions): Promise<boolean>;
}

/** Builds `stash.scenes` over a core. */
export function createScenes(core: StashCoreApi): ScenesNamespace {
  return {
    find: (id, options) => scenes.findScene(core, id, options),
    findByHash: (hash, options) => scenes.findSceneByHash(core, hash, options),
    findMany: async (args = {}, options) => {
      const input = checkObject(args, "args");
      checkKnownKeys(input, ["filter", "q", "ids", "scene_filter"], "args");
      const { scene_filter, ...rest } = args;
      const found = await scenes.findScenes(core, { ...rest, ...(scene_filter ? { sceneFilter: scene_filter } : {}) }, options);
      const { scenes: items, ...totals } = found;
      return { ...totals, items };
    },
    iterate: <F extends "slim" | "full" = "slim">(args: IterateArgs<"scene_filter", SceneFilterType, F> = {}, options?: CallOptions) => {
      checkKnownKeys(checkObject(args, "args"), ["filter", "perPage", "fragment", "scene_filter"], "args");
      const { scene_filter, ...rest } = args;
      return iterateScenes<F>(core, { ...rest, ...(scene_filter ? { sceneFilter: scene_filter } : {}) }, options);
    },
    create: (scene, options) => scenes.createScene(core, scene, options),
    update: (scene, options) => scenes.updateScene(core, scene, options),
    updateMany: (updates, options) => scenes.scenesUpdate(core, updates, options),
    bulkUpdate: (update, options) => scenes.bulkSceneUpdate(core, update, options),
    destroy: (idOrIds, options = {}) => {
      const { delete_file, delete_generated, ...call } = checkObject(options, "options") as DestroyOptions;
      const flags = { ...(delete_file === undefined ? {} : { delete_file }), ...(delete_generated === undefined ? {} : { delete_generated }) };
      return Array.isArray(idOrIds)
        ? scenes.scenesDestroy(core, { ids: idOrIds, ...flags }, call)
        : scenes.sceneDestroy(core, { id: idOrIds as ID, ...flags }, call);
    },
    merge: (args, options) => scenes.sceneMerge(core, args, options),
    wall: (q, options) => scenes.sceneWall(core, q, options),
    streams: (id, options) => scenes.sceneStreams(core, id, options),
    generateScreenshot: (id, at, options) => files.sceneGenerateScreenshot(core, id, at, options),
    assignFile: (args, options) => files.sceneAssignFile(core, args, options),
    addO: (id, times, options) => history.sceneAddO(core, id, times, options),
    removeO: (id, times, options) => history.sceneDeleteO(core, id, times, options),
    resetO: (id, options) => history.sceneResetO(core, id, options),
    addPlay: (id, times, options) => history.sceneAddPlay(core, id, times, options),
    removePlay: (id, times, options) => history.sceneDeletePlay(core, id, times, options),
    saveActivity: (id, activity, options) => history.sceneSaveActivity(core, id, activity, options),
  };
}

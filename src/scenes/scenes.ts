/**
 * Scene reads and writes. Each function takes the core first so `StashClient`
 * stays a thin list of methods. Reads return `null` only where Stash itself
 * says "not found"; every other failure throws.
 */
import { guardPartialDates } from "../core/partial-dates";
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError, StashValidationError } from "../core/errors";
import {
  BulkSceneUpdateDocument,
  FindSceneByHashDocument,
  FindSceneDocument,
  FindScenesByPathRegexDocument,
  FindScenesDocument,
  ParseSceneFilenamesDocument,
  SceneCreateDocument,
  SceneDestroyDocument,
  SceneMergeDocument,
  SceneStreamsDocument,
  SceneUpdateDocument,
  SceneWallDocument,
  ScenesDestroyDocument,
  ScenesUpdateDocument,
  type FindFilterType,
  type FindScenesQuery,
  type ParseSceneFilenamesQuery,
  type SceneDataFragment,
  type SceneFilterType,
  type SceneMergeInput,
  type SceneParserInput,
  type SceneStreamsQuery,
} from "../../generated/graphql";
import { checkFilterTree, checkFindFilter, mergeQuery } from "../core/find-filter";
import { checkSortForServer, knownSorts } from "../core/sorts";
import { serverVersion } from "../core/server-version";
import { checkInputForServer, fieldNames } from "../core/input-fields";
import {
  toBulkSceneUpdateInput,
  toSceneCreateInput,
  toSceneMergeValues,
  toSceneUpdateInput,
  type BulkSceneUpdate,
  type SceneCreate,
  type SceneMergeValues,
  type SceneUpdate,
} from "./input";
import { checkBoolean, checkId, checkIds, checkKnownKeys, checkObject, checkString, type ID } from "../core/validate";

/** A page of scenes with totals over all matches. */
export type FindScenesResult = FindScenesQuery["findScenes"];

/** Arguments of `findScenes`. */
export interface FindScenesArgs {
  /** Paging, sort and search. Without `per_page` Stash returns its default page (25), not the whole library. */
  filter?: FindFilterType;
  sceneFilter?: SceneFilterType;
  /** A search; the same as `filter.q`. */
  q?: string;
  /** Exactly these scenes, in this order; cannot be combined with filters, which Stash would ignore. */
  ids?: readonly ID[];
}

/** A file hash to look a scene up by; at least one is required. MD5 is tried first. */
export interface SceneHashArgs {
  checksum?: string;
  oshash?: string;
}

/** Arguments of `sceneDestroy`. */
export interface SceneDestroyArgs {
  id: ID;
  /** Delete the scene's files from disk (unless another scene shares them). Default false. */
  delete_file?: boolean;
  /** Delete generated previews, sprites and the like. Default true. */
  delete_generated?: boolean;
}

/** Arguments of `scenesDestroy`. */
export interface ScenesDestroyArgs {
  ids: readonly ID[];
  /** Default false. */
  delete_file?: boolean;
  /** Default true. */
  delete_generated?: boolean;
}

/** Arguments of `sceneMerge`. */
export interface SceneMergeArgs {
  source: readonly ID[];
  destination: ID;
  /** Changes applied to the destination; unset fields keep the destination's value. */
  values?: SceneMergeValues;
  /** Append the sources' play histories to the destination's. */
  play_history?: boolean;
  /** Append the sources' O histories to the destination's. */
  o_history?: boolean;
}

/** Arguments of `parseSceneFilenames`. */
export interface ParseSceneFilenamesArgs {
  /** `filter.q` is the pattern, e.g. `{title}.{ext}`; paging as in findScenes. */
  filter: FindFilterType;
  config?: SceneParserInput;
}

/** What `parseSceneFilenames` returns. */
export type ParseSceneFilenamesResult = ParseSceneFilenamesQuery["parseSceneFilenames"];

/** One way to stream a scene. */
export type SceneStreamEndpoint = SceneStreamsQuery["sceneStreams"][number];

/** Guards a nullable mutation result: Stash only sends null alongside an error, which `request` already threw. */
function present<T>(value: T | null | undefined, operation: string): T {
  if (value === null || value === undefined) {
    throw emptyResultError(operation, "result");
  }
  return value;
}

/** Finds a scene by id; `null` when there is none. */
export async function findScene(core: StashCoreApi, id: ID, options?: CallOptions): Promise<SceneDataFragment | null> {
  return (await core.request(FindSceneDocument, { id: checkId(id) }, options)).findScene;
}

/** Finds a scene by a file's MD5 checksum or oshash; `null` when none matches. */
export async function findSceneByHash(core: StashCoreApi, hash: SceneHashArgs, options?: CallOptions): Promise<SceneDataFragment | null> {
  const input = checkObject(hash, "hash");
  checkKnownKeys(input, fieldNames("SceneHashInput"), "hash");
  const out: { checksum?: string; oshash?: string } = {};
  for (const key of fieldNames("SceneHashInput")) {
    if (input[key] == null) continue;
    const value = checkString(input[key], `hash.${key}`, { nonEmpty: true }).trim();
    if (!/^[0-9a-f]+$/i.test(value)) throw new StashValidationError(`hash.${key}`, `"${value}" is not a hexadecimal hash`);
    out[key] = value;
  }
  if (!out.checksum && !out.oshash) throw new StashValidationError("hash", "give checksum or oshash");
  return (await core.request(FindSceneByHashDocument, { input: out }, options)).findSceneByHash;
}

/** Finds scenes by filter, search or ids, with totals over all matches. */
export async function findScenes(core: StashCoreApi, args: FindScenesArgs = {}, options?: CallOptions): Promise<FindScenesResult> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, ["filter", "sceneFilter", "q", "ids"], "args");
  if (input["ids"] != null) {
    const ignored = (["filter", "sceneFilter", "q"] as const).filter((k) => input[k] != null);
    if (ignored.length > 0) {
      throw new StashValidationError("ids", `cannot be combined with ${ignored.join(", ")}: Stash ignores filters when ids are given`);
    }
    const ids = checkIds(input["ids"], "ids");
    return (await core.request(FindScenesDocument, { ids }, options)).findScenes;
  }
  const filter = mergeQuery(checkFindFilter(args.filter, "filter", { sorts: knownSorts("scenes") }), args.q);
  const sceneFilter = checkFilterTree(args.sceneFilter, "sceneFilter");
  checkSortForServer(filter?.sort, "filter.sort", "scenes", await serverVersion(core, options));
  const variables = { ...(filter ? { filter } : {}), ...(sceneFilter ? { scene_filter: sceneFilter } : {}) };
  return (await core.request(FindScenesDocument, variables, options)).findScenes;
}

/** Finds scenes whose file paths match a regular expression (`filter.q`, RE2 syntax, case-insensitive). */
export async function findScenesByPathRegex(core: StashCoreApi, filter: FindFilterType, options?: CallOptions): Promise<FindScenesResult> {
  const checked = checkFindFilter(filter, "filter", { sorts: knownSorts("scenes") });
  // Go's RE2 is not JavaScript's RegExp (`(?i)` is valid there), so only an empty pattern is refused here.
  if (!checked?.q || checked.q.trim() === "") throw new StashValidationError("filter.q", "must be a non-empty path regex");
  checkSortForServer(checked.sort, "filter.sort", "scenes", await serverVersion(core, options));
  return (await core.request(FindScenesByPathRegexDocument, { filter: checked }, options)).findScenesByPathRegex;
}

/** Up to 80 random scenes whose details contain `q` (scenes without details never appear). */
export async function sceneWall(core: StashCoreApi, q?: string, options?: CallOptions): Promise<SceneDataFragment[]> {
  const variables = q === undefined || q === null ? {} : { q: checkString(q, "q") };
  return (await core.request(SceneWallDocument, variables, options)).sceneWall;
}

/** The ways to stream a scene, direct stream first; `[]` for a scene without files. */
export async function sceneStreams(core: StashCoreApi, sceneId: ID, options?: CallOptions): Promise<SceneStreamEndpoint[]> {
  return (await core.request(SceneStreamsDocument, { id: checkId(sceneId, "sceneId") }, options)).sceneStreams;
}

/** Proposes scene fields parsed from file names with the pattern in `filter.q`. */
export async function parseSceneFilenames(
  core: StashCoreApi,
  args: ParseSceneFilenamesArgs,
  options?: CallOptions,
): Promise<ParseSceneFilenamesResult> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, ["filter", "config"], "args");
  const filter = checkFindFilter(args.filter, "filter");
  // Stash crashes without a pattern.
  if (!filter?.q || filter.q.trim() === "") throw new StashValidationError("filter.q", "must be the filename pattern, e.g. {title}.{ext}");
  const config = checkObject(args.config ?? {}, "config");
  checkKnownKeys(config, fieldNames("SceneParserInput"), "config");
  for (const key of ["capitalizeTitle", "ignoreOrganized"]) if (config[key] != null) checkBoolean(config[key], `config.${key}`);
  if (config["whitespaceCharacters"] != null) checkString(config["whitespaceCharacters"], "config.whitespaceCharacters");
  if (config["ignoreWords"] != null) {
    if (!Array.isArray(config["ignoreWords"])) throw new StashValidationError("config.ignoreWords", "must be an array of strings");
    config["ignoreWords"].forEach((w, i) => checkString(w, `config.ignoreWords[${i}]`));
  }
  const variables = { filter, config: config as SceneParserInput };
  return (await core.request(ParseSceneFilenamesDocument, variables, options)).parseSceneFilenames;
}

/** Creates a scene; see `SceneCreate` for the accepted shapes. */
export async function createScene(core: StashCoreApi, scene: SceneCreate, options?: CallOptions): Promise<SceneDataFragment> {
  const input = toSceneCreateInput(scene);
  await guardPartialDates(core, [{ argument: "date", value: input.date }], options);
  checkInputForServer("SceneCreateInput", input, "scene", await serverVersion(core, options));
  return present((await core.request(SceneCreateDocument, { input }, options)).sceneCreate, "SceneCreate");
}

/** Updates the fields that are set; `null` clears a field, `[]` a list. */
export async function updateScene(core: StashCoreApi, scene: SceneUpdate, options?: CallOptions): Promise<SceneDataFragment> {
  const input = toSceneUpdateInput(scene);
  await guardPartialDates(core, [{ argument: "date", value: input.date }], options);
  checkInputForServer("SceneUpdateInput", input, "scene", await serverVersion(core, options));
  return present((await core.request(SceneUpdateDocument, { input }, options)).sceneUpdate, "SceneUpdate");
}

/** Updates several scenes in one transaction (all or nothing); results in input order. */
export async function scenesUpdate(core: StashCoreApi, scenes: readonly SceneUpdate[], options?: CallOptions): Promise<SceneDataFragment[]> {
  if (!Array.isArray(scenes) || scenes.length === 0) throw new StashValidationError("scenes", "must be a non-empty array of scenes");
  const input = scenes.map((s, i) => toSceneUpdateInput(s, `scenes[${i}]`));
  await guardPartialDates(core, input.map((s, i) => ({ argument: `scenes[${i}].date`, value: s.date })), options);
  checkInputForServer("SceneUpdateInput", input, "scenes", await serverVersion(core, options));
  const result = present((await core.request(ScenesUpdateDocument, { input }, options)).scenesUpdate, "ScenesUpdate");
  return result.map((s) => present(s, "ScenesUpdate"));
}

/** Applies the same change to many scenes; relationship fields take `{ ids, mode }`. Results in `ids` order. */
export async function bulkSceneUpdate(core: StashCoreApi, update: BulkSceneUpdate, options?: CallOptions): Promise<SceneDataFragment[]> {
  const input = toBulkSceneUpdateInput(update);
  await guardPartialDates(core, [{ argument: "date", value: input.date }], options);
  checkInputForServer("BulkSceneUpdateInput", input, "input", await serverVersion(core, options));
  return present((await core.request(BulkSceneUpdateDocument, { input }, options)).bulkSceneUpdate, "BulkSceneUpdate");
}

function destroyFlags(input: Record<string, unknown>): { delete_file: boolean; delete_generated: boolean } {
  // delete_file is always sent, so no server default can ever remove files from disk.
  return {
    delete_file: input["delete_file"] == null ? false : checkBoolean(input["delete_file"], "delete_file"),
    delete_generated: input["delete_generated"] == null ? true : checkBoolean(input["delete_generated"], "delete_generated"),
  };
}

/** Deletes a scene (not its files unless `delete_file: true`). */
export async function sceneDestroy(core: StashCoreApi, args: SceneDestroyArgs, options?: CallOptions): Promise<boolean> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, fieldNames("SceneDestroyInput"), "args");
  const variables = { input: { id: checkId(input["id"]), ...destroyFlags(input) } };
  return (await core.request(SceneDestroyDocument, variables, options)).sceneDestroy;
}

/** Deletes several scenes in one transaction (not their files unless `delete_file: true`). */
export async function scenesDestroy(core: StashCoreApi, args: ScenesDestroyArgs, options?: CallOptions): Promise<boolean> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, fieldNames("ScenesDestroyInput"), "args");
  const variables = { input: { ids: checkIds(input["ids"]), ...destroyFlags(input) } };
  return (await core.request(ScenesDestroyDocument, variables, options)).scenesDestroy;
}

/**
 * Merges the sources into the destination: files and markers move, the
 * sources are deleted. Fields unset in `values` keep the destination's value.
 */
export async function sceneMerge(core: StashCoreApi, args: SceneMergeArgs, options?: CallOptions): Promise<SceneDataFragment> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, fieldNames("SceneMergeInput"), "args");
  if (input["source"] === undefined) throw new StashValidationError("source", "is required: the scene ids to merge into the destination");
  const source = checkIds(input["source"], "source");
  const destination = checkId(input["destination"], "destination");
  if (source.includes(destination)) throw new StashValidationError("source", `contains the destination ${destination}`);
  const merge: SceneMergeInput = { source, destination };
  if (input["values"] != null) merge.values = toSceneMergeValues(args.values as SceneMergeValues, destination);
  if (input["play_history"] != null) merge.play_history = checkBoolean(input["play_history"], "play_history");
  if (input["o_history"] != null) merge.o_history = checkBoolean(input["o_history"], "o_history");
  await guardPartialDates(core, [{ argument: "values.date", value: merge.values?.date }], options);
  if (merge.values) checkInputForServer("SceneUpdateInput", merge.values, "values", await serverVersion(core, options));
  return present((await core.request(SceneMergeDocument, { input: merge }, options)).sceneMerge, "SceneMerge");
}

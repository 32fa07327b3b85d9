/**
 * Copies markers from source scenes onto a target scene: one read for the
 * scenes and all their markers, then creates in large aliased mutations, with
 * every marker's outcome reported rather than the first failure thrown.
 */
// graphql.web (urql's own GraphQL core) keeps graphql-js out of bundles; its AST is the same shape.
import { Kind, parse } from "@0no-co/graphql.web";
import type { DocumentNode } from "graphql/language/ast.js";
import type { TypedDocumentNode } from "../../generated/typed-document";
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError, StashError, StashGraphQLError, StashValidationError, type StashGraphQLErrorEntry } from "../core/errors";
import {
  CriterionModifier,
  SceneMarkerDataFragmentDoc,
  type SceneMarkerCreateInput,
} from "../../generated/graphql";
import type { SceneMarker } from "./markers";
import { checkBoolean, checkId, checkInteger, checkKnownKeys, checkObject, type ID } from "../core/validate";

/** Options of `mergeSceneMarkers`. */
export interface MergeSceneMarkersOptions {
  /** Read and plan only; nothing is created. */
  dryRun?: boolean;
  /**
   * Markers per create request (1–1000, default 250): each chunk is one aliased
   * mutation, so 500 markers take one read plus two requests.
   */
  chunkSize?: number;
}

/** Why a source marker was not copied. */
export type MarkerSkipReason = "exists-on-target" | "duplicate-in-sources";

/** A source marker that was not copied, and the marker it matches. */
export interface SkippedMarker {
  marker: SceneMarker;
  reason: MarkerSkipReason;
  /** Id of the target marker, or the earlier source marker, with the same seconds, primary tag and title. */
  duplicateOf: string;
}

/** A source marker and the create input that copies it. */
export interface PlannedMarker {
  source: SceneMarker;
  input: SceneMarkerCreateInput;
}

/** A source marker whose copy failed. */
export interface FailedMarker extends PlannedMarker {
  error: StashError;
  /**
   * True when its create request was sent. After a timeout or a lost connection
   * the copy may exist anyway; a second run skips it if it does.
   */
  sent: boolean;
}

/** What `mergeSceneMarkers` did (or, with `dryRun`, would do). */
export interface MergeSceneMarkersResult {
  targetId: string;
  /** The sources, de-duplicated, in the order given. */
  sourceIds: string[];
  dryRun: boolean;
  /** Every copy attempted (or, with `dryRun`, that would be attempted), in source order. */
  planned: PlannedMarker[];
  /** The new markers on the target; empty with `dryRun`. */
  created: SceneMarker[];
  skipped: SkippedMarker[];
  failed: FailedMarker[];
}

const DEFAULT_CHUNK = 250;
const MAX_CHUNK = 1000;

/** Markers are the same when start, primary tag and title agree. */
function markerKey(marker: SceneMarker): string {
  return JSON.stringify([marker.seconds, marker.primary_tag.id, marker.title.trim()]);
}

function withFragment<TData, TVars>(operation: string): TypedDocumentNode<TData, TVars> {
  const doc: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [...parse(operation).definitions, ...(SceneMarkerDataFragmentDoc as DocumentNode).definitions],
  };
  return doc as TypedDocumentNode<TData, TVars>;
}

type ReadData = Record<string, { id: string } | null> & {
  markers: { count: number; scene_markers: SceneMarker[] };
};

/** One query: does each scene exist, and every marker on any of them. */
function readDocument(sourceCount: number): TypedDocumentNode<ReadData, Record<string, unknown>> {
  const vars = ["$target: ID!", "$filter: FindFilterType", "$scenes: SceneMarkerFilterType"];
  const fields = ["target: findScene(id: $target) { id }"];
  for (let i = 0; i < sourceCount; i++) {
    vars.push(`$s${i}: ID!`);
    fields.push(`s${i}: findScene(id: $s${i}) { id }`);
  }
  fields.push("markers: findSceneMarkers(filter: $filter, scene_marker_filter: $scenes) { count scene_markers { ...SceneMarkerData } }");
  return withFragment(`query MergeSceneMarkersRead(${vars.join(", ")}) {\n  ${fields.join("\n  ")}\n}`);
}

type CreateData = Record<string, SceneMarker | null>;

/** One mutation creating `count` markers, aliased m0…m(n-1), inputs $i0…. */
function createDocument(count: number): TypedDocumentNode<CreateData, Record<string, SceneMarkerCreateInput>> {
  const vars: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    vars.push(`$i${i}: SceneMarkerCreateInput!`);
    fields.push(`m${i}: sceneMarkerCreate(input: $i${i}) { ...SceneMarkerData }`);
  }
  return withFragment(`mutation MergeSceneMarkersCreate(${vars.join(", ")}) {\n  ${fields.join("\n  ")}\n}`);
}

function checkSources(sourceIds: unknown, target: string): string[] {
  if (!Array.isArray(sourceIds)) throw new StashValidationError("sourceIds", "must be an array of scene ids");
  if (sourceIds.length === 0) throw new StashValidationError("sourceIds", "must name at least one source scene");
  const out: string[] = [];
  sourceIds.forEach((value, i) => {
    const id = checkId(value, `sourceIds[${i}]`);
    if (id === target) throw new StashValidationError(`sourceIds[${i}]`, `is the target scene ${target}; a scene cannot be its own source`);
    if (!out.includes(id)) out.push(id);
  });
  return out;
}

function copyInput(marker: SceneMarker, targetId: string): SceneMarkerCreateInput {
  const input: SceneMarkerCreateInput = {
    title: marker.title,
    seconds: marker.seconds,
    scene_id: targetId,
    primary_tag_id: marker.primary_tag.id,
    tag_ids: marker.tags.map((t) => t.id).filter((id) => id !== marker.primary_tag.id),
  };
  if (marker.end_seconds !== null) input.end_seconds = marker.end_seconds;
  return input;
}

/** Splits source markers into copies to make and skips, in source-scene order then by time. */
function planCopies(all: readonly SceneMarker[], targetId: string, sourceIds: readonly string[]) {
  const onTarget = new Map<string, string>();
  for (const m of all) if (m.scene.id === targetId && !onTarget.has(markerKey(m))) onTarget.set(markerKey(m), m.id);
  const rank = new Map(sourceIds.map((id, i) => [id, i]));
  const sources = all
    .filter((m) => rank.has(m.scene.id))
    .sort((a, b) => rank.get(a.scene.id)! - rank.get(b.scene.id)! || a.seconds - b.seconds || Number(a.id) - Number(b.id));
  const planned: PlannedMarker[] = [];
  const skipped: SkippedMarker[] = [];
  const taken = new Map<string, string>();
  for (const marker of sources) {
    const key = markerKey(marker);
    const existing = onTarget.get(key);
    const earlier = taken.get(key);
    if (existing !== undefined) skipped.push({ marker, reason: "exists-on-target", duplicateOf: existing });
    else if (earlier !== undefined) skipped.push({ marker, reason: "duplicate-in-sources", duplicateOf: earlier });
    else {
      taken.set(key, marker.id);
      planned.push({ source: marker, input: copyInput(marker, targetId) });
    }
  }
  return { planned, skipped };
}

/** Maps one chunk's answer (complete or partial) back onto its markers. */
function settleChunk(chunk: readonly PlannedMarker[], data: CreateData | null, errors: readonly StashGraphQLErrorEntry[], whole: StashError | null, result: MergeSceneMarkersResult): void {
  chunk.forEach((item, i) => {
    const alias = `m${i}`;
    const marker = data?.[alias];
    if (marker) {
      result.created.push(marker);
      return;
    }
    const own = errors.filter((e) => e.path?.[0] === alias);
    const error = own.length
      ? new StashGraphQLError(`mergeSceneMarkers: copying marker ${item.source.id}: ${own.map((e) => e.message).join("; ")}`, own, null, "mergeSceneMarkers")
      : (whole ?? emptyResultError("mergeSceneMarkers", `marker for ${item.source.id}`, errors));
    result.failed.push({ ...item, error, sent: true });
  });
}

/**
 * Copies the markers of `sourceIds` onto `targetId` (title, start, end, primary
 * tag, tags), skipping any the target already has — same start, primary tag and
 * title — so running it twice creates nothing the second time. A missing target
 * or source throws before anything is created; failures while creating never
 * throw: each lands in `failed` with its error, the rest are still created.
 */
export async function mergeSceneMarkers(
  core: StashCoreApi,
  targetId: ID,
  sourceIds: readonly ID[],
  mergeOptions: MergeSceneMarkersOptions = {},
  options?: CallOptions,
): Promise<MergeSceneMarkersResult> {
  const target = checkId(targetId, "targetId");
  const sources = checkSources(sourceIds, target);
  checkKnownKeys(checkObject(mergeOptions, "mergeOptions"), ["dryRun", "chunkSize"], "mergeOptions");
  const chunkSize = mergeOptions.chunkSize === undefined ? DEFAULT_CHUNK : checkInteger(mergeOptions.chunkSize, "chunkSize", 1, MAX_CHUNK);
  const dryRun = mergeOptions.dryRun === undefined ? false : checkBoolean(mergeOptions.dryRun, "dryRun");

  const variables: Record<string, unknown> = {
    target,
    filter: { per_page: -1, sort: "id", direction: "ASC" },
    // The real criterion: `scenes` INCLUDES (Stash has no `scene_id` marker filter).
    scenes: { scenes: { value: [target, ...sources], modifier: CriterionModifier.INCLUDES } },
  };
  sources.forEach((id, i) => (variables[`s${i}`] = id));
  const read = await core.request(readDocument(sources.length), variables, options);
  if (!read["target"]) throw new StashValidationError("targetId", `scene ${target} not found`, "mergeSceneMarkers");
  const missing = sources.filter((_, i) => !read[`s${i}`]);
  if (missing.length) {
    throw new StashValidationError(
      "sourceIds",
      `scene${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not found (sceneMerge deletes its sources and already moves their markers)`,
      "mergeSceneMarkers",
    );
  }

  const { planned, skipped } = planCopies(read.markers.scene_markers, target, sources);
  const result: MergeSceneMarkersResult = { targetId: target, sourceIds: sources, dryRun, planned, created: [], skipped, failed: [] };
  if (dryRun) return result;

  for (let start = 0; start < planned.length; start += chunkSize) {
    const chunk = planned.slice(start, start + chunkSize);
    const inputs: Record<string, SceneMarkerCreateInput> = {};
    chunk.forEach((item, i) => (inputs[`i${i}`] = item.input));
    try {
      const data = await core.request(createDocument(chunk.length), inputs, options);
      settleChunk(chunk, data, [], null, result);
    } catch (err) {
      if (err instanceof StashGraphQLError) {
        settleChunk(chunk, (err.data as CreateData | null) ?? null, err.errors, err, result);
        continue;
      }
      // Transport, HTTP, timeout or abort: this chunk's fate is unknown and the
      // server is unlikely to take the rest, so report them all and stop.
      const error = err instanceof StashError ? err : new StashError(String(err), { operation: "mergeSceneMarkers", cause: err });
      for (const item of chunk) result.failed.push({ ...item, error, sent: true });
      for (const item of planned.slice(start + chunkSize)) result.failed.push({ ...item, error, sent: false });
      break;
    }
  }
  return result;
}

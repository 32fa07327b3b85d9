/**
 * Scene marker mutations and the module that wires every marker root field.
 * Markers need an existing scene and primary tag; the primary tag is never
 * also one of the marker's secondary tags.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { foreignKeyError, parseId, parseIds, uniqueIds } from "./ids";
import { markerQueries } from "./marker-queries";
import { markerView } from "./present-scene";
import { applyBulk, bulkIds } from "./scene-bulk";
import { converting, has, type SceneInput } from "./scene-input";
import type { MarkerRecord, Store } from "./store";

/** Go's `%f`: Stash formats the end_seconds error with six decimals. */
function goFixed(value: number): string {
  return value.toFixed(6);
}

/** validateSceneMarkerEndSeconds (internal/api/resolver_mutation_scene.go), with its message. */
export function checkEndSeconds(seconds: number, endSeconds: number | null): void {
  if (endSeconds !== null && endSeconds < seconds) {
    throw new Error(
      `end_seconds (${goFixed(endSeconds)}) must be greater than or equal to seconds (${goFixed(seconds)})`,
    );
  }
}

function markerNotFound(id: number): Error {
  return new Error(`scene marker with id ${id} not found`);
}

/** SQLite's answer to a null written into a NOT NULL column. */
function notNull(column: string): Error {
  return new Error(`NOT NULL constraint failed: scene_markers.${column}`);
}

function checkMarkerReferences(store: Store, marker: Pick<MarkerRecord, "sceneId" | "primaryTagId" | "tagIds">): void {
  if (
    !store.has("scenes", marker.sceneId) ||
    !store.has("tags", marker.primaryTagId) ||
    marker.tagIds.some((id) => !store.has("tags", id))
  ) {
    throw foreignKeyError();
  }
}

function tagList(raw: unknown, primaryTagId: number): number[] {
  return converting("tag ids", () => uniqueIds(parseIds(raw as unknown[] | null))).filter((id) => id !== primaryTagId);
}

/** sceneMarkerCreate. */
export function createMarker(ctx: StandInContext, input: SceneInput): MarkerRecord {
  const { store } = ctx;
  const sceneId = converting("scene id", () => parseId(input.scene_id));
  const primaryTagId = converting("primary tag id", () => parseId(input.primary_tag_id));
  const seconds = input.seconds as number;
  const endSeconds = (input.end_seconds as number | null | undefined) ?? null;
  checkEndSeconds(seconds, endSeconds);
  const tagIds = tagList(input.tag_ids, primaryTagId);
  return store.transaction(() => {
    const now = store.nowTime();
    const marker: MarkerRecord = {
      id: store.allocateId("markers"),
      sceneId,
      title: String(input.title ?? "").trim(),
      seconds,
      endSeconds,
      primaryTagId,
      tagIds,
      createdAt: now,
      updatedAt: now,
    };
    checkMarkerReferences(store, marker);
    return store.put("markers", marker);
  });
}

function optionalId(input: SceneInput, key: string, column: string, what: string): number | undefined {
  if (!has(input, key)) return undefined;
  if (input[key] === null) throw notNull(column);
  return converting(what, () => parseId(input[key]));
}

/** sceneMarkerUpdate: omitted keys stay, `end_seconds: null` clears, `tag_ids` replaces. */
export function updateMarker(ctx: StandInContext, input: SceneInput): MarkerRecord {
  const { store } = ctx;
  const id = converting("id", () => parseId(input.id));
  const sceneId = optionalId(input, "scene_id", "scene_id", "scene id");
  const primaryTagId = optionalId(input, "primary_tag_id", "primary_tag_id", "primary tag id");
  const tagIds = has(input, "tag_ids") ? converting("tag ids", () => uniqueIds(parseIds(input.tag_ids as unknown[] | null))) : null;
  return store.transaction(() => {
    const existing = store.get("markers", id);
    if (!existing) throw markerNotFound(id);
    if (has(input, "seconds") && input.seconds === null) throw notNull("seconds");
    const seconds = has(input, "seconds") ? (input.seconds as number) : existing.seconds;
    const endSeconds = has(input, "end_seconds") ? ((input.end_seconds as number | null) ?? null) : existing.endSeconds;
    checkEndSeconds(seconds, endSeconds);
    const primary = primaryTagId ?? existing.primaryTagId;
    const next: MarkerRecord = {
      ...existing,
      title: has(input, "title") ? String(input.title ?? "").trim() : existing.title,
      seconds,
      endSeconds,
      sceneId: sceneId ?? existing.sceneId,
      primaryTagId: primary,
      tagIds: tagIds ? tagIds.filter((t) => t !== primary) : existing.tagIds,
      updatedAt: store.nowTime(),
    };
    checkMarkerReferences(store, next);
    return store.put("markers", next);
  });
}

/** bulkSceneMarkerUpdate (v0.30+): title, primary tag and {ids, mode} tags for many markers. */
export function bulkUpdateMarkers(ctx: StandInContext, input: SceneInput): MarkerRecord[] {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(input.ids as unknown[] | null));
  const title = has(input, "title") ? String(input.title ?? "").trim() : undefined;
  const primaryTagId = optionalId(input, "primary_tag_id", "primary_tag_id", "primary tag id");
  const tags = bulkIds(input.tag_ids, "tag ids");
  return store.transaction(() =>
    ids.map((id) => {
      const existing = store.get("markers", id);
      if (!existing) throw markerNotFound(id);
      const primary = primaryTagId ?? existing.primaryTagId;
      const tagIds = (tags ? applyBulk(existing.tagIds, tags, (t) => t) : existing.tagIds).filter((t) => t !== primary);
      const next: MarkerRecord = {
        ...existing,
        title: title ?? existing.title,
        primaryTagId: primary,
        tagIds,
        updatedAt: store.nowTime(),
      };
      checkMarkerReferences(store, next);
      return store.put("markers", next);
    }),
  );
}

/** Deletes every listed marker or, if one is missing, none. */
export function destroyMarkers(ctx: StandInContext, rawIds: readonly unknown[]): true {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(rawIds));
  store.transaction(() => {
    for (const id of ids) {
      const marker = store.get("markers", id);
      if (!marker) throw markerNotFound(id);
      if (!store.has("scenes", marker.sceneId)) throw new Error(`scene with id ${marker.sceneId} not found`);
      store.remove("markers", id);
    }
  });
  return true;
}

const view = (ctx: StandInContext, marker: MarkerRecord) => markerView(ctx, marker);

const sceneMarkerCreate: RootResolver = (args, ctx) => view(ctx, createMarker(ctx, args.input as SceneInput));
const sceneMarkerUpdate: RootResolver = (args, ctx) => view(ctx, updateMarker(ctx, args.input as SceneInput));
const bulkSceneMarkerUpdate: RootResolver = (args, ctx) =>
  bulkUpdateMarkers(ctx, args.input as SceneInput).map((m) => view(ctx, m));

/** Marker mutations and queries (findSceneMarkers, sceneMarkerTags, markerWall, markerStrings, allSceneMarkers). */
export const markerResolvers: ResolverModule = {
  Query: markerQueries,
  Mutation: {
    sceneMarkerCreate,
    sceneMarkerUpdate,
    bulkSceneMarkerUpdate,
    sceneMarkerDestroy: (args, ctx) => destroyMarkers(ctx, [args.id]),
    sceneMarkersDestroy: (args, ctx) => destroyMarkers(ctx, args.ids as unknown[]),
  },
};

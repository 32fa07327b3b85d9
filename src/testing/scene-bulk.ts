/**
 * bulkSceneUpdate: one set of changes applied to many scenes. Scalars follow
 * sceneUpdate's omitted/null rules; relationship lists take {ids, mode} with
 * SET (replace), ADD (append absent ones) and REMOVE (drop listed ones).
 */
import type { StandInContext } from "./context";
import { parseIds, sceneNotFound } from "./ids";
import {
  checkSceneReferences,
  convertIdList,
  converting,
  has,
  scalarChanges,
  type SceneChanges,
  type SceneInput,
} from "./scene-input";
import type { SceneGroupLink, SceneRecord } from "./store";

/** How a bulk relationship update combines with the current list. */
export type BulkMode = "SET" | "ADD" | "REMOVE";

/** A parsed BulkUpdateIds / BulkUpdateStrings value. */
export interface BulkList<T> {
  readonly mode: BulkMode;
  readonly values: readonly T[];
}

/** Applies a bulk update to a list; `key` identifies entries for ADD/REMOVE. */
export function applyBulk<T, K>(current: readonly T[], update: BulkList<T>, key: (item: T) => K): T[] {
  switch (update.mode) {
    case "SET":
      return [...update.values];
    case "ADD": {
      const present = new Set(current.map(key));
      const added: T[] = [];
      for (const item of update.values) {
        const k = key(item);
        if (!present.has(k)) {
          present.add(k);
          added.push(item);
        }
      }
      return [...current, ...added];
    }
    case "REMOVE": {
      const gone = new Set(update.values.map(key));
      return current.filter((item) => !gone.has(key(item)));
    }
  }
}

/** A BulkUpdateIds input, or null when the field is absent or null (leave unchanged). */
export function bulkIds(raw: unknown, what: string): BulkList<number> | null {
  if (raw == null) return null;
  const value = raw as { ids?: unknown[] | null; mode: BulkMode };
  return { mode: value.mode, values: convertIdList(value.ids ?? [], what) };
}

function bulkUrls(input: SceneInput): BulkList<string> | null {
  if (has(input, "urls")) {
    const value = input.urls as { values?: string[] | null; mode: BulkMode } | null;
    return value ? { mode: value.mode, values: (value.values ?? []).map((u) => u.trim()) } : null;
  }
  if (has(input, "url")) return { mode: "SET", values: input.url == null ? [] : [String(input.url).trim()] };
  return null;
}

interface BulkRelations {
  readonly urls: BulkList<string> | null;
  readonly performerIds: BulkList<number> | null;
  readonly tagIds: BulkList<number> | null;
  readonly galleryIds: BulkList<number> | null;
  readonly groupIds: BulkList<number> | null;
}

function relationsOf(input: SceneInput): BulkRelations {
  return {
    urls: bulkUrls(input),
    performerIds: bulkIds(input.performer_ids, "performer ids"),
    tagIds: bulkIds(input.tag_ids, "tag ids"),
    galleryIds: bulkIds(input.gallery_ids, "gallery ids"),
    // group_ids wins over the deprecated movie_ids.
    groupIds: has(input, "group_ids")
      ? bulkIds(input.group_ids, "group ids")
      : has(input, "movie_ids")
        ? bulkIds(input.movie_ids, "movie ids")
        : null,
  };
}

function relationChanges(scene: SceneRecord, rel: BulkRelations): SceneChanges {
  const out: SceneChanges = {};
  const same = <T>(x: T) => x;
  if (rel.urls) out.urls = applyBulk(scene.urls, rel.urls, same);
  if (rel.performerIds) out.performerIds = applyBulk(scene.performerIds, rel.performerIds, same);
  if (rel.tagIds) out.tagIds = applyBulk(scene.tagIds, rel.tagIds, same);
  if (rel.galleryIds) out.galleryIds = applyBulk(scene.galleryIds, rel.galleryIds, same);
  if (rel.groupIds) {
    const asLinks: BulkList<SceneGroupLink> = {
      mode: rel.groupIds.mode,
      values: rel.groupIds.values.map((groupId) => ({ groupId, sceneIndex: null })),
    };
    out.groups = applyBulk(scene.groups, asLinks, (g) => g.groupId);
  }
  return out;
}

/**
 * Applies the bulk input to every scene in `ids` within one transaction and
 * returns the scenes in `ids` order. As in Stash, the title rule of
 * sceneUpdate is not checked here (internal/api/resolver_mutation_scene.go BulkSceneUpdate).
 */
export function bulkUpdateScenes(ctx: StandInContext, input: SceneInput): SceneRecord[] {
  const { store } = ctx;
  const ids = converting("ids", () => parseIds(input.ids as unknown[] | null));
  const scalars: SceneChanges = {};
  scalarChanges(input, ctx, scalars);
  const relations = relationsOf(input);
  return store.transaction(() =>
    ids.map((id) => {
      const scene = store.get("scenes", id);
      if (!scene) throw sceneNotFound(id);
      const changes = { ...scalars, ...relationChanges(scene, relations) };
      checkSceneReferences(store, changes);
      return store.patch("scenes", id, { ...changes, updatedAt: store.nowTime() });
    }),
  );
}

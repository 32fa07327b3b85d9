/**
 * Loads a fixture into a store in one transaction. Entities are found by name
 * (case-insensitively, as Stash's name lookups are: pkg/sqlite/tag.go FindByName with nocase) or created; a seed of
 * 100,000 scenes stays linear by indexing names and paths once per call.
 */
import { entityName, type Fixture, type FixtureFile, type FixtureScene, type SeedResult } from "./fixture";
import { normalizeTime, validateFixture } from "./fixture-validate";
import { uniqueIds } from "./ids";
import { blankGroup } from "./records/group";
import { blankPerformer } from "./records/performer";
import { blankStudio } from "./records/studio";
import { blankTag } from "./records/tag";
import { seedEntities } from "./seed-entities";
import { seedGroupsAndFilters } from "./seed-groups";
import { seedMedia } from "./seed-media";
import type { FileRecord, GroupRecord, PerformerRecord, SceneRecord, Store, StudioRecord, TagRecord } from "./store";

type NamedTable = "tags" | "performers" | "studios" | "groups";

/** Name → id lookups for one seed call, creating missing entities on demand. */
class NameIndex {
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly table: NamedTable,
    private readonly result: Record<string, string>,
    private readonly stamp: string,
  ) {
    for (const record of store.all(table)) {
      const key = record.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, record.id);
    }
  }

  /** The id for `name`, creating the entity with `extra` fields when it does not exist. */
  resolve(rawName: string, extra: Record<string, unknown> = {}): number {
    const name = rawName.trim();
    const key = name.toLowerCase();
    let id = this.byName.get(key);
    if (id === undefined) {
      id = this.store.allocateId(this.table);
      this.store.put(this.table, this.create(id, name, extra));
      this.byName.set(key, id);
    }
    this.result[name] = String(id);
    return id;
  }

  private create(id: number, name: string, extra: Record<string, unknown>): TagRecord | PerformerRecord | StudioRecord | GroupRecord {
    const stamp = this.stamp;
    const aliases = (extra.aliases as string[] | undefined) ?? [];
    switch (this.table) {
      case "tags":
        return { ...blankTag(id, name, stamp), aliases, parentIds: (extra.parentIds as number[] | undefined) ?? [] };
      case "performers":
        return { ...blankPerformer(id, name, stamp), aliases, disambiguation: (extra.disambiguation as string | undefined) ?? "" };
      case "studios":
        return { ...blankStudio(id, name, stamp), aliases, parentId: (extra.parentId as number | undefined) ?? null };
      case "groups":
        return blankGroup(id, name, stamp);
    }
  }
}

/** A file record for a fixture file (scanner-like defaults), attached to `sceneId`. */
export function fileRecord(store: Store, file: FixtureFile, sceneId: number, stamp: string): FileRecord {
  const duration = file.duration;
  return {
    id: store.allocateId("files"),
    path: file.path,
    size: file.size,
    duration,
    width: file.width,
    height: file.height,
    format: file.format ?? "mp4",
    videoCodec: file.video_codec ?? "h264",
    audioCodec: file.audio_codec ?? "aac",
    frameRate: file.frame_rate ?? 30,
    bitRate: file.bit_rate ?? (duration > 0 ? Math.round((file.size * 8) / duration) : 0),
    phash: file.phash ? file.phash.toLowerCase() : null,
    oshash: file.oshash ? file.oshash.toLowerCase() : null,
    md5: file.md5 ? file.md5.toLowerCase() : null,
    modTime: file.mod_time ? (normalizeTime(file.mod_time) ?? stamp) : stamp,
    createdAt: stamp,
    updatedAt: stamp,
    sceneId,
  };
}

function times(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => normalizeTime(v) as string);
}

interface SeedIndexes {
  tags: NameIndex;
  performers: NameIndex;
  studios: NameIndex;
  groups: NameIndex;
}

function seedScene(store: Store, scene: FixtureScene, idx: SeedIndexes, result: SeedResult, stamp: string): void {
  const id = store.allocateId("scenes");
  const fileIds: number[] = [];
  for (const file of scene.files ?? []) {
    const record = store.put("files", fileRecord(store, file, id, stamp));
    fileIds.push(record.id);
    result.files[file.path] = String(record.id);
    result.sceneIdsByPath[file.path] = String(id);
  }
  const record: SceneRecord = {
    id,
    title: (scene.title ?? "").trim(),
    code: (scene.code ?? "").trim(),
    details: (scene.details ?? "").trim(),
    director: (scene.director ?? "").trim(),
    urls: (scene.urls ?? []).map((u) => u.trim()),
    date: scene.date ?? null,
    rating100: scene.rating100 ?? null,
    organized: scene.organized ?? false,
    studioId: scene.studio ? idx.studios.resolve(scene.studio) : null,
    tagIds: uniqueIds((scene.tags ?? []).map((t) => idx.tags.resolve(t))),
    performerIds: uniqueIds((scene.performers ?? []).map((p) => idx.performers.resolve(p))),
    galleryIds: [],
    groups: (scene.groups ?? []).map((g) => ({
      groupId: idx.groups.resolve(entityName(g)),
      sceneIndex: typeof g === "string" ? null : (g.scene_index ?? null),
    })),
    stashIds: [],
    fileIds,
    resumeTime: scene.resume_time ?? 0,
    playDuration: scene.play_duration ?? 0,
    playHistory: times(scene.play_history),
    oHistory: times(scene.o_history),
    hasCover: false,
    interactive: false,
    interactiveSpeed: null,
    createdAt: scene.created_at ? (normalizeTime(scene.created_at) ?? stamp) : stamp,
    updatedAt: scene.updated_at ? (normalizeTime(scene.updated_at) ?? stamp) : stamp,
  };
  store.put("scenes", record);
  result.scenes.push(String(id));
  if (record.title !== "" && !(record.title in result.sceneIdsByTitle)) result.sceneIdsByTitle[record.title] = String(id);
  for (const marker of scene.markers ?? []) {
    const primaryTagId = idx.tags.resolve(marker.primary_tag);
    const markerId = store.allocateId("markers");
    const tagIds = uniqueIds((marker.tags ?? []).map((t) => idx.tags.resolve(t))).filter((t) => t !== primaryTagId);
    store.put("markers", {
      id: markerId,
      sceneId: id,
      title: marker.title.trim(),
      seconds: marker.seconds,
      endSeconds: marker.end_seconds ?? null,
      primaryTagId,
      tagIds,
      createdAt: stamp,
      updatedAt: stamp,
    });
    result.markers.push(String(markerId));
  }
}

/** Validates `fixture` and writes it into `store` all-or-nothing, returning the ids by name and path. */
export function seedStore(store: Store, fixture: Fixture): SeedResult {
  validateFixture(fixture);
  const existingPaths = new Set<string>();
  for (const file of store.all("files")) existingPaths.add(file.path);
  (fixture.scenes ?? []).forEach((scene, i) =>
    (scene.files ?? []).forEach((file, j) => {
      if (existingPaths.has(file.path)) {
        throw new Error(`invalid fixture: scenes[${i}].files[${j}].path ${JSON.stringify(file.path)} already exists in the stand-in`);
      }
    }),
  );
  const result: SeedResult = {
    scenes: [],
    sceneIdsByTitle: {},
    sceneIdsByPath: {},
    files: {},
    tags: {},
    performers: {},
    studios: {},
    groups: {},
    markers: [],
    savedFilters: [],
    folders: {},
    galleries: [],
    images: [],
    imageIdsByPath: {},
  };
  return store.transaction(() => {
    const stamp = store.nowTime();
    const idx: SeedIndexes = {
      tags: new NameIndex(store, "tags", result.tags, stamp),
      performers: new NameIndex(store, "performers", result.performers, stamp),
      studios: new NameIndex(store, "studios", result.studios, stamp),
      groups: new NameIndex(store, "groups", result.groups, stamp),
    };
    seedEntities(store, fixture, { tag: (n) => idx.tags.resolve(n), performer: (n) => idx.performers.resolve(n), studio: (n) => idx.studios.resolve(n) });
    for (const g of fixture.groups ?? []) idx.groups.resolve(entityName(g));
    for (const scene of fixture.scenes ?? []) seedScene(store, scene, idx, result, stamp);
    seedMedia(store, fixture, { tag: (n) => idx.tags.resolve(n), performer: (n) => idx.performers.resolve(n), studio: (n) => idx.studios.resolve(n) }, result, stamp);
    seedGroupsAndFilters(store, fixture, { group: (n) => idx.groups.resolve(n), tag: (n) => idx.tags.resolve(n), studio: (n) => idx.studios.resolve(n) }, result);
    return result;
  });
}

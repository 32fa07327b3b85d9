/**
 * Lookups a scene filter needs beyond single records (tag and studio
 * children, scenes with markers, phash counts). Built lazily per request, so
 * a filter that does not use them costs nothing and nothing outlives the call.
 */
import type { Truth } from "./criteria";
import type { FileRecord, SceneRecord, Store } from "./store";
import { formatTime } from "./store";

/** Everything one filter evaluation reads, scoped to one request. */
export class SceneFilterEnv {
  /** BETWEEN's default upper bound for dates and timestamps (Stash: now + 1 day). */
  readonly upperDefault: string;
  private tagKids?: Map<number, number[]>;
  private studioKids?: Map<number, number[]>;
  private withMarkers?: Set<number>;
  private phashes?: Map<string, number>;

  constructor(readonly store: Store) {
    this.upperDefault = formatTime(new Date(store.now().getTime() + 24 * 3600 * 1000));
  }

  /** Files of a scene, primary first; one array per call, read only by the caller. */
  files(scene: SceneRecord): FileRecord[] {
    return this.store.sceneFiles(scene);
  }

  /** Direct child tags of a tag. */
  tagChildren(id: number): readonly number[] {
    if (!this.tagKids) {
      this.tagKids = new Map();
      for (const tag of this.store.all("tags")) {
        for (const parent of tag.parentIds) push(this.tagKids, parent, tag.id);
      }
    }
    return this.tagKids.get(id) ?? [];
  }

  /** Direct child studios of a studio. */
  studioChildren(id: number): readonly number[] {
    if (!this.studioKids) {
      this.studioKids = new Map();
      for (const studio of this.store.all("studios")) {
        if (studio.parentId !== null) push(this.studioKids, studio.parentId, studio.id);
      }
    }
    return this.studioKids.get(id) ?? [];
  }

  /** True when the scene has at least one marker. */
  hasMarkers(sceneId: number): boolean {
    if (!this.withMarkers) {
      this.withMarkers = new Set();
      for (const marker of this.store.all("markers")) this.withMarkers.add(marker.sceneId);
    }
    return this.withMarkers.has(sceneId);
  }

  /** How many files (attached or not) carry this phash. */
  phashCount(phash: string): number {
    if (!this.phashes) {
      this.phashes = new Map();
      for (const file of this.store.all("files")) {
        if (file.phash) this.phashes.set(file.phash, (this.phashes.get(file.phash) ?? 0) + 1);
      }
    }
    return this.phashes.get(phash) ?? 0;
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One joined row's verdict: the scene with one of its files (null when it has none or no file criterion applies). */
export type RowTest = (scene: SceneRecord, file: FileRecord | null) => Truth;

/** A compiled criterion; `perFile` when it reads the file of the row. */
export interface FieldTest {
  readonly test: RowTest;
  readonly perFile: boolean;
}

/** Compiles one SceneFilterType key; null when the input adds no condition (as Stash skips it). */
export type FieldCompiler = (input: any, env: SceneFilterEnv) => FieldTest | null;

/** A criterion on the scene alone. */
export function sceneTest(test: (scene: SceneRecord) => Truth): FieldTest {
  return { test: (scene) => test(scene), perFile: false };
}

/** A criterion on the row's file; a scene without files is one row whose file columns are NULL. */
export function fileTest(test: (file: FileRecord | null, scene: SceneRecord) => Truth): FieldTest {
  return { test: (scene, file) => test(file, scene), perFile: true };
}

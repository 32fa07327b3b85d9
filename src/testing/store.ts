/**
 * In-memory state of one stand-in server. Records are treated as immutable:
 * every change goes through `put`/`remove`, which lets `transaction` undo a
 * failed batch the way Stash's database transaction would, and keeps the
 * reverse indexes (relations.ts) in step.
 */
import { RELATIONS, type RelationDef, type RelationName } from "./relations";
import { ID_SPACE, TABLES, type TableName, type TableRecords } from "./tables";
import type { FolderRecord } from "./records/file";
import type { FileRecord, MarkerRecord, SceneRecord } from "./records/scene";

export type { FileRecord, MarkerRecord, SceneGroupLink, SceneRecord, StashIdRecord } from "./records/scene";
export type { TagRecord } from "./records/tag";
export type { PerformerRecord } from "./records/performer";
export type { StudioRecord } from "./records/studio";
export type { GroupRecord, SubGroupLink } from "./records/group";
export type { GalleryChapterRecord, GalleryRecord } from "./records/gallery";
export type { ImageRecord } from "./records/image";
export type { FingerprintRecord, FolderRecord, GalleryFileRecord, ImageFileRecord } from "./records/file";
export type { SavedFilterRecord } from "./records/saved-filter";
export type { TableName, TableRecords } from "./tables";
export type { RelationName } from "./relations";

const EMPTY: ReadonlySet<number> = new Set();

type UndoEntry = { table: TableName; id: number; previous: TableRecords[TableName] | undefined };

/** Formats a Date as Stash does for Time values: RFC3339, UTC, whole seconds. */
export function formatTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The first index of a sorted id array whose id is ≥ `id` (its length when none is). */
export function lowerBound(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Options of a store: the clock is injectable so tests can pin time. */
export interface StoreOptions {
  now?: () => Date;
}

/** The tables of one stand-in, with id counters and undoable writes. */
export class Store {
  private readonly tables: { [K in TableName]: Map<number, TableRecords[K]> };
  private readonly nextIds: Record<TableName, number>;
  private undo: UndoEntry[] | null = null;
  private readonly clock: () => Date;
  /** Per relation: target id → ids of the records pointing at it. */
  private readonly reverse = new Map<RelationName, Map<number, Set<number>>>();
  /** Relations by the table that holds the link. */
  private readonly relationsOf = new Map<TableName, [RelationName, RelationDef][]>();
  /** Folder id by path: folders are looked up by path on every scan and file view. */
  private readonly folderByPath = new Map<string, number>();
  /** Per table, its ids ascending (built on first use, kept up to date by `write`): paging by id seeks here. */
  private readonly idIndex = new Map<TableName, number[]>();

  constructor(options: StoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    this.tables = Object.fromEntries(TABLES.map((t) => [t, new Map()])) as unknown as { [K in TableName]: Map<number, TableRecords[K]> };
    this.nextIds = Object.fromEntries(TABLES.map((t) => [t, 1])) as Record<TableName, number>;
    for (const [name, def] of Object.entries(RELATIONS) as [RelationName, RelationDef][]) {
      this.reverse.set(name, new Map());
      const list = this.relationsOf.get(def.table) ?? [];
      list.push([name, def]);
      this.relationsOf.set(def.table, list);
    }
  }

  /** Current time from the store's clock. */
  now(): Date {
    return this.clock();
  }

  /** Current time formatted as a Stash `Time`. */
  nowTime(): string {
    return formatTime(this.clock());
  }

  /** Reserves the next id of a table (ids are never reused, as in SQLite AUTOINCREMENT). */
  allocateId(table: TableName): number {
    const space = ID_SPACE[table] ?? table;
    const id = this.nextIds[space];
    this.nextIds[space] = id + 1;
    return id;
  }

  /** Looks a record up by id. */
  get<T extends TableName>(table: T, id: number): TableRecords[T] | undefined {
    return this.tables[table].get(id) as TableRecords[T] | undefined;
  }

  /** True when the id exists in the table. */
  has(table: TableName, id: number): boolean {
    return this.tables[table].has(id);
  }

  /** All records of a table in ascending id order (insertion order, since ids only grow). */
  all<T extends TableName>(table: T): IterableIterator<TableRecords[T]> {
    return this.tables[table].values() as IterableIterator<TableRecords[T]>;
  }

  /** The ids of a table in ascending order; read only. Binary-search it to page by id without a scan. */
  sortedIds(table: TableName): readonly number[] {
    let ids = this.idIndex.get(table);
    if (!ids) {
      ids = [...this.tables[table].keys()].sort((a, b) => a - b);
      this.idIndex.set(table, ids);
    }
    return ids;
  }

  /** Number of records in a table. */
  count(table: TableName): number {
    return this.tables[table].size;
  }

  /** Inserts or replaces a record; undone if the surrounding transaction fails. */
  put<T extends TableName>(table: T, record: TableRecords[T]): TableRecords[T] {
    this.undo?.push({ table, id: record.id, previous: this.tables[table].get(record.id) });
    this.write(table, record.id, record);
    return record;
  }

  /** Replaces fields of an existing record, returning the new record. */
  patch<T extends TableName>(table: T, id: number, changes: Partial<TableRecords[T]>): TableRecords[T] {
    const current = this.get(table, id);
    if (!current) throw new Error(`${table} record ${id} does not exist`);
    return this.put(table, { ...current, ...changes, id } as TableRecords[T]);
  }

  /** Deletes a record; undone if the surrounding transaction fails. */
  remove(table: TableName, id: number): boolean {
    const previous = this.tables[table].get(id);
    if (!previous) return false;
    this.undo?.push({ table, id, previous });
    this.write(table, id, undefined);
    return true;
  }

  /**
   * Runs `fn` as one transaction: if it throws, every write it made is undone,
   * so a batch with one bad item leaves the store exactly as it was.
   * Nested calls join the outer transaction.
   */
  transaction<R>(fn: () => R): R {
    if (this.undo) return fn();
    const log: UndoEntry[] = [];
    this.undo = log;
    try {
      const result = fn();
      this.undo = null;
      return result;
    } catch (err) {
      this.undo = null;
      this.rollback(log);
      throw err;
    }
  }

  private rollback(log: UndoEntry[]): void {
    for (let i = log.length - 1; i >= 0; i--) {
      const { table, id, previous } = log[i]!;
      this.write(table, id, previous);
    }
  }

  /** The single place that changes a table, so the reverse indexes never drift. */
  private write(table: TableName, id: number, record: TableRecords[TableName] | undefined): void {
    const map = this.tables[table] as Map<number, TableRecords[TableName]>;
    const before = map.get(id);
    for (const [name, def] of this.relationsOf.get(table) ?? []) {
      const index = this.reverse.get(name)!;
      const targets = def.targets as (r: TableRecords[TableName]) => readonly number[];
      if (before) for (const target of targets(before)) index.get(target)?.delete(id);
      if (record) {
        for (const target of targets(record)) {
          let set = index.get(target);
          if (!set) index.set(target, (set = new Set()));
          set.add(id);
        }
      }
    }
    if (table === "folders") {
      if (before) this.folderByPath.delete((before as FolderRecord).path);
      if (record) this.folderByPath.set((record as FolderRecord).path, id);
    }
    const ids = this.idIndex.get(table);
    if (ids && !before !== !record) {
      // Ids only grow, so an insert appends and a delete cuts one entry; an undone delete rebuilds lazily.
      const at = record ? -1 : lowerBound(ids, id);
      if (record && (ids.length === 0 || ids[ids.length - 1]! < id)) ids.push(id);
      else if (!record && ids[at] === id) ids.splice(at, 1);
      else this.idIndex.delete(table);
    }
    if (record) map.set(id, record);
    else map.delete(id);
  }

  /**
   * Ids of the records that point at `targetId` through a relation, e.g.
   * `referrers("sceneTags", 3)` is the scenes tagged 3. Read-only: copy it
   * before changing the store while iterating.
   */
  referrers(relation: RelationName, targetId: number): ReadonlySet<number> {
    return this.reverse.get(relation)!.get(targetId) ?? EMPTY;
  }

  /** How many records point at `targetId` through a relation. */
  referrerCount(relation: RelationName, targetId: number): number {
    return this.referrers(relation, targetId).size;
  }

  /** The folder record of a path, if one exists. */
  folderAt(path: string): FolderRecord | undefined {
    const id = this.folderByPath.get(path);
    return id === undefined ? undefined : this.get("folders", id);
  }

  /**
   * The id of the folder at `path`, creating it and its missing parents
   * first, as the scanner does (pkg/file/scan.go).
   */
  folderId(path: string): number {
    const existing = this.folderByPath.get(path);
    if (existing !== undefined) return existing;
    const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
    const parentPath = cut > 0 ? path.slice(0, cut) : cut === 0 && path.length > 1 ? path.slice(0, 1) : null;
    const parentFolderId = parentPath !== null && parentPath !== path ? this.folderId(parentPath) : null;
    const stamp = this.nowTime();
    const id = this.allocateId("folders");
    this.put("folders", { id, path, parentFolderId, zipFileId: null, modTime: stamp, createdAt: stamp, updatedAt: stamp });
    return id;
  }

  /** Files of a scene, primary first. */
  sceneFiles(scene: SceneRecord): FileRecord[] {
    const out: FileRecord[] = [];
    for (const id of scene.fileIds) {
      const file = this.get("files", id);
      if (file) out.push(file);
    }
    return out;
  }

  /** Markers of a scene ordered by start time, as Stash returns `Scene.scene_markers` (pkg/sqlite/scene_marker.go FindBySceneID). */
  sceneMarkers(sceneId: number): MarkerRecord[] {
    const out: MarkerRecord[] = [];
    for (const id of this.referrers("markerScene", sceneId)) {
      const marker = this.get("markers", id);
      if (marker) out.push(marker);
    }
    return out.sort((a, b) => a.seconds - b.seconds || a.id - b.id);
  }
}

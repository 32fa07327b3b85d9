/**
 * In-memory state of one stand-in server. Records are treated as immutable:
 * every change goes through `put`/`remove`, which lets `transaction` undo a
 * failed batch the way Stash's database transaction would.
 */

/** A video file, as Stash creates it by scanning. */
export interface FileRecord {
  readonly id: number;
  readonly path: string;
  readonly size: number;
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly videoCodec: string;
  readonly audioCodec: string;
  readonly frameRate: number;
  readonly bitRate: number;
  /** 16 lower-case hex digits, or null when the file was never hashed. */
  readonly phash: string | null;
  readonly oshash: string | null;
  readonly md5: string | null;
  readonly modTime: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The scene the file belongs to; files survive unattached when a scene goes. */
  readonly sceneId: number | null;
}

/** A scene's link to a group, with its position in the group. */
export interface SceneGroupLink {
  readonly groupId: number;
  readonly sceneIndex: number | null;
}

/** A stash-box identifier on a scene. */
export interface StashIdRecord {
  readonly endpoint: string;
  readonly stashId: string;
  readonly updatedAt: string;
}

/** A scene row with its relationship lists. */
export interface SceneRecord {
  readonly id: number;
  readonly title: string;
  readonly code: string;
  readonly details: string;
  readonly director: string;
  readonly urls: readonly string[];
  /** Stored at the precision given: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly rating100: number | null;
  readonly organized: boolean;
  readonly studioId: number | null;
  readonly tagIds: readonly number[];
  readonly performerIds: readonly number[];
  readonly galleryIds: readonly number[];
  readonly groups: readonly SceneGroupLink[];
  readonly stashIds: readonly StashIdRecord[];
  /** Primary file first. */
  readonly fileIds: readonly number[];
  readonly resumeTime: number;
  readonly playDuration: number;
  /** RFC3339 UTC at one-second precision, in insertion order (sorted on output). */
  readonly playHistory: readonly string[];
  readonly oHistory: readonly string[];
  readonly hasCover: boolean;
  readonly interactive: boolean;
  readonly interactiveSpeed: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A scene marker. */
export interface MarkerRecord {
  readonly id: number;
  readonly sceneId: number;
  readonly title: string;
  readonly seconds: number;
  readonly endSeconds: number | null;
  readonly primaryTagId: number;
  readonly tagIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A tag. */
export interface TagRecord {
  readonly id: number;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly parentIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A performer. */
export interface PerformerRecord {
  readonly id: number;
  readonly name: string;
  readonly disambiguation: string;
  readonly aliases: readonly string[];
  readonly tagIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A studio. */
export interface StudioRecord {
  readonly id: number;
  readonly name: string;
  readonly parentId: number | null;
  readonly aliases: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A group (formerly "movie"). */
export interface GroupRecord {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A gallery; the stand-in only needs it to exist for foreign-key checks. */
export interface GalleryRecord {
  readonly id: number;
  readonly title: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The record type held by each table. */
export interface TableRecords {
  scenes: SceneRecord;
  files: FileRecord;
  markers: MarkerRecord;
  tags: TagRecord;
  performers: PerformerRecord;
  studios: StudioRecord;
  groups: GroupRecord;
  galleries: GalleryRecord;
}

/** Name of a table in the store. */
export type TableName = keyof TableRecords;

const TABLES: readonly TableName[] = [
  "scenes",
  "files",
  "markers",
  "tags",
  "performers",
  "studios",
  "groups",
  "galleries",
];

type UndoEntry = { table: TableName; id: number; previous: TableRecords[TableName] | undefined };

/** Formats a Date as Stash does for Time values: RFC3339, UTC, whole seconds. */
export function formatTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
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
  /** Marker ids per scene: `Scene.scene_markers` must not scan every marker. */
  private readonly markersByScene = new Map<number, Set<number>>();
  /** Folders are not a table of their own here; ids are handed out on first sight. */
  private readonly folders = new Map<string, number>();

  constructor(options: StoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    this.tables = {
      scenes: new Map(),
      files: new Map(),
      markers: new Map(),
      tags: new Map(),
      performers: new Map(),
      studios: new Map(),
      groups: new Map(),
      galleries: new Map(),
    };
    this.nextIds = Object.fromEntries(TABLES.map((t) => [t, 1])) as Record<TableName, number>;
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
    const id = this.nextIds[table];
    this.nextIds[table] = id + 1;
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

  /** The single place that changes a table, so secondary indexes never drift. */
  private write(table: TableName, id: number, record: TableRecords[TableName] | undefined): void {
    const map = this.tables[table] as Map<number, TableRecords[TableName]>;
    if (table === "markers") {
      const before = map.get(id) as MarkerRecord | undefined;
      if (before) this.markersByScene.get(before.sceneId)?.delete(id);
      if (record) {
        const sceneId = (record as MarkerRecord).sceneId;
        let set = this.markersByScene.get(sceneId);
        if (!set) this.markersByScene.set(sceneId, (set = new Set()));
        set.add(id);
      }
    }
    if (record) map.set(id, record);
    else map.delete(id);
  }

  /** A stable id for a folder path, allocated on first use. */
  folderId(path: string): number {
    let id = this.folders.get(path);
    if (id === undefined) {
      id = this.folders.size + 1;
      this.folders.set(path, id);
    }
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

  /** Markers of a scene ordered by start time, as Stash returns `Scene.scene_markers`. */
  sceneMarkers(sceneId: number): MarkerRecord[] {
    const out: MarkerRecord[] = [];
    for (const id of this.markersByScene.get(sceneId) ?? []) {
      const marker = this.get("markers", id);
      if (marker) out.push(marker);
    }
    return out.sort((a, b) => a.seconds - b.seconds || a.id - b.id);
  }
}

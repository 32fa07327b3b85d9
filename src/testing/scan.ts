/**
 * The `metadataScan` job: walks the stand-in's disk and library files under
 * the configured stash paths (or the given paths inside them) and, like
 * Stash's scene scan handler (pkg/scene/scan.go),
 * gives every new video file a scene — or adds it to the scene that already
 * has a file with the same oshash or MD5 — and gives a scene back to a
 * library file that lost its own; image files on disk go through
 * scan-images.ts (pkg/image/scan.go). Progress and sub-tasks follow
 * pkg/file/scan.go; the end notifies scan-complete subscribers
 * (internal/manager/task_scan.go).
 */
import type { StandInContext } from "./context";
import { parseTimestamp } from "./dates";
import { isUnder } from "./disk";
import { normalizeTime } from "./fixture-validate";
import type { FixtureFile } from "./fixture";
import type { JobHandle, JobRun } from "./jobs";
import { imageCandidates, scanImageFile } from "./scan-images";
import { fileRecord } from "./seed";
import { emptySceneRecord } from "./scene-input";
import type { FileRecord, SceneRecord, Store } from "./store";

/** The part of `ScanMetadataInput` the stand-in acts on. */
export interface ScanInput {
  paths?: readonly string[] | null;
  /** Files modified before `minModTime` are ignored (newScanFilter). */
  filter?: { minModTime?: string | null } | null;
}

type Candidate = { path: string; disk: FixtureFile | null; existing: FileRecord | null };

/** A configured library folder (`general.stashes`). */
interface StashPath {
  readonly path: string;
  readonly excludeVideo?: boolean;
  readonly excludeImage?: boolean;
}

function stashPaths(ctx: StandInContext): StashPath[] {
  const raw = (ctx.config.section("general") as Record<string, unknown>).stashes;
  return Array.isArray(raw) ? raw.filter((s): s is StashPath => typeof s?.path === "string") : [];
}

/** getScanPaths (manager_tasks.go): every stash path, or the given paths that lie inside one. */
function scanRoots(ctx: StandInContext, job: JobHandle, paths: readonly string[]): StashPath[] {
  const stashes = stashPaths(ctx);
  if (paths.length === 0) return stashes;
  const roots: StashPath[] = [];
  for (const path of paths) {
    const stash = stashes.find((s) => isUnder(path, [s.path]));
    if (stash) roots.push({ ...stash, path });
    else job.log("Warning", `${path} is not in the configured stash paths`);
  }
  return roots;
}

/** A new, empty scene for a scanned file. */
function newScene(store: Store, stamp: string): SceneRecord {
  return store.put("scenes", { id: store.allocateId("scenes"), ...emptySceneRecord(stamp) });
}

/** Scene display name: the title, else the primary file's base name. */
function displayName(store: Store, scene: SceneRecord): string {
  if (scene.title) return scene.title;
  const primary = store.sceneFiles(scene)[0];
  return primary ? primary.path.split(/[\\/]/).pop()! : String(scene.id);
}

/** The first scene holding a file with one of the file's matchable fingerprints (oshash, MD5). */
function sceneByFingerprint(store: Store, file: FileRecord): SceneRecord | null {
  for (const other of store.all("files")) {
    if (other.id === file.id || other.sceneId === null) continue;
    const same = (file.oshash !== null && other.oshash === file.oshash) || (file.md5 !== null && other.md5 === file.md5);
    if (same) return store.get("scenes", other.sceneId) ?? null;
  }
  return null;
}

/** Video files under the roots, library and disk alike; stashes that exclude videos are skipped. */
function candidates(ctx: StandInContext, stashes: readonly StashPath[], minModTime: number | null): Candidate[] {
  const roots = stashes.filter((s) => !s.excludeVideo).map((s) => s.path);
  if (roots.length === 0) return [];
  const recent = (modTime: string | undefined) => minModTime === null || Date.parse(normalizeTime(modTime ?? "") ?? "") >= minModTime;
  const byPath = new Map<string, Candidate>();
  const library = new Set<string>();
  for (const file of ctx.store.all("files")) {
    library.add(file.path);
    if (isUnder(file.path, roots) && recent(file.modTime)) byPath.set(file.path, { path: file.path, disk: null, existing: file });
  }
  for (const file of ctx.disk.under(roots)) {
    if (!library.has(file.path) && recent(file.mod_time)) byPath.set(file.path, { path: file.path, disk: file, existing: null });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Handles one file: a new file gets a scene (its fingerprint twin's, else a new one). */
function scanFile(ctx: StandInContext, job: JobHandle, item: Candidate): void {
  const { store } = ctx;
  // Re-read: the library may have changed since the walk.
  const existing = item.existing ? store.get("files", item.existing.id) : null;
  if (item.existing && !existing) return;
  // Files already in a scene are unchanged; a file without one still needs its handler.
  if (existing && existing.sceneId !== null && store.has("scenes", existing.sceneId)) return;
  store.transaction(() => {
    const stamp = store.nowTime();
    // Scene 0 is a placeholder until the file's scene is known.
    const file = existing ?? store.put("files", fileRecord(store, item.disk!, 0, stamp));
    const match = sceneByFingerprint(store, file);
    if (match) {
      job.log("Info", `Adding ${file.path} to scene ${displayName(store, match)}`);
      store.patch("scenes", match.id, { fileIds: [...match.fileIds, file.id], updatedAt: stamp });
      store.patch("files", file.id, { sceneId: match.id });
      return;
    }
    job.log("Info", `${file.path} doesn't exist. Creating new scene...`);
    const scene = newScene(store, stamp);
    store.patch("scenes", scene.id, { fileIds: [file.id] });
    store.patch("files", file.id, { sceneId: scene.id });
  });
}

/** The scan job's code for `input`; a bad `minModTime` throws here, before anything is queued. */
export function scanJob(ctx: StandInContext, input: ScanInput): JobRun {
  const raw = input.filter?.minModTime;
  const minModTime = raw ? parseTimestamp(raw, ctx.store.now()).getTime() : null;
  return async (job) => {
    if (job.stopping) return job.log("Info", "Stopping due to user request");
    const started = Date.now();
    const roots = scanRoots(ctx, job, input.paths ?? []);
    job.log("Info", `scanning ${roots.length} paths`);
    job.subTask("Walking directory tree");
    await job.step();
    const queue = candidates(ctx, roots, minModTime);
    const images = imageCandidates(ctx, roots.filter((s) => !s.excludeImage).map((s) => s.path), minModTime);
    const total = queue.length + images.length;
    job.log("Info", `Finished adding files to queue. ${total} files queued`);
    if (total > 0) job.progress(0);
    for (let i = 0; i < queue.length && !job.stopping; i++) {
      const item = queue[i]!;
      job.subTask(`Scanning ${item.path}`);
      await job.step();
      if (job.stopping) break;
      scanFile(ctx, job, item);
      job.progress((i + 1) / total);
    }
    for (let i = 0; i < images.length && !job.stopping; i++) {
      job.subTask(`Scanning ${images[i]!.path}`);
      await job.step();
      if (job.stopping) break;
      scanImageFile(ctx, job, images[i]!);
      job.progress((queue.length + i + 1) / total);
    }
    if (job.stopping) return job.log("Info", "Stopping due to user request");
    job.log("Info", `Scan finished (${Date.now() - started}ms)`);
    ctx.scanComplete.emit("complete");
  };
}

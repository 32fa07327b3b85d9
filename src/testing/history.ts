/**
 * Play and O histories and playback activity. Entries are UTC times at
 * one-second precision, returned newest first; the counters are the history
 * lengths. None of these mutations touches `updated_at`, as in Stash.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { parseTimestamp, toSecond } from "./dates";
import { parseId, sceneNotFound } from "./ids";
import { newestFirst } from "./present-scene";
import { converting } from "./scene-input";
import { formatTime, type SceneRecord } from "./store";
import { missingRow } from "./missing-row";

type HistoryField = "playHistory" | "oHistory";

/** The HistoryMutationResult shape. */
export interface HistoryResult {
  readonly count: number;
  readonly history: string[];
}

function sceneId(raw: unknown): number {
  return converting("id", () => parseId(raw));
}

/** Timestamp inputs as stored entries; an absent or empty list is null. */
function entryTimes(ctx: StandInContext, raw: unknown): string[] | null {
  const list = raw as unknown[] | null | undefined;
  if (!list || list.length === 0) return null;
  const now = ctx.store.now();
  return list.map((value, i) => {
    try {
      return formatTime(toSecond(parseTimestamp(value, now)));
    } catch (err) {
      throw new Error(`times[${i}]: ${(err as Error).message}`);
    }
  });
}

function result(scene: SceneRecord | undefined, field: HistoryField): HistoryResult {
  const entries = scene ? scene[field] : [];
  return { count: entries.length, history: newestFirst(entries) };
}

/** Adds one entry per time (one at now when none are given); a missing scene is an error. */
export function addEntries(ctx: StandInContext, rawId: unknown, field: HistoryField, rawTimes: unknown): HistoryResult {
  const { store } = ctx;
  const id = sceneId(rawId);
  const times = entryTimes(ctx, rawTimes) ?? [formatTime(toSecond(store.now()))];
  return store.transaction(() => {
    const scene = store.get("scenes", id);
    if (!scene) throw sceneNotFound(id);
    return result(store.patch("scenes", id, { [field]: [...scene[field], ...times] }), field);
  });
}

/**
 * Without times removes the newest entry; with times removes one matching
 * entry per time. A missing scene just has nothing to remove.
 */
export function deleteEntries(ctx: StandInContext, rawId: unknown, field: HistoryField, rawTimes: unknown): HistoryResult {
  const { store } = ctx;
  const id = sceneId(rawId);
  const times = entryTimes(ctx, rawTimes);
  return store.transaction(() => {
    const scene = store.get("scenes", id);
    if (!scene) return result(undefined, field);
    const remaining = [...scene[field]];
    const targets = times ?? newestFirst(remaining).slice(0, 1);
    for (const time of targets) {
      const at = remaining.indexOf(time);
      if (at >= 0) remaining.splice(at, 1);
    }
    return result(store.patch("scenes", id, { [field]: remaining }), field);
  });
}

/** Clears a history; answers 0 whether or not the scene exists. */
export function resetEntries(ctx: StandInContext, rawId: unknown, field: HistoryField): number {
  const { store } = ctx;
  const id = sceneId(rawId);
  store.transaction(() => {
    if (store.has("scenes", id)) store.patch("scenes", id, { [field]: [] });
  });
  return 0;
}

/** The message Stash's table layer gives when an activity update names no scene. */
function activityTarget(ctx: StandInContext, id: number): SceneRecord {
  const scene = ctx.store.get("scenes", id);
  if (!scene) throw missingRow(id, "scenes");
  return scene;
}

const sceneSaveActivity: RootResolver = (args, ctx) => {
  const id = sceneId(args.id);
  ctx.store.transaction(() => {
    const scene = activityTarget(ctx, id);
    const resume = args.resume_time as number | null | undefined;
    const played = args.playDuration as number | null | undefined;
    ctx.store.patch("scenes", id, {
      resumeTime: resume ?? scene.resumeTime,
      playDuration: scene.playDuration + (played ?? 0),
    });
  });
  return true;
};

const sceneResetActivity: RootResolver = (args, ctx) => {
  const id = sceneId(args.id);
  ctx.store.transaction(() => {
    const scene = activityTarget(ctx, id);
    ctx.store.patch("scenes", id, {
      resumeTime: args.reset_resume === true ? 0 : scene.resumeTime,
      playDuration: args.reset_duration === true ? 0 : scene.playDuration,
    });
  });
  return true;
};

/** History and activity mutations, including the deprecated counter forms. */
export const historyMutations: ResolverModule = {
  Mutation: {
    sceneAddO: (args, ctx) => addEntries(ctx, args.id, "oHistory", args.times),
    sceneDeleteO: (args, ctx) => deleteEntries(ctx, args.id, "oHistory", args.times),
    sceneResetO: (args, ctx) => resetEntries(ctx, args.id, "oHistory"),
    sceneAddPlay: (args, ctx) => addEntries(ctx, args.id, "playHistory", args.times),
    sceneDeletePlay: (args, ctx) => deleteEntries(ctx, args.id, "playHistory", args.times),
    sceneResetPlayCount: (args, ctx) => resetEntries(ctx, args.id, "playHistory"),
    sceneSaveActivity,
    sceneResetActivity,
    sceneIncrementO: (args, ctx) => addEntries(ctx, args.id, "oHistory", null).count,
    sceneDecrementO: (args, ctx) => deleteEntries(ctx, args.id, "oHistory", null).count,
    sceneIncrementPlayCount: (args, ctx) => addEntries(ctx, args.id, "playHistory", null).count,
  },
};

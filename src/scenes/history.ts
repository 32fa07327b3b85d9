/**
 * Play and O histories and playback activity. Times may be `Date`s or
 * strings in Stash's Timestamp formats; they are checked before sending,
 * because Stash's own parse error does not say which entry was wrong.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { StashValidationError } from "../core/errors";
import {
  SceneAddODocument,
  SceneAddPlayDocument,
  SceneDeleteODocument,
  SceneDeletePlayDocument,
  SceneResetActivityDocument,
  SceneResetODocument,
  SceneResetPlayCountDocument,
  SceneSaveActivityDocument,
} from "../../generated/graphql";
import { checkBoolean, checkId, checkKnownKeys, checkNonNegative, checkObject, checkTimestamps, type ID } from "../core/validate";

/** A history time: a `Date`, RFC3339, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, or relative (`<4h` ago, `>5m` ahead). */
export type HistoryTime = Date | string;

/** The state of a history after a change: the new count and every entry, newest first (UTC RFC3339). */
export interface HistoryMutationResult {
  count: number;
  history: string[];
}

/** Arguments of `sceneSaveActivity`; at least one is required. */
export interface SceneActivity {
  /** Where playback stopped, in seconds; replaces the stored value. */
  resumeTime?: number;
  /** Seconds just played; Stash adds it to the stored total. */
  playDuration?: number;
}

/** Arguments of `sceneResetActivity`; at least one must be true. */
export interface SceneActivityReset {
  resetResume?: boolean;
  resetDuration?: boolean;
}

function times(values: readonly HistoryTime[] | undefined, emptyMeaning: string): string[] | undefined {
  if (Array.isArray(values) && values.length === 0) {
    // Stash treats [] like no list at all, which would add "now" or drop the newest entry: surely not what [] meant.
    throw new StashValidationError("times", `is empty; omit it to ${emptyMeaning}`);
  }
  return checkTimestamps(values, "times");
}

/** Adds O entries: one at now without `times`, else one per time. */
export async function sceneAddO(core: StashCoreApi, id: ID, at?: readonly HistoryTime[], options?: CallOptions): Promise<HistoryMutationResult> {
  const variables = { id: checkId(id), times: times(at, "add one entry at the current time") };
  return (await core.request(SceneAddODocument, variables, options)).sceneAddO;
}

/** Removes O entries: the newest without `times`, else one matching entry per time. */
export async function sceneDeleteO(core: StashCoreApi, id: ID, at?: readonly HistoryTime[], options?: CallOptions): Promise<HistoryMutationResult> {
  const variables = { id: checkId(id), times: times(at, "remove the newest entry") };
  return (await core.request(SceneDeleteODocument, variables, options)).sceneDeleteO;
}

/** Deletes every O entry; returns the new count (0). */
export async function sceneResetO(core: StashCoreApi, id: ID, options?: CallOptions): Promise<number> {
  return (await core.request(SceneResetODocument, { id: checkId(id) }, options)).sceneResetO;
}

/** Adds plays: one at now without `times`, else one per time. */
export async function sceneAddPlay(core: StashCoreApi, id: ID, at?: readonly HistoryTime[], options?: CallOptions): Promise<HistoryMutationResult> {
  const variables = { id: checkId(id), times: times(at, "add one play at the current time") };
  return (await core.request(SceneAddPlayDocument, variables, options)).sceneAddPlay;
}

/** Removes plays: the newest without `times`, else one matching entry per time. */
export async function sceneDeletePlay(core: StashCoreApi, id: ID, at?: readonly HistoryTime[], options?: CallOptions): Promise<HistoryMutationResult> {
  const variables = { id: checkId(id), times: times(at, "remove the newest play") };
  return (await core.request(SceneDeletePlayDocument, variables, options)).sceneDeletePlay;
}

/** Deletes every play; returns the new count (0). */
export async function sceneResetPlayCount(core: StashCoreApi, id: ID, options?: CallOptions): Promise<number> {
  return (await core.request(SceneResetPlayCountDocument, { id: checkId(id) }, options)).sceneResetPlayCount;
}

/** Records playback: `resumeTime` replaces the resume point, `playDuration` is added to the total. */
export async function sceneSaveActivity(core: StashCoreApi, id: ID, activity: SceneActivity, options?: CallOptions): Promise<boolean> {
  const sceneId = checkId(id);
  const input = checkObject(activity, "activity");
  checkKnownKeys(input, ["resumeTime", "playDuration"], "activity");
  if (input["resumeTime"] == null && input["playDuration"] == null) {
    throw new StashValidationError("activity", "give resumeTime and/or playDuration (seconds)");
  }
  const variables = {
    id: sceneId,
    // The wire names really differ: `resume_time` but camelCase `playDuration`.
    ...(input["resumeTime"] != null ? { resume_time: checkNonNegative(input["resumeTime"], "activity.resumeTime") } : {}),
    ...(input["playDuration"] != null ? { playDuration: checkNonNegative(input["playDuration"], "activity.playDuration") } : {}),
  };
  return (await core.request(SceneSaveActivityDocument, variables, options)).sceneSaveActivity;
}

/** Zeroes the resume point and/or the play duration. */
export async function sceneResetActivity(core: StashCoreApi, id: ID, reset: SceneActivityReset, options?: CallOptions): Promise<boolean> {
  const sceneId = checkId(id);
  const input = checkObject(reset, "reset");
  checkKnownKeys(input, ["resetResume", "resetDuration"], "reset");
  const resetResume = input["resetResume"] == null ? false : checkBoolean(input["resetResume"], "reset.resetResume");
  const resetDuration = input["resetDuration"] == null ? false : checkBoolean(input["resetDuration"], "reset.resetDuration");
  if (!resetResume && !resetDuration) throw new StashValidationError("reset", "set resetResume and/or resetDuration to true");
  const variables = { id: sceneId, reset_resume: resetResume, reset_duration: resetDuration };
  return (await core.request(SceneResetActivityDocument, variables, options)).sceneResetActivity;
}

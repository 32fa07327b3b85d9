/**
 * Duplicate cleanup in two steps: a pure plan (which scene of each group to
 * keep, and the merge that folds the others into it), then an explicit apply
 * that runs those merges one by one and reports each outcome.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError, StashAbortError, StashError, StashValidationError } from "../core/errors";
import { SceneMergeDocument, type SceneMergeMutation } from "../../generated/graphql";
import { checkBoolean, checkId, checkKnownKeys, checkObject } from "../core/validate";

/** How the scene to keep is chosen; ties always go to the lower id. */
export type CleanupStrategy = "largest" | "highest-resolution" | "oldest" | "most-played";

/** The strategies, for validation and UIs. */
export const CLEANUP_STRATEGIES: readonly CleanupStrategy[] = Object.freeze(["largest", "highest-resolution", "oldest", "most-played"]);

/** The file fields a plan reads; SlimSceneData files fit. */
export interface CleanupFile {
  size: number;
  width: number;
  height: number;
}

/** The scene fields a plan reads; SlimSceneData scenes fit. `created_at` is optional (id order stands in). */
export interface CleanupScene {
  id: string;
  created_at?: string | null;
  play_count?: number | null;
  o_counter?: number | null;
  /** Primary file first, as Stash returns them. */
  files: readonly CleanupFile[];
}

/** The sceneMerge input a group will run: histories are always carried over. */
export interface DuplicateMergeInput {
  source: string[];
  destination: string;
  play_history: true;
  o_history: true;
}

/** One group of the plan: the keeper, the scenes merged into it, and why. */
export interface DuplicateCleanupGroup<S extends CleanupScene = CleanupScene> {
  keep: S;
  remove: S[];
  reason: string;
  merge: DuplicateMergeInput;
}

/** A group left out of the plan, e.g. fewer than two scenes not already claimed by an earlier group. */
export interface SkippedCleanupGroup<S extends CleanupScene = CleanupScene> {
  scenes: S[];
  reason: string;
}

/** The result of `planDuplicateCleanup`; nothing has changed on the server. */
export interface DuplicateCleanupPlan<S extends CleanupScene = CleanupScene> {
  strategy: CleanupStrategy;
  groups: DuplicateCleanupGroup<S>[];
  skipped: SkippedCleanupGroup<S>[];
  summary: { groups: number; keep: number; remove: number; skippedGroups: number };
}

/** Options of `planDuplicateCleanup`. */
export interface PlanDuplicateCleanupOptions {
  keep: CleanupStrategy;
}

/** What happened to one group when the plan was applied. */
export interface CleanupResult {
  destination: string;
  sources: string[];
  status: "merged" | "failed" | "skipped";
  /** Why it was skipped (dry run, abort, a scene merged away by an earlier group). */
  reason?: string;
  error?: StashError;
  /** The keeper after the merge, with the moved files. */
  scene?: NonNullable<SceneMergeMutation["sceneMerge"]>;
}

/** Options of `applyDuplicateCleanup`. */
export interface ApplyDuplicateCleanupOptions {
  /** Report every group as skipped without sending anything. */
  dryRun?: boolean;
  /** Called after each group; an exception thrown here stops the run. */
  onProgress?: (done: number, total: number, item: CleanupResult) => void;
}

/** The result of `applyDuplicateCleanup`. */
export interface ApplyDuplicateCleanupResult {
  results: CleanupResult[];
  merged: number;
  failed: number;
  skipped: number;
}

type Score = { values: number[]; describe: string };

function primary(scene: CleanupScene): CleanupFile | undefined {
  return (scene.files ?? [])[0];
}

function createdMs(scene: CleanupScene): number {
  return scene.created_at ? Date.parse(scene.created_at) : NaN;
}

/** Higher scores win, compared element by element. */
function scorer(strategy: CleanupStrategy, group: readonly CleanupScene[]): (scene: CleanupScene) => Score {
  switch (strategy) {
    case "largest":
      return (s) => {
        const size = primary(s)?.size ?? 0;
        const total = (s.files ?? []).reduce((sum, f) => sum + (f.size ?? 0), 0);
        return { values: [size, total], describe: `primary file ${size} bytes (all files ${total})` };
      };
    case "highest-resolution":
      return (s) => {
        const f = primary(s);
        const w = f?.width ?? 0;
        const h = f?.height ?? 0;
        return { values: [w * h], describe: `primary file ${w}×${h}` };
      };
    case "most-played":
      return (s) => ({
        values: [s.play_count ?? 0, s.o_counter ?? 0],
        describe: `${s.play_count ?? 0} plays, ${s.o_counter ?? 0} O`,
      });
    case "oldest": {
      // Mixing real dates with missing ones would rank arbitrarily; id order is Stash's creation order.
      const dated = group.every((s) => Number.isFinite(createdMs(s)));
      return (s) =>
        dated
          ? { values: [-createdMs(s)], describe: `created ${s.created_at}` }
          : { values: [-Number(s.id)], describe: `lowest id (created_at not in every scene)` };
    }
  }
}

function compareScores(a: Score, b: Score): number {
  for (let i = 0; i < Math.max(a.values.length, b.values.length); i++) {
    const d = (b.values[i] ?? 0) - (a.values[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function checkStrategy(value: unknown): CleanupStrategy {
  if (typeof value !== "string" || !(CLEANUP_STRATEGIES as readonly string[]).includes(value)) {
    throw new StashValidationError("keep", `must be one of ${CLEANUP_STRATEGIES.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as CleanupStrategy;
}

/**
 * Picks a keeper in each duplicate group and the merge that would fold the rest
 * into it. Pure: sends nothing. A scene already in an earlier group is left out
 * of later ones, so applying the plan never merges one scene twice.
 */
export function planDuplicateCleanup<S extends CleanupScene>(
  groups: readonly (readonly S[])[],
  options: PlanDuplicateCleanupOptions,
): DuplicateCleanupPlan<S> {
  if (!Array.isArray(groups)) throw new StashValidationError("groups", "must be an array of scene groups");
  checkKnownKeys(checkObject(options, "options"), ["keep"], "options");
  const strategy = checkStrategy(options.keep);
  const claimed = new Set<string>();
  const plan: DuplicateCleanupPlan<S> = { strategy, groups: [], skipped: [], summary: { groups: 0, keep: 0, remove: 0, skippedGroups: 0 } };

  groups.forEach((group, g) => {
    if (!Array.isArray(group)) throw new StashValidationError(`groups[${g}]`, "must be an array of scenes");
    const scenes: S[] = [];
    const ids = new Set<string>();
    group.forEach((scene: S, i: number) => {
      if (scene === null || typeof scene !== "object") throw new StashValidationError(`groups[${g}][${i}]`, "must be a scene object");
      const id = checkId(scene.id, `groups[${g}][${i}].id`);
      if (ids.has(id) || claimed.has(id)) return;
      ids.add(id);
      scenes.push(scene);
    });
    if (scenes.length < 2) {
      plan.skipped.push({ scenes: [...group], reason: "fewer than two scenes not already planned in an earlier group" });
      return;
    }
    const score = scorer(strategy, scenes);
    const ranked = scenes
      .map((scene) => ({ scene, score: score(scene) }))
      .sort((a, b) => compareScores(a.score, b.score) || Number(a.scene.id) - Number(b.scene.id));
    const [best, runnerUp] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
    const tie = compareScores(best.score, runnerUp.score) === 0;
    const reason = `${strategy}: ${best.score.describe}${tie ? `; tied with scene ${runnerUp.scene.id}, lower id kept` : `; next best ${runnerUp.score.describe}`}`;
    const remove = ranked.slice(1).map((r) => r.scene);
    for (const s of scenes) claimed.add(String(s.id).trim());
    plan.groups.push({
      keep: best.scene,
      remove,
      reason,
      merge: { source: remove.map((s) => String(s.id).trim()), destination: String(best.scene.id).trim(), play_history: true, o_history: true },
    });
  });
  plan.summary = {
    groups: plan.groups.length,
    keep: plan.groups.length,
    remove: plan.groups.reduce((n, grp) => n + grp.remove.length, 0),
    skippedGroups: plan.skipped.length,
  };
  return plan;
}

function checkPlan(plan: unknown): DuplicateMergeInput[] {
  const groups = (plan as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) throw new StashValidationError("plan.groups", "must be the groups array of a cleanup plan");
  return groups.map((group, g) => {
    const merge = (group as { merge?: DuplicateMergeInput } | null)?.merge;
    if (!merge || typeof merge !== "object") throw new StashValidationError(`plan.groups[${g}].merge`, "is missing");
    const destination = checkId(merge.destination, `plan.groups[${g}].merge.destination`);
    if (!Array.isArray(merge.source) || merge.source.length === 0) {
      throw new StashValidationError(`plan.groups[${g}].merge.source`, "must name at least one scene");
    }
    const source = merge.source.map((id, i) => {
      const s = checkId(id, `plan.groups[${g}].merge.source[${i}]`);
      if (s === destination) throw new StashValidationError(`plan.groups[${g}].merge.source[${i}]`, "is the destination");
      return s;
    });
    return { source, destination, play_history: true, o_history: true };
  });
}

/**
 * Runs the plan's merges one at a time, with play and O histories. A failed
 * group is reported and the next one still runs. No file is deleted: sceneMerge
 * moves the sources' files (and markers) to the keeper and deletes only the
 * source scene records.
 */
export async function applyDuplicateCleanup(
  core: StashCoreApi,
  plan: DuplicateCleanupPlan<CleanupScene>,
  applyOptions: ApplyDuplicateCleanupOptions = {},
  options: CallOptions = {},
): Promise<ApplyDuplicateCleanupResult> {
  const merges = checkPlan(plan);
  checkKnownKeys(checkObject(applyOptions, "applyOptions"), ["dryRun", "onProgress"], "applyOptions");
  if (applyOptions.dryRun !== undefined) checkBoolean(applyOptions.dryRun, "dryRun");
  if (applyOptions.onProgress !== undefined && typeof applyOptions.onProgress !== "function") {
    throw new StashValidationError("onProgress", "must be a function");
  }
  const out: ApplyDuplicateCleanupResult = { results: [], merged: 0, failed: 0, skipped: 0 };
  const gone = new Set<string>();
  let aborted = false;

  for (const merge of merges) {
    const base = { destination: merge.destination, sources: merge.source };
    let item: CleanupResult;
    const overlap = [merge.destination, ...merge.source].find((id) => gone.has(id));
    if (applyOptions.dryRun) item = { ...base, status: "skipped", reason: "dry run" };
    else if (aborted || options.signal?.aborted) item = { ...base, status: "skipped", reason: "aborted" };
    else if (overlap) item = { ...base, status: "skipped", reason: `scene ${overlap} was merged away by an earlier group` };
    else {
      try {
        const data = await core.request(SceneMergeDocument, { input: merge }, options);
        if (!data.sceneMerge) throw emptyResultError("SceneMerge", "scene");
        item = { ...base, status: "merged", scene: data.sceneMerge };
        for (const id of merge.source) gone.add(id);
      } catch (err) {
        const error = err instanceof StashError ? err : new StashError(String(err), { operation: "SceneMerge", cause: err });
        if (error instanceof StashAbortError) aborted = true;
        item = { ...base, status: "failed", error };
      }
    }
    out.results.push(item);
    if (item.status === "merged") out.merged++;
    else if (item.status === "failed") out.failed++;
    else out.skipped++;
    applyOptions.onProgress?.(out.results.length, merges.length, item);
  }
  return out;
}

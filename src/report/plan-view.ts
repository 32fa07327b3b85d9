/**
 * Lines a cleanup plan up with the duplicate groups it was made from, so a
 * table or report can show every group with its suggested keeper. The plan
 * keeps group order but drops groups (and scenes already planned earlier), so
 * the two lists are walked side by side.
 */

/** The file fields a duplicate view shows; SlimSceneData files fit. */
export interface ReportFile {
  path: string;
  size: number;
  duration: number;
  width: number;
  height: number;
}

/** The scene fields a duplicate view shows; SlimSceneData scenes fit. */
export interface ReportScene {
  id: string;
  title?: string | null;
  /** Primary file first. */
  files: readonly ReportFile[];
  paths?: { screenshot?: string | null } | null;
}

/** The parts of a `DuplicateCleanupPlan` a view reads. */
export interface PlanLike {
  strategy: string;
  groups: readonly { keep: { id: string }; remove: readonly { id: string }[]; reason: string }[];
  skipped: readonly { scenes: readonly { id: string }[]; reason: string }[];
}

/** What the plan does with one scene of a group. */
export type SceneRole = "keep" | "remove" | "elsewhere";

/** One duplicate group with the plan's verdict. */
export interface GroupView<S extends ReportScene = ReportScene> {
  /** 1-based position among the groups. */
  number: number;
  scenes: readonly S[];
  /** The suggested keeper, or null when the plan skipped this group. */
  keepId: string | null;
  /** The plan's reason (why this keeper, or why the group was skipped). */
  reason: string;
  role(scene: S): SceneRole;
}

const sameIds = (a: readonly { id: string }[], b: ReadonlySet<string>) => a.length > 0 && a.every((s) => b.has(String(s.id)));

/** Pairs each group with its plan group (or skip reason), in order. */
export function viewGroups<S extends ReportScene>(groups: readonly (readonly S[])[], plan: PlanLike): GroupView<S>[] {
  let nextPlanned = 0;
  let nextSkipped = 0;
  return groups.map((scenes, i) => {
    const ids = new Set(scenes.map((s) => String(s.id)));
    const planned = plan.groups[nextPlanned];
    if (planned && sameIds([planned.keep, ...planned.remove], ids)) {
      nextPlanned++;
      const remove = new Set(planned.remove.map((s) => String(s.id)));
      const keepId = String(planned.keep.id);
      return {
        number: i + 1,
        scenes,
        keepId,
        reason: planned.reason,
        role: (s: S) => (String(s.id) === keepId ? "keep" : remove.has(String(s.id)) ? "remove" : "elsewhere"),
      };
    }
    const skipped = plan.skipped[nextSkipped];
    let reason = "not in the plan";
    if (skipped && sameIds(skipped.scenes, ids)) {
      nextSkipped++;
      reason = `skipped: ${skipped.reason}`;
    }
    return { number: i + 1, scenes, keepId: null, reason, role: () => "elsewhere" as const };
  });
}

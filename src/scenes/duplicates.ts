/**
 * Perceptual duplicates: the raw `findDuplicateScenes` query and a checked
 * wrapper with named presets for the phash distance.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { StashValidationError } from "../core/errors";
import { FindDuplicateScenesDocument, type SlimSceneDataFragment } from "../../generated/graphql";
import { checkInteger, checkKnownKeys, checkNonNegative, checkObject } from "../core/validate";

/** A scene as duplicate groups return it (SlimSceneData, with each file's fingerprints). */
export type SlimScene = SlimSceneDataFragment;

/** Arguments of `findDuplicateScenes`, passed to the server as given. */
export interface FindDuplicateScenesArgs {
  /** Largest phash Hamming distance; server default 0, negative finds nothing. */
  distance?: number;
  /** Largest duration difference in seconds; server default -1 (any). Sent as `duration_diff`. */
  durationDiff?: number;
}

/** Named phash distances: `exact` 0, `high` 4, `medium` 8, `low` 10. */
export type DuplicatePreset = "exact" | "high" | "medium" | "low";

/** The distance each preset stands for. */
export const DUPLICATE_PRESETS: Readonly<Record<DuplicatePreset, number>> = Object.freeze({
  exact: 0,
  high: 4,
  medium: 8,
  low: 10,
});

/** Arguments of `findDuplicateScenesWrapper`. */
export interface FindDuplicateScenesWrapperArgs {
  /** Phash distance 0–64 (a phash has 64 bits); default 0. Not together with `preset`. */
  distance?: number;
  /** Largest duration difference in seconds (≥ 0); omitted means any duration. */
  durationDiff?: number;
  /** A named distance instead of `distance`. */
  preset?: DuplicatePreset;
}

/** Groups of scenes whose files share a phash (or lie within `distance`), as the server computes them. */
export async function findDuplicateScenes(
  core: StashCoreApi,
  args: FindDuplicateScenesArgs = {},
  options?: CallOptions,
): Promise<SlimScene[][]> {
  checkKnownKeys(checkObject(args, "args"), ["distance", "durationDiff"], "args");
  const variables: { distance?: number; duration_diff?: number } = {};
  // Raw pass-through: only the wire types are checked, Stash's own ranges apply.
  if (args.distance !== undefined) variables.distance = checkInteger(args.distance, "distance", Number.MIN_SAFE_INTEGER);
  if (args.durationDiff !== undefined) {
    if (typeof args.durationDiff !== "number" || !Number.isFinite(args.durationDiff)) {
      throw new StashValidationError("durationDiff", `must be a finite number, got ${String(args.durationDiff)}`);
    }
    variables.duration_diff = args.durationDiff;
  }
  const data = await core.request(FindDuplicateScenesDocument, variables, options);
  return data.findDuplicateScenes;
}

/** Resolves and checks the wrapper's arguments into the server's; exported for tests and planning UIs. */
export function resolveDuplicateArgs(args: FindDuplicateScenesWrapperArgs = {}): Required<Pick<FindDuplicateScenesArgs, "distance">> & FindDuplicateScenesArgs {
  checkKnownKeys(checkObject(args, "args"), ["distance", "durationDiff", "preset"], "args");
  let distance: number;
  if (args.preset !== undefined) {
    if (args.distance !== undefined) {
      throw new StashValidationError("preset", "give either preset or distance, not both");
    }
    if (typeof args.preset !== "string" || !Object.hasOwn(DUPLICATE_PRESETS, args.preset)) {
      throw new StashValidationError("preset", `must be one of ${Object.keys(DUPLICATE_PRESETS).join(", ")}, got ${JSON.stringify(args.preset)}`);
    }
    distance = DUPLICATE_PRESETS[args.preset];
  } else {
    distance = args.distance === undefined ? 0 : checkInteger(args.distance, "distance", 0, 64);
  }
  const out: { distance: number; durationDiff?: number } = { distance };
  if (args.durationDiff !== undefined) out.durationDiff = checkNonNegative(args.durationDiff, "durationDiff");
  return out;
}

/**
 * Duplicate groups with checked arguments: distance 0 (exact phash) by default,
 * or a preset; `durationDiff` keeps only files whose durations are that close.
 */
export async function findDuplicateScenesWrapper(
  core: StashCoreApi,
  args: FindDuplicateScenesWrapperArgs = {},
  options?: CallOptions,
): Promise<SlimScene[][]> {
  return findDuplicateScenes(core, resolveDuplicateArgs(args), options);
}

/**
 * The library the demo seeds: a few hundred generated scenes with planted
 * duplicate groups and markers, performers with details, a tag hierarchy,
 * studios with parent networks, groups, galleries and images; and the scenes
 * each step of the tour works on, picked outside every planted group so the
 * duplicate cleanup cannot merge them away first.
 */
import { generateLibrary, type GenerateOptions, type GeneratedLibrary, type SeedResult } from "../testing/index";

/** The generator options the demo uses unless told otherwise. */
export const DEMO_LIBRARY: Readonly<Required<GenerateOptions>> = Object.freeze({
  scenes: 300,
  duplicateGroups: 8,
  markersPerScene: 3,
  seed: 7,
  galleries: 6,
  imagesPerGallery: 5,
  groups: 3,
  // Performers with details, a three-level tag hierarchy and studios under two networks.
  tagHierarchy: true,
  performerDetails: true,
  studioNetworks: 2,
});

/** Options of `demoLibrary`: any generator option may be overridden. */
export type DemoLibraryOptions = Partial<GenerateOptions>;

/** The generated library for the demo. */
export function demoLibrary(options: DemoLibraryOptions = {}): GeneratedLibrary {
  return generateLibrary({ ...DEMO_LIBRARY, ...options });
}

/** Scene ids the tour's marker and history steps use. */
export interface DemoPicks {
  /** Receives the copied markers. */
  markerTarget: string;
  /** Whose markers are copied. */
  markerSources: string[];
  /** Gets plays and an O added. */
  historyScene: string;
}

/** Picks scenes that are in no planted duplicate group; throws when the library is too small. */
export function pickScenes(library: GeneratedLibrary, seeded: SeedResult): DemoPicks {
  const planted = new Set(library.duplicates.flatMap((g) => g.sceneIndexes));
  const free = seeded.scenes.filter((_, i) => !planted.has(i));
  const [target, first, second, history] = free;
  if (target === undefined || first === undefined || second === undefined || history === undefined) {
    throw new Error(`the demo needs at least 4 scenes outside the duplicate groups, got ${free.length}`);
  }
  return { markerTarget: target, markerSources: [first, second], historyScene: history };
}

/**
 * The marker library of test/conformance/cases/markers.md: five markers on four
 * scenes, chosen so each tag, scene-tag and duration criterion of
 * scene_marker_test.go has a marker that matches and one that does not.
 */
import { Labels } from "./fixture-builder";
import type { Conformance } from "./harness";

/** Labels of everything the marker fixture builds. */
export interface MarkerLibrary {
  readonly markers: Labels;
  readonly scenes: Labels;
  readonly tags: Labels;
}

/** Marker labels by title. */
export const MARKER_LABELS: Readonly<Record<string, string>> = { first: "M1", second: "M2", third: "M3", fourth: "M4", fifth: "M5" };

/** Scene titles by label. */
export const MARKER_SCENES: Readonly<Record<string, string>> = {
  MS1: "marker scene alpha",
  MS2: "marker scene beta",
  MS3: "marker scene gamma",
  MS4: "plain scene",
};

function clip(n: number) {
  return { path: `/lib/markers/clip_${n}.mp4`, size: 1000 * n, duration: 120, width: 1280, height: 720 };
}

/** Builds the marker library with one seed() call. */
export async function buildMarkerLibrary(c: Conformance): Promise<MarkerLibrary> {
  const lib: MarkerLibrary = { markers: new Labels(), scenes: new Labels(), tags: new Labels() };
  const result = await c.standIn.seed({
    tags: ["mk primary", "mk one", "mk two", "scene t2", "scene t3"],
    scenes: [
      {
        title: MARKER_SCENES.MS1,
        tags: ["scene t2", "scene t3"],
        files: [clip(1)],
        markers: [
          { title: "first", seconds: 10, end_seconds: 12, primary_tag: "mk primary", tags: ["mk one", "mk two"] },
          { title: "second", seconds: 20, end_seconds: 25, primary_tag: "mk primary", tags: ["mk one"] },
          { title: "third", seconds: 30, primary_tag: "mk primary" },
        ],
      },
      { title: MARKER_SCENES.MS2, tags: ["scene t3"], files: [clip(2)], markers: [{ title: "fourth", seconds: 5, primary_tag: "mk one" }] },
      {
        title: MARKER_SCENES.MS3,
        files: [clip(3)],
        markers: [{ title: "fifth", seconds: 1, end_seconds: 4, primary_tag: "mk two", tags: ["mk primary"] }],
      },
      { title: MARKER_SCENES.MS4, files: [clip(4)] },
    ],
  });
  for (const [name, id] of Object.entries(result.tags)) lib.tags.set(name, id);
  const labelOf = Object.fromEntries(Object.entries(MARKER_SCENES).map(([label, title]) => [title, label]));
  for (const [title, id] of Object.entries(result.sceneIdsByTitle)) lib.scenes.set(labelOf[title] ?? title, id);
  // Markers come back in fixture order, scene by scene.
  ["M1", "M2", "M3", "M4", "M5"].forEach((label, i) => lib.markers.set(label, result.markers[i]!));
  return lib;
}


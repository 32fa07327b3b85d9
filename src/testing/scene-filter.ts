/**
 * SceneFilterType plus the find filter's `q`, evaluated per scene. Criteria on
 * files and the search are checked per file row, as Stash's joined SQL does:
 * a scene matches when one of its rows passes, and only passing rows count
 * towards findScenes' duration and filesize totals.
 */
import { compileSceneSearch } from "./q-search";
import { compileOperatorFilter } from "./query-operator";
import { SceneFilterEnv } from "./scene-filter-env";
import { SCENE_FIELDS } from "./scene-filter-fields";
import { FILE_FIELDS } from "./scene-filter-files";
import { RELATION_FIELDS } from "./scene-filter-relations";
import type { FileRecord, SceneRecord, Store } from "./store";

/** Every SceneFilterType key the stand-in evaluates. */
export const SCENE_FILTER_FIELDS = { ...SCENE_FIELDS, ...FILE_FIELDS, ...RELATION_FIELDS };

/** For a matching scene, the file rows that passed, or "all" when no criterion reads files; null otherwise. */
export type SceneRowMatcher = (scene: SceneRecord) => readonly FileRecord[] | "all" | null;

/** Compiles a scene filter and search; null when they add no condition at all. */
export function compileSceneMatcher(
  store: Store,
  sceneFilter: Record<string, unknown> | null | undefined,
  q: string | null | undefined,
): SceneRowMatcher | null {
  const env = new SceneFilterEnv(store);
  const compiled = compileOperatorFilter(sceneFilter, env, "SceneFilterType", SCENE_FILTER_FIELDS);
  const search = q ? compileSceneSearch(store, q) : null;
  if (!compiled && !search) return null;
  if (compiled && !compiled.perFile && !search) {
    return (scene) => (compiled.test(scene, null) === true ? "all" : null);
  }
  return (scene) => {
    const files = env.files(scene);
    const rows: (FileRecord | null)[] = files.length > 0 ? files : [null];
    const passed: FileRecord[] = [];
    let any = false;
    for (const file of rows) {
      if (compiled && compiled.test(scene, file) !== true) continue;
      if (search && !search(scene, file)) continue;
      any = true;
      if (file) passed.push(file);
    }
    return any ? passed : null;
  };
}

/** A plain scene predicate for other filters that embed a SceneFilterType (e.g. markers' `scene_filter`). */
export function compileScenePredicate(
  store: Store,
  sceneFilter: Record<string, unknown> | null | undefined,
): ((scene: SceneRecord) => boolean) | null {
  const matcher = compileSceneMatcher(store, sceneFilter, null);
  return matcher && ((scene) => matcher(scene) !== null);
}

/** Scenes matching a filter and search, in id order, with the file rows that matched each. */
export interface SceneSelection {
  readonly scenes: SceneRecord[];
  /** Passing file rows per scene id; a scene not listed counts all its files. */
  readonly rows: ReadonlyMap<number, readonly FileRecord[]> | null;
}

/** Selects scenes; with no condition this is the scene table as is, without per-scene work. */
export function selectScenes(
  store: Store,
  sceneFilter: Record<string, unknown> | null | undefined,
  q: string | null | undefined,
): SceneSelection {
  const matcher = compileSceneMatcher(store, sceneFilter, q);
  if (!matcher) return { scenes: [...store.all("scenes")], rows: null };
  const scenes: SceneRecord[] = [];
  const rows = new Map<number, readonly FileRecord[]>();
  for (const scene of store.all("scenes")) {
    const passed = matcher(scene);
    if (passed === null) continue;
    scenes.push(scene);
    if (passed !== "all") rows.set(scene.id, passed);
  }
  return { scenes, rows };
}

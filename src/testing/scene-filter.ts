/**
 * SceneFilterType plus the find filter's `q` for findScenes, through the
 * filter engine (filter/specs/scene.ts). Criteria on files and the search
 * are checked per file row, as Stash's joined SQL does (pkg/sqlite/scene_filter.go): a scene matches when
 * one of its rows passes, and only passing rows count towards findScenes'
 * duration and filesize totals.
 */
import type { GraphQLSchema } from "graphql";
import { selectRecords } from "./filter/engine";
import { filterEnv } from "./filter/registry";
import { SCENE_SPEC } from "./filter/specs/scene";
import type { FileRecord, SceneRecord, Store } from "./store";

/** Scenes matching a filter and search, in id order, with the file rows that matched each. */
export interface SceneSelection {
  readonly scenes: SceneRecord[];
  /** Passing file rows per scene id; a scene not listed counts all its files. */
  readonly rows: ReadonlyMap<number, readonly FileRecord[]> | null;
}

/** Selects scenes; with no condition this is the scene table as is, without per-scene work. */
export function selectScenes(
  store: Store,
  schema: GraphQLSchema,
  sceneFilter: Readonly<Record<string, unknown>> | null | undefined,
  q: string | null | undefined,
): SceneSelection {
  const selection = selectRecords(filterEnv(store, schema), SCENE_SPEC, sceneFilter, q);
  return { scenes: selection.records, rows: selection.rows };
}

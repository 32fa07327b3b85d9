/**
 * The scenes of a group with their index. Stash stores the index on the
 * scene's side (`Scene.groups[].scene_index`), so reading filters scenes by
 * group and writing updates the scene's group list, keeping its other groups.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { StashValidationError } from "../core/errors";
import { CriterionModifier, FindScenesDocument, type SceneDataFragment } from "../../generated/graphql";
import { checkId, checkInteger, type ID } from "../core/validate";
import { findScene, updateScene } from "../scenes/scenes";

/** A scene in a group, and its position there (`null`: no index). */
export interface GroupScene {
  readonly scene: SceneDataFragment;
  readonly scene_index: number | null;
}

/** Group membership of scenes, part of `stash.groups`. */
export interface GroupScenes {
  /** The group's scenes ordered by their index (unnumbered ones last), in one request. */
  scenes(groupId: ID, options?: CallOptions): Promise<GroupScene[]>;
  /** Puts a scene in the group at `sceneIndex` (or moves it there); its other groups stay. */
  setScene(groupId: ID, sceneId: ID, sceneIndex?: number | null, options?: CallOptions): Promise<SceneDataFragment>;
  /** Takes a scene out of the group; its other groups stay. */
  removeScene(groupId: ID, sceneId: ID, options?: CallOptions): Promise<SceneDataFragment>;
}

const membership = (scene: SceneDataFragment) => scene.groups.map((g) => ({ group_id: g.group.id, scene_index: g.scene_index ?? null }));

/** Builds the group-scene methods over a core. */
export function createGroupScenes(core: StashCoreApi): GroupScenes {
  const load = async (sceneId: ID, options?: CallOptions) => {
    const id = checkId(sceneId, "sceneId");
    const scene = await findScene(core, id, options);
    if (!scene) throw new StashValidationError("sceneId", `no scene has id ${id}`);
    return scene;
  };
  return {
    scenes: async (groupId, options) => {
      const id = checkId(groupId, "groupId");
      const variables = { filter: { per_page: -1 }, scene_filter: { groups: { value: [id], modifier: CriterionModifier.INCLUDES } } };
      const scenes = (await core.request(FindScenesDocument, variables, options)).findScenes.scenes;
      const indexed = scenes.map((scene) => ({ scene, scene_index: scene.groups.find((g) => g.group.id === id)?.scene_index ?? null }));
      const key = (s: GroupScene) => (s.scene_index === null ? Number.POSITIVE_INFINITY : s.scene_index);
      return indexed.sort((a, b) => key(a) - key(b) || Number(a.scene.id) - Number(b.scene.id));
    },
    setScene: async (groupId, sceneId, sceneIndex, options) => {
      const group_id = checkId(groupId, "groupId");
      const scene_index = sceneIndex == null ? null : checkInteger(sceneIndex, "sceneIndex", 0);
      const scene = await load(sceneId, options);
      const groups = membership(scene).filter((g) => g.group_id !== group_id);
      return updateScene(core, { id: scene.id, groups: [...groups, { group_id, scene_index }] }, options);
    },
    removeScene: async (groupId, sceneId, options) => {
      const group_id = checkId(groupId, "groupId");
      const scene = await load(sceneId, options);
      return updateScene(core, { id: scene.id, groups: membership(scene).filter((g) => g.group_id !== group_id) }, options);
    },
  };
}

/** A scene's files: moving a file to another scene, and screenshot jobs. */
import type { CallOptions, StashCoreApi } from "../core/client";
import { SceneAssignFileDocument, SceneGenerateScreenshotDocument } from "../../generated/graphql";
import { fieldNames } from "../core/input-fields";
import { checkId, checkKnownKeys, checkNonNegative, checkObject, type ID } from "../core/validate";

/** Arguments of `sceneAssignFile`. */
export interface SceneAssignFileArgs {
  scene_id: ID;
  file_id: ID;
}

/** Moves a file to a scene; it becomes primary only if the scene had no files. */
export async function sceneAssignFile(core: StashCoreApi, args: SceneAssignFileArgs, options?: CallOptions): Promise<boolean> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, fieldNames("AssignSceneFileInput"), "args");
  const variables = { input: { scene_id: checkId(input["scene_id"], "scene_id"), file_id: checkId(input["file_id"], "file_id") } };
  return (await core.request(SceneAssignFileDocument, variables, options)).sceneAssignFile;
}

/** Starts a screenshot job (at `at` seconds, or Stash's default position); returns the job id. */
export async function sceneGenerateScreenshot(core: StashCoreApi, id: ID, at?: number, options?: CallOptions): Promise<string> {
  const variables = { id: checkId(id), ...(at === undefined || at === null ? {} : { at: checkNonNegative(at, "at") }) };
  return (await core.request(SceneGenerateScreenshotDocument, variables, options)).sceneGenerateScreenshot;
}

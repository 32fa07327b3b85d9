/**
 * Scene mutations: create, update (single and list), bulk update, merge,
 * destroy, file assignment and screenshot generation. Each call runs in one
 * store transaction, so a failing item leaves the library untouched.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { parseId, parseIds, sceneNotFound } from "./ids";
import { mergeScenes } from "./merge";
import { sceneView } from "./present-scene";
import { bulkUpdateScenes } from "./scene-bulk";
import { assignFile, destroyScene } from "./scene-files";
import {
  checkSceneReferences,
  converting,
  processCoverImage,
  sceneCreateParts,
  sceneUpdateParts,
  type SceneInput,
} from "./scene-input";
import type { SceneRecord } from "./store";

const TITLE_REQUIRED = "title must be set if scene has no files";

/** sceneCreate: title or files required; files are assigned in order, the first becoming primary. */
export function createScene(ctx: StandInContext, input: SceneInput): SceneRecord {
  const { store } = ctx;
  const { scene, fileIds, cover } = sceneCreateParts(input, ctx);
  if (scene.title === "" && fileIds.length === 0) throw new Error(TITLE_REQUIRED);
  return store.transaction(() => {
    const id = store.allocateId("scenes");
    checkSceneReferences(store, scene);
    store.put("scenes", { ...scene, id, hasCover: cover !== null });
    for (const fileId of fileIds) {
      try {
        assignFile(store, id, fileId);
      } catch (err) {
        throw new Error(`assigning file ${fileId} to new scene: ${(err as Error).message}`);
      }
    }
    return store.get("scenes", id)!;
  });
}

/**
 * One sceneUpdate, in Stash's order (internal/api/resolver_mutation_scene.go sceneUpdate): id, existence, field conversion, title
 * rule, primary file, cover, then the write (where foreign keys fail).
 */
export function updateScene(ctx: StandInContext, input: SceneInput): SceneRecord {
  const { store } = ctx;
  const id = converting("id", () => parseId(input.id));
  const scene = store.get("scenes", id);
  if (!scene) throw sceneNotFound(id);
  const { changes, primaryFileId } = sceneUpdateParts(input, ctx);
  if (changes.title === "" && scene.fileIds.length === 0) throw new Error(TITLE_REQUIRED);
  let fileIds = scene.fileIds;
  if (primaryFileId !== null) {
    if (!fileIds.includes(primaryFileId)) throw new Error(`file with id ${primaryFileId} not associated with scene`);
    fileIds = [primaryFileId, ...fileIds.filter((f) => f !== primaryFileId)];
  }
  const cover = processCoverImage(input.cover_image);
  return store.transaction(() => {
    checkSceneReferences(store, changes);
    return store.patch("scenes", id, {
      ...changes,
      fileIds,
      hasCover: scene.hasCover || cover !== null,
      updatedAt: store.nowTime(),
    });
  });
}

function destroyById(ctx: StandInContext, id: number, deleteFile: boolean): void {
  const scene = ctx.store.get("scenes", id);
  if (!scene) throw sceneNotFound(id);
  destroyScene(ctx.store, scene, deleteFile);
}

const sceneCreate: RootResolver = (args, ctx) => sceneView(ctx, createScene(ctx, args.input as SceneInput));

const sceneUpdate: RootResolver = (args, ctx) =>
  sceneView(ctx, ctx.store.transaction(() => updateScene(ctx, args.input as SceneInput)));

const scenesUpdate: RootResolver = (args, ctx) => {
  const inputs = args.input as SceneInput[];
  const updated = ctx.store.transaction(() => inputs.map((input) => updateScene(ctx, input)));
  return updated.map((scene) => sceneView(ctx, scene));
};

const bulkSceneUpdate: RootResolver = (args, ctx) =>
  bulkUpdateScenes(ctx, args.input as SceneInput).map((scene) => sceneView(ctx, scene));

const sceneMerge: RootResolver = (args, ctx) => sceneView(ctx, mergeScenes(ctx, args.input as SceneInput));

const sceneDestroy: RootResolver = (args, ctx) => {
  const input = args.input as SceneInput;
  const id = converting("id", () => parseId(input.id));
  ctx.store.transaction(() => destroyById(ctx, id, input.delete_file === true));
  return true;
};

const scenesDestroy: RootResolver = (args, ctx) => {
  const input = args.input as SceneInput;
  const ids = converting("ids", () => parseIds(input.ids as unknown[]));
  // A repeated id fails on its second occurrence: the scene is already gone.
  ctx.store.transaction(() => ids.forEach((id) => destroyById(ctx, id, input.delete_file === true)));
  return true;
};

const sceneAssignFile: RootResolver = (args, ctx) => {
  const input = args.input as SceneInput;
  const sceneId = converting("scene id", () => parseId(input.scene_id));
  const fileId = converting("file id", () => parseId(input.file_id));
  try {
    ctx.store.transaction(() => assignFile(ctx.store, sceneId, fileId));
  } catch (err) {
    throw new Error(`assigning file to scene: ${(err as Error).message}`);
  }
  return true;
};

/**
 * Stash queues a cover job and answers at once; the stand-in "generates" the
 * cover synchronously: a scene with a primary file gets a cover and a new
 * `updated_at` (the screenshot URL's cache buster), as the real job does.
 */
const sceneGenerateScreenshot: RootResolver = (args, ctx) => {
  const { store } = ctx;
  const id = parseId(args.id);
  const scene = store.get("scenes", id);
  if (!scene) throw sceneNotFound(id);
  if (scene.fileIds.length > 0) {
    store.transaction(() => store.patch("scenes", id, { hasCover: true, updatedAt: store.nowTime() }));
  }
  return "todo";
};

/** The scene mutation root fields. */
export const sceneMutations: ResolverModule = {
  Mutation: {
    sceneCreate,
    sceneUpdate,
    scenesUpdate,
    bulkSceneUpdate,
    sceneMerge,
    sceneDestroy,
    scenesDestroy,
    sceneAssignFile,
    sceneGenerateScreenshot,
  },
};

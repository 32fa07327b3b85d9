/**
 * Folder Studio: a `Scene.Create.Post` hook that sets a new scene's studio
 * from the name of the folder holding its file (`/media/Acme/clip.mp4` →
 * studio "Acme"), creating the studio when there is none. Scenes that already
 * have a studio, have no file, or sit in a folder listed in the
 * `ignoreFolders` setting are left alone.
 *
 * Stash hands this hook no input (pkg/scene/create.go fires it with nil), only
 * the new scene's id, so the hook reads the scene itself.
 *
 * Build: npm run build (esbuild bundles everything into dist/folder-studio.js).
 */
// In your own plugin: import { runPlugin, type StashClient } from "stash-graphql-client/plugin";
import { runPlugin, type StashClient } from "../../../../src/plugin/index";
import { CriterionModifier } from "../../../../src/index";

/** The plugin's settings (folder-studio.yml `settings:`). */
interface Settings {
  ignoreFolders: string;
}

/** The last folder of a file path, for `/` and `\` separators alike. */
export function folderName(path: string): string | undefined {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

// Note: uses the generated call layer (stash.ops.*); a facade `stash.studios.findOrCreate` would replace this.
async function findOrCreateStudio(stash: StashClient, name: string): Promise<{ id: string; created: boolean }> {
  const { findStudios } = await stash.ops.findStudios({ studio_filter: { name: { value: name, modifier: CriterionModifier.EQUALS } } });
  const found = findStudios.studios.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (found) return { id: found.id, created: false };
  const { studioCreate } = await stash.ops.studioCreate({ input: { name } });
  return { id: studioCreate!.id, created: true };
}

runPlugin<Settings>({
  hooks: {
    async "Scene.Create.Post"({ stash, hook, settings, log }) {
      if (hook.id === undefined) throw new Error("the hook context has no scene id");
      const scene = await stash.findScene(String(hook.id));
      if (!scene) return { skipped: "scene is gone" };
      if (scene.studio) {
        log.debug(`scene ${scene.id} already has studio "${scene.studio.name}"`);
        return { skipped: "has a studio" };
      }
      const path = scene.files[0]?.path;
      const folder = path === undefined ? undefined : folderName(path);
      const ignored = new Set((settings.ignoreFolders ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));
      if (!folder || ignored.has(folder.toLowerCase())) {
        log.debug(`scene ${scene.id}: no studio folder in ${JSON.stringify(path ?? null)}`);
        return { skipped: "no studio folder" };
      }
      const studio = await findOrCreateStudio(stash, folder);
      if (studio.created) log.info(`created studio "${folder}"`);
      await stash.updateScene({ id: scene.id, studio: studio.id });
      log.info(`scene ${scene.id}: studio set to "${folder}"`);
      return { scene: scene.id, studio: folder };
    },
  },
});

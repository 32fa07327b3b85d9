/**
 * Writes the demo's HTML duplicate report. The stand-in stops when the tour
 * ends, so its screenshot URLs would break; each screenshot is downloaded
 * first and embedded as a `data:` URI to keep the page viewable afterwards.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DuplicateCleanupPlan } from "../scenes/duplicate-cleanup";
import type { SlimScene } from "../scenes/duplicates";
import { renderDuplicateReport } from "../report/duplicates-html";

/** Downloads every scene's screenshot (four at a time) and returns `data:` URIs by scene id; failures are left out. */
export async function inlineScreenshots(scenes: readonly SlimScene[]): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  const queue = scenes.filter((s) => s.paths.screenshot);
  const worker = async () => {
    for (let scene = queue.shift(); scene; scene = queue.shift()) {
      const res = await fetch(scene.paths.screenshot!).catch(() => null);
      if (!res?.ok) continue;
      const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (!type.startsWith("image/")) continue;
      images.set(scene.id, `data:${type};base64,${Buffer.from(await res.arrayBuffer()).toString("base64")}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return images;
}

/** Renders the groups and plan to `<dir>/duplicates.html` and returns the path. */
export async function writeDuplicateReport(
  dir: string,
  groups: readonly SlimScene[][],
  plan: DuplicateCleanupPlan<SlimScene>,
): Promise<{ path: string; images: number }> {
  const images = await inlineScreenshots(groups.flat());
  // A screenshot that could not be embedded would point at a server that is gone by the time anyone looks.
  const shown = groups.map((g) => g.map((s) => (images.has(s.id) ? s : { ...s, paths: { ...s.paths, screenshot: null } })));
  const html = renderDuplicateReport(shown, plan, { title: "Stash duplicate scenes (demo)", images });
  const path = join(dir, "duplicates.html");
  await writeFile(path, html, "utf8");
  return { path, images: images.size };
}

/**
 * Scene scraping as a Stash with no scrapers and no stash-box endpoints
 * answers it: input errors first, then "scraper not found" for a named
 * scraper, stash-box lookups fail, and a URL no scraper claims gives null.
 */
import type { RootResolvers } from "./context";

interface ScraperSource {
  readonly scraper_id?: string | null;
  readonly stash_box_index?: number | null;
  readonly stash_box_endpoint?: string | null;
}

/** Stash's stash-box resolution (internal/api/stash_box.go resolveStashBoxFn) with an empty stash-box list. */
function noStashBox(source: ScraperSource): Error {
  if (source.stash_box_endpoint !== undefined && source.stash_box_endpoint !== null) return new Error("stash box not found");
  return new Error(`invalid stash_box_index ${source.stash_box_index}`);
}

function hasStashBox(source: ScraperSource): boolean {
  return (source.stash_box_index ?? null) !== null || (source.stash_box_endpoint ?? null) !== null;
}

/** scrapeSingleScene, scrapeMultiScenes and scrapeSceneURL. */
export const sceneScraperResolvers: RootResolvers = {
  scrapeSingleScene: (args) => {
    const source = (args.source ?? {}) as ScraperSource;
    const input = (args.input ?? {}) as { scene_id?: string | null; scene_input?: unknown; query?: string | null };
    const sceneId = input.scene_id ?? null;
    if (sceneId !== null && !/^[+-]?\d+$/.test(sceneId)) {
      throw new Error(`input error: sceneID is not an integer: '${sceneId}'`);
    }
    if (source.scraper_id !== undefined && source.scraper_id !== null) {
      if (sceneId === null && (input.scene_input ?? null) === null && (input.query ?? null) === null) {
        throw new Error("input error: scene_id, scene_input, or query must be set");
      }
      throw new Error(`scraper not found: id ${source.scraper_id}`);
    }
    if (hasStashBox(source)) throw noStashBox(source);
    throw new Error("input error: scraper_id or stash_box_index must be set");
  },
  scrapeMultiScenes: (args) => {
    const source = (args.source ?? {}) as ScraperSource;
    if (source.scraper_id !== undefined && source.scraper_id !== null) throw new Error("not implemented");
    if (hasStashBox(source)) throw noStashBox(source);
    throw new Error("scraper_id or stash_box_index must be set");
  },
  scrapeSceneURL: () => null,
};

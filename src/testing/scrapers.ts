/**
 * Scraper fields as a Stash with no scrapers and no stash-box endpoints
 * configured answers them: empty lists, and errors for named sources.
 */
import type { ResolverModule } from "./context";

interface ScraperSource {
  scraper_id?: string | null;
  stash_box_index?: number | null;
  stash_box_endpoint?: string | null;
}

function noSource(source: ScraperSource | null | undefined): Error {
  if (source?.scraper_id != null) return new Error(`scraper ${source.scraper_id} not found`);
  if (source?.stash_box_endpoint != null) {
    return new Error(`stash box endpoint ${source.stash_box_endpoint} not found: the stand-in has no stash-box endpoints`);
  }
  if (source?.stash_box_index != null) {
    return new Error(`invalid stash_box_index ${source.stash_box_index}: the stand-in has no stash-box endpoints`);
  }
  return new Error("scraper_id or stash_box_index must be set");
}

/** listScrapers / listSceneScrapers and the scene scrape fields. */
export const scraperResolvers: ResolverModule = {
  Query: {
    listScrapers: () => [],
    listSceneScrapers: () => [],
    scrapeSingleScene: (args) => {
      throw noSource(args.source as ScraperSource);
    },
    scrapeMultiScenes: (args) => {
      throw noSource(args.source as ScraperSource);
    },
    scrapeSceneURL: (args) => {
      throw new Error(`no scraper found for URL ${String(args.url)}: the stand-in has no scrapers`);
    },
  },
};

/**
 * Scraper fields as a Stash with no scrapers and no stash-box endpoints
 * configured answers them: empty listings, Stash's "not found" errors for a
 * named source, and null for a URL no scraper claims.
 */
import type { ResolverModule } from "./context";

interface ScraperSource {
  scraper_id?: string | null;
  stash_box_index?: number | null;
  stash_box_endpoint?: string | null;
}

function noSource(source: ScraperSource | null | undefined): Error {
  if (source?.scraper_id != null) return new Error(`scraper not found: id ${source.scraper_id}`);
  if (source?.stash_box_index != null) {
    return new Error(`invalid scraper source: invalid stash_box_index: ${source.stash_box_index}`);
  }
  if (source?.stash_box_endpoint != null) {
    return new Error(`not found: stash-box with endpoint "${source.stash_box_endpoint}"`);
  }
  return new Error("input error: scraper_id or stash_box_index must be set");
}

function refuse(args: Record<string, any>): never {
  throw noSource(args.source as ScraperSource | undefined);
}

/** listScrapers / listSceneScrapers and the scene scrape fields. */
export const scraperResolvers: ResolverModule = {
  Query: {
    listScrapers: () => [],
    listSceneScrapers: () => [],
    scrapeSingleScene: refuse,
    scrapeMultiScenes: refuse,
    // Stash answers null, not an error, when no scraper claims the URL.
    scrapeSceneURL: () => null,
  },
};

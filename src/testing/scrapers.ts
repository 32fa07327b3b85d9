/**
 * Scraper listings as a Stash with no scrapers configured answers them. The
 * scene scrape fields themselves live with the scene queries (scene-scrapers.ts).
 */
import type { ResolverModule } from "./context";

/** listScrapers: always empty (the schema has no per-type listing fields any more). */
export const scraperResolvers: ResolverModule = {
  Query: {
    listScrapers: () => [],
  },
};

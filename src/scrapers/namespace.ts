/**
 * `stash.scrapers`: listing and reloading scrapers, scraping by URL, and the
 * scene scrapers of scene-scrapers.ts. Scrapers only propose data; nothing
 * here is saved.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  ListScrapersDocument,
  ReloadScrapersDocument,
  ScrapeContentType,
  ScrapeURLDocument,
  type ListScrapersQuery,
  type ScrapedSceneDataFragment,
  type ScrapeURLQuery,
} from "../../generated/graphql";
import { StashValidationError } from "../core/errors";
import { checkEnum, checkUrl } from "../core/validate";
import * as sceneScrapers from "./scene-scrapers";

/** A configured scraper. */
export type Scraper = ListScrapersQuery["listScrapers"][number];
/** What a URL scrape proposes (its `__typename` says which kind). */
export type ScrapedContent = ScrapeURLQuery["scrapeURL"];

/**
 * The `stash.scrapers` namespace.
 *
 * @group Namespaces
 */
export interface ScrapersNamespace {
  /** Configured scrapers that handle any of `types` (default: all kinds). */
  list(types?: readonly (ScrapeContentType | `${ScrapeContentType}`)[], options?: CallOptions): Promise<Scraper[]>;
  /** Re-reads scraper definitions from disk. */
  reload(options?: CallOptions): Promise<boolean>;
  /** Scrapes a page of the given kind by URL; `null` when no scraper handles it. */
  scrapeURL(url: string, type: ScrapeContentType | `${ScrapeContentType}`, options?: CallOptions): Promise<ScrapedContent>;
  /** Asks one scraper about one scene. */
  scene(source: sceneScrapers.ScraperSource, input: sceneScrapers.ScrapeSingleSceneArgs, options?: CallOptions): Promise<ScrapedSceneDataFragment[]>;
  /** Asks a scraper about several stored scenes. */
  scenes(source: sceneScrapers.ScraperSource, input: sceneScrapers.ScrapeMultiScenesArgs, options?: CallOptions): Promise<ScrapedSceneDataFragment[][]>;
}

/** Builds `stash.scrapers` over a core. */
export function createScrapers(core: StashCoreApi): ScrapersNamespace {
  return {
    list: async (types, options) => {
      const all = Object.values(ScrapeContentType).filter((t) => t !== ScrapeContentType.MOVIE);
      const chosen = types === undefined ? all : types.map((t, i) => checkEnum(t, ScrapeContentType, `types[${i}]`));
      if (chosen.length === 0) throw new StashValidationError("types", "must name at least one content type");
      return (await core.request(ListScrapersDocument, { types: chosen }, options)).listScrapers;
    },
    reload: async (options) => (await core.request(ReloadScrapersDocument, {}, options)).reloadScrapers,
    scrapeURL: async (url, type, options) => {
      const variables = { url: checkUrl(url, "url"), ty: checkEnum(type, ScrapeContentType, "type") };
      return (await core.request(ScrapeURLDocument, variables, options)).scrapeURL;
    },
    scene: (source, input, options) => sceneScrapers.scrapeSingleScene(core, source, input, options),
    scenes: (source, input, options) => sceneScrapers.scrapeMultiScenes(core, source, input, options),
  };
}

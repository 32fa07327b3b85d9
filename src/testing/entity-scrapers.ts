/**
 * The non-scene scrape fields (internal/api/resolver_query_scraper.go) as a
 * Stash with no scrapers and no stash-box endpoints answers them: a URL no
 * scraper claims gives null, a named scraper is not found
 * (pkg/scraper/cache.go), and input errors come first with Stash's texts.
 * Scene scraping lives in scene-scrapers.ts.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { parseId, parseIds } from "./ids";

interface Source {
  readonly scraper_id?: string | null;
  readonly stash_box_index?: number | null;
  readonly stash_box_endpoint?: string | null;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

function scraperNotFound(id: string): Error {
  return new Error(`scraper not found: id ${id}`);
}

/** resolveStashBox against an empty stash-box list (the stand-in configures none it could reach). */
function noStashBox(ctx: StandInContext, source: Source): Error {
  const boxes = ((ctx.config.section("general") as Record<string, unknown>).stashBoxes as { endpoint: string }[] | undefined) ?? [];
  if (given(source.stash_box_endpoint)) {
    const box = boxes.find((b) => b.endpoint.toLowerCase() === String(source.stash_box_endpoint).toLowerCase());
    return new Error(box ? `the stand-in cannot reach stash-box ${box.endpoint}` : "stash box not found");
  }
  const i = Number(source.stash_box_index);
  if (i < 0 || i >= boxes.length) return new Error(`invalid stash_box_index ${i}`);
  return new Error(`the stand-in cannot reach stash-box ${boxes[i]!.endpoint}`);
}

const byStashBox = (s: Source) => given(s.stash_box_index) || given(s.stash_box_endpoint);

/** scrape*URL: no scraper claims any URL, so the answer is null. */
const noScraperForUrl: RootResolver = () => null;

/** scrapeSingleStudio / scrapeSingleTag: stash-box only. */
const stashBoxOnly: RootResolver = (args, ctx) => {
  const source = (args.source ?? {}) as Source;
  if (byStashBox(source)) throw noStashBox(ctx, source);
  throw new Error("stash_box_endpoint must be set");
};

const scrapeSinglePerformer: RootResolver = (args, ctx) => {
  const source = (args.source ?? {}) as Source;
  const input = (args.input ?? {}) as { query?: string | null; performer_id?: string | null; performer_input?: unknown };
  if (given(source.scraper_id)) {
    if (given(input.performer_input) || given(input.query)) throw scraperNotFound(String(source.scraper_id));
    throw new Error("not implemented");
  }
  if (byStashBox(source)) {
    const failure = noStashBox(ctx, source);
    // Input checks come after the endpoint is resolved; an unknown endpoint fails first.
    if (!failure.message.startsWith("the stand-in")) throw failure;
    if (!given(input.performer_id) && !given(input.query)) throw new Error("not implemented");
    if (given(input.performer_id)) {
      const id = parseId(input.performer_id);
      if (!ctx.store.has("performers", id)) throw new Error(`performer with id ${id} not found`);
    } else if (input.query === "") return null;
    throw failure;
  }
  throw new Error("scraper_id or stash_box_index must be set");
};

const scrapeMultiPerformers: RootResolver = (args, ctx) => {
  const source = (args.source ?? {}) as Source;
  if (given(source.scraper_id)) throw new Error("not implemented");
  if (byStashBox(source)) {
    for (const id of parseIds((args.input?.performer_ids as unknown[] | undefined) ?? [])) {
      if (!ctx.store.has("performers", id)) throw new Error(`performer with id ${id} not found`);
    }
    throw noStashBox(ctx, source);
  }
  throw new Error("scraper_id or stash_box_index must be set");
};

/** scrapeSingleGallery / scrapeSingleImage: scraper only, by id or fragment. */
function scraperOnly(idKey: string, fragmentKey: string, noun: string, stashBoxKeys: readonly (keyof Source)[]): RootResolver {
  return (args) => {
    const source = (args.source ?? {}) as Source;
    const input = (args.input ?? {}) as Record<string, unknown>;
    if (stashBoxKeys.some((k) => given(source[k]))) throw new Error("not supported");
    if (!given(source.scraper_id)) throw new Error("input error: scraper_id must be set");
    if (given(input[idKey])) {
      if (!/^[+-]?\d+$/.test(String(input[idKey]))) throw new Error(`input error: ${noun} id is not an integer: '${String(input[idKey])}'`);
      throw scraperNotFound(String(source.scraper_id));
    }
    if (given(input[fragmentKey])) throw scraperNotFound(String(source.scraper_id));
    throw new Error("not implemented");
  };
}

/** Scrape fields for performers, studios, tags, galleries, images and groups. */
export const entityScraperResolvers: ResolverModule = {
  Query: {
    scrapeURL: noScraperForUrl,
    scrapePerformerURL: noScraperForUrl,
    scrapeGalleryURL: noScraperForUrl,
    scrapeImageURL: noScraperForUrl,
    scrapeMovieURL: noScraperForUrl,
    scrapeGroupURL: noScraperForUrl,
    scrapeSingleStudio: stashBoxOnly,
    scrapeSingleTag: stashBoxOnly,
    scrapeSinglePerformer,
    scrapeMultiPerformers,
    scrapeSingleGallery: scraperOnly("gallery_id", "gallery_input", "gallery", ["stash_box_index", "stash_box_endpoint"]),
    // Stash checks only the index here, not the endpoint (internal/api/resolver_query_scraper.go ScrapeSingleImage).
    scrapeSingleImage: scraperOnly("image_id", "image_input", "image", ["stash_box_index"]),
    scrapeSingleMovie: () => {
      throw new Error("not supported");
    },
    scrapeSingleGroup: () => {
      throw new Error("not supported");
    },
  },
};

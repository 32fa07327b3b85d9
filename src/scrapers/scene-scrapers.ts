/** Scene scrapers: they only propose data; nothing here is saved. */
import type { CallOptions, StashCoreApi } from "../core/client";
import { StashValidationError } from "../core/errors";
import {
  ListSceneScrapersDocument,
  ScrapeMultiScenesDocument,
  ScrapeSceneURLDocument,
  ScrapeSingleSceneDocument,
  type ListSceneScrapersQuery,
  type ScrapedSceneDataFragment,
  type ScrapeSingleSceneInput,
  type ScraperSourceInput,
} from "../../generated/graphql";
import { checkInputForServer, fieldNames } from "../core/input-fields";
import { serverVersion } from "../core/server-version";
import { checkDate, checkId, checkIds, checkKnownKeys, checkObject, checkString, checkUrl, type ID } from "../core/validate";

/** Which scraper to ask: a configured scraper's id, or a stash-box endpoint URL. */
export interface ScraperSource {
  scraper_id?: ID;
  stash_box_endpoint?: string;
}

/** What to scrape one scene from: exactly one of a stored scene, a search query, or partial scene data. */
export type ScrapeSingleSceneArgs = ScrapeSingleSceneInput;

/** Arguments of `scrapeMultiScenes`. */
export interface ScrapeMultiScenesArgs {
  scene_ids: readonly ID[];
}

/** A configured scene scraper. */
export type SceneScraper = ListSceneScrapersQuery["listScrapers"][number];

function checkSource(value: unknown): ScraperSourceInput {
  const source = checkObject(value, "source");
  checkKnownKeys(source, fieldNames("ScraperSourceInput"), "source");
  const hasScraper = source["scraper_id"] != null;
  const hasBox = source["stash_box_endpoint"] != null;
  if (hasScraper === hasBox) throw new StashValidationError("source", "give exactly one of scraper_id or stash_box_endpoint");
  if (hasScraper) return { scraper_id: checkString(String(source["scraper_id"]), "source.scraper_id", { nonEmpty: true }) };
  return { stash_box_endpoint: checkUrl(source["stash_box_endpoint"], "source.stash_box_endpoint") };
}

function checkSingleInput(value: unknown): ScrapeSingleSceneInput {
  const input = checkObject(value, "input");
  const keys = fieldNames("ScrapeSingleSceneInput");
  checkKnownKeys(input, keys, "input");
  const given = keys.filter((k) => input[k] != null);
  if (given.length !== 1) throw new StashValidationError("input", "give exactly one of scene_id, query or scene_input");
  if (input["scene_id"] != null) return { scene_id: checkId(input["scene_id"], "input.scene_id") };
  if (input["query"] != null) return { query: checkString(input["query"], "input.query", { nonEmpty: true }) };
  const scene = checkObject(input["scene_input"], "input.scene_input");
  checkKnownKeys(scene, fieldNames("ScrapedSceneInput"), "input.scene_input");
  if (scene["date"] != null) checkDate(scene["date"], "input.scene_input.date");
  if (scene["urls"] != null) {
    if (!Array.isArray(scene["urls"])) throw new StashValidationError("input.scene_input.urls", "must be an array of URLs");
    scene["urls"].forEach((u, i) => checkUrl(u, `input.scene_input.urls[${i}]`));
  }
  return { scene_input: scene };
}

/** Asks one scraper about one scene; returns its candidates (possibly none). */
export async function scrapeSingleScene(
  core: StashCoreApi,
  source: ScraperSource,
  input: ScrapeSingleSceneArgs,
  options?: CallOptions,
): Promise<ScrapedSceneDataFragment[]> {
  const variables = { source: checkSource(source), input: checkSingleInput(input) };
  checkInputForServer("ScrapeSingleSceneInput", variables.input, "input", await serverVersion(core, options));
  return (await core.request(ScrapeSingleSceneDocument, variables, options)).scrapeSingleScene;
}

/** Asks a scraper about several stored scenes; one candidate list per scene, in input order. */
export async function scrapeMultiScenes(
  core: StashCoreApi,
  source: ScraperSource,
  input: ScrapeMultiScenesArgs,
  options?: CallOptions,
): Promise<ScrapedSceneDataFragment[][]> {
  const checked = checkObject(input, "input");
  checkKnownKeys(checked, fieldNames("ScrapeMultiScenesInput"), "input");
  const variables = { source: checkSource(source), input: { scene_ids: checkIds(checked["scene_ids"], "input.scene_ids") } };
  return (await core.request(ScrapeMultiScenesDocument, variables, options)).scrapeMultiScenes;
}

/** Scrapes a scene page; `null` when no configured scraper handles the URL. */
export async function scrapeSceneURL(core: StashCoreApi, url: string, options?: CallOptions): Promise<ScrapedSceneDataFragment | null> {
  return (await core.request(ScrapeSceneURLDocument, { url: checkUrl(url, "url") }, options)).scrapeSceneURL;
}

/** Lists the configured scrapers that can scrape scenes. */
export async function listSceneScrapers(core: StashCoreApi, options?: CallOptions): Promise<SceneScraper[]> {
  return (await core.request(ListSceneScrapersDocument, {}, options)).listScrapers;
}

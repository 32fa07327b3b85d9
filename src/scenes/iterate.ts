/**
 * Walks every scene of a query page by page without holding more than one
 * page in memory.
 */
import type { CallOptions, StashCore } from "../core/client";
import { StashError, StashValidationError } from "../core/errors";
import { checkFilterTree, checkFindFilter, throwIfAborted } from "../core/find-filter";
import {
  CriterionModifier,
  FindScenesDocument,
  FindScenesSlimDocument,
  SortDirectionEnum,
  type FindFilterType,
  type SceneDataFragment,
  type SceneFilterType,
  type SlimSceneDataFragment,
} from "../../generated/graphql";
import { checkInteger, checkKnownKeys, checkObject } from "../core/validate";
import { checkSortForServer, knownSorts, newestSorts } from "../core/sorts";
import { serverVersion } from "../core/server-version";

/** Sort names the newest known Stash release accepts for scenes (`random_<seed>` too); older servers are checked against their own list. */
export const SCENE_SORTS: readonly string[] = newestSorts("scenes");

/** Arguments of `iterateScenes`. */
export interface IterateScenesArgs<F extends "slim" | "full" = "slim" | "full"> {
  /** Search and sort; `page` and `per_page` are the iterator's own business (see `perPage`). */
  filter?: Omit<FindFilterType, "page" | "per_page">;
  sceneFilter?: SceneFilterType;
  /** Scenes per request, default 100. */
  perPage?: number;
  /** `slim` (default) yields `SlimSceneDataFragment`, `full` yields `SceneDataFragment`. */
  fragment?: F;
}

/** What `iterateScenes` yields for a fragment choice. */
export type IteratedScene<F extends "slim" | "full"> = F extends "full" ? SceneDataFragment : SlimSceneDataFragment;

interface ScenePage {
  count: number;
  scenes: readonly { id: string }[];
}

/**
 * Yields every scene matching the filters, one request per page.
 *
 * Sorted by id (the default), it walks with an id cursor — each request asks
 * for ids beyond the last one seen, with the caller's filter nested under AND —
 * so scenes added or deleted meanwhile never cause skips or repeats. With
 * another sort it walks numbered pages, where concurrent changes can shift
 * scenes between pages; `random` alone is refused (use `random_<seed>`).
 * Validation happens at the call, before the first request.
 */
export function iterateScenes<F extends "slim" | "full" = "slim">(
  core: StashCore,
  args: IterateScenesArgs<F> = {},
  options: CallOptions = {},
): AsyncIterableIterator<IteratedScene<F>> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, ["filter", "sceneFilter", "perPage", "fragment"], "args");
  const perPage = checkInteger(args.perPage ?? 100, "perPage", 1);
  if (args.filter != null) {
    const f = checkObject(args.filter, "filter");
    if (f["page"] != null || f["per_page"] != null) {
      throw new StashValidationError("filter", "page and per_page are set by the iterator; use perPage for the page size");
    }
  }
  const filter = checkFindFilter(args.filter, "filter", { sorts: knownSorts("scenes") }) ?? {};
  if (filter.sort === "random") {
    throw new StashValidationError("filter.sort", `"random" reshuffles on every page; use random_<seed> for a stable order`);
  }
  const sceneFilter = checkFilterTree(args.sceneFilter, "sceneFilter");
  const fragment = args.fragment ?? "slim";
  if (fragment !== "slim" && fragment !== "full") {
    throw new StashValidationError("fragment", `must be "slim" or "full", got ${JSON.stringify(fragment)}`);
  }
  let serverChecked = false;
  const fetchPage = async (find: FindFilterType, sf: SceneFilterType | undefined): Promise<ScenePage> => {
    throwIfAborted(options.signal, "iterateScenes");
    if (!serverChecked) {
      checkSortForServer(filter.sort, "filter.sort", "scenes", await serverVersion(core, options));
      serverChecked = true;
    }
    const variables = { filter: find, ...(sf ? { scene_filter: sf } : {}) };
    if (fragment === "full") return (await core.request(FindScenesDocument, variables, options)).findScenes;
    return (await core.request(FindScenesSlimDocument, variables, options)).findScenes;
  };
  const walk = filter.sort === undefined || filter.sort === "id" ? walkById : walkByPage;
  const pages = walk(fetchPage, filter, sceneFilter ?? undefined, perPage);
  return stopOnAbort(pages, options.signal) as AsyncIterableIterator<IteratedScene<F>>;
}

/** Checks the signal before every item too, so an abort inside a page stops the loop at once. */
async function* stopOnAbort<T>(items: AsyncIterable<T>, signal: AbortSignal | undefined) {
  for await (const item of items) {
    throwIfAborted(signal, "iterateScenes");
    yield item;
  }
}

type FetchPage = (find: FindFilterType, sceneFilter: SceneFilterType | undefined) => Promise<ScenePage>;

async function* walkById(fetchPage: FetchPage, filter: FindFilterType, sceneFilter: SceneFilterType | undefined, perPage: number) {
  const descending = filter.direction === SortDirectionEnum.DESC;
  const find: FindFilterType = { ...filter, sort: "id", page: 1, per_page: perPage };
  const hasFilter = sceneFilter !== undefined && Object.keys(sceneFilter).length > 0;
  let cursor: number | undefined;
  for (;;) {
    let sf = sceneFilter;
    if (cursor !== undefined) {
      const id = { value: cursor, modifier: descending ? CriterionModifier.LESS_THAN : CriterionModifier.GREATER_THAN };
      // Stash refuses AND next to OR/NOT in one object, so the caller's filter goes one level down.
      sf = hasFilter ? { id, AND: sceneFilter } : { id };
    }
    const page = await fetchPage(find, sf);
    for (const scene of page.scenes) {
      const id = Number(scene.id);
      if (cursor !== undefined && (descending ? id >= cursor : id <= cursor)) {
        throw new StashError(`iterateScenes: the server returned scene ${scene.id} out of id order; it may not support id filters`, {
          operation: "iterateScenes",
        });
      }
      cursor = id;
      yield scene;
    }
    // `count` is what remains past the cursor, so a full last page ends the walk without an empty request.
    if (page.scenes.length < perPage || page.scenes.length >= page.count) return;
  }
}

async function* walkByPage(fetchPage: FetchPage, filter: FindFilterType, sceneFilter: SceneFilterType | undefined, perPage: number) {
  let seen = 0;
  for (let page = 1; ; page++) {
    const result = await fetchPage({ ...filter, page, per_page: perPage }, sceneFilter);
    for (const scene of result.scenes) {
      if (seen >= result.count) return;
      seen++;
      yield scene;
    }
    if (result.scenes.length < perPage || seen >= result.count) return;
  }
}

/**
 * Walks every scene of a query page by page without holding more than one
 * page in memory.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { checkFilterTree } from "../core/find-filter";
import {
  FindScenesDocument,
  FindScenesSlimDocument,
  type FindFilterType,
  type SceneDataFragment,
  type SceneFilterType,
  type SlimSceneDataFragment,
} from "../../generated/graphql";
import { checkKnownKeys, checkObject } from "../core/validate";
import { checkFragment, checkSortOnFirstPage, checkWalkFilter, walkEntities, type WalkPage } from "../entities/iterate";
import { knownSorts, newestSorts } from "../core/sorts";

/** Sort names the newest known Stash release accepts for scenes (`random_<seed>` too); older servers are checked against their own list. */
export const SCENE_SORTS: readonly string[] = /* @__PURE__ */ newestSorts("scenes");

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
  core: StashCoreApi,
  args: IterateScenesArgs<F> = {},
  options: CallOptions = {},
): AsyncIterableIterator<IteratedScene<F>> {
  const input = checkObject(args, "args");
  checkKnownKeys(input, ["filter", "sceneFilter", "perPage", "fragment"], "args");
  const { filter, perPage } = checkWalkFilter(args.filter, args.perPage, knownSorts("scenes"));
  const sceneFilter = checkFilterTree(args.sceneFilter, "sceneFilter");
  const fragment = checkFragment(args.fragment);
  const fetchPage = async (find: FindFilterType, sf: SceneFilterType | undefined): Promise<WalkPage<{ id: string }>> => {
    const variables = { filter: find, ...(sf ? { scene_filter: sf } : {}) };
    const page =
      fragment === "full"
        ? (await core.request(FindScenesDocument, variables, options)).findScenes
        : (await core.request(FindScenesSlimDocument, variables, options)).findScenes;
    return { count: page.count, items: page.scenes };
  };
  const walk = { filter, entityFilter: sceneFilter ?? undefined, perPage, operation: "iterateScenes", signal: options.signal };
  return walkEntities(checkSortOnFirstPage(fetchPage, core, options, filter.sort, "scenes"), walk) as AsyncIterableIterator<IteratedScene<F>>;
}

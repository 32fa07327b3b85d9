/**
 * Scene read queries of the stand-in: findScene(s), hash and path-regex
 * lookups, duplicates, streams, the filename parser, the wall and the
 * deprecated allScenes, plus the scene scrape fields. Every rule follows the
 * Stash server (see docs of the helpers each resolver delegates to).
 */
import type { GraphQLResolveInfo } from "graphql";
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { likeMatcher } from "./criteria";
import { findDuplicateScenes } from "./duplicates";
import { pageByIdIndex } from "./filter/paging";
import { type FindFilterInput, sortAndPage } from "./find-filter";
import { parseId, sceneNotFound } from "./ids";
import { parseSceneFilenames, type SceneParserInput } from "./parser";
import { sceneView } from "./present-scene";
import { selectedFields } from "./query-selection";
import { selectScenes, type SceneSelection } from "./scene-filter";
import { sceneScraperResolvers } from "./scene-scrapers";
import { sceneSortSpec } from "./scene-sort";
import { forRelease } from "./sorts/release";
import { sceneStreamEndpoints } from "./streams";
import type { FileRecord, SceneRecord, Store } from "./store";

/** What a Go nil-pointer dereference looks like once Stash's panic handler has caught it. */
function nilDereference(): Error {
  return new Error("Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>");
}

function findByFingerprint(store: Store, type: "md5" | "oshash", value: string): SceneRecord | null {
  for (const scene of store.all("scenes")) {
    for (const id of scene.fileIds) {
      const file = store.get("files", id);
      if (file && file[type] === value) return scene;
    }
  }
  return null;
}

/** Scenes by id in the order given; duplicates and missing ids fail as in Stash (internal/api/input.go handleIDList, pkg/sqlite/scene.go FindMany). */
function scenesByIds(store: Store, raw: readonly (string | number)[], validate: boolean): SceneRecord[] {
  if (validate) {
    const seen = new Set<string>();
    for (const id of raw.map(String)) {
      if (seen.has(id)) throw new Error(`validating ids: duplicate id found: ${id}`);
      seen.add(id);
    }
  }
  const ids = raw.map((id) => {
    try {
      return parseId(id);
    } catch (err) {
      throw new Error(`converting ids: ${(err as Error).message}`);
    }
  });
  return ids.map((id) => {
    const scene = store.get("scenes", id);
    if (!scene) throw sceneNotFound(id);
    return scene;
  });
}

/**
 * Sums over the matching file rows. Stash's SQL selects DISTINCT (scene,
 * selected aggregate columns), so a scene's files with equal values count once.
 */
function totals(store: Store, select: () => SceneSelection, both: boolean) {
  const sum = (read: (f: FileRecord) => number, key: (f: FileRecord) => string) => () => {
    const selection = select();
    let total = 0;
    for (const scene of selection.scenes) {
      const files = selection.rows?.get(scene.id) ?? store.sceneFiles(scene);
      if (files.length === 1) total += read(files[0]!);
      else if (files.length > 1) {
        const seen = new Set<string>();
        for (const f of files) {
          const k = key(f);
          if (!seen.has(k)) {
            seen.add(k);
            total += read(f);
          }
        }
      }
    }
    return total;
  };
  const pair = (f: FileRecord) => `${f.duration}|${f.size}`;
  return {
    duration: sum((f) => f.duration, both ? pair : (f) => String(f.duration)),
    filesize: sum((f) => f.size, both ? pair : (f) => String(f.size)),
  };
}

function findScenesResult(
  ctx: StandInContext,
  info: GraphQLResolveInfo,
  sceneFilter: Record<string, unknown> | null | undefined,
  filter: FindFilterInput | null | undefined,
) {
  const fields = selectedFields(info);
  const both = fields.has("duration") && fields.has("filesize");
  // Id order with at most an id criterion (an id-cursor walk): straight from the id index.
  const indexed = pageByIdIndex(ctx.store, "scenes", sceneFilter, filter, "id");
  if (indexed) {
    const sums = totals(ctx.store, () => ({ scenes: indexed.all(), rows: null }), both);
    return {
      count: indexed.count,
      duration: sums.duration,
      filesize: sums.filesize,
      scenes: () => indexed.items.map((s) => sceneView(ctx, s)),
    };
  }
  const selection = selectScenes(ctx.store, info.schema, sceneFilter, filter?.q);
  const page = sortAndPage(selection.scenes, filter, forRelease(sceneSortSpec(ctx.store, selection.scenes), "scenes", ctx.release));
  const sums = totals(ctx.store, () => selection, both);
  return {
    count: page.count,
    duration: sums.duration,
    filesize: sums.filesize,
    scenes: () => page.items.map((s) => sceneView(ctx, s)),
  };
}

const findScenes: RootResolver = (args, ctx, info) => {
  const ids = (args.ids as string[] | null | undefined) ?? [];
  const legacy = (args.scene_ids as number[] | null | undefined) ?? [];
  if (ids.length === 0 && legacy.length === 0) {
    return findScenesResult(ctx, info, args.scene_filter, args.filter);
  }
  // With ids the filters are ignored and totals cover primary files only (internal/api/resolver_query_find_scene.go FindScenes).
  const scenes = ids.length > 0 ? scenesByIds(ctx.store, ids, true) : scenesByIds(ctx.store, legacy, false);
  const primaries = scenes.flatMap((s) => {
    const f = s.fileIds[0] === undefined ? undefined : ctx.store.get("files", s.fileIds[0]);
    return f ? [f] : [];
  });
  return {
    count: scenes.length,
    duration: () => primaries.reduce((t, f) => t + f.duration, 0),
    filesize: () => primaries.reduce((t, f) => t + f.size, 0),
    scenes: () => scenes.map((s) => sceneView(ctx, s)),
  };
};

const findScenesByPathRegex: RootResolver = (args, ctx, info) => {
  const filter = args.filter as FindFilterInput | null | undefined;
  const q = filter?.q;
  const sceneFilter = q === undefined || q === null ? null : { path: { modifier: "MATCHES_REGEX", value: `(?i)${q}` } };
  return findScenesResult(ctx, info, sceneFilter, filter ? { ...filter, q: null } : filter);
};

function parseFilenames(args: Record<string, any>, ctx: StandInContext, info: GraphQLResolveInfo) {
  const filter = args.filter as FindFilterInput | null | undefined;
  const parsed = parseSceneFilenames(ctx.store, filter, (args.config ?? {}) as SceneParserInput, (regex, ignoreOrganized) => {
    const sceneFilter: Record<string, unknown> = { path: { modifier: "MATCHES_REGEX", value: regex } };
    if (ignoreOrganized) sceneFilter.organized = false;
    const { scenes } = selectScenes(ctx.store, info.schema, sceneFilter, null);
    const page = sortAndPage(scenes, { ...filter, q: null }, forRelease(sceneSortSpec(ctx.store, scenes), "scenes", ctx.release));
    return { count: page.count, scenes: page.items };
  });
  return {
    count: parsed.count,
    results: parsed.results.map((r) => ({
      ...r,
      scene: sceneView(ctx, r.scene),
      code: null,
      details: null,
      director: null,
      url: null,
      rating100: null,
      gallery_ids: null,
    })),
  };
}

/** Up to 80 random scenes whose details contain q (scenes without details never match). */
function sceneWall(store: Store, q: string | null | undefined): SceneRecord[] {
  const like = likeMatcher(`%${q ?? ""}%`);
  const pool: SceneRecord[] = [];
  for (const scene of store.all("scenes")) if (scene.details !== "" && like(scene.details)) pool.push(scene);
  const n = Math.min(80, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** allScenes: ordered by the primary file's folder, then its name, then date (NULLs first). */
function allScenes(store: Store): SceneRecord[] {
  const keyed = [...store.all("scenes")].map((scene) => {
    const f = scene.fileIds[0] === undefined ? undefined : store.get("files", scene.fileIds[0]);
    const cut = f ? Math.max(f.path.lastIndexOf("/"), f.path.lastIndexOf("\\")) : -1;
    const folder = f ? (cut === 0 ? "/" : f.path.slice(0, Math.max(cut, 0))) : null;
    return { scene, folder, base: f ? f.path.slice(cut + 1) : null };
  });
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  keyed.sort((a, b) => cmp(a.folder, b.folder) || cmp(a.base, b.base) || cmp(a.scene.date, b.scene.date) || a.scene.id - b.scene.id);
  return keyed.map((k) => k.scene);
}

/** The scene query fields. */
export const sceneQueries: ResolverModule = {
  Query: {
    findScene: (args, ctx) => {
      let scene: SceneRecord | null | undefined = null;
      if (args.id !== undefined && args.id !== null) scene = ctx.store.get("scenes", parseId(args.id));
      else if (args.checksum !== undefined && args.checksum !== null) scene = findByFingerprint(ctx.store, "md5", args.checksum);
      return scene ? sceneView(ctx, scene) : null;
    },
    findSceneByHash: (args, ctx) => {
      const input = (args.input ?? {}) as { checksum?: string | null; oshash?: string | null };
      let scene: SceneRecord | null = null;
      if (input.checksum !== undefined && input.checksum !== null) scene = findByFingerprint(ctx.store, "md5", input.checksum);
      if (!scene && input.oshash !== undefined && input.oshash !== null) scene = findByFingerprint(ctx.store, "oshash", input.oshash);
      return scene ? sceneView(ctx, scene) : null;
    },
    findScenes,
    findScenesByPathRegex,
    findDuplicateScenes: (args, ctx) =>
      findDuplicateScenes(ctx.store, args.distance ?? 0, args.duration_diff ?? -1).map((group) =>
        group.map((s) => sceneView(ctx, s)),
      ),
    sceneStreams: (args, ctx) => {
      if (args.id === undefined || args.id === null) throw nilDereference();
      const id = parseId(args.id);
      const scene = ctx.store.get("scenes", id);
      if (!scene) throw sceneNotFound(id);
      return sceneStreamEndpoints(ctx, scene);
    },
    parseSceneFilenames: (args, ctx, info) => parseFilenames(args, ctx, info),
    sceneWall: (args, ctx) => sceneWall(ctx.store, args.q).map((s) => sceneView(ctx, s)),
    allScenes: (_args, ctx) => allScenes(ctx.store).map((s) => sceneView(ctx, s)),
    ...sceneScraperResolvers,
  },
};

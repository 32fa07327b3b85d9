/**
 * Marker queries: findSceneMarkers (filter, q, Stash's marker sorts and
 * paging), sceneMarkerTags, markerWall, markerStrings and the deprecated
 * allSceneMarkers.
 */
import type { RootResolver, RootResolvers, StandInContext } from "./context";
import { likeMatcher } from "./criteria";
import { comparatorFor, pageOf, type FindFilterInput } from "./find-filter";
import { parseId, parseIds } from "./ids";
import { filterEnv } from "./filter/registry";
import { selectRecords } from "./filter/engine";
import { pageByIdIndex } from "./filter/paging";
import { requireReleaseSort } from "./sorts/release";
import { MARKER_SPEC } from "./filter/specs/marker";
import { markerView } from "./present-scene";
import { tagView } from "./present-entities";
import type { MarkerRecord, SceneRecord } from "./store";

/** The plain-column sorts Stash accepts for markers (title, scenes_updated_at, duration and random are handled apart). */
export const MARKER_SORTS = ["created_at", "id", "title", "scene_id", "scenes_updated_at", "seconds", "updated_at"] as const;

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "accent" });

/** A marker with the scene it belongs to (null only if the store is inconsistent). */
interface MarkerRow {
  readonly marker: MarkerRecord;
  readonly scene: SceneRecord | null;
}

type Compare = (a: MarkerRow, b: MarkerRow) => number;

function byValue(get: (row: MarkerRow) => string | number): Compare {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/**
 * The ordering for a sort name: the named key in `direction`, then scene id
 * and seconds ascending, as Stash appends them (pkg/sqlite/scene_marker.go). The title sort falls back to
 * the primary tag's name for untitled markers and compares naturally.
 */
function markerComparator(ctx: StandInContext, sort: string, descending: boolean): Compare {
  let primary: Compare;
  if (/^random(_\d+)?$/.test(sort)) {
    const random = comparatorFor(sort, { keys: {} });
    primary = (a, b) => random(a.marker, b.marker);
  } else if (sort === "title") {
    // Keys are computed once per marker: a sort compares each marker many times.
    const keys = new Map<number, string>();
    const key = (m: MarkerRecord): string => {
      let k = keys.get(m.id);
      if (k === undefined) {
        k = m.title || (ctx.store.get("tags", m.primaryTagId)?.name ?? "");
        keys.set(m.id, k);
      }
      return k;
    };
    primary = (a, b) => natural.compare(key(a.marker), key(b.marker));
  } else if (sort === "scenes_updated_at") {
    primary = byValue((r) => r.scene?.updatedAt ?? "");
  } else if (sort === "duration") {
    // end_seconds - seconds; a marker without an end is NULL, which SQLite sorts first.
    const length = (r: MarkerRow) => (r.marker.endSeconds === null ? -Infinity : r.marker.endSeconds - r.marker.seconds);
    primary = byValue(length);
  } else if ((MARKER_SORTS as readonly string[]).includes(sort)) {
    const field = { created_at: "createdAt", id: "id", scene_id: "sceneId", seconds: "seconds", updated_at: "updatedAt" }[
      sort as "created_at" | "id" | "scene_id" | "seconds" | "updated_at"
    ] as "createdAt" | "id" | "sceneId" | "seconds" | "updatedAt";
    primary = byValue((r) => r.marker[field]);
  } else {
    throw new Error(`invalid sort: ${sort}`);
  }
  const tail: Compare = (a, b) =>
    a.marker.sceneId - b.marker.sceneId || a.marker.seconds - b.marker.seconds || a.marker.id - b.marker.id;
  return (a, b) => (descending ? primary(b, a) : primary(a, b)) || tail(a, b);
}

function rowsOf(ctx: StandInContext, markers: Iterable<MarkerRecord>): MarkerRow[] {
  const out: MarkerRow[] = [];
  for (const marker of markers) out.push({ marker, scene: ctx.store.get("scenes", marker.sceneId) ?? null });
  return out;
}

const findSceneMarkers: RootResolver = (args, ctx, info) => {
  const rawIds = args.ids as unknown[] | null | undefined;
  if (rawIds && rawIds.length > 0) {
    // With ids the filters are ignored and input order is kept.
    const markers = parseIds(rawIds).map((id) => {
      const marker = ctx.store.get("markers", id);
      if (!marker) throw new Error(`scene marker with id ${id} not found`);
      return marker;
    });
    return { count: markers.length, scene_markers: markers.map((m) => markerView(ctx, m)) };
  }
  const filter = args.filter as FindFilterInput | null | undefined;
  const filterArg = args.scene_marker_filter as Record<string, unknown> | null | undefined;
  const sort = filter?.sort || "title";
  requireReleaseSort("sceneMarkers", ctx.release, sort);
  // An id sort is unique, so Stash's scene/seconds tail never applies: the id index answers it.
  const indexed = pageByIdIndex(ctx.store, "markers", filterArg, filter, "title");
  if (indexed) return { count: indexed.count, scene_markers: indexed.items.map((m) => markerView(ctx, m)) };
  const selected = selectRecords(filterEnv(ctx.store, info.schema), MARKER_SPEC, filterArg, filter?.q).records;
  const compare = markerComparator(ctx, sort, filter?.direction === "DESC");
  const rows = rowsOf(ctx, selected);
  rows.sort(compare);
  return { count: rows.length, scene_markers: pageOf(rows, filter).map((r) => markerView(ctx, r.marker)) };
};

/** The scene's markers grouped by primary tag; tags whose first marker comes earlier come first. */
const sceneMarkerTags: RootResolver = (args, ctx) => {
  const sceneId = parseId(args.scene_id);
  const groups = new Map<number, MarkerRecord[]>();
  for (const marker of ctx.store.sceneMarkers(sceneId)) {
    const list = groups.get(marker.primaryTagId) ?? [];
    list.push(marker);
    groups.set(marker.primaryTagId, list);
  }
  const out: Record<string, unknown>[] = [];
  for (const [tagId, markers] of groups) {
    const tag = ctx.store.get("tags", tagId);
    if (tag) out.push({ tag: tagView(ctx, tag), scene_markers: markers.map((m) => markerView(ctx, m)) });
  }
  return out;
};

/** Up to 80 random markers whose title contains `q` (SQLite LIKE). */
const markerWall: RootResolver = (args, ctx) => {
  const like = likeMatcher(`%${(args.q as string | null | undefined) ?? ""}%`);
  const matches = [...ctx.store.all("markers")].filter((m) => like(m.title));
  for (let i = matches.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [matches[i], matches[j]] = [matches[j]!, matches[i]!];
  }
  return matches.slice(0, 80).map((m) => markerView(ctx, m));
};

/**
 * Marker titles with their counts, grouped by exact title. The id is one
 * marker of that title (SQLite's bare column: the group's last row).
 */
const markerStrings: RootResolver = (args, ctx) => {
  const q = args.q as string | null | undefined;
  const like = q == null ? null : likeMatcher(`%${q}%`);
  const groups = new Map<string, { count: number; id: number }>();
  for (const marker of ctx.store.all("markers")) {
    if (like && !like(marker.title)) continue;
    const group = groups.get(marker.title);
    if (group) {
      group.count++;
      group.id = marker.id;
    } else groups.set(marker.title, { count: 1, id: marker.id });
  }
  const byTitle = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const entries = [...groups.entries()].sort(
    args.sort === "count" ? (a, b) => b[1].count - a[1].count || byTitle(a[0], b[0]) : (a, b) => byTitle(a[0], b[0]),
  );
  return entries.map(([title, g]) => ({ count: g.count, id: String(g.id), title }));
};

/** Query root fields for markers. */
export const markerQueries: RootResolvers = {
  findSceneMarkers,
  sceneMarkerTags,
  markerWall,
  markerStrings,
  allSceneMarkers: (_args, ctx) => [...ctx.store.all("markers")].map((m) => markerView(ctx, m)),
};

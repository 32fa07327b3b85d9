/**
 * Filtered finds for every entity the suite covers, as raw GraphQL, and the
 * include/exclude checks Stash's store tests make on their results.
 */
import { expect } from "vitest";
import type { Conformance } from "./harness";

/** The entities with a `find…` root field and a `…FilterType`. */
export type Entity = "scenes" | "images" | "galleries" | "performers" | "studios" | "tags" | "groups" | "markers";

interface FindShape {
  readonly root: string;
  readonly filterArg: string;
  readonly filterType: string;
  readonly list: string;
}

const SHAPES: Readonly<Record<Entity, FindShape>> = {
  scenes: { root: "findScenes", filterArg: "scene_filter", filterType: "SceneFilterType", list: "scenes" },
  images: { root: "findImages", filterArg: "image_filter", filterType: "ImageFilterType", list: "images" },
  galleries: { root: "findGalleries", filterArg: "gallery_filter", filterType: "GalleryFilterType", list: "galleries" },
  performers: { root: "findPerformers", filterArg: "performer_filter", filterType: "PerformerFilterType", list: "performers" },
  studios: { root: "findStudios", filterArg: "studio_filter", filterType: "StudioFilterType", list: "studios" },
  tags: { root: "findTags", filterArg: "tag_filter", filterType: "TagFilterType", list: "tags" },
  groups: { root: "findGroups", filterArg: "group_filter", filterType: "GroupFilterType", list: "groups" },
  markers: { root: "findSceneMarkers", filterArg: "scene_marker_filter", filterType: "SceneMarkerFilterType", list: "scene_markers" },
};

/** A find filter as Stash's FindFilterType takes it. */
export interface FindFilter {
  q?: string;
  page?: number;
  per_page?: number;
  sort?: string;
  direction?: "ASC" | "DESC";
}

/** One page of a find: the total count and the records with the selected fields. */
export interface Found<T> {
  count: number;
  items: T[];
}

function findQuery(entity: Entity, fields: string): string {
  const s = SHAPES[entity];
  return `query Conf($f: ${s.filterType}, $ff: FindFilterType) { r: ${s.root}(${s.filterArg}: $f, filter: $ff) { count items: ${s.list} { id ${fields} } } }`;
}

/** Runs a filtered find; every page by default (`per_page: -1`), as the Go tests see every match. */
export async function find<T extends { id: string } = { id: string }>(
  c: Conformance,
  entity: Entity,
  filter: Record<string, unknown> | null,
  findFilter: FindFilter = {},
  fields = "",
): Promise<Found<T>> {
  const ff = { per_page: -1, ...findFilter };
  const data = await c.run<{ r: Found<T> }>(findQuery(entity, fields), { f: filter, ff });
  return data.r;
}

/** The ids a filtered find returns. */
export async function findIds(
  c: Conformance,
  entity: Entity,
  filter: Record<string, unknown> | null,
  findFilter: FindFilter = {},
): Promise<string[]> {
  return (await find(c, entity, filter, findFilter)).items.map((r) => r.id);
}

/** GraphQL's own validation messages: a request the suite got wrong, not one the stand-in refused. */
const VALIDATION = /got invalid value|Cannot query field|Unknown argument|Unknown type|must not have a selection|Syntax Error/;

function expectRefusedByResolver(errors: readonly string[], what: string): void {
  expect(errors.length, `expected ${what} to be rejected`).toBeGreaterThan(0);
  expect(errors.filter((m) => VALIDATION.test(m)), "the request itself must be valid GraphQL").toEqual([]);
}

/** Asserts that a filtered find fails with a GraphQL error (an "unsupported" answer fails the case). */
export async function expectFindRejected(
  c: Conformance,
  entity: Entity,
  filter: Record<string, unknown>,
  findFilter: FindFilter = {},
): Promise<void> {
  const errors = await c.errorsOf(findQuery(entity, ""), { f: filter, ff: { per_page: -1, ...findFilter } });
  expectRefusedByResolver(errors, `${entity} filter ${JSON.stringify(filter)}`);
}

/** Asserts the ids contain every `include` and none of `exclude`, naming fixture records in the message. */
export function expectIds(ids: readonly string[], include: readonly string[], exclude: readonly string[] = []): void {
  const got = new Set(ids);
  const missing = include.filter((id) => !got.has(id));
  const extra = exclude.filter((id) => got.has(id));
  expect({ missing, unexpected: extra }).toEqual({ missing: [], unexpected: [] });
}

/** Asserts the ids are exactly `expected`, in any order. */
export function expectExactly(ids: readonly string[], expected: readonly string[]): void {
  expect([...ids].sort()).toEqual([...expected].sort());
}

/** Asserts a mutation fails with a GraphQL error (an "unsupported" answer fails the case). */
export async function expectRejected(c: Conformance, query: string, variables?: Record<string, unknown>): Promise<void> {
  expectRefusedByResolver(await c.errorsOf(query, variables), "the request");
}

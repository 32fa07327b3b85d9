/**
 * Checks a fixture's groups, saved filters and folders before anything is
 * written, naming the offending record (`groups[2].sub_groups[0] ...`).
 */
import type { Fixture } from "./fixture";
import type { FixtureGroup, FixtureSavedFilter } from "./fixture-groups";
import { checkNonBlank, checkNumber, checkString, checkStringList, fail, isFuzzyDate, isObject } from "./fixture-validate";

/** The FilterMode values of Stash's schema. */
const FILTER_MODES = ["SCENES", "PERFORMERS", "STUDIOS", "GALLERIES", "SCENE_MARKERS", "MOVIES", "GROUPS", "TAGS", "IMAGES"];

function subGroupName(entry: unknown, path: string): string {
  if (typeof entry === "string") {
    checkNonBlank(entry, path);
    return entry.trim();
  }
  if (!isObject(entry)) fail(path, "must be a group name or an object with a name");
  checkNonBlank(entry.name, `${path}.name`);
  checkString(entry.description, `${path}.description`);
  return (entry.name as string).trim();
}

function checkGroup(group: FixtureGroup, path: string, edges: Map<string, { to: string; path: string }[]>): void {
  if (typeof group === "string") {
    checkNonBlank(group, path);
    return;
  }
  if (!isObject(group)) fail(path, "must be a name or an object with a name");
  checkNonBlank(group.name, `${path}.name`);
  for (const key of ["aliases", "director", "synopsis"] as const) checkString(group[key], `${path}.${key}`);
  if (group.studio !== undefined && group.studio !== null) checkNonBlank(group.studio, `${path}.studio`);
  if (group.date !== undefined && group.date !== null && (typeof group.date !== "string" || !isFuzzyDate(group.date))) {
    fail(`${path}.date`, "must be YYYY, YYYY-MM or YYYY-MM-DD");
  }
  checkNumber(group.duration, `${path}.duration`, { min: 0, integer: true });
  checkNumber(group.rating100, `${path}.rating100`, { min: 0, integer: true });
  if (typeof group.rating100 === "number" && group.rating100 > 100) fail(`${path}.rating100`, "must be at most 100");
  checkStringList(group.urls, `${path}.urls`);
  checkStringList(group.tags, `${path}.tags`);
  for (const key of ["front_image", "back_image"] as const) {
    if (group[key] !== undefined && typeof group[key] !== "boolean") fail(`${path}.${key}`, "must be a boolean");
  }
  if (group.sub_groups === undefined) return;
  if (!Array.isArray(group.sub_groups)) fail(`${path}.sub_groups`, "must be an array");
  const name = group.name.trim().toLowerCase();
  group.sub_groups.forEach((entry, i) => {
    const at = `${path}.sub_groups[${i}]`;
    const sub = subGroupName(entry, at);
    if (sub.toLowerCase() === name) fail(at, `names the group ${JSON.stringify(group.name)} itself`);
    const list = edges.get(name) ?? [];
    list.push({ to: sub.toLowerCase(), path: at });
    edges.set(name, list);
  });
}

/** Stash refuses a group contained by one of its sub-groups (pkg/group/validate.go); so does the fixture. */
function checkNoLoops(edges: Map<string, { to: string; path: string }[]>): void {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    onPath.add(name);
    for (const edge of edges.get(name) ?? []) {
      if (onPath.has(edge.to)) fail(edge.path, `makes a loop: a group cannot be contained by one of its subgroups`);
      visit(edge.to);
    }
    onPath.delete(name);
    done.add(name);
  };
  for (const name of edges.keys()) visit(name);
}

function checkSavedFilter(filter: FixtureSavedFilter, path: string, seen: Set<string>): void {
  if (!isObject(filter)) fail(path, "must be an object");
  if (!FILTER_MODES.includes(filter.mode)) fail(`${path}.mode`, `must be one of ${FILTER_MODES.join(", ")}`);
  checkNonBlank(filter.name, `${path}.name`);
  const key = `${filter.mode}\u0000${filter.name.trim()}`;
  if (seen.has(key)) fail(`${path}.name`, `repeats ${JSON.stringify(filter.name)} for mode ${filter.mode} (saved filter names are unique per mode)`);
  seen.add(key);
  for (const k of ["find_filter", "object_filter", "ui_options"] as const) {
    if (filter[k] !== undefined && filter[k] !== null && !isObject(filter[k])) fail(`${path}.${k}`, "must be an object");
  }
}

/** Validates `groups`, `saved_filters` and `folders`. */
export function validateGroupFixture(fixture: Fixture): void {
  if (fixture.groups !== undefined && !Array.isArray(fixture.groups)) fail("groups", "must be an array");
  const edges = new Map<string, { to: string; path: string }[]>();
  (fixture.groups ?? []).forEach((group, i) => checkGroup(group, `groups[${i}]`, edges));
  checkNoLoops(edges);
  if (fixture.saved_filters !== undefined && !Array.isArray(fixture.saved_filters)) fail("saved_filters", "must be an array");
  const seen = new Set<string>();
  (fixture.saved_filters ?? []).forEach((filter, i) => checkSavedFilter(filter, `saved_filters[${i}]`, seen));
  checkStringList(fixture.folders, "folders");
}

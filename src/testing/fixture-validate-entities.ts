/**
 * Checks a fixture's tags, performers and studios before anything is
 * written, naming the offending record (`tags[2].parents[0] ...`), including
 * tag and studio hierarchies that would loop.
 */
import { GenderEnum } from "../../generated/graphql";
import type { Fixture } from "./fixture";
import { checkNonBlank, checkNumber, checkString, checkStringList, fail, isFuzzyDate, isObject } from "./fixture-validate";

/** From the generated schema enum, so a new release's values are accepted without edits here. */
const GENDERS: readonly string[] = Object.values(GenderEnum);

/** Parent edges by lower-cased child name, each with the child's name as written and the path that declared it. */
type Edges = Map<string, { name: string; parent: string; path: string }[]>;

function checkBool(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== "boolean") fail(path, "must be a boolean");
}

function checkRating(value: unknown, path: string): void {
  checkNumber(value, path, { min: 0, integer: true });
  if (typeof value === "number" && value > 100) fail(path, "must be at most 100");
}

function checkDate(value: unknown, path: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || !isFuzzyDate(value)) fail(path, "must be YYYY, YYYY-MM or YYYY-MM-DD");
}

/** An entry is a non-blank name or an object with one; returns the object or null for a plain name. */
function entry(value: unknown, path: string): Record<string, unknown> | null {
  if (typeof value === "string") {
    checkNonBlank(value, path);
    return null;
  }
  if (!isObject(value)) fail(path, "must be a name or an object with a name");
  checkNonBlank(value.name, `${path}.name`);
  return value;
}

function addEdge(edges: Edges, child: string, parent: string, path: string): void {
  const key = child.trim().toLowerCase();
  const list = edges.get(key) ?? [];
  list.push({ name: child.trim(), parent: parent.trim().toLowerCase(), path });
  edges.set(key, list);
}

/** Fails on the first parent link that leads back to its own record. */
function checkNoLoop(edges: Edges, what: string): void {
  for (const [start, links] of edges) {
    for (const link of links) {
      const seen = new Set<string>();
      const stack = [link.parent];
      while (stack.length > 0) {
        const at = stack.pop()!;
        if (at === start) fail(link.path, `makes the ${what} hierarchy loop back to ${JSON.stringify(link.name)}`);
        if (seen.has(at)) continue;
        seen.add(at);
        for (const next of edges.get(at) ?? []) stack.push(next.parent);
      }
    }
  }
}

function checkTags(fixture: Fixture): void {
  if (fixture.tags === undefined) return;
  if (!Array.isArray(fixture.tags)) fail("tags", "must be an array");
  const edges: Edges = new Map();
  fixture.tags.forEach((raw, i) => {
    const path = `tags[${i}]`;
    const tag = entry(raw, path);
    if (!tag) return;
    checkStringList(tag.aliases, `${path}.aliases`);
    checkStringList(tag.parents, `${path}.parents`);
    for (const key of ["sort_name", "description"]) checkString(tag[key], `${path}.${key}`);
    for (const key of ["favorite", "ignore_auto_tag"]) checkBool(tag[key], `${path}.${key}`);
    ((tag.parents as string[] | undefined) ?? []).forEach((p, j) => addEdge(edges, tag.name as string, p, `${path}.parents[${j}]`));
  });
  checkNoLoop(edges, "tag");
}

function checkPerformers(fixture: Fixture): void {
  if (fixture.performers === undefined) return;
  if (!Array.isArray(fixture.performers)) fail("performers", "must be an array");
  fixture.performers.forEach((raw, i) => {
    const path = `performers[${i}]`;
    const p = entry(raw, path);
    if (!p) return;
    for (const key of ["disambiguation", "country", "ethnicity", "hair_color", "eye_color", "details"]) checkString(p[key], `${path}.${key}`);
    checkStringList(p.aliases, `${path}.aliases`);
    checkStringList(p.urls, `${path}.urls`);
    checkStringList(p.tags, `${path}.tags`);
    if (p.gender != null && !GENDERS.includes(p.gender as string)) fail(`${path}.gender`, `must be one of ${GENDERS.join(", ")}`);
    checkDate(p.birthdate, `${path}.birthdate`);
    checkDate(p.death_date, `${path}.death_date`);
    checkNumber(p.height_cm, `${path}.height_cm`, { min: 0, integer: true });
    checkNumber(p.weight, `${path}.weight`, { min: 0, integer: true });
    checkRating(p.rating100, `${path}.rating100`);
    for (const key of ["favorite", "ignore_auto_tag"]) checkBool(p[key], `${path}.${key}`);
    if (p.custom_fields !== undefined) {
      if (!isObject(p.custom_fields)) fail(`${path}.custom_fields`, "must be an object");
      for (const [key, value] of Object.entries(p.custom_fields)) {
        if (key.trim() === "" || key !== key.trim()) fail(`${path}.custom_fields`, `has an invalid field name ${JSON.stringify(key)}`);
        if (value !== null && typeof value === "object") fail(`${path}.custom_fields.${key}`, "must be a string, number, boolean or null");
      }
    }
  });
}

function checkStudios(fixture: Fixture): void {
  if (fixture.studios === undefined) return;
  if (!Array.isArray(fixture.studios)) fail("studios", "must be an array");
  const edges: Edges = new Map();
  fixture.studios.forEach((raw, i) => {
    const path = `studios[${i}]`;
    const s = entry(raw, path);
    if (!s) return;
    if (s.parent !== undefined) {
      checkNonBlank(s.parent, `${path}.parent`);
      addEdge(edges, s.name as string, s.parent as string, `${path}.parent`);
    }
    checkStringList(s.aliases, `${path}.aliases`);
    checkStringList(s.urls, `${path}.urls`);
    checkStringList(s.tags, `${path}.tags`);
    checkString(s.details, `${path}.details`);
    checkRating(s.rating100, `${path}.rating100`);
    for (const key of ["favorite", "ignore_auto_tag"]) checkBool(s[key], `${path}.${key}`);
  });
  checkNoLoop(edges, "studio");
}

/** Throws `invalid fixture: <path> <problem>` for the first bad tag, performer or studio. */
export function validateEntityFixture(fixture: Fixture): void {
  checkTags(fixture);
  checkPerformers(fixture);
  checkStudios(fixture);
}

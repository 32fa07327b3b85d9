/**
 * Multi and hierarchical criteria (performers, tags, studios, groups,
 * galleries) over a record's related ids, with Stash's modifier rules:
 * EXCLUDES folds into `excludes`, INCLUDES_ALL and EQUALS count the values as
 * given, unsupported modifiers are errors or no-ops exactly where Stash's are.
 */
import { criterionId, type HierarchicalCriterionInput, type MultiCriterionInput, type Truth } from "../criteria";

/** A compiled criterion over the related ids of one record; null means "adds no condition". */
export type IdsMatcher = ((ids: readonly number[]) => boolean) | null;

/** Root value → the ids it stands for (itself plus descendants down to the requested depth). */
export type Expansion = ReadonlyMap<number, ReadonlySet<number>>;

/** Expands hierarchical values; `children(id)` lists direct children. */
export function expandHierarchy(
  values: readonly string[],
  depth: number | null | undefined,
  children: (id: number) => readonly number[],
  exists: (id: number) => boolean,
): Expansion {
  const roots = values.map(criterionId);
  const out = new Map<number, Set<number>>();
  const levels = depth ?? 0;
  // Stash's recursive query (pkg/sqlite/criterion_handlers.go, WITH RECURSIVE) starts from existing rows only, falling back to the raw values when none exist.
  const start = levels === 0 || !roots.some(exists) ? roots : roots.filter(exists);
  for (const root of start) {
    const seen = new Set<number>([root]);
    let frontier = [root];
    for (let level = 0; frontier.length > 0 && (levels < 0 || level < levels); level++) {
      const next: number[] = [];
      for (const id of frontier) {
        for (const child of children(id)) {
          if (!seen.has(child)) {
            seen.add(child);
            next.push(child);
          }
        }
      }
      frontier = next;
    }
    out.set(root, seen);
  }
  return out;
}

/** Stash folds an EXCLUDES modifier into `excludes` and matches what remains as INCLUDES_ALL. */
export function foldExcludes<T extends MultiCriterionInput>(c: T): { modifier: string; values: string[]; excludes: string[] } {
  const values = [...(c.value ?? [])];
  const excludes = [...(c.excludes ?? [])];
  if (c.modifier === "EXCLUDES") return { modifier: "INCLUDES_ALL", values: [], excludes: [...excludes, ...values] };
  return { modifier: c.modifier, values, excludes };
}

function both(a: IdsMatcher, b: IdsMatcher): IdsMatcher {
  if (!a) return b;
  if (!b) return a;
  return (ids) => a(ids) && b(ids);
}

function noneOf(excluded: ReadonlySet<number>): IdsMatcher {
  return (ids) => !ids.some((id) => excluded.has(id));
}

/**
 * What joined multi and hierarchical criteria share: IS_NULL / NOT_NULL ask
 * whether any id is related, EXCLUDES folds into `excludes`, and the
 * `values` part and the `excludes` part must both hold.
 */
function joinedMatcher(
  c: MultiCriterionInput,
  included: (modifier: string, values: string[]) => IdsMatcher,
  excluded: (excludes: string[]) => ReadonlySet<number>,
): IdsMatcher {
  if (c.modifier === "IS_NULL") return (ids) => ids.length === 0;
  if (c.modifier === "NOT_NULL") return (ids) => ids.length > 0;
  const { modifier, values, excludes } = foldExcludes(c);
  if (values.length === 0 && excludes.length === 0) return null;
  const matcher = values.length > 0 ? included(modifier, values) : null;
  return excludes.length > 0 ? both(matcher, noneOf(excluded(excludes))) : matcher;
}

/** Performers-style MultiCriterionInput (joinedMultiCriterionHandlerBuilder, pkg/sqlite/criterion_handlers.go). */
export function joinedMultiMatcher(c: MultiCriterionInput): IdsMatcher {
  return joinedMatcher(
    c,
    (modifier, values) => {
      const wanted = new Set(values.map(criterionId));
      const hits = (ids: readonly number[]) => new Set(ids.filter((id) => wanted.has(id))).size;
      switch (modifier) {
        case "INCLUDES":
          return (ids) => ids.some((id) => wanted.has(id));
        case "EQUALS":
          return (ids) => ids.length === values.length && hits(ids) === values.length;
        case "NOT_EQUALS":
          throw new Error("not equals modifier is not supported for multi criterion input");
        case "INCLUDES_ALL":
          return (ids) => hits(ids) === values.length;
        default:
          return null;
      }
    },
    (excludes) => new Set(excludes.map(criterionId)),
  );
}

/** Galleries/movies-style MultiCriterionInput (multiCriterionHandlerBuilder, pkg/sqlite/criterion_handlers.go: `excludes` is not read). */
export function plainMultiMatcher(c: MultiCriterionInput): IdsMatcher {
  if (c.modifier === "IS_NULL") return (ids) => ids.length === 0;
  if (c.modifier === "NOT_NULL") return (ids) => ids.length > 0;
  const values = c.value ?? [];
  if (values.length === 0) return null;
  const wanted = new Set(values.map(criterionId));
  switch (c.modifier) {
    case "INCLUDES":
      return (ids) => ids.some((id) => wanted.has(id));
    case "INCLUDES_ALL":
      return (ids) => new Set(ids.filter((id) => wanted.has(id))).size === values.length;
    case "EXCLUDES":
      return (ids) => !ids.some((id) => wanted.has(id));
    default:
      return null;
  }
}

function union(expansion: Expansion): Set<number> {
  const out = new Set<number>();
  for (const items of expansion.values()) for (const id of items) out.add(id);
  return out;
}

function rootsCovered(expansion: Expansion, ids: readonly number[]): number {
  let n = 0;
  for (const items of expansion.values()) if (ids.some((id) => items.has(id))) n++;
  return n;
}

/** How a hierarchical criterion expands its ids. */
export type Expander = (values: readonly string[], depth: number | null | undefined) => Expansion;

/** Tags/groups-style HierarchicalMultiCriterionInput over a list of related ids. */
export function joinedHierarchicalMatcher(c: HierarchicalCriterionInput, expand: Expander): IdsMatcher {
  if (c.modifier === "EQUALS" && (c.depth ?? 0) !== 0) {
    throw new Error("depth is not supported for equals modifier in hierarchical multi criterion input");
  }
  return joinedMatcher(
    c,
    (modifier, values) => {
      const expansion = expand(values, c.depth);
      switch (modifier) {
        case "INCLUDES":
          return (ids) => rootsCovered(expansion, ids) > 0;
        case "INCLUDES_ALL":
          return (ids) => rootsCovered(expansion, ids) === values.length;
        case "EQUALS":
          return (ids) => ids.length === values.length && rootsCovered(expansion, ids) === values.length;
        case "NOT_EQUALS":
          throw new Error("not equals modifier is not supported for hierarchical multi criterion input");
        default:
          return null;
      }
    },
    (excludes) => union(expand(excludes, c.depth)),
  );
}

/** Performer-tags HierarchicalMultiCriterionInput: ids are grouped per performer. */
export function performerTagsMatcher(
  c: HierarchicalCriterionInput,
  expand: Expander,
): ((tagsPerPerformer: readonly (readonly number[])[]) => boolean) | null {
  const { modifier, values, excludes } = foldExcludes(c);
  if (!["INCLUDES_ALL", "INCLUDES", "EXCLUDES", "IS_NULL", "NOT_NULL"].includes(modifier)) {
    throw new Error(`invalid modifier ${modifier} for performer tags`);
  }
  if (modifier === "IS_NULL") return (per) => per.length === 0 || per.some((tags) => tags.length === 0);
  if (modifier === "NOT_NULL") return (per) => per.some((tags) => tags.length > 0);
  if (values.length === 0 && excludes.length === 0) return null;
  const tests: ((per: readonly (readonly number[])[]) => boolean)[] = [];
  if (values.length > 0) {
    const expansion = expand(values, c.depth);
    const covered = (per: readonly (readonly number[])[]) => rootsCovered(expansion, per.flat());
    tests.push(modifier === "INCLUDES" ? (per) => covered(per) > 0 : (per) => covered(per) === values.length);
  }
  if (excludes.length > 0) {
    const excluded = union(expand(excludes, c.depth));
    tests.push((per) => !per.some((tags) => tags.some((id) => excluded.has(id))));
  }
  return (per) => tests.every((t) => t(per));
}

/** Studios HierarchicalMultiCriterionInput over a single nullable id (EQUALS means INCLUDES_ALL, NOT_EQUALS EXCLUDES). */
export function singleHierarchicalMatcher(
  c: HierarchicalCriterionInput,
  expand: Expander,
): ((id: number | null) => Truth) | null {
  const mapped = c.modifier === "EQUALS" ? "INCLUDES_ALL" : c.modifier === "NOT_EQUALS" ? "EXCLUDES" : c.modifier;
  if (mapped === "IS_NULL") return (id) => id === null;
  if (mapped === "NOT_NULL") return (id) => id !== null;
  const { modifier, values, excludes } = foldExcludes({ ...c, modifier: mapped });
  if (values.length === 0 && excludes.length === 0) return null;
  const tests: ((id: number | null) => Truth)[] = [];
  if (values.length > 0) {
    const items = union(expand(values, c.depth));
    // Stash's HAVING count(distinct studio_id) = len(values) can only hold for a single value.
    if (modifier === "INCLUDES") tests.push((id) => (id === null ? null : items.has(id)));
    else if (modifier === "INCLUDES_ALL") tests.push((id) => (id === null ? null : values.length === 1 && items.has(id)));
  }
  if (excludes.length > 0) {
    const excluded = union(expand(excludes, c.depth));
    tests.push((id) => id === null || !excluded.has(id));
  }
  if (tests.length === 0) return null;
  return (id) => {
    let result: Truth = true;
    for (const t of tests) {
      const r = t(id);
      if (r === false) return false;
      if (r === null) result = null;
    }
    return result;
  };
}

/**
 * Find filters for every entity: checks `FindFilterType`, folds a separate
 * `q` into it, and checks AND/OR/NOT trees before they reach Stash.
 */
import { abortError, StashValidationError } from "./errors";
import { SortDirectionEnum, type FindFilterType } from "../../generated/graphql";
import { fieldNames } from "./input-fields";
import { checkEnum, checkInteger, checkKnownKeys, checkObject, checkString } from "./validate";

// Pure: a bundle that never checks a filter drops this and the input-field tables behind it.
const FILTER_KEYS = /* @__PURE__ */ fieldNames("FindFilterType");

/** Options of `checkFindFilter`. */
export interface FindFilterCheck {
  /** Allowed sort names (e.g. `knownSorts("scenes")`); unchecked when omitted. The server's own release is checked later, by `checkSortForServer`. */
  sorts?: readonly string[];
}

/**
 * Validates a FindFilterType: `page` ≥ 1, `per_page` ≥ 0 or -1 (all),
 * a known sort and direction, no unknown keys. Returns a copy without undefined keys.
 */
export function checkFindFilter(value: unknown, argument = "filter", options: FindFilterCheck = {}): FindFilterType | undefined {
  if (value === undefined || value === null) return undefined;
  const filter = checkObject(value, argument);
  checkKnownKeys(filter, FILTER_KEYS, argument);
  const out: FindFilterType = {};
  if (filter["q"] != null) out.q = checkString(filter["q"], `${argument}.q`);
  if (filter["page"] != null) out.page = checkInteger(filter["page"], `${argument}.page`, 1);
  if (filter["per_page"] != null) {
    const perPage = filter["per_page"];
    if (perPage !== -1) checkInteger(perPage, `${argument}.per_page`, 0);
    out.per_page = perPage as number;
  }
  if (filter["sort"] != null) out.sort = checkSort(filter["sort"], `${argument}.sort`, options.sorts);
  if (filter["direction"] != null) out.direction = checkEnum(filter["direction"], SortDirectionEnum, `${argument}.direction`);
  return out;
}

function checkSort(value: unknown, argument: string, sorts: readonly string[] | undefined): string {
  const sort = checkString(value, argument, { nonEmpty: true });
  if (sorts && !sorts.includes(sort) && !/^random_\d+$/.test(sort)) {
    throw new StashValidationError(argument, `"${sort}" is not a sort Stash knows; use one of ${sorts.join(", ")}, or random_<seed>`);
  }
  return sort;
}

/** Folds a separate `q` argument into the filter; giving two different searches is an error. */
export function mergeQuery(filter: FindFilterType | undefined, q: unknown, argument = "q"): FindFilterType | undefined {
  if (q === undefined || q === null) return filter;
  const text = checkString(q, argument);
  if (filter?.q != null && filter.q !== text) {
    throw new StashValidationError(argument, `conflicts with filter.q (${JSON.stringify(filter.q)}); give the search once`);
  }
  return { ...filter, q: text };
}

/**
 * Checks an AND/OR/NOT filter tree the way Stash does: at most one of the
 * three per object, recursively. Returns the filter unchanged.
 */
export function checkFilterTree<T>(value: T, argument: string): T {
  if (value === undefined || value === null) return value;
  const filter = checkObject(value, argument);
  const operators = (["AND", "OR", "NOT"] as const).filter((k) => filter[k] != null);
  if (operators.length > 1) {
    throw new StashValidationError(argument, `cannot have ${operators.join(" and ")} in the same filter object; nest one inside the other`);
  }
  for (const op of operators) checkFilterTree(filter[op], `${argument}.${op}`);
  return value;
}

/** Throws `StashAbortError` when the signal has fired, so a walk stops between pages. */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted) throw abortError(operation);
}

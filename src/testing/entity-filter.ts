/**
 * The slice of Tag/Performer/Studio/GroupFilterType the stand-in supports:
 * `name` (and `aliases`, `disambiguation` where the type has them) as
 * StringCriterionInput, combined with AND/OR/NOT. Any other key is refused by
 * name, because silently ignoring a filter would return wrong results.
 */

/** A named record the entity filters apply to. */
export interface FilterableEntity {
  readonly id: number;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly disambiguation?: string;
}

/** StringCriterionInput as it arrives from GraphQL. */
export interface StringCriterion {
  readonly value: string;
  readonly modifier: string;
}

type Predicate<T> = (item: T) => boolean;

function regexOf(source: string): RegExp {
  try {
    return new RegExp(source, "i");
  } catch (err) {
    throw new Error(`invalid regex ${JSON.stringify(source)}: ${(err as Error).message}`);
  }
}

/** Applies a StringCriterion to the candidate strings of one record (any one may match). */
export function stringCriterion(criterion: StringCriterion, path: string): (values: readonly string[]) => boolean {
  const value = criterion.value.toLowerCase();
  const anyValue = (test: (v: string) => boolean) => (values: readonly string[]) => values.some((v) => test(v.toLowerCase()));
  switch (criterion.modifier) {
    case "EQUALS":
      return anyValue((v) => v === value);
    case "NOT_EQUALS":
      return (values) => !anyValue((v) => v === value)(values);
    case "INCLUDES":
      return anyValue((v) => v.includes(value));
    case "EXCLUDES":
      return (values) => !anyValue((v) => v.includes(value))(values);
    case "IS_NULL":
      return (values) => values.every((v) => v === "");
    case "NOT_NULL":
      return (values) => values.some((v) => v !== "");
    case "MATCHES_REGEX": {
      const re = regexOf(criterion.value);
      return (values) => values.some((v) => re.test(v));
    }
    case "NOT_MATCHES_REGEX": {
      const re = regexOf(criterion.value);
      return (values) => !values.some((v) => re.test(v));
    }
    default:
      throw new Error(`${path}: modifier ${criterion.modifier} is not valid for a string criterion`);
  }
}

const FIELDS: Readonly<Record<string, (item: FilterableEntity) => readonly string[]>> = {
  name: (item) => [item.name],
  aliases: (item) => item.aliases ?? [],
  disambiguation: (item) => [item.disambiguation ?? ""],
};

/**
 * Compiles an entity filter into a predicate. `typeName` names the input type
 * in errors; `fields` lists the string keys this entity type supports.
 */
export function compileEntityFilter<T extends FilterableEntity>(
  filter: Record<string, unknown> | null | undefined,
  typeName: string,
  fields: readonly string[],
): Predicate<T> {
  if (!filter) return () => true;
  const tests: Predicate<T>[] = [];
  const has = (key: string) => filter[key] !== undefined && filter[key] !== null;
  if ((has("AND") || has("NOT")) && has("OR")) throw new Error("cannot have AND and OR in the same filter");
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null) continue;
    if (key === "AND") tests.push(compileEntityFilter<T>(raw as Record<string, unknown>, typeName, fields));
    else if (key === "NOT") {
      const inner = compileEntityFilter<T>(raw as Record<string, unknown>, typeName, fields);
      tests.push((item) => !inner(item));
    } else if (key !== "OR") {
      const read = FIELDS[key];
      if (!read || !fields.includes(key)) throw new Error(`${typeName}.${key} is not supported by the stand-in`);
      const match = stringCriterion(raw as StringCriterion, `${typeName}.${key}`);
      tests.push((item) => match(read(item)));
    }
  }
  const own: Predicate<T> = (item) => tests.every((t) => t(item));
  if (!has("OR")) return own;
  const alt = compileEntityFilter<T>(filter.OR as Record<string, unknown>, typeName, fields);
  return (item) => own(item) || alt(item);
}

/** The `q` search of a find filter: case-insensitive substring of the name or an alias. */
export function matchesQuery(item: FilterableEntity, q: string | null | undefined): boolean {
  const needle = (q ?? "").trim().toLowerCase();
  if (needle === "") return true;
  if (item.name.toLowerCase().includes(needle)) return true;
  return (item.aliases ?? []).some((a) => a.toLowerCase().includes(needle));
}

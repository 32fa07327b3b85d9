/**
 * The pure half of `config.update`: checking a section's keys against the
 * schema's input types (generated/input-fields.ts, any depth) and working out
 * which keys differ from the current configuration. No requests here.
 */
import { inputFields, type MemberFacts } from "../../generated/input-fields";
import { StashValidationError } from "../core/errors";
import { checkObject } from "../core/validate";

type Facts = Readonly<Record<string, MemberFacts>>;

const factsOf = (type: string): Facts | undefined => (inputFields as Readonly<Record<string, Facts>>)[type];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Throws `StashValidationError` naming every key of `value` (and of nested input
 * objects) that `type` lacks in the newest schema; removed fields count as unknown.
 */
export function checkInputKeys(type: string, value: unknown, argument: string): void {
  const facts = factsOf(type);
  if (!facts) throw new Error(`no generated field facts for ${type}`); // a codegen gap, not the caller's fault
  if (Array.isArray(value)) return value.forEach((v, i) => checkInputKeys(type, v, `${argument}[${i}]`));
  const object = checkObject(value, argument);
  const known = Object.keys(facts).filter((k) => facts[k]!.removedIn === undefined);
  const unknown = Object.keys(object).filter((k) => object[k] !== undefined && !known.includes(k));
  if (unknown.length > 0) {
    throw new StashValidationError(
      argument,
      `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")} for ${type}; allowed: ${known.join(", ")}`,
    );
  }
  for (const [key, v] of Object.entries(object)) {
    const nested = facts[key]?.input;
    if (nested && v !== null && v !== undefined) checkInputKeys(nested, v, `${argument}.${key}`);
  }
}

/** What Go stores for an input field left out: nil, false, zero, "" or an empty list. */
const isZero = (v: unknown): boolean =>
  v === null || v === undefined || v === false || v === 0 || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * Whether sending `given` would leave `current` as it is. Objects compare by
 * the keys given; with `merging` (Stash sets only the sub-fields sent) the
 * other current keys do not matter, otherwise (Stash replaces the whole value)
 * they must be what leaving them out stores. When unsure this answers "differs":
 * a redundant mutation is harmless, a skipped one is not.
 */
export function sameValue(given: unknown, current: unknown, merging: boolean): boolean {
  if (Array.isArray(given)) {
    return Array.isArray(current) && given.length === current.length && given.every((g, i) => sameValue(g, current[i], false));
  }
  if (isPlainObject(given)) {
    if (!isPlainObject(current)) return false;
    const keysMatch = Object.entries(given).every(([k, g]) => g === undefined || sameValue(g, current[k] ?? null, merging));
    return keysMatch && (merging || Object.entries(current).every(([k, c]) => k in given || isZero(c)));
  }
  return given === current || (typeof given === "number" && Object.is(given, current));
}

/**
 * The keys of `given` whose values differ from `current` (with `merging`, at
 * every depth of nested objects). Keys set to
 * `undefined` are skipped; so is `null` unless `keepNull` (Stash's configure*
 * resolvers ignore null fields, so sending one changes nothing).
 */
export function changedKeys(
  given: Record<string, unknown>,
  current: Record<string, unknown>,
  options: { merging: boolean; keepNull?: boolean },
): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || (value === null && !options.keepNull)) continue;
    const now = current[key] ?? null;
    if (sameValue(value, now, options.merging)) continue;
    // Where Stash merges sub-fields, only the differing ones need to go.
    const change = options.merging && isPlainObject(value) && isPlainObject(now) ? changedKeys(value, now, options) : value;
    if (change !== undefined) changed[key] = change;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

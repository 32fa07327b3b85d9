/**
 * Input field lists from generated/input-fields.ts (read from the committed schema
 * snapshots): the keys the facade accepts, and the per-server check that every field
 * and enum value sent exists in the connected server's release.
 */
import {
  enumValues,
  inputFactReleases,
  inputFields,
  type InputFieldName,
  type InputTypeName,
  type MemberFacts,
} from "../../generated/input-fields";
import { StashValidationError } from "./errors";
import { describeServer, minorLabel, releaseBefore, releaseFor, type ServerVersion } from "./server-version";

export type { InputFieldName, InputTypeName };

const factsOf = (type: string): Readonly<Record<string, MemberFacts>> | undefined =>
  (inputFields as Readonly<Record<string, Readonly<Record<string, MemberFacts>>>>)[type];

const current = (f: MemberFacts) => f.removedIn === undefined;

/** The fields of `type` in the newest snapshot, deprecated ones only when asked for. */
export function fieldNames<T extends InputTypeName>(type: T, options: { deprecated?: boolean } = {}): InputFieldName<T>[] {
  return Object.entries(factsOf(type)!)
    .filter(([, f]) => current(f) && (options.deprecated || f.deprecated === undefined))
    .map(([name]) => name as InputFieldName<T>);
}

/** The deprecated fields of `type` in the newest snapshot, with Stash's reason (e.g. `Use urls`). */
export function deprecatedFields(type: InputTypeName): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(factsOf(type)!)
      .filter(([, f]) => current(f) && f.deprecated !== undefined)
      .map(([name, f]) => [name, f.deprecated!]),
  );
}

function inRelease(f: MemberFacts, release: string): boolean {
  return !releaseBefore(release, f.since) && (f.removedIn === undefined || releaseBefore(release, f.removedIn));
}

function missing(server: ServerVersion, release: string, what: string, f: MemberFacts): string {
  const when = releaseBefore(release, f.since) ? ` (it arrived in Stash ${minorLabel(f.since)})` : f.removedIn ? ` (removed in ${minorLabel(f.removedIn)})` : "";
  return `${what} is not in the schema of ${describeServer(server)}${when}; leave it out or upgrade Stash`;
}

function checkEnumValue(type: string, value: unknown, argument: string, server: ServerVersion, release: string): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkEnumValue(type, v, `${argument}[${i}]`, server, release));
  const f = typeof value === "string" ? (enumValues as Readonly<Record<string, Readonly<Record<string, MemberFacts>>>>)[type]?.[value] : undefined;
  if (f && !inRelease(f, release)) throw new StashValidationError(argument, missing(server, release, `${type}.${String(value)}`, f));
}

function checkObjectFields(type: string, value: unknown, argument: string, server: ServerVersion, release: string): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkObjectFields(type, v, `${argument}[${i}]`, server, release));
  const facts = factsOf(type);
  if (!facts || typeof value !== "object" || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    const f = facts[key];
    // Unknown keys are the synchronous checks' business; null and undefined are not sent as values.
    if (!f || v === undefined) continue;
    if (!inRelease(f, release)) throw new StashValidationError(`${argument}.${key}`, missing(server, release, `${type}.${key}`, f));
    if (v === null) continue;
    if (f.input) checkObjectFields(f.input, v, `${argument}.${key}`, server, release);
    if (f.enum) checkEnumValue(f.enum, v, `${argument}.${key}`, server, release);
  }
}

/**
 * Throws when `value` (an input as it will be sent) uses a field or enum value, at any
 * depth, that the server's release lacks. Skipped when that release lacks the whole
 * type: the operation's own capability check reports that more clearly.
 */
export function checkInputForServer(type: InputTypeName, value: unknown, argument: string, server: ServerVersion): void {
  const release = releaseFor(server, inputFactReleases);
  if (!Object.values(factsOf(type)!).some((f) => inRelease(f, release))) return;
  checkObjectFields(type, value, argument, server, release);
}

/**
 * What the connected Stash can do, learned in one request: its version plus a
 * small introspection of exactly the types the SDK's operations touch. The
 * introspection, not the version string, decides support, so dev builds
 * (`v0.30.1-12-gabc`) and unofficial builds (empty version) are judged right.
 */
// graphql.web (urql's own GraphQL core) keeps graphql-js out of bundles; its AST is the same shape.
import { Kind } from "@0no-co/graphql.web";
import type { DocumentNode, FieldNode, OperationDefinitionNode } from "graphql/language/ast.js";
import type { TypedDocumentNode } from "../../generated/typed-document";
import { operationCoordinates, operationMinVersion, probedTypeNames } from "../../generated/compat";
import { StashNotStashError, StashUnsupportedError } from "./errors";

/** The oldest Stash release the SDK's shared fragments work on. */
export const MINIMUM_STASH_VERSION = "v0.28.0";

/** A parsed release version. */
export interface StashSemver {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** What a server supports, as returned by `client.capabilities()`. */
export interface Capabilities {
  /** The version string the server reports (may be empty or a dev build). */
  readonly version: string;
  /** Parsed release version; null for dev and unofficial builds. */
  readonly semver: StashSemver | null;
  /** True when the server has everything the named SDK operation (e.g. `FindScenes`) needs. */
  supports(operationName: string): boolean;
  /** SDK operations this server cannot run, with what each lacks. */
  readonly missing: readonly MissingOperation[];
  /** True when the server is at least v0.28.0 (judged by introspection when the version is unparseable). */
  readonly meetsMinimum: boolean;
}

/** An SDK operation the server cannot run. */
export interface MissingOperation {
  readonly operation: string;
  /** Schema coordinates the server lacks, e.g. `Mutation.bulkSceneMarkerUpdate`. */
  readonly lacks: readonly string[];
  /** The first release known to have it, e.g. `v0.30.1` (null when no committed release has it). */
  readonly firstRelease: string | null;
}

/** Parses `v0.30.1` / `0.30.1`; anything else (dev builds, empty) is null. */
export function parseStashVersion(version: string | null | undefined): StashSemver | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec((version ?? "").trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : null;
}

/** Orders two parsed versions. */
export function compareSemver(a: StashSemver, b: StashSemver): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function field(name: string, selections: readonly FieldNode[] = [], alias?: string, args: Record<string, string | boolean> = {}): FieldNode {
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
    arguments: Object.entries(args).map(([key, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: key },
      value: typeof value === "boolean" ? { kind: Kind.BOOLEAN, value } : { kind: Kind.STRING, value },
    })),
    ...(selections.length ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  };
}

/** The probe document: version, every type name, and the fields of each probed type. */
export function buildCapabilitiesDocument(): TypedDocumentNode<ProbeResult, Record<string, never>> {
  const typeProbes = probedTypeNames.map((name, i) =>
    field("__type", [field("fields", [field("name"), field("args", [field("name")])], undefined, { includeDeprecated: true })], `t${i}`, { name }),
  );
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: "query" as OperationDefinitionNode["operation"],
    name: { kind: Kind.NAME, value: "StashCapabilities" },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        field("version", [field("version"), field("hash"), field("build_time")]),
        field("__schema", [field("types", [field("name")])]),
        ...typeProbes,
      ],
    },
  };
  return { kind: Kind.DOCUMENT, definitions: [operation] } as DocumentNode as TypedDocumentNode<ProbeResult, Record<string, never>>;
}

/** The raw probe answer. */
export interface ProbeResult {
  version: { version: string | null; hash: string; build_time: string };
  __schema: { types: { name: string }[] };
  [alias: string]: unknown;
}

/** Turns the probe answer into the set of coordinates the server has. */
function coordinatesOf(result: ProbeResult): Set<string> {
  const have = new Set<string>(result.__schema.types.map((t) => t.name));
  probedTypeNames.forEach((typeName, i) => {
    const type = result[`t${i}`] as { fields: { name: string; args: { name: string }[] }[] | null } | null;
    for (const f of type?.fields ?? []) {
      have.add(`${typeName}.${f.name}`);
      for (const a of f.args) have.add(`${typeName}.${f.name}(${a.name})`);
    }
  });
  return have;
}

function rootRank(coordinate: string): number {
  return coordinate.startsWith("Query.") || coordinate.startsWith("Mutation.") ? 0 : coordinate.includes(".") ? 1 : 2;
}

/** How the probe is named in messages: a first call that fails there says it was the check, not the caller's operation. */
export const PROBE_OPERATION = "while checking what the server supports";

/** Refuses a probe answer Stash would never send: any GraphQL server may answer JSON to anything. */
function checkProbe(result: ProbeResult, url: string): void {
  const answer = (result ?? {}) as Partial<ProbeResult>;
  const missing = [
    ...(answer.version && typeof answer.version === "object" ? [] : ["version"]),
    ...(Array.isArray(answer.__schema?.types) ? [] : ["__schema.types"]),
  ];
  if (missing.length) {
    throw new StashNotStashError(url, `no ${missing.join(" and no ")} in its answer`, { operation: PROBE_OPERATION });
  }
}

/** Builds the capabilities from a probe answer from `url` (the display URL, for messages). */
export function capabilitiesFromProbe(result: ProbeResult, url: string): Capabilities {
  checkProbe(result, url);
  const version = result.version.version ?? "";
  const semver = parseStashVersion(version);
  const have = coordinatesOf(result);
  const missing: MissingOperation[] = [];
  for (const [operation, coords] of Object.entries(operationCoordinates)) {
    // Root fields first: "Mutation.bulkSceneMarkerUpdate" says more than an input type name.
    const lacks = coords.filter((c) => !have.has(c)).sort((a, b) => rootRank(a) - rootRank(b));
    if (lacks.length) missing.push({ operation, lacks, firstRelease: operationMinVersion[operation] ?? null });
  }
  const missingNames = new Set(missing.map((m) => m.operation));
  const minimum = parseStashVersion(MINIMUM_STASH_VERSION)!;
  // Without a release number, the fragments' needs stand in for the version check.
  const meetsMinimum = semver ? compareSemver(semver, minimum) >= 0 : !missingNames.has("FindScene") && !missingNames.has("FindSceneMarkers");
  return {
    version,
    semver,
    missing,
    meetsMinimum,
    supports: (name) => name in operationCoordinates && !missingNames.has(name),
  };
}

/** The error for a server older than the SDK supports. */
export function tooOldError(caps: Capabilities): StashUnsupportedError {
  const label = caps.version ? `Stash ${caps.version}` : "This Stash build (it reports no version)";
  const detail = caps.semver ? "" : " — it lacks fields the SDK's fragments need";
  return new StashUnsupportedError(
    `${label} is older than ${MINIMUM_STASH_VERSION}, the oldest this SDK supports${detail}; upgrade Stash, or use request() with your own documents`,
  );
}

function minorOf(release: string): string {
  const m = /^v?(\d+)\.(\d+)/.exec(release);
  return m ? `v${m[1]}.${m[2]}` : release;
}

/** The error for an operation the server lacks. */
export function unsupportedOperationError(caps: Capabilities, operation: string, method?: string): StashUnsupportedError {
  const entry = caps.missing.find((m) => m.operation === operation);
  const what = method ? `${method} (operation ${operation})` : operation;
  const needs = entry?.firstRelease ? `; it needs Stash ${minorOf(entry.firstRelease)} or newer` : "";
  const lacks = entry ? ` (the server lacks ${entry.lacks.slice(0, 3).join(", ")}${entry.lacks.length > 3 ? ", …" : ""})` : "";
  return new StashUnsupportedError(
    `${what} is not supported by ${caps.version ? `Stash ${caps.version}` : "this Stash build"}${lacks}${needs}`,
    { operation },
  );
}

/** Partial dates (`2024`, `2024-03`) arrived with Stash v0.30, together with bulkSceneMarkerUpdate. */
export function supportsPartialDates(caps: Capabilities): boolean {
  return caps.semver ? compareSemver(caps.semver, { major: 0, minor: 30, patch: 0 }) >= 0 : caps.supports("BulkSceneMarkerUpdate");
}

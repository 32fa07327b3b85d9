/**
 * The schema tool as a function: read a Stash schema from one source (a live
 * endpoint, local SDL files, or an upstream release), check it, and write the
 * canonical snapshot plus its metadata. Nothing is written unless all succeeded.
 */
import { resolve } from "node:path";
import type { GraphQLSchema } from "graphql";
import { SchemaPullError } from "./errors";
import { introspectEndpoint } from "./endpoint";
import { loadFromPath, versionFromPath } from "./files";
import { printSnapshot } from "./sdl";
import { DEFAULT_BASE_URL, DEFAULT_LIST_URL, loadFromRef } from "./upstream";
import { metaPathFor, writeSnapshot, type SnapshotMeta } from "./write";

/** Where the snapshot goes unless told otherwise (relative to `cwd`). */
export const DEFAULT_OUT = "schema/stash.graphql";
const DEFAULT_TIMEOUT_MS = 30_000;

/** Exactly one of `endpoint`, `from` or `ref` picks the source. */
export interface PullOptions {
  /** A Stash server: base URL (http://host:9999) or its /graphql URL. */
  endpoint?: string;
  /** Sent as the `ApiKey` header; only with `endpoint`. */
  apiKey?: string;
  /** An SDL file, a directory of SDL files, or an introspection JSON file. */
  from?: string;
  /** An upstream release tag such as v0.30.1. */
  ref?: string;
  /** Serves `<baseUrl>/<ref>/graphql/schema/...`; only with `ref`. */
  baseUrl?: string;
  /** Lists the type files (`{ref}` is replaced); only with `ref`. */
  listUrl?: string;
  /** Overrides the Stash version recorded in the metadata. */
  stashVersion?: string;
  /** Snapshot path; the metadata goes beside it with extension .json. */
  out?: string;
  /** Base for relative paths; defaults to the process working directory. */
  cwd?: string;
  /** Per-request timeout for network sources. */
  timeoutMs?: number;
  /** ISO timestamp to record; defaults to now. */
  pulledAt?: string;
}

/** A checked schema, ready to be written. */
export interface LoadedSchema {
  /** The canonical snapshot text (see printSnapshot). */
  sdl: string;
  stashVersion: string | null;
  /** e.g. "endpoint:http://localhost:9999/graphql", "from:../x", "ref:v0.30.1". */
  source: string;
  /** Named types in the schema, built-ins included. */
  typeCount: number;
  warnings: string[];
}

/** What {@link pullSchema} wrote. */
export interface PullResult extends LoadedSchema {
  /** Absolute path of the snapshot. */
  out: string;
  /** Absolute path of the metadata JSON. */
  metaPath: string;
  /** Size of the snapshot in bytes. */
  bytes: number;
  pulledAt: string;
}

function fail(message: string): never {
  throw new SchemaPullError("options", message);
}

function checkOptions(o: PullOptions): void {
  const picked = (["endpoint", "from", "ref"] as const).filter((k) => o[k] !== undefined);
  if (picked.length === 0) fail("no source: give one of --endpoint URL, --from PATH or --ref vX.Y.Z");
  if (picked.length > 1) fail(`conflicting sources: give only one of ${picked.map((k) => `--${k}`).join(", ")}`);
  for (const k of ["endpoint", "from", "ref", "apiKey", "stashVersion", "out"] as const) {
    if (o[k] !== undefined && o[k].trim() === "") fail(`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is empty`);
  }
  if (o.apiKey !== undefined && o.endpoint === undefined) fail("--api-key only applies to --endpoint");
  if (o.baseUrl !== undefined && o.ref === undefined) fail("--base-url only applies to --ref");
  if (o.listUrl !== undefined && o.ref === undefined) fail("--list-url only applies to --ref");
  if (o.timeoutMs !== undefined && !(Number.isFinite(o.timeoutMs) && o.timeoutMs > 0)) fail("--timeout must be a positive number of milliseconds");
  for (const k of ["baseUrl", "listUrl"] as const) {
    const v = o[k];
    if (v !== undefined && !/^https?:\/\/./.test(v)) fail(`--${k === "baseUrl" ? "base-url" : "list-url"}: "${v}" is not an http(s) URL`);
  }
}

/** Reads and checks a schema from the chosen source without writing anything. */
export async function loadSchema(o: PullOptions): Promise<LoadedSchema> {
  checkOptions(o);
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let loaded: Omit<LoadedSchema, "sdl" | "typeCount"> & { schema: GraphQLSchema };
  if (o.endpoint !== undefined) {
    const r = await introspectEndpoint(o.endpoint, { apiKey: o.apiKey, timeoutMs });
    loaded = { schema: r.schema, stashVersion: r.stashVersion, source: `endpoint:${r.url}`, warnings: [] };
    if (r.stashVersion === null && o.stashVersion === undefined) loaded.warnings.push("the server did not report its version; stashVersion is null");
  } else if (o.from !== undefined) {
    const r = await loadFromPath(o.from, o.cwd ?? process.cwd());
    loaded = { schema: r.schema, stashVersion: versionFromPath(o.from), source: `from:${o.from}`, warnings: [] };
  } else {
    const ref = o.ref ?? "";
    const r = await loadFromRef(ref, { baseUrl: o.baseUrl ?? DEFAULT_BASE_URL, listUrl: o.listUrl ?? DEFAULT_LIST_URL, timeoutMs });
    const version = /^v\d+\.\d+\.\d+$/.test(ref) ? ref : null;
    loaded = { schema: r.schema, stashVersion: version, source: `ref:${ref}`, warnings: r.warnings };
  }
  const { schema, ...rest } = loaded;
  const sdl = printSnapshot(schema);
  return { ...rest, stashVersion: o.stashVersion ?? rest.stashVersion, sdl, typeCount: Object.keys(schema.getTypeMap()).length };
}

/** Pulls a schema and writes the snapshot (default schema/stash.graphql) plus its .json metadata. */
export async function pullSchema(o: PullOptions): Promise<PullResult> {
  const out = resolve(o.cwd ?? process.cwd(), o.out ?? DEFAULT_OUT);
  metaPathFor(out); // refuse a bad --out before any network work
  const loaded = await loadSchema(o);
  const meta: SnapshotMeta = { stashVersion: loaded.stashVersion, source: loaded.source, pulledAt: o.pulledAt ?? new Date().toISOString() };
  const metaPath = await writeSnapshot(out, loaded.sdl, meta);
  return { ...loaded, out, metaPath, bytes: Buffer.byteLength(loaded.sdl, "utf8"), pulledAt: meta.pulledAt };
}

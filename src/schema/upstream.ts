/**
 * Downloads the SDL of an upstream Stash release: graphql/schema/schema.graphql
 * plus every file under graphql/schema/types/ at the given git ref. These are
 * plain GETs of text and JSON from GitHub, not Stash's GraphQL API, so they use
 * ./http rather than the client core (which only speaks GraphQL POSTs).
 */
import type { GraphQLSchema } from "graphql";
import { SchemaPullError } from "./errors";
import { displayUrl, request } from "./http";
import { assertStashSchema, schemaFromSdl, SchemaSourceError } from "./sdl";
import { UPSTREAM_TYPE_FILES } from "./upstream-types";

/** Where release files are served from: `<base>/<ref>/graphql/schema/...`. */
export const DEFAULT_BASE_URL = "https://raw.githubusercontent.com/stashapp/stash";
/** Lists the type files at a ref; `{ref}` is replaced. Answers a JSON array of `{ name }`. */
export const DEFAULT_LIST_URL = "https://api.github.com/repos/stashapp/stash/contents/graphql/schema/types?ref={ref}";

/** Options for {@link loadFromRef}. */
export interface RefOptions {
  baseUrl: string;
  listUrl: string;
  timeoutMs: number;
}

/** What downloading a release yields. */
export interface RefSchema {
  schema: GraphQLSchema;
  /** Type files actually used, in order. */
  typeFiles: string[];
  /** Things worth telling the user that did not stop the pull. */
  warnings: string[];
}

/** Refuses refs that could escape the URL path; accepts tags, branches and commits. */
export function checkRef(ref: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref) || ref.includes("..")) {
    throw new SchemaPullError("options", `--ref: "${ref}" is not a release tag like v0.30.1 (or a branch or commit name)`);
  }
  return ref;
}

function joinUrl(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ""), ...parts.map(encodeURIComponent)].join("/");
}

async function getText(url: string, timeoutMs: number, allow404: boolean): Promise<string | null> {
  const res = await request(url, { headers: { accept: "text/plain" } }, timeoutMs);
  if (res.status === 404 && allow404) return null;
  if (res.status < 200 || res.status >= 300) {
    throw new SchemaPullError("http", `${displayUrl(url)} answered HTTP ${res.status} ${res.statusText}`.trimEnd());
  }
  return res.body;
}

/** Fetches the listing; returns the names, or the reason it could not be used. */
async function listTypeFiles(listUrl: string, timeoutMs: number): Promise<string[] | Error> {
  try {
    const res = await request(listUrl, { headers: { accept: "application/vnd.github+json" } }, timeoutMs);
    if (res.status !== 200) return new Error(`HTTP ${res.status}`);
    const json: unknown = JSON.parse(res.body);
    if (!Array.isArray(json)) return new Error("the answer is not a JSON array");
    const names = json.map((e: { name?: unknown } | null) => e?.name).filter((n): n is string => typeof n === "string");
    const sdl = names.filter((n) => /^[A-Za-z0-9._-]+\.graphql$/.test(n)).sort();
    return sdl.length > 0 ? sdl : new Error("it lists no *.graphql files");
  } catch (err) {
    return err as Error;
  }
}

/** Downloads and checks the schema of release `ref`. */
export async function loadFromRef(ref: string, opts: RefOptions): Promise<RefSchema> {
  checkRef(ref);
  const schemaDir = (name: string[]) => joinUrl(opts.baseUrl, ref, "graphql", "schema", ...name);
  const listUrl = opts.listUrl.split("{ref}").join(encodeURIComponent(ref));
  const warnings: string[] = [];
  const listed = await listTypeFiles(listUrl, opts.timeoutMs);
  const fallback = listed instanceof Error;
  if (fallback) {
    warnings.push(`could not list the type files at ${displayUrl(listUrl)} (${listed.message}); used the built-in list`);
  }
  const names = fallback ? [...UPSTREAM_TYPE_FILES] : listed;

  const root = await getText(schemaDir(["schema.graphql"]), opts.timeoutMs, true);
  if (root === null) {
    throw new SchemaPullError("http", `--ref ${ref}: ${displayUrl(schemaDir(["schema.graphql"]))} was not found (HTTP 404): check the ref and --base-url`);
  }
  const bodies = await Promise.all(names.map((n) => getText(schemaDir(["types", n]), opts.timeoutMs, fallback)));
  const typeFiles = names.filter((_, i) => bodies[i] !== null);
  try {
    const schema = schemaFromSdl([root, ...bodies.filter((b): b is string => b !== null)]);
    assertStashSchema(schema);
    return { schema, typeFiles, warnings };
  } catch (err) {
    if (!(err instanceof SchemaSourceError)) throw err;
    const note = fallback ? " (the built-in list of type files was used and may not match this ref)" : "";
    throw new SchemaPullError("schema", `--ref ${ref}: ${err.message}${note}`);
  }
}

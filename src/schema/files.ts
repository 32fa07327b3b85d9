/**
 * Reads a schema from local files: one SDL file, a directory of them (read
 * recursively, in sorted order so the result never depends on the file system),
 * or a saved introspection result (*.json).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import type { GraphQLSchema } from "graphql";
import { SchemaPullError } from "./errors";
import { assertStashSchema, schemaFromIntrospection, schemaFromSdl, SchemaSourceError } from "./sdl";

/** What reading local files yields. */
export interface FileSchema {
  schema: GraphQLSchema;
  /** The SDL or JSON files read, absolute, in the order used. */
  files: string[];
}

async function listSdlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.endsWith(".graphql")) found.push(full);
    }
  };
  await walk(dir);
  // Sort by relative path with "/" so the order is the same on every OS.
  const key = (f: string) => relative(dir, f).split(sep).join("/");
  return found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function parseIntrospectionFile(text: string, file: string): GraphQLSchema {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SchemaSourceError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const data = (json as { data?: unknown } | null)?.data ?? json;
  if (!(data as { __schema?: unknown } | null)?.__schema) {
    throw new SchemaSourceError(`${file} is not an introspection result (no __schema)`);
  }
  return schemaFromIntrospection(data);
}

/** Reads `path` (resolved against `cwd`) and checks that it is a Stash schema. */
export async function loadFromPath(path: string, cwd: string): Promise<FileSchema> {
  const full = resolve(cwd, path);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch {
    throw new SchemaPullError("options", `--from: ${path} does not exist`);
  }
  const files = isDir ? await listSdlFiles(full) : [full];
  if (files.length === 0) throw new SchemaPullError("options", `--from: no *.graphql files under ${path}`);
  try {
    const texts = await Promise.all(files.map((f) => readFile(f, "utf8")));
    const only = files.length === 1 ? files[0] : undefined;
    const schema =
      only !== undefined && extname(only) === ".json"
        ? parseIntrospectionFile(texts[0] ?? "", basename(only))
        : schemaFromSdl(texts);
    assertStashSchema(schema);
    return { schema, files };
  } catch (err) {
    if (err instanceof SchemaSourceError) throw new SchemaPullError("schema", `--from ${path}: ${err.message}`);
    throw new SchemaPullError("io", `--from ${path}: ${(err as Error).message}`);
  }
}

/** Finds a release tag such as v0.30.1 in a path (last one wins), e.g. stash-schema/v0.30.1 or v0.29.3.graphql. */
export function versionFromPath(path: string): string | null {
  let found: string | null = null;
  for (const segment of path.split(/[\\/]/)) {
    const m = /^(v\d+\.\d+\.\d+)(?:\.[a-z]+)?$/.exec(segment);
    if (m?.[1]) found = m[1];
  }
  return found;
}

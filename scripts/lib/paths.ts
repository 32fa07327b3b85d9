/** Repository locations shared by the codegen scripts and their tests. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The repository root (two levels above this file). */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Folders and files the generators read and write, relative to a root. */
export function projectPaths(root: string = repoRoot) {
  return {
    root,
    operations: join(root, "operations"),
    schemaFile: join(root, "schema", "stash.graphql"),
    schemaVersions: join(root, "schema", "versions"),
    generated: join(root, "generated"),
    compatDoc: join(root, "docs", "compatibility.md"),
    coverageDoc: join(root, "docs", "coverage.md"),
  };
}

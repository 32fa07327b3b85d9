/** Locations the benchmarks share: the repository root and scratch directories. */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A fresh directory in the system's temp space, outside the project's type-check and test globs. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `stash-bench-${prefix}-`));
}

/**
 * Scratch space inside the repository (git-ignored by bench/.gitignore), for
 * JavaScript that must resolve the project's `node_modules` at run time.
 * Holds only .mjs files, which the project's tsconfig does not include.
 */
export function repoScratchDir(prefix: string): string {
  const base = join(REPO_ROOT, "bench", ".work");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

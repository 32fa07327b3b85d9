/** Locations the benchmarks share: the repository root and bench's scratch directory. */
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Scratch space inside the repository (git-ignored by bench/.gitignore), so
 * generated consumer files and bundles resolve `node_modules` like a real project.
 */
export function scratchDir(prefix: string): string {
  const base = join(REPO_ROOT, "bench", ".work");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

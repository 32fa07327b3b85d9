/**
 * The stand-in's "disk": video files a fixture declares as present on disk
 * but not yet in the library (`Fixture.disk`). Only `metadataScan` reads it;
 * library files count as on disk as well.
 */
import { EventEmitter } from "node:events";
import type { FixtureFile } from "./fixture";
import type { FixtureImageFile } from "./fixture-media";

/** Per-instance disk contents, by path. */
export class Disk {
  private readonly files = new Map<string, FixtureFile>();
  private readonly images = new Map<string, FixtureImageFile>();

  /** Adds files (a path given again replaces the earlier one); a file without `mod_time` was modified at `stamp`. */
  add(files: readonly FixtureFile[] | undefined, stamp: string): void {
    for (const file of files ?? []) this.files.set(file.path, { ...file, mod_time: file.mod_time ?? stamp });
  }

  /** Files under any of `roots` (all files when `roots` is empty), in path order. */
  under(roots: readonly string[]): FixtureFile[] {
    return [...this.files.values()].filter((f) => isUnder(f.path, roots)).sort((a, b) => compare(a.path, b.path));
  }

  /** Adds image files (`Fixture.disk_images`), as `add` does video files. */
  addImages(files: readonly FixtureImageFile[] | undefined, stamp: string): void {
    for (const file of files ?? []) this.images.set(file.path, { ...file, mod_time: file.mod_time ?? stamp });
  }

  /** Image files under any of `roots` (all when `roots` is empty), in path order. */
  imagesUnder(roots: readonly string[]): FixtureImageFile[] {
    return [...this.images.values()].filter((f) => isUnder(f.path, roots)).sort((a, b) => compare(a.path, b.path));
  }
}

/** True when `path` is one of `roots` or inside one (any root when `roots` is empty). */
export function isUnder(path: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  return roots.some((root) => {
    const base = root.replace(/[\\/]+$/, "");
    return path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}\\`);
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Emits "complete" (no payload) when a scan or clean job finishes — feeds scanCompleteSubscribe. */
export type ScanCompleteEmitter = EventEmitter;

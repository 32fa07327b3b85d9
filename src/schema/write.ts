/**
 * Writes a snapshot and its metadata so that a reader never sees a half-written
 * file: each goes to a temporary file in the same directory, then is renamed.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { SchemaPullError } from "./errors";

/** The metadata committed beside a snapshot (`stash.json`). */
export interface SnapshotMeta {
  stashVersion: string | null;
  source: string;
  pulledAt: string;
}

/** The JSON file that sits beside `out`: same directory and basename, extension .json. */
export function metaPathFor(out: string): string {
  const ext = extname(out);
  if (ext === ".json") throw new SchemaPullError("options", `--out: ${out} ends in .json, which is where the metadata goes; use a .graphql name`);
  return join(dirname(out), `${basename(out, ext)}.json`);
}

/** Serializes metadata in a stable key order. */
export function printMeta(meta: SnapshotMeta): string {
  const { stashVersion, source, pulledAt } = meta;
  return `${JSON.stringify({ stashVersion, source, pulledAt }, null, 2)}\n`;
}

function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes `out` and its .json atomically (each file); returns the JSON path. */
export async function writeSnapshot(out: string, sdl: string, meta: SnapshotMeta): Promise<string> {
  const metaPath = metaPathFor(out);
  const pending = [
    { target: out, temp: tempPathFor(out), text: sdl },
    { target: metaPath, temp: tempPathFor(metaPath), text: printMeta(meta) },
  ];
  try {
    await mkdir(dirname(out), { recursive: true });
    for (const p of pending) await writeFile(p.temp, p.text, "utf8");
    for (const p of pending) await rename(p.temp, p.target);
  } catch (err) {
    await Promise.all(pending.map((p) => rm(p.temp, { force: true })));
    throw new SchemaPullError("io", `could not write ${out}: ${(err as Error).message}`);
  }
  return metaPath;
}

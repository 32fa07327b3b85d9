/**
 * Regenerates the committed schema snapshots from the upstream reference copies
 * in ../shared/stash-schema: schema/versions/<v>.graphql for every supported
 * release and schema/stash.graphql for the newest, each with its .json metadata.
 * A snapshot whose text and source did not change keeps its recorded pulledAt, so
 * running this twice changes nothing. `--check` only reports differences (exit 1).
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchema, type LoadedSchema } from "../src/schema/pull";
import { UPSTREAM_TYPE_FILES } from "../src/schema/upstream-types";
import { metaPathFor, printMeta, writeSnapshot, type SnapshotMeta } from "../src/schema/write";

const VERSIONS = ["v0.25.1", "v0.26.2", "v0.27.2", "v0.28.1", "v0.29.3", "v0.30.1"] as const;
const LATEST = VERSIONS[VERSIONS.length - 1];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sharedRel = "../shared/stash-schema";

async function readOrNull(path: string): Promise<string | null> {
  return readFile(path, "utf8").catch(() => null);
}

/** The pulledAt already recorded for this exact snapshot, if any. */
async function previousPulledAt(out: string, loaded: LoadedSchema): Promise<string | null> {
  if ((await readOrNull(out)) !== loaded.sdl) return null;
  const json = await readOrNull(metaPathFor(out));
  try {
    const meta = JSON.parse(json ?? "") as Partial<SnapshotMeta>;
    const same = meta.source === loaded.source && meta.stashVersion === loaded.stashVersion;
    return same && typeof meta.pulledAt === "string" ? meta.pulledAt : null;
  } catch {
    return null;
  }
}

/** Writes (or, with check, compares) one snapshot; returns true when it was already up to date. */
async function emit(outRel: string, loaded: LoadedSchema, check: boolean, now: string): Promise<boolean> {
  const out = join(repoRoot, outRel);
  const pulledAt = (await previousPulledAt(out, loaded)) ?? now;
  const meta: SnapshotMeta = { stashVersion: loaded.stashVersion, source: loaded.source, pulledAt };
  const upToDate = (await readOrNull(out)) === loaded.sdl && (await readOrNull(metaPathFor(out))) === printMeta(meta);
  if (check) {
    console.log(`${upToDate ? "ok     " : "differs"} ${outRel}`);
  } else {
    await writeSnapshot(out, loaded.sdl, meta);
    console.log(`${upToDate ? "same " : "wrote"} ${outRel} (${loaded.stashVersion}, ${Buffer.byteLength(loaded.sdl)} bytes)`);
  }
  return upToDate;
}

/** Warns when a reference release holds a type file the built-in fallback list lacks. */
async function checkTypeList(): Promise<void> {
  for (const v of VERSIONS) {
    const names = await readdir(join(repoRoot, sharedRel, v, "types"));
    const missing = names.filter((n) => n.endsWith(".graphql") && !UPSTREAM_TYPE_FILES.includes(n));
    if (missing.length > 0) console.warn(`warning: src/schema/upstream-types.ts lacks ${missing.join(", ")} (from ${v})`);
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const now = new Date().toISOString();
  await checkTypeList();
  let allUpToDate = true;
  for (const v of VERSIONS) {
    // Record what the snapshot is (a release's upstream SDL files), not where this machine keeps a copy.
    const loaded = { ...(await loadSchema({ from: `${sharedRel}/${v}`, cwd: repoRoot })), source: `release:${v} (upstream SDL files)` };
    allUpToDate = (await emit(`schema/versions/${v}.graphql`, loaded, check, now)) && allUpToDate;
    if (v === LATEST) allUpToDate = (await emit("schema/stash.graphql", loaded, check, now)) && allUpToDate;
  }
  if (check && !allUpToDate) process.exitCode = 1;
}

main().catch((err: Error) => {
  console.error(`snapshot-versions: ${err.message}`);
  process.exitCode = 1;
});

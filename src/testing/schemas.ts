/**
 * Chooses which committed schema snapshot a stand-in serves for the version it
 * claims. The SDL comes from the generated module, so nothing is read from the
 * filesystem at run time and a bundled copy works anywhere.
 */
import { defaultSchemaVersion, releaseSnapshots, schemaSdlByVersion } from "../../generated/schemas";

/** The schema a stand-in serves and the version string its `version` query reports. */
export interface SchemaChoice {
  /** Snapshot key, e.g. `v0.27.2`. */
  readonly snapshot: string;
  readonly sdl: string;
  /** What `version { version }` answers: the requested string, verbatim. */
  readonly reportedVersion: string;
}

type Triple = readonly [number, number, number];

function parseVersion(text: string): Triple | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Picks the snapshot for a Stash version: the exact release, else the closest
 * snapshot not newer within the covered range. `""` (an unofficial build) gets
 * the default snapshot.
 */
export function chooseSchema(version: string | undefined, reportedVersion?: string): SchemaChoice {
  const requested = version ?? defaultSchemaVersion;
  const reported = reportedVersion ?? requested;
  if (requested.trim() === "") {
    return { snapshot: defaultSchemaVersion, sdl: sdlOf(defaultSchemaVersion), reportedVersion: reported };
  }
  const wanted = parseVersion(requested);
  const snapshots = releaseSnapshots
    .map((name) => ({ name, triple: parseVersion(name) }))
    .filter((s): s is { name: string; triple: Triple } => s.triple !== null)
    .sort((a, b) => compare(a.triple, b.triple));
  const oldest = snapshots[0];
  const newest = snapshots[snapshots.length - 1];
  const range = oldest && newest ? `${oldest.name} to ${newest.name}` : "none";
  if (!wanted) {
    throw new Error(`unknown Stash version ${JSON.stringify(requested)}: expected vMAJOR.MINOR.PATCH (snapshots: ${range})`);
  }
  // A minor release the snapshots do not cover could have any schema; refuse rather than guess.
  const covered =
    oldest && newest && compare(wanted, [oldest.triple[0], oldest.triple[1], 0]) >= 0 &&
    compare(wanted, [newest.triple[0], newest.triple[1], Number.MAX_SAFE_INTEGER]) <= 0;
  const match = covered ? [...snapshots].reverse().find((s) => compare(s.triple, wanted) <= 0) ?? oldest : undefined;
  if (!match) throw new Error(`no schema snapshot for Stash ${requested}: the stand-in covers ${range}`);
  return { snapshot: match.name, sdl: sdlOf(match.name), reportedVersion: reported };
}

function sdlOf(snapshot: string): string {
  const sdl = schemaSdlByVersion[snapshot];
  if (sdl === undefined) throw new Error(`schema snapshot ${snapshot} is missing from generated/schemas.ts`);
  return sdl;
}

/** The SDL of a snapshot or release version (see `chooseSchema`). */
export function loadSchemaSdl(version: string): string {
  return chooseSchema(version).sdl;
}

/** The versions with a committed snapshot, oldest first. */
export function schemaSnapshots(): readonly string[] {
  return releaseSnapshots;
}

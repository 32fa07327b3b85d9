/** Reads the committed schema snapshots (schema/versions/<v>.graphql), oldest release first. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One committed release snapshot. */
export interface ReleaseSnapshot {
  version: string;
  sdl: string;
}

function semverParts(version: string): [number, number, number, string] {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(version);
  if (!m) throw new Error(`not a release version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ""];
}

/** Orders versions like `v0.9.0` < `v0.10.0`; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const pa = semverParts(a);
  const pb = semverParts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] as number) - (pb[i] as number);
    if (d !== 0) return d;
  }
  if (pa[3] === pb[3]) return 0;
  if (pa[3] === "") return 1;
  if (pb[3] === "") return -1;
  return pa[3] < pb[3] ? -1 : 1;
}

/** Every snapshot in `dir`, sorted by version. */
export function readReleaseSnapshots(dir: string): ReleaseSnapshot[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .map((name) => {
      const version = name.slice(0, -".graphql".length);
      return { version, sdl: readFileSync(join(dir, name), "utf8") };
    })
    .sort((a, b) => compareVersions(a.version, b.version));
}

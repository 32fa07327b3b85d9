/**
 * Re-derives schema/sorts.json from a Stash git checkout or mirror (no network).
 *
 * FindFilterType.sort is a plain String in the schema; Stash checks it in Go. Each
 * entity's allowed names are the `var <x>SortOptions = sortOptions{...}` literal in
 * pkg/sqlite/<file>.go (see SORT_SOURCES), enforced by `sortOptions.validateSort` in
 * pkg/sqlite/sql.go, which also accepts `random_<seed>`. schema/sorts.json was read at
 * tags v0.28.1, v0.29.3 and v0.30.1 of github.com/stashapp/stash.
 *
 *   tsx scripts/derive-sorts.ts <stash checkout> [tag ...] [--write]
 *
 * Without --write it prints the JSON. For every tag it also lists the release tags of
 * the same minor version whose lists are identical (`sameIn`), which is what lets the
 * SDK pick a list by minor version.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sortsFile, SORT_SOURCES, type SortEntity, type SortsData, type SortsRelease } from "./lib/sorts";

const DEFAULT_TAGS = ["v0.28.1", "v0.29.3", "v0.30.1"];

const git = (checkout: string, ...args: string[]) =>
  execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The quoted names of `var <variable> = sortOptions{...}` in one Go file. */
export function parseSortOptions(goSource: string, variable: string): string[] {
  const m = new RegExp(`var\\s+${variable}\\s*=\\s*sortOptions\\s*\\{([^}]*)\\}`).exec(goSource);
  if (!m) throw new Error(`no "var ${variable} = sortOptions{...}" literal found`);
  const body = m[1]!.replace(/\/\/[^\n]*/g, "");
  return [...body.matchAll(/"([^"\\]+)"/g)].map((n) => n[1]!);
}

function readSorts(checkout: string, tag: string): Record<SortEntity, string[]> {
  const out = {} as Record<SortEntity, string[]>;
  for (const [entity, { file, variable }] of Object.entries(SORT_SOURCES) as [SortEntity, { file: string; variable: string }][]) {
    try {
      out[entity] = parseSortOptions(git(checkout, "show", `${tag}:${file}`), variable);
    } catch (err) {
      throw new Error(`${tag}:${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

/** Reads every tag's lists; `sameIn` names the release tags of its minor with identical lists. */
export function deriveSorts(checkout: string, tags: readonly string[] = DEFAULT_TAGS): SortsData {
  const allTags = git(checkout, "tag", "--list").split("\n").filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
  const releases: Record<string, SortsRelease> = {};
  for (const tag of tags) {
    const sorts = readSorts(checkout, tag);
    const minor = tag.replace(/\.\d+$/, ".");
    const siblings = allTags.filter((t) => t.startsWith(minor)).sort((a, b) => Number(a.slice(minor.length)) - Number(b.slice(minor.length)));
    const text = JSON.stringify(sorts);
    const sameIn = siblings.filter((t) => t === tag || JSON.stringify(readSorts(checkout, t)) === text);
    releases[tag] = { sameIn, sorts };
  }
  return {
    $comment:
      "Sort names Stash accepts in FindFilterType.sort (besides random_<seed>), per release: the sortOptions literals of stashapp/stash at each tag. Regenerate with scripts/derive-sorts.ts; npm run codegen turns this into generated/sorts.ts.",
    source: {
      repository: "https://github.com/stashapp/stash",
      files: Object.fromEntries(Object.entries(SORT_SOURCES).map(([entity, s]) => [entity, `${s.file} (${s.variable})`])) as Record<SortEntity, string>,
    },
    releases,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const write = args.includes("--write");
  const [checkout, ...tags] = args.filter((a) => a !== "--write");
  if (!checkout) {
    console.error("usage: tsx scripts/derive-sorts.ts <stash checkout> [tag ...] [--write]");
    process.exit(2);
  }
  const text = JSON.stringify(deriveSorts(checkout, tags.length ? tags : DEFAULT_TAGS), null, 2) + "\n";
  if (write) writeFileSync(sortsFile(), text);
  else process.stdout.write(text);
}

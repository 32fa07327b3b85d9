/**
 * The `q` of a scene FindFilterType. Terms are parsed like Stash's
 * ParseSearchString (pkg/models/search.go) (quoted phrases, `OR`/`|` sets, `-term` exclusions) and
 * matched with LIKE '%term%' against title, details, file path, fingerprints
 * and marker titles. Stash tests all terms against one joined row (a file, one
 * of its fingerprints, one marker), so two terms found in two different
 * markers do not match, and an exclusion only needs one clean row.
 */
import { asciiLower, likeMatcher } from "./criteria";
import { parsePhash, phashSigned } from "./query-phash";
import type { FileRecord, SceneRecord, Store } from "./store";

/** Parsed search terms: all `mustHave`, one of each `anySets` set, none of `mustNot`. */
export interface SearchSpecs {
  readonly mustHave: string[];
  readonly anySets: string[][];
  readonly mustNot: string[];
}

function unquote(word: string): string {
  return word.length > 1 && word.startsWith('"') && word.endsWith('"') ? word.slice(1, -1) : word;
}

/** Joins words from an opening `"` to the word that ends with `"`; an unclosed phrase stays as words. */
function combinePhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  let start = -1;
  words.forEach((word, i) => {
    if (start === -1) {
      const bare = word.startsWith("-") ? word.slice(1) : word;
      if (bare.startsWith('"') && (bare.length < 2 || !bare.endsWith('"'))) start = i;
      else out.push(word);
    } else if (word.endsWith('"')) {
      out.push(words.slice(start, i + 1).join(" "));
      start = -1;
    }
  });
  if (start !== -1) out.push(...words.slice(start));
  return out;
}

/** Pulls `a OR b OR c` (or `a | b`) runs out into any-sets. */
function extractOr(input: string[], specs: SearchSpecs): string[] {
  let words = input;
  for (let found = true; found; ) {
    found = false;
    for (let i = 1; i < words.length - 1; i++) {
      const w = words[i]!;
      if (w.toUpperCase() !== "OR" && w !== "|") continue;
      const first = i - 1;
      let last = words.length - 1;
      // Stash only looks for further `OR` keywords here, so `a | b | c` keeps the second `|` as a term.
      for (let j = i + 2; j < words.length; j += 2) {
        if (words[j]!.toUpperCase() !== "OR") {
          last = j - 1;
          break;
        }
      }
      const set: string[] = [];
      for (let j = first; j <= last; j += 2) {
        const term = unquote(words[j]!);
        if (term !== "") set.push(term);
      }
      if (set.length > 0) specs.anySets.push(set);
      words = [...words.slice(0, first), ...words.slice(last + 1)];
      found = true;
      break;
    }
  }
  return words;
}

/** Parses a search string as Stash does (pkg/models/search.go ParseSearchString). */
export function parseSearchString(raw: string): SearchSpecs {
  const specs: SearchSpecs = { mustHave: [], anySets: [], mustNot: [] };
  const s = raw.trim();
  if (s === "") return specs;
  const words = extractOr(combinePhrases(s.split(" ")), specs);
  for (const word of words) {
    if (word.length > 1 && word.startsWith("-")) {
      const term = unquote(word.slice(1));
      if (term !== "") specs.mustNot.push(term);
      continue;
    }
    const term = unquote(word);
    if (term !== "") specs.mustHave.push(term);
  }
  return specs;
}

/** A file's fingerprint values as its database row holds them (the phash as a signed integer). */
function fingerprintTexts(file: FileRecord): string[] {
  const out: string[] = [];
  if (file.md5) out.push(file.md5);
  if (file.oshash) out.push(file.oshash);
  const bits = file.phash ? parsePhash(file.phash) : null;
  if (bits) out.push(phashSigned(bits).toString());
  return out;
}

type Like = (lowered: string) => boolean;

/** A q search over (scene, file) rows; null when q has no terms (Stash then adds no condition). */
export function compileSceneSearch(store: Store, q: string): ((scene: SceneRecord, file: FileRecord | null) => boolean) | null {
  const specs = parseSearchString(q);
  if (specs.mustHave.length + specs.anySets.length + specs.mustNot.length === 0) return null;
  const like = (term: string): Like => likeMatcher(`%${term}%`, true);
  const must = specs.mustHave.map(like);
  const anySets = specs.anySets.map((set) => set.map(like));
  const mustNot = specs.mustNot.map(like);
  return (scene, file) => {
    const fixed: string[] = [];
    if (scene.title !== "") fixed.push(asciiLower(scene.title));
    if (scene.details !== "") fixed.push(asciiLower(scene.details));
    if (file) fixed.push(asciiLower(file.path));
    const fps: (string | null)[] = file ? fingerprintTexts(file).map(asciiLower) : [];
    const markers: (string | null)[] = store.sceneMarkers(scene.id).map((m) => asciiLower(m.title));
    if (fps.length === 0) fps.push(null);
    if (markers.length === 0) markers.push(null);
    for (const fp of fps) {
      for (const marker of markers) {
        const columns = [...fixed];
        if (fp !== null) columns.push(fp);
        if (marker !== null) columns.push(marker);
        const hit = (m: Like) => columns.some(m);
        if (must.every(hit) && anySets.every((set) => set.some(hit)) && !mustNot.some(hit)) return true;
      }
    }
    return false;
  };
}

/**
 * Groups for generateLibrary: collections, every fourth one a box set
 * holding the next few as sub-groups, and scenes placed in them with a
 * scene index. Draws from its own random stream, so adding groups leaves
 * every other generated value as it was.
 */
import type { FixtureGroup } from "./fixture-groups";
import type { FixtureScene } from "./fixture";

const WORDS = ["Northern", "Summer", "Night", "Ocean", "Mountain", "City", "Garden", "Desert", "Winter", "River"];
const KINDS = ["Stories", "Sessions", "Chronicles", "Diaries", "Collection", "Tapes"];

/** The generated groups and each scene's group memberships (by scene position). */
export interface GeneratedGroups {
  readonly groups: FixtureGroup[];
  readonly sceneGroups: Map<number, { name: string; scene_index: number }[]>;
}

/** `count` groups over `scenes` scenes, from `rand` (a PRNG in [0, 1)). */
export function generateGroups(rand: () => number, count: number, scenes: readonly FixtureScene[], studios: readonly string[]): GeneratedGroups {
  const groups: FixtureGroup[] = [];
  const names: string[] = [];
  for (let g = 0; g < count; g++) {
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    names.push(g % 4 === 0 ? `${word} ${kind} Box Set ${g + 1}` : `${word} ${kind} ${g + 1}`);
  }
  const leaves: string[] = [];
  for (let g = 0; g < count; g++) {
    const isBox = g % 4 === 0;
    const subs = isBox ? names.slice(g + 1, Math.min(count, g + 4)) : [];
    if (!isBox) leaves.push(names[g]!);
    const year = 2010 + Math.floor(rand() * 16);
    groups.push({
      name: names[g]!,
      date: `${year}`,
      director: rand() < 0.5 ? `Director ${1 + Math.floor(rand() * 20)}` : "",
      studio: studios.length > 0 && rand() < 0.7 ? studios[Math.floor(rand() * studios.length)]! : null,
      rating100: rand() < 0.4 ? 20 * (1 + Math.floor(rand() * 5)) : null,
      sub_groups: subs.map((name, i) => ({ name, description: `Part ${i + 1}` })),
    });
  }
  const sceneGroups = new Map<number, { name: string; scene_index: number }[]>();
  const nextIndex = new Map<string, number>();
  if (leaves.length > 0) {
    scenes.forEach((_, i) => {
      if (rand() >= 0.2) return;
      const name = leaves[Math.floor(rand() * leaves.length)]!;
      const index = (nextIndex.get(name) ?? 0) + 1;
      nextIndex.set(name, index);
      sceneGroups.set(i, [{ name, scene_index: index }]);
    });
  }
  return { groups, sceneGroups };
}

/**
 * A deterministic library generator for tests, demos and benchmarks: the same
 * options always give the same fixture. It plants groups of duplicate scenes
 * (shared or near phashes, similar durations) and says which ones, so tests
 * can check findDuplicateScenes against known answers.
 */
import type { Fixture, FixtureFile, FixtureMarker, FixtureScene } from "./fixture";
import { generateEntities } from "./generate-entities";
import { generateGroups } from "./generate-groups";
import { generateMedia } from "./generate-media";

/** Options of `generateLibrary`. */
export interface GenerateOptions {
  /** Number of scenes. */
  scenes: number;
  /** Number of planted duplicate groups (2–4 scenes each). Default scenes / 50. */
  duplicateGroups?: number;
  /** Markers per scene. Default 0. */
  markersPerScene?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
  /** Number of groups (every fourth a box set of the next ones); about a fifth of the scenes join one. Default scenes / 100. */
  groups?: number;
  /** Number of galleries (folder, zip and user galleries in turn). Default scenes / 100, at most 100. */
  galleries?: number;
  /** Average images per folder or zip gallery; a fifth as many again are loose images. Default 6. */
  imagesPerGallery?: number;
  /** Put the tags under category tags under one root tag (three levels). Default true. */
  tagHierarchy?: boolean;
  /** Give performers gender, birthdate, country, rating, aliases, tags and URLs. Default true. */
  performerDetails?: boolean;
  /** Parent studios ("networks", at most 4) that two of every three studios join. Default 2. */
  studioNetworks?: number;
}

/** A planted group of duplicates, by scene position in `fixture.scenes`. */
export interface PlantedDuplicateGroup {
  /** Indexes into `fixture.scenes` (and so into `SeedResult.scenes`), ascending. */
  readonly sceneIndexes: readonly number[];
  /** The phash of each member's file, in `sceneIndexes` order. */
  readonly phashes: readonly string[];
  /** True when every member has the same phash (found at distance 0). */
  readonly exact: boolean;
  /** Largest Hamming distance between two members' phashes. */
  readonly maxDistance: number;
  /** Largest difference between two members' durations, in seconds. */
  readonly maxDurationDiff: number;
}

/** A generated fixture and what was planted in it. */
export interface GeneratedLibrary {
  readonly fixture: Fixture;
  readonly duplicates: readonly PlantedDuplicateGroup[];
}

/** mulberry32: small, fast and good enough to make fixtures look varied. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = ["Silent", "Golden", "Midnight", "Crimson", "Electric", "Hidden", "Lazy", "Wild", "Frozen", "Velvet", "Broken", "Distant", "Bright", "Secret", "Endless", "Quiet"];
const NOUNS = ["Harbor", "Garden", "Journey", "Echo", "Summer", "River", "Canyon", "Skyline", "Lantern", "Meadow", "Tide", "Horizon", "Station", "Orchard", "Signal", "Voyage"];
const FIRST = ["Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Avery", "Quinn", "Harper", "Rowan", "Skyler", "Dakota", "Emery", "Reese"];
const LAST = ["Stone", "Rivers", "Hale", "Brooks", "Vale", "Frost", "Lane", "Cross", "Wilde", "Marsh", "North", "Reed", "Shaw", "Blake", "Fox", "Gray"];
const STUDIO_WORDS = ["Pixel", "Lighthouse", "Northwind", "Cobalt", "Aurora", "Redwood", "Blue Fern", "Ironclad", "Solstice", "Paper Moon"];
const TAG_WORDS = ["outdoor", "indoor", "interview", "behind the scenes", "travel", "music", "night", "beach", "city", "studio", "vintage", "4k", "pov", "compilation", "tutorial", "nature", "rain", "snow", "sunset", "drone"];
const RESOLUTIONS: readonly (readonly [number, number, number])[] = [
  // width, height, bit rate (bits/s)
  [854, 480, 1_500_000],
  [1280, 720, 3_500_000],
  [1920, 1080, 8_000_000],
  [3840, 2160, 25_000_000],
];

function hex(rand: () => number, digits: number): string {
  let out = "";
  while (out.length < digits) out += Math.floor(rand() * 0x10000).toString(16).padStart(4, "0");
  return out.slice(0, digits);
}

function flipBits(phash: string, bits: readonly number[]): string {
  let value = BigInt(`0x${phash}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, "0");
}

function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

interface Pools {
  tags: string[];
  performers: string[];
  studios: string[];
}

function pools(rand: () => number): Pools {
  const performers: string[] = [];
  for (const first of FIRST) for (const last of LAST) if (rand() < 0.8) performers.push(`${first} ${last}`);
  return {
    tags: TAG_WORDS.map((t) => t.replace(/\b\w/g, (c) => c.toUpperCase())),
    performers,
    studios: STUDIO_WORDS.map((w) => `${w} Studios`),
  };
}

/** Duration, resolution and file for one scene; `phash`/`duration` may be forced for planted duplicates. */
function makeFile(rand: () => number, index: number, dir: string, name: string, phash: string, duration: number): FixtureFile {
  const [width, height, bitRate] = pick(rand, RESOLUTIONS);
  const rate = Math.round(bitRate * (0.8 + rand() * 0.4));
  return {
    path: `${dir}/${name}-${String(index + 1).padStart(6, "0")}.mp4`,
    size: Math.round((rate / 8) * duration),
    duration,
    width,
    height,
    phash,
    oshash: hex(rand, 16),
    frame_rate: pick(rand, [24, 25, 29.97, 30, 60]),
    bit_rate: rate,
  };
}

function makeMarkers(rand: () => number, count: number, duration: number, tags: readonly string[]): FixtureMarker[] {
  const out: FixtureMarker[] = [];
  for (let m = 0; m < count; m++) {
    const seconds = Math.round(((m + rand()) / count) * duration * 10) / 10;
    const primary = pick(rand, tags);
    out.push({
      title: `${primary} ${m + 1}`,
      seconds,
      end_seconds: rand() < 0.5 ? Math.min(duration, Math.round((seconds + 5 + rand() * 30) * 10) / 10) : null,
      primary_tag: primary,
      tags: rand() < 0.3 ? [pick(rand, tags)].filter((t) => t !== primary) : [],
    });
  }
  return out;
}

/** Builds a deterministic fixture of `scenes` scenes with planted duplicate groups. */
export function generateLibrary(options: GenerateOptions): GeneratedLibrary {
  const total = options.scenes;
  if (!Number.isInteger(total) || total < 0) throw new Error("generateLibrary: scenes must be a non-negative integer");
  const groupCount = options.duplicateGroups ?? Math.floor(total / 50);
  const markersPerScene = options.markersPerScene ?? 0;
  if (!Number.isInteger(groupCount) || groupCount < 0) throw new Error("generateLibrary: duplicateGroups must be a non-negative integer");
  if (groupCount * 2 > total) {
    throw new Error(`generateLibrary: ${groupCount} duplicate groups need at least ${groupCount * 2} scenes`);
  }
  const rand = prng(options.seed ?? 1);
  const pool = pools(rand);

  // Decide group sizes first, then spread the members over the library.
  const sizes: number[] = [];
  let free = total;
  for (let g = 0; g < groupCount; g++) {
    const left = groupCount - g - 1;
    const size = Math.min(2 + Math.floor(rand() * 3), free - left * 2);
    sizes.push(size);
    free -= size;
  }
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const plantedPhash = new Map<number, { phash: string; duration: number }>();
  const duplicates: PlantedDuplicateGroup[] = [];
  let cursor = 0;
  for (const size of sizes) {
    const members = order.slice(cursor, cursor + size).sort((a, b) => a - b);
    cursor += size;
    const base = hex(rand, 16);
    const exact = rand() < 0.5;
    const baseDuration = Math.round(300 + rand() * 3000);
    const phashes = members.map((_, k) =>
      exact || k === 0 ? base : flipBits(base, [Math.floor(rand() * 64), Math.floor(rand() * 64)]),
    );
    const durations = members.map((_, k) => (k === 0 ? baseDuration : baseDuration + Math.round(rand() * 2 * 10) / 10));
    members.forEach((scene, k) => plantedPhash.set(scene, { phash: phashes[k]!, duration: durations[k]! }));
    let maxDistance = 0;
    for (let a = 0; a < phashes.length; a++) for (let b = a + 1; b < phashes.length; b++) maxDistance = Math.max(maxDistance, hamming(phashes[a]!, phashes[b]!));
    duplicates.push({
      sceneIndexes: members,
      phashes,
      exact: maxDistance === 0,
      maxDistance,
      maxDurationDiff: Math.round((Math.max(...durations) - Math.min(...durations)) * 10) / 10,
    });
  }

  const scenes: FixtureScene[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const title = `${pick(rand, ADJECTIVES)} ${pick(rand, NOUNS)}${rand() < 0.3 ? ` ${pick(rand, NOUNS)}` : ""}`;
    const studio = rand() < 0.85 ? pick(rand, pool.studios) : null;
    const year = 2010 + Math.floor(rand() * 16);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const planted = plantedPhash.get(i);
    const duration = planted?.duration ?? Math.round(120 + rand() * 3600);
    const dir = `/data/videos/${studio ? slug(studio) : "unsorted"}/${year}`;
    const files = [makeFile(rand, i, dir, slug(title), planted?.phash ?? hex(rand, 16), duration)];
    if (!planted && rand() < 0.03) files.push(makeFile(rand, i, `${dir}/alt`, slug(title), hex(rand, 16), duration));
    const tagCount = Math.floor(rand() * 4);
    const performerCount = Math.floor(rand() * 3);
    scenes[i] = {
      title,
      details: rand() < 0.6 ? `${title}: a ${pick(rand, TAG_WORDS)} scene filmed in ${year}.` : "",
      date: rand() < 0.9 ? `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` : null,
      rating100: rand() < 0.5 ? 20 * (1 + Math.floor(rand() * 5)) : null,
      organized: rand() < 0.3,
      urls: rand() < 0.4 ? [`https://example.com/scenes/${i + 1}`] : [],
      studio,
      tags: Array.from({ length: tagCount }, () => pick(rand, pool.tags)),
      performers: Array.from({ length: performerCount }, () => pick(rand, pool.performers)),
      files,
      markers: markersPerScene > 0 ? makeMarkers(rand, markersPerScene, duration, pool.tags) : [],
    };
  }
  // Groups draw from their own stream so every other generated value stays as it was without them.
  const collectionCount = options.groups ?? Math.floor(total / 100);
  if (!Number.isInteger(collectionCount) || collectionCount < 0) throw new Error("generateLibrary: groups must be a non-negative integer");
  const generated = generateGroups(prng(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0), collectionCount, scenes, pool.studios);
  for (const [index, links] of generated.sceneGroups) scenes[index] = { ...scenes[index]!, groups: links };
  const galleryCount = options.galleries ?? Math.min(100, Math.floor(total / 100));
  const imagesPerGallery = options.imagesPerGallery ?? 6;
  if (!Number.isInteger(galleryCount) || galleryCount < 0) throw new Error("generateLibrary: galleries must be a non-negative integer");
  if (!Number.isInteger(imagesPerGallery) || imagesPerGallery < 1) throw new Error("generateLibrary: imagesPerGallery must be a positive integer");
  // Media draw from their own stream too, so scenes and groups stay as they were.
  const media = generateMedia(prng(((options.seed ?? 1) ^ 0x2545f491) >>> 0), galleryCount, imagesPerGallery, { ...pool, scenes });
  const networks = options.studioNetworks ?? 2;
  if (!Number.isInteger(networks) || networks < 0) throw new Error("generateLibrary: studioNetworks must be a non-negative integer");
  // Entity details draw from their own stream too.
  const entities = generateEntities(prng(((options.seed ?? 1) ^ 0x68e31da4) >>> 0), pool, {
    tagHierarchy: options.tagHierarchy ?? true,
    performerDetails: options.performerDetails ?? true,
    studioNetworks: networks,
  });
  return {
    fixture: { ...entities, groups: generated.groups, scenes, galleries: media.galleries, images: media.images },
    duplicates,
  };
}

/**
 * Tags, performers and studios for generateLibrary: the generator's name
 * pools turned into full records — tags under a three-level topic hierarchy,
 * performers with details, studios under a few networks. Draws from its own
 * random stream, so every other generated value stays as it was.
 */
import type { FixtureGender, FixturePerformer, FixtureStudio, FixtureTag } from "./fixture-entities";

/** What to generate beyond bare names. */
export interface EntityGenerateOptions {
  /** Put tags under category tags under one root tag. */
  readonly tagHierarchy: boolean;
  /** Give performers gender, birthdate, country, rating, aliases, tags and URLs. */
  readonly performerDetails: boolean;
  /** Number of parent studios ("networks") the pool's studios are spread under. */
  readonly studioNetworks: number;
}

/** The name pools of the generator. */
export interface EntityPools {
  readonly tags: readonly string[];
  readonly performers: readonly string[];
  readonly studios: readonly string[];
}

/** The fixture entries for the pools. */
export interface GeneratedEntities {
  readonly tags: FixtureTag[];
  readonly performers: FixturePerformer[];
  readonly studios: FixtureStudio[];
}

const TOPIC_ROOT = "Topics";
const CATEGORIES = ["Setting", "Mood", "Format", "Subject"];
const NETWORKS = ["Meridian Media", "Harborline Group", "Summit Pictures", "Keystone Network"];
const GENDERS: readonly FixtureGender[] = ["FEMALE", "MALE", "FEMALE", "NON_BINARY", "TRANSGENDER_FEMALE", "MALE"];
const COUNTRIES = ["US", "GB", "CA", "AU", "DE", "FR", "NZ", "JP"];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function tags(pool: readonly string[], hierarchy: boolean): FixtureTag[] {
  if (!hierarchy) return [...pool];
  const out: FixtureTag[] = [TOPIC_ROOT, ...CATEGORIES.map((name) => ({ name, parents: [TOPIC_ROOT] }))];
  pool.forEach((name, i) => out.push({ name, parents: [CATEGORIES[i % CATEGORIES.length]!] }));
  return out;
}

function performers(rand: () => number, pool: readonly string[], tagPool: readonly string[], details: boolean): FixturePerformer[] {
  if (!details) return [...pool];
  return pool.map((name) => {
    const [first = name, last = ""] = name.split(" ");
    const year = 1970 + Math.floor(rand() * 30);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, "0");
    const entry: FixturePerformer = {
      name,
      gender: pick(rand, GENDERS),
      birthdate: `${year}-${month}-${day}`,
      country: pick(rand, COUNTRIES),
      height_cm: 150 + Math.floor(rand() * 45),
      rating100: rand() < 0.6 ? 20 * (1 + Math.floor(rand() * 5)) : null,
      favorite: rand() < 0.1,
      aliases: rand() < 0.2 ? [`${first[0]}. ${last}`.trim()] : [],
      tags: rand() < 0.3 && tagPool.length > 0 ? [pick(rand, tagPool)] : [],
      urls: rand() < 0.3 ? [`https://example.org/performers/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`] : [],
    };
    return entry;
  });
}

function studios(rand: () => number, pool: readonly string[], networks: number): FixtureStudio[] {
  const parents = NETWORKS.slice(0, Math.min(networks, NETWORKS.length));
  const out: FixtureStudio[] = parents.map((name) => ({ name, rating100: 60 + 20 * Math.floor(rand() * 2) }));
  pool.forEach((name, i) => {
    // Every third studio stays independent, the rest join a network in turn.
    out.push(parents.length > 0 && i % 3 !== 0 ? { name, parent: parents[i % parents.length]! } : name);
  });
  return out;
}

/** The tags, performers and studios of a generated library, from `rand` (a PRNG in [0, 1)). */
export function generateEntities(rand: () => number, pools: EntityPools, options: EntityGenerateOptions): GeneratedEntities {
  return {
    tags: tags(pools.tags, options.tagHierarchy),
    performers: performers(rand, pools.performers, pools.tags, options.performerDetails),
    studios: studios(rand, pools.studios, options.studioNetworks),
  };
}

/**
 * Performer inputs to record changes (internal/api/resolver_mutation_performer.go)
 * and Stash's performer checks (pkg/performer/validate.go): name plus
 * disambiguation unique, aliases distinct from each other and the name,
 * death date not before birth date.
 */
import { parseFuzzyDate } from "./dates";
import { has, optionalNumber, optionalText, text, type EntityInput } from "./entity-input";
import { likeMatcher } from "./criteria";
import type { PerformerRecord, Store } from "./store";

/** The scalar columns of a performer that inputs set directly. */
export type PerformerScalars = Partial<
  Pick<
    PerformerRecord,
    | "disambiguation"
    | "gender"
    | "ethnicity"
    | "country"
    | "eyeColor"
    | "hairColor"
    | "heightCm"
    | "weight"
    | "measurements"
    | "fakeTits"
    | "penisLength"
    | "circumcised"
    | "careerLength"
    | "tattoos"
    | "piercings"
    | "details"
    | "rating100"
    | "birthdate"
    | "deathDate"
  >
>;

const TEXT_FIELDS = [
  ["disambiguation", "disambiguation"],
  ["ethnicity", "ethnicity"],
  ["country", "country"],
  ["eye_color", "eyeColor"],
  ["hair_color", "hairColor"],
  ["measurements", "measurements"],
  ["fake_tits", "fakeTits"],
  ["career_length", "careerLength"],
  ["tattoos", "tattoos"],
  ["piercings", "piercings"],
  ["details", "details"],
] as const;

const NUMBER_FIELDS = [
  ["height_cm", "heightCm"],
  ["weight", "weight"],
  ["penis_length", "penisLength"],
  ["rating100", "rating100"],
] as const;

function convertDate(raw: unknown, what: string, version: string): string | null {
  if (raw == null || raw === "") return null;
  const date = parseFuzzyDate(String(raw), version);
  if (date === null) throw new Error(`converting ${what}: failed to parse date ${JSON.stringify(raw)}`);
  return date;
}

/**
 * The scalar changes an input carries. With `partial`, absent keys are left
 * out (update); otherwise every column gets its value or empty (create).
 */
export function performerScalars(input: EntityInput, version: string, partial: boolean): PerformerScalars {
  const out: Record<string, unknown> = {};
  for (const [key, field] of TEXT_FIELDS) {
    const value = partial ? optionalText(input, key) : text(input, key);
    if (value !== undefined) out[field] = value;
  }
  for (const [key, field] of NUMBER_FIELDS) {
    const value = partial ? optionalNumber(input, key) : ((input[key] as number | null | undefined) ?? null);
    if (value !== undefined) out[field] = value;
  }
  for (const key of ["gender", "circumcised"] as const) {
    if (!partial || has(input, key)) out[key] = (input[key] as string | null | undefined) ?? null;
  }
  if (!partial || has(input, "birthdate")) out.birthdate = convertDate(input.birthdate, "birthdate", version);
  if (!partial || has(input, "death_date")) out.deathDate = convertDate(input.death_date, "death date", version);
  return out as PerformerScalars;
}

/** pkg/performer ErrNameMissing. */
export function performerNameMissing(): Error {
  return new Error("performer name must not be blank");
}

/**
 * validateName: another performer with the same name (LIKE) and the same
 * disambiguation (LIKE, or both empty) is a clash.
 */
export function ensurePerformerNameUnique(store: Store, selfId: number, name: string, disambiguation: string): void {
  const nameLike = likeMatcher(name);
  const disLike = disambiguation === "" ? (d: string) => d.trim() === "" : likeMatcher(disambiguation);
  for (const p of store.all("performers")) {
    if (p.id !== selfId && nameLike(p.name) && disLike(p.disambiguation)) {
      throw new Error(
        disambiguation !== ""
          ? `performer with name '${name}' and disambiguation '${disambiguation}' already exists`
          : `performer with name '${name}' already exists`,
      );
    }
  }
}

/** ValidateAliases: no alias may repeat another or the name, ignoring case. */
export function validatePerformerAliases(name: string, aliases: readonly string[]): void {
  const seen = new Set([name.toLowerCase()]);
  for (const alias of aliases) {
    const key = alias.toLowerCase();
    if (seen.has(key)) throw new Error(`performer contains duplicate alias '${alias}'`);
    seen.add(key);
  }
}

/** Dates as Go times at their precision's start, for comparing. */
function startOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** ValidateDeathDate. */
export function validateDeathDate(birthdate: string | null, deathDate: string | null): void {
  if (birthdate !== null && deathDate !== null && startOf(birthdate) > startOf(deathDate)) {
    throw new Error(`death date ${deathDate} should be after birthdate ${birthdate}`);
  }
}

/** utils.URLFromHandle: a bare handle becomes a URL on the site. */
export function urlFromHandle(handle: string, site: string): string {
  return /^https?:\/\//.test(handle) ? handle : `${site}/${handle}`;
}

/** The sites of the deprecated `twitter` and `instagram` inputs. */
export const LEGACY_SITES = {
  twitter: { site: "https://twitter.com", pattern: /^https?:\/\/(?:www\.)?twitter\.com\// },
  instagram: { site: "https://instagram.com", pattern: /^https?:\/\/(?:www\.)?instagram\.com\// },
} as const;

/**
 * handleLegacyURLs: `url` replaces the first URL that is neither Twitter nor
 * Instagram, `twitter`/`instagram` replace the first URL of their site;
 * each is appended when there is nothing to replace.
 */
export function applyLegacyUrls(current: readonly string[], input: EntityInput): string[] | undefined {
  if (!has(input, "url") && !has(input, "twitter") && !has(input, "instagram")) return undefined;
  const urls = [...current];
  const replace = (value: string, pick: (u: string) => boolean) => {
    const at = urls.findIndex(pick);
    if (at >= 0) urls[at] = value;
    else urls.push(value);
  };
  if (has(input, "url")) {
    replace(text(input, "url"), (u) => !LEGACY_SITES.twitter.pattern.test(u) && !LEGACY_SITES.instagram.pattern.test(u));
  }
  for (const key of ["twitter", "instagram"] as const) {
    if (has(input, key)) replace(urlFromHandle(text(input, key), LEGACY_SITES[key].site), (u) => LEGACY_SITES[key].pattern.test(u));
  }
  return urls;
}

/** validateNoLegacyURLs: `urls` cannot be sent with the deprecated fields. */
export function checkNoLegacyUrls(input: EntityInput, keys: readonly string[]): void {
  if (!has(input, "urls")) return;
  for (const key of keys) if (has(input, key)) throw new Error(`${key} field must not be included if urls is included`);
}

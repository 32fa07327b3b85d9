/** Performer rows. Text columns hold "" for NULL, as scene text does. */
import type { StashIdRecord } from "./scene";

/** A performer with the columns of Stash's performers table and its join tables. */
export interface PerformerRecord {
  readonly id: number;
  readonly name: string;
  readonly disambiguation: string;
  readonly aliases: readonly string[];
  readonly urls: readonly string[];
  /** GenderEnum value or null. */
  readonly gender: string | null;
  readonly birthdate: string | null;
  readonly deathDate: string | null;
  readonly ethnicity: string;
  readonly country: string;
  readonly eyeColor: string;
  readonly hairColor: string;
  readonly heightCm: number | null;
  readonly weight: number | null;
  readonly measurements: string;
  readonly fakeTits: string;
  readonly penisLength: number | null;
  /** CircumisedEnum value or null. */
  readonly circumcised: string | null;
  readonly careerLength: string;
  readonly tattoos: string;
  readonly piercings: string;
  readonly details: string;
  readonly rating100: number | null;
  readonly favorite: boolean;
  readonly ignoreAutoTag: boolean;
  readonly tagIds: readonly number[];
  readonly stashIds: readonly StashIdRecord[];
  readonly customFields: Readonly<Record<string, unknown>>;
  readonly hasImage: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A performer with every optional column empty. */
export function blankPerformer(id: number, name: string, stamp: string): PerformerRecord {
  return {
    id,
    name,
    disambiguation: "",
    aliases: [],
    urls: [],
    gender: null,
    birthdate: null,
    deathDate: null,
    ethnicity: "",
    country: "",
    eyeColor: "",
    hairColor: "",
    heightCm: null,
    weight: null,
    measurements: "",
    fakeTits: "",
    penisLength: null,
    circumcised: null,
    careerLength: "",
    tattoos: "",
    piercings: "",
    details: "",
    rating100: null,
    favorite: false,
    ignoreAutoTag: false,
    tagIds: [],
    stashIds: [],
    customFields: {},
    hasImage: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

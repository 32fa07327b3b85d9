/**
 * Fixture entries for tags (with parents), performers and studios (with a
 * parent). A plain string is a bare record with that name; related names
 * that do not exist yet are created.
 */
import type { GenderEnum } from "../../generated/graphql";

/** A tag; `parents` are tag names, and the hierarchy may not loop. */
export type FixtureTag =
  | string
  | {
      readonly name: string;
      readonly aliases?: readonly string[];
      readonly parents?: readonly string[];
      readonly sort_name?: string;
      readonly description?: string;
      readonly favorite?: boolean;
      readonly ignore_auto_tag?: boolean;
    };

/** GenderEnum values, as the committed schema lists them. */
export type FixtureGender = GenderEnum;

/** A performer; names are matched case-insensitively, so a fixture names one performer once. */
export type FixturePerformer =
  | string
  | {
      readonly name: string;
      readonly disambiguation?: string;
      readonly aliases?: readonly string[];
      readonly gender?: FixtureGender | null;
      /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
      readonly birthdate?: string | null;
      readonly death_date?: string | null;
      readonly country?: string;
      readonly ethnicity?: string;
      readonly hair_color?: string;
      readonly eye_color?: string;
      readonly height_cm?: number | null;
      readonly weight?: number | null;
      readonly details?: string;
      readonly rating100?: number | null;
      readonly favorite?: boolean;
      readonly ignore_auto_tag?: boolean;
      readonly urls?: readonly string[];
      /** Tag names. */
      readonly tags?: readonly string[];
      /** Scalar values only, as Stash stores them. */
      readonly custom_fields?: Readonly<Record<string, string | number | boolean | null>>;
    };

/** A studio; `parent` is a studio name, and the parent chain may not loop. */
export type FixtureStudio =
  | string
  | {
      readonly name: string;
      readonly parent?: string;
      readonly aliases?: readonly string[];
      readonly urls?: readonly string[];
      readonly details?: string;
      readonly rating100?: number | null;
      readonly favorite?: boolean;
      readonly ignore_auto_tag?: boolean;
      /** Tag names. */
      readonly tags?: readonly string[];
    };

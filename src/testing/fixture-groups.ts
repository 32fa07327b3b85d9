/**
 * Fixture entries for groups (with their sub-groups), saved filters and
 * folders that hold no file yet.
 */

/** A sub-group of a fixture group: a group name, optionally with the link's description. */
export type FixtureSubGroup = string | { readonly name: string; readonly description?: string };

/**
 * A group. Names are not unique in Stash, but a fixture names groups to link
 * them, so a name used twice means the same group. Related entities are
 * created when unknown.
 */
export type FixtureGroup =
  | string
  | {
      readonly name: string;
      readonly aliases?: string;
      /** Seconds. */
      readonly duration?: number | null;
      /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
      readonly date?: string | null;
      readonly rating100?: number | null;
      readonly director?: string;
      readonly synopsis?: string;
      readonly urls?: readonly string[];
      readonly studio?: string | null;
      readonly tags?: readonly string[];
      /** In order; a group may not (indirectly) contain itself. */
      readonly sub_groups?: readonly FixtureSubGroup[];
      readonly front_image?: boolean;
      readonly back_image?: boolean;
    };

/** A saved filter as saveFilter would store it. */
export interface FixtureSavedFilter {
  /** A FilterMode value, e.g. `SCENES`. */
  readonly mode: string;
  readonly name: string;
  readonly find_filter?: { readonly q?: string; readonly page?: number; readonly per_page?: number; readonly sort?: string; readonly direction?: "ASC" | "DESC" } | null;
  readonly object_filter?: Readonly<Record<string, unknown>> | null;
  readonly ui_options?: Readonly<Record<string, unknown>> | null;
}

/** Saved filter rows. */

/** A saved filter: the find filter, object filter and UI options are stored as given. */
export interface SavedFilterRecord {
  readonly id: number;
  /** FilterMode value, e.g. `SCENES`. */
  readonly mode: string;
  readonly name: string;
  readonly findFilter: Readonly<Record<string, unknown>> | null;
  readonly objectFilter: Readonly<Record<string, unknown>> | null;
  readonly uiOptions: Readonly<Record<string, unknown>> | null;
}

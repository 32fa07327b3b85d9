/**
 * Id parsing and the error messages Stash's Go code produces, reproduced so that
 * clients matching on them behave as they would against a real server.
 */

/** Parses a decimal id the way Go's strconv.Atoi does, with Stash's error text. */
export function parseId(raw: unknown): number {
  const text = typeof raw === "number" ? String(raw) : String(raw ?? "");
  if (!/^[+-]?\d+$/.test(text)) {
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 63 - 1) {
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return value;
}

/** Parses a list of ids, failing on the first bad one. */
export function parseIds(raw: readonly unknown[] | null | undefined): number[] {
  return (raw ?? []).map(parseId);
}

/** Drops repeated ids, keeping the first occurrence (Stash de-duplicates relationship lists). */
export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** `scene with id N not found`, the message Stash uses for a missing scene. */
export function sceneNotFound(id: number): Error {
  return new Error(`scene with id ${id} not found`);
}

/** The message SQLite gives Stash when a related id does not exist. */
export function foreignKeyError(): Error {
  return new Error("FOREIGN KEY constraint failed");
}

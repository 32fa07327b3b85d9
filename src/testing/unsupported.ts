/**
 * Root fields the stand-in refuses on purpose, and why. Every other field
 * without a resolver module is refused too, but counts as a gap:
 * docs/standin-coverage.md lists both, and its test keeps the list honest.
 */

/** Reason per deliberately refused root field. */
export const UNSUPPORTED_REASONS: Readonly<Record<string, string>> = {
  execSQL: "it runs raw SQL against Stash's SQLite database, and the stand-in keeps no database to run it on",
  querySQL: "it runs raw SQL against Stash's SQLite database, and the stand-in keeps no database to run it on",
};

/** The error text for a refused root field: `<name> is not supported by the stand-in[: reason]`. */
export function unsupportedMessage(name: string): string {
  const reason = UNSUPPORTED_REASONS[name];
  return reason ? `${name} is not supported by the stand-in: ${reason}` : `${name} is not supported by the stand-in`;
}

/** What went wrong while pulling a schema, so callers can react without parsing messages. */
export type SchemaPullErrorCode =
  | "options" // bad or conflicting options
  | "connect" // the server could not be reached or timed out
  | "auth" // HTTP 401/403: API key missing or wrong
  | "http" // another unexpected HTTP status
  | "response" // the answer is not what a GraphQL server sends
  | "schema" // not a valid schema, or not Stash's
  | "io"; // reading local files or writing the snapshot failed

/** Raised by the schema tool; `message` is meant to be shown to the user as is. */
export class SchemaPullError extends Error {
  override name = "SchemaPullError";

  constructor(
    readonly code: SchemaPullErrorCode,
    message: string,
  ) {
    super(message);
  }
}

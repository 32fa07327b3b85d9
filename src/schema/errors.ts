import { StashError, type SerializedStashError } from "../core/errors";

/** What went wrong while pulling a schema, so callers can react without parsing messages. */
export type SchemaPullErrorCode =
  | "options" // bad or conflicting options
  | "connect" // the server could not be reached or timed out
  | "auth" // HTTP 401/403: API key missing or wrong
  | "http" // another unexpected HTTP status
  | "response" // the answer is not what a GraphQL server sends
  | "schema" // files or a release that are not a valid schema, or not Stash's (a live server raises StashNotStashError)
  | "io"; // reading local files or writing the snapshot failed

/** Raised by the schema tool; `message` is meant to be shown to the user as is. */
export class SchemaPullError extends StashError {
  override name = "SchemaPullError";

  constructor(
    readonly code: SchemaPullErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }

  override toJSON(): SerializedStashError {
    return { ...super.toJSON(), code: this.code };
  }
}

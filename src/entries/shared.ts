/**
 * What the main entry and `/core` both export: the error classes and the
 * types of options and results, listed once.
 */
export {
  StashError,
  StashGraphQLError,
  StashHttpError,
  StashAuthError,
  StashNetworkError,
  StashTimeoutError,
  StashAbortError,
  StashValidationError,
  StashUnsupportedError,
  StashNotStashError,
  StashJobError,
  type StashGraphQLErrorEntry,
  type SerializedStashError,
} from "../core/errors";
export type { RetryOptions } from "../core/retry-options";
export type { ReconnectOptions, SubscriptionOptions } from "../core/subscriptions";
export type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
export type { FetchLike } from "../core/transport";
export type { Logger } from "../core/url";
export type { ID } from "../core/validate";
export type { ResultError } from "../core/parse-result";

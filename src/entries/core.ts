/**
 * `stash-graphql-client/core`: the smallest way in. `createStashCore` makes a
 * core (requests with retries, timeouts, signals and typed errors); the
 * domain entries (`/scenes`, `/markers`, `/jobs`) are functions taking it
 * first, so a bundler keeps only the functions an app calls.
 */
import { RequestCore, type StashClientOptions, type StashCoreApi } from "../core/request-core";

/** Options of `createStashCore`: a `StashClient`'s, less the compatibility check (use `StashClient` for it). */
export type StashCoreOptions = Omit<StashClientOptions, "checkCompatibility">;

/**
 * A core for the module functions, e.g. `findScene(core, "42")`. In Node it
 * sends over node:http(s); in browser builds over the page's fetch with the
 * session cookie. `subscribe(core, …)` opens its WebSocket; `core.close()` ends it.
 */
export function createStashCore(options: StashCoreOptions = {}): StashCoreApi {
  // RequestCore never checks compatibility: the probe and its coordinates stay out of the bundle.
  return new RequestCore(options);
}

export { subscribe } from "../core/subscribe";
export type { StashCoreApi, CallOptions, StashClientOptions } from "../core/request-core";
export type { RetryOptions } from "../core/retry-options";
export type { ReconnectOptions, SubscriptionOptions } from "../core/subscriptions";
export type { AnyVariables, TypedDocumentNode } from "../../generated/typed-document";
export type { FetchLike } from "../core/transport";
export type { Logger } from "../core/url";
export type { ID } from "../core/validate";
export type { ResultError } from "../core/parse-result";
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

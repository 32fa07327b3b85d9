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
export * from "./shared";

/**
 * The HTTP sender of browser builds: the page's own `fetch`, with
 * `credentials: "same-origin"` so that a UI plugin running on Stash's origin
 * is authenticated by the session cookie of the logged-in user, while a page
 * on another origin never sends its cookies to Stash.
 */
import { sendWithFetch, type HttpSend } from "./transport";
import type { Logger } from "./url";

/** The page's fetch, looked up per call so a fetch installed after loading (a polyfill, a test double) is used. */
export const defaultSend: HttpSend = /* @__PURE__ */ sendWithFetch((input, init) => globalThis.fetch(input, init), { credentials: "same-origin" });

/**
 * No plain-HTTP warning in browsers: a page served over https cannot call an
 * http Stash at all (mixed content), and a key handed to page script is
 * already as visible as the page. Node scripts get the warning (url.ts).
 */
export function warnOnPlainHttpKey(_url: string, _logger: Logger | undefined): void {}

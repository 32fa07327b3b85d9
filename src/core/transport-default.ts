/**
 * The HTTP side of Node builds: the sender a client uses when no `fetch` is
 * given (node:http(s)), and the warning when an API key would cross a network
 * in clear text. Browser builds swap this module for
 * browser-transport-default.ts (scripts/lib/browser-build.ts), so no `node:`
 * import reaches a browser bundle.
 */
export { sendWithNode as defaultSend } from "./transport-node";
export { warnOnPlainHttpKey } from "./url";

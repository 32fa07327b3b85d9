/**
 * Endpoint handling, one rule for the client, subscriptions and the schema
 * tool: defaults, `/graphql` appended to base URLs, `0.0.0.0` and `[::]`
 * (what Stash prints when it listens everywhere) mapped to loopback, and a
 * warning when an API key would cross a network in clear text.
 */
import { StashValidationError } from "./errors";

/** Where the SDK's warnings go. */
export interface Logger {
  warn(message: string): void;
}

/** The default Stash endpoint. */
export const DEFAULT_URL = "http://localhost:9999/graphql";

/** The endpoint to call, and the same without credentials or query, for messages. */
export interface NormalizedUrl {
  url: string;
  displayUrl: string;
}

/** Validates and normalises a Stash URL: `http://nas.lan/stash` → `http://nas.lan/stash/graphql`. */
export function normalizeUrl(input: string | undefined): NormalizedUrl {
  const raw = (input ?? DEFAULT_URL).trim();
  if (!raw) throw new StashValidationError("url", "is empty; pass e.g. http://localhost:9999");
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new StashValidationError("url", `"${raw.replace(/\/\/[^@/]*@/, "//")}" is not an absolute URL; include the scheme, e.g. http://${raw}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new StashValidationError("url", `scheme "${parsed.protocol.replace(/:$/, "")}" is not supported; use http or https`);
  }
  // Listen-everywhere addresses (what Stash prints) are not reachable as such; use loopback.
  if (parsed.hostname === "0.0.0.0") parsed.hostname = "127.0.0.1";
  if (parsed.hostname === "[::]") parsed.hostname = "[::1]";
  // Stash always serves GraphQL at <base>/graphql, also behind a path prefix (http://nas.lan/stash).
  const path = parsed.pathname.replace(/\/+$/, "");
  parsed.pathname = /\/graphql$/.test(path) ? path : `${path}/graphql`;
  const display = new URL(parsed.href);
  display.username = "";
  display.password = "";
  display.search = "";
  return { url: parsed.href, displayUrl: display.href };
}

const PRIVATE_HOST = [
  /^localhost$/i,
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^\[?::1\]?$/,
  /^\[?f[cd][0-9a-f]{2}:/i,
  /\.local$/i,
  /\.lan$/i,
  /\.home\.arpa$/i,
];

/** True when the host is loopback, private or link-local, where plain HTTP is the norm. */
export function isPrivateHost(hostname: string): boolean {
  return PRIVATE_HOST.some((re) => re.test(hostname));
}

/** Warns (once, at client creation) when an API key would be sent over plain HTTP to a public host. */
export function warnOnPlainHttpKey(url: string, logger: Logger | undefined): void {
  const parsed = new URL(url);
  if (parsed.protocol === "http:" && !isPrivateHost(parsed.hostname)) {
    (logger ?? console).warn(
      `stash-graphql-client: the API key will be sent unencrypted to ${parsed.host} over http://; use https:// for servers outside your network`,
    );
  }
}

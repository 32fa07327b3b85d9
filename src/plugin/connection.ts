/**
 * The client options for the Stash that started a plugin, from its
 * `server_connection` (pkg/plugin/plugins.go makeServerConnection at v0.30.1).
 *
 * - Stash fills `Host` with the address it listens on, often `0.0.0.0` or `::`,
 *   which is no place to connect to (stash#5103): core/url.ts maps both to loopback.
 * - `https` stays `https`.
 * - The session cookie always goes along: Stash keeps its hook-loop guard (the
 *   plugin hooks already visited) in that session, so a hook's own mutations
 *   must carry it or a self-triggering hook would loop past the guard.
 * - The cookie is a session that can expire in a long task (stash#5332), so an
 *   API key (option, then `STASH_API_KEY`) is sent too when there is one.
 */
import type { StashClientOptions } from "../core/client";
import type { PluginInput } from "./input";
import { checkPluginInput } from "./input";

/** Options of `StashClient.fromPluginInput`: any client option but `url`, plus where to find an API key. */
export interface PluginClientOptions extends Omit<StashClientOptions, "url"> {
  /** Sent as `ApiKey` alongside the cookie; default `env.STASH_API_KEY`. */
  apiKey?: string;
  /** Environment to read `STASH_API_KEY` from; default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** The GraphQL URL of the plugin's server (before core/url.ts maps listen-everywhere hosts to loopback). */
export function pluginServerUrl(input: PluginInput): string {
  const { Scheme, Host, Port } = input.server_connection;
  // An IPv6 literal needs brackets in a URL; Stash sends it bare (e.g. `::`).
  const host = Host.includes(":") && !Host.startsWith("[") ? `[${Host}]` : Host || "localhost";
  return `${Scheme}://${host}:${Port}/graphql`;
}

/** The session cookie as a `Cookie` header value, or undefined when Stash sent none (no authentication configured). */
export function pluginCookieHeader(input: PluginInput): string | undefined {
  const cookie = input.server_connection.SessionCookie;
  return cookie && cookie.Name ? `${cookie.Name}=${cookie.Value}` : undefined;
}

/** Client options for the server in `input`; `input` is checked first, so a hand-made object fails clearly. */
export function pluginClientOptions(input: PluginInput, options: PluginClientOptions = {}): StashClientOptions {
  const checked = checkPluginInput(input);
  const { env = process.env, apiKey: givenKey, headers, ...rest } = options;
  const apiKey = givenKey?.trim() || env["STASH_API_KEY"]?.trim() || undefined;
  const cookie = pluginCookieHeader(checked);
  return {
    ...rest,
    url: pluginServerUrl(checked),
    ...(apiKey ? { apiKey } : {}),
    headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
  };
}

/** The secrets a plugin run holds (cookie value, API key), to keep out of its output and logs. */
export function pluginSecrets(input: PluginInput, apiKey: string | undefined): string[] {
  return [input.server_connection.SessionCookie?.Value ?? "", apiKey ?? ""].filter((s) => s.length >= 4);
}

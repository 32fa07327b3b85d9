/**
 * Thin wrapper over global fetch for `--ref`'s plain GETs of release files
 * (GitHub raw and API, never Stash itself), turning transport failures into
 * messages a user can act on. Stash's GraphQL API goes through the client
 * core (see endpoint.ts). No header value ever appears in a message.
 */
import { SchemaPullError } from "./errors";

/** A fully read HTTP answer. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
}

/** Shows a URL without credentials or query string, which may carry secrets. */
export function displayUrl(url: string | URL): string {
  const u = new URL(String(url));
  return `${u.protocol}//${u.host}${u.pathname}`;
}

function causeText(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } }).cause;
  const text = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message;
  return typeof text === "string" && text !== "" ? text : undefined;
}

/** Sends one request and reads the whole body; throws SchemaPullError("connect") when unreachable. */
export async function request(url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
  const shown = displayUrl(url);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { status: res.status, statusText: res.statusText, contentType: res.headers.get("content-type") ?? "", body };
  } catch (err) {
    if ((err as Error).name === "TimeoutError") {
      throw new SchemaPullError("connect", `no answer from ${shown} within ${timeoutMs} ms: check the URL and that the server is running`);
    }
    const code = causeText(err);
    throw new SchemaPullError(
      "connect",
      `could not connect to ${shown}${code ? ` (${code})` : ""}: check the URL and that the server is running`,
    );
  }
}

/** A short, single-line preview of a body for error messages. */
export function preview(body: string, max = 60): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

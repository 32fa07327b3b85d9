/**
 * Exit codes and the one-line error message: every failure the CLI reports
 * goes through `describeFailure`, so the mapping lives in one place.
 */
import { CommanderError } from "commander";
import {
  StashAbortError,
  StashAuthError,
  StashError,
  StashNetworkError,
  StashNotStashError,
  StashTimeoutError,
  StashValidationError,
} from "../core/errors";
import { SchemaPullError, type SchemaPullErrorCode } from "../schema/errors";

/** The CLI's exit codes. */
export const EXIT = Object.freeze({
  ok: 0,
  /** Anything else: a GraphQL or HTTP error, a partial failure, a scene not found. */
  failure: 1,
  /** Bad arguments or input, caught before or by validation. */
  usage: 2,
  /** HTTP 401/403: missing or wrong API key. */
  auth: 3,
  /** Unreachable server or timeout. */
  network: 4,
  /** The URL answers, but not like Stash: a wrong URL rather than a failing Stash. */
  notStash: 5,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
});

/** Root `--help` text: where the connection settings come from. */
export const CONFIG_HELP = `
Configuration (every command that talks to Stash):
  --url / STASH_URL             Stash URL (default http://localhost:9999/graphql)
  --api-key / STASH_API_KEY     API key, sent as the ApiKey header; never printed
  --timeout / STASH_TIMEOUT_MS  per-request timeout in ms (default 30000)`;

/** `--help` text of every command: the exit codes. */
export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    failure (GraphQL or HTTP error, not found, some items failed;
       \`schema pull\` uses 1 for every failure)
  2    usage or validation error (bad arguments, bad JSON)
  3    authentication failed (HTTP 401/403: API key missing or wrong)
  4    network error or timeout (server unreachable)
  5    the URL answers, but not like Stash (wrong URL or port)
  130  interrupted`;

/** A usage error found by the CLI itself (e.g. contradictory flags). */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Ends the run with `exitCode`; `message` (if any) is printed as the error line. */
export class CliExit extends Error {
  override name = "CliExit";
  constructor(
    readonly exitCode: number,
    message = "",
  ) {
    super(message);
  }
}

/** Commander codes that mean "you called it wrong". */
function isCommanderUsage(err: CommanderError): boolean {
  return err.code.startsWith("commander.") && err.exitCode !== 0;
}

/** `schema diff`'s loader errors, by kind, on the same codes as the client's. */
const SCHEMA_EXIT: Readonly<Partial<Record<SchemaPullErrorCode, number>>> = { options: EXIT.usage, auth: EXIT.auth, connect: EXIT.network };

/** The exit code for any thrown value. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CliExit) return err.exitCode;
  if (err instanceof SchemaPullError) return SCHEMA_EXIT[err.code] ?? EXIT.failure;
  if (err instanceof CommanderError) return isCommanderUsage(err) ? EXIT.usage : err.exitCode;
  if (err instanceof CliUsageError || err instanceof StashValidationError) return EXIT.usage;
  if (err instanceof StashAuthError) return EXIT.auth;
  if (err instanceof StashNetworkError || err instanceof StashTimeoutError) return EXIT.network;
  if (err instanceof StashNotStashError) return EXIT.notStash;
  if (err instanceof StashAbortError) return EXIT.interrupted;
  return EXIT.failure;
}

/**
 * The error line to print, or null when commander already printed it. One
 * line: newlines are folded so logs and scripts see a single record.
 */
export function describeFailure(err: unknown): string | null {
  if (err instanceof CommanderError) return null;
  let message: string;
  if (err instanceof StashAbortError) message = "interrupted";
  else if (err instanceof StashAuthError) message = err.message.replace("the apiKey option", "--api-key");
  // The SDK names its option; the CLI's is --timeout.
  else if (err instanceof StashTimeoutError) message = err.message.replace("raise timeoutMs", "raise --timeout");
  else if (err instanceof StashError || err instanceof CliUsageError || err instanceof CliExit) message = err.message;
  else if (err instanceof Error) message = `unexpected error: ${err.message}`;
  else message = `unexpected error: ${String(err)}`;
  if (!message) return null;
  return message.replace(/\s*\n\s*/g, " ").trim();
}

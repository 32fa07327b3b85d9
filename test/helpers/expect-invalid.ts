/** Shared assertion: a call fails with StashValidationError for one argument, before any request. */
import { expect } from "vitest";
import { StashValidationError } from "../../src/core/errors";
import type { StandIn } from "../../src/testing";

/** Awaits `call`, which must reject with a StashValidationError naming `argument`, with no request sent to `stash`. */
export async function expectInvalid(stash: StandIn, call: () => Promise<unknown>, argument: string): Promise<StashValidationError> {
  const before = stash.requests;
  const err = await call().then(
    () => new Error("expected a StashValidationError"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StashValidationError);
  expect((err as StashValidationError).argument).toBe(argument);
  expect(stash.requests).toBe(before);
  return err as StashValidationError;
}

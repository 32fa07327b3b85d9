/**
 * The table-driven bad-input check: every case must throw StashValidationError
 * naming the argument at fault, with a readable problem, before the stand-in
 * sees any request at all (not even the capability probe).
 */
import { expect, it } from "vitest";
import { StashValidationError, type StashClient } from "../../src/index";
import { standInWithClient } from "./standin-client";

/** One case: a label, the call, and a pattern the error's `argument` must match. */
export type BadInputCase = [label: string, call: (stash: StashClient) => unknown, argument: RegExp];

/** Registers one test per case in the calling describe block; `check` adds case-specific assertions. */
export function refusedBeforeAnyRequest(cases: readonly BadInputCase[], check?: (label: string, err: StashValidationError) => void): void {
  const live = standInWithClient();
  it.each(cases)("%s", async (label, call, argument) => {
    let thrown: unknown;
    try {
      await call(live.stash);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(StashValidationError);
    const err = thrown as StashValidationError;
    expect(err.argument).toMatch(argument);
    expect(err.message).toContain(err.argument);
    check?.(label, err);
    expect(err.problem.length).toBeGreaterThan(5);
    expect(live.standIn.requests).toBe(0);
  });
}

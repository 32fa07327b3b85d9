/**
 * One stand-in and a client on it for the tests of the calling file (or
 * describe block), closed afterwards, with the stand-in's counters reset
 * before each test so `sent()` shows only that test's operations.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { StashClient } from "../../src/index";
import { startStandIn, type StandIn } from "../../src/testing";

/** What `standInWithClient` hands to the tests; read it inside tests (it is set in `beforeAll`). */
export interface LiveStandIn {
  readonly standIn: StandIn;
  readonly stash: StashClient;
  /** The operation names the stand-in saw since the test began. */
  sent(): (string | null)[];
}

/** Starts a stand-in and a client (no retries, so a failure shows at once) around the calling file's tests. */
export function standInWithClient(): LiveStandIn {
  let standIn: StandIn | undefined;
  let stash: StashClient | undefined;
  beforeAll(async () => {
    standIn = await startStandIn();
    stash = new StashClient({ url: standIn.url, retry: false });
  });
  afterAll(async () => {
    await stash?.close();
    await standIn?.close();
  });
  beforeEach(() => standIn?.resetStats());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("standInWithClient: not started yet (use it inside a test)");
    return value;
  };
  return {
    get standIn() {
      return started(standIn);
    },
    get stash() {
      return started(stash);
    },
    sent: () => started(standIn).operations.map((o) => o.operationName),
  };
}

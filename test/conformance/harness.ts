/**
 * The conformance suite's connection to its stand-in: one per test file, raw
 * GraphQL over HTTP, and the line between "the stand-in does not do this yet"
 * (the case is skipped, and turns on by itself when the feature lands) and
 * "the stand-in does it differently from Stash" (the case fails).
 */
import { afterAll, it, type TestContext } from "vitest";
import { startStandIn, type StandIn } from "../../src/testing/index";
import { gql } from "../helpers/standin";

/** The words the stand-in uses for everything it has not implemented yet. */
const UNSUPPORTED = "not supported by the stand-in";

/** Thrown when the stand-in refuses a request as not implemented: the case is skipped, not failed. */
export class Unsupported extends Error {}

/** Thrown when a request fails for any other reason. */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly errors: readonly string[],
  ) {
    super(message);
  }
}

/** One stand-in for one test file, with the fixture steps that could not be built. */
export interface Conformance {
  readonly standIn: StandIn;
  /** Runs a request and returns its data; throws Unsupported or RequestFailed. */
  run<D = any>(query: string, variables?: Record<string, unknown>): Promise<D>;
  /** Runs a request and returns its error messages ([] when it succeeded); throws Unsupported. */
  errorsOf(query: string, variables?: Record<string, unknown>): Promise<string[]>;
  /** Runs a fixture step; a failure records `feature` as missing instead of throwing. */
  attempt(feature: string, step: () => Promise<unknown>): Promise<boolean>;
  /** Why a fixture feature is missing, or undefined when it was built. */
  missing(feature: string): string | undefined;
  /** Every missing feature with its reason, for the report. */
  readonly gaps: ReadonlyMap<string, string>;
}

function isUnsupported(messages: readonly string[]): boolean {
  return messages.some((m) => m.includes(UNSUPPORTED));
}

/** Starts a stand-in now (module load, so `describe.skipIf` can use a probe) and closes it after the file. */
export async function openConformance(): Promise<Conformance> {
  const standIn = await startStandIn({});
  afterAll(async () => {
    await standIn.close();
  });
  const gaps = new Map<string, string>();
  const errorsOf = async (query: string, variables?: Record<string, unknown>): Promise<string[]> => {
    const res = await gql(standIn, query, variables);
    const messages = (res.body.errors ?? []).map((e) => e.message);
    if (res.status !== 200 && messages.length === 0) messages.push(`HTTP ${res.status}: ${res.text}`);
    if (isUnsupported(messages)) throw new Unsupported(messages.join("; "));
    return messages;
  };
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await gql(standIn, query, variables);
    const messages = (res.body.errors ?? []).map((e) => e.message);
    if (isUnsupported(messages)) throw new Unsupported(messages.join("; "));
    if (res.status !== 200 || messages.length > 0 || res.body.data == null) {
      throw new RequestFailed(`request failed (${res.status}): ${messages.join("; ") || res.text}`, messages);
    }
    return res.body.data;
  };
  return {
    standIn,
    run,
    errorsOf,
    gaps,
    missing: (feature) => gaps.get(feature),
    async attempt(feature, step) {
      try {
        await step();
        return true;
      } catch (error) {
        if (!gaps.has(feature)) gaps.set(feature, error instanceof Error ? error.message : String(error));
        return false;
      }
    },
  };
}

/**
 * Whether a probe request is answered at all: false when the stand-in says it
 * does not support it (or the root field is missing), true otherwise.
 */
export async function probe(c: Conformance, query: string, variables?: Record<string, unknown>): Promise<boolean> {
  // CONFORMANCE_FORCE=1 runs every case, for stand-in authors checking a half-built entity.
  if (process.env.CONFORMANCE_FORCE === "1") return true;
  try {
    await c.run(query, variables);
    return true;
  } catch {
    return false;
  }
}

/**
 * A conformance case: skipped while a fixture feature it `needs` is missing or
 * while the stand-in answers "not supported"; any other difference fails.
 */
export function conformanceCase(
  c: Conformance,
  title: string,
  needs: readonly string[],
  body: () => Promise<void>,
): void {
  it(title, async (ctx: TestContext) => {
    const gap = needs.find((f) => c.missing(f) !== undefined);
    if (gap !== undefined) {
      ctx.skip(`fixture feature "${gap}" missing: ${c.missing(gap)}`);
      return;
    }
    try {
      await body();
    } catch (error) {
      if (error instanceof Unsupported) {
        ctx.skip(error.message);
        return;
      }
      throw error;
    }
  });
}

/**
 * The conformance suite's connection to its stand-in: one per test file, raw
 * GraphQL over HTTP. The stand-in now implements every entity, so a case the
 * stand-in refuses as "not supported", or whose fixture step could not be
 * built, fails with that reason: nothing here is skipped.
 */
import { afterAll, it } from "vitest";
import { startStandIn, type StandIn } from "../../src/testing/index";
import { gql } from "../helpers/standin";

/** The words the stand-in uses for everything it has not implemented yet. */
const UNSUPPORTED = "not supported by the stand-in";

/** Thrown when the stand-in refuses a request as not implemented. */
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

/** Starts a stand-in now (module load, so the file's probe can run first) and closes it after the file. */
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
 * Checks that the entity's filter engine answers at all before its cases run;
 * a refusal fails the whole file with the stand-in's message.
 */
export async function probe(c: Conformance, query: string, variables?: Record<string, unknown>): Promise<boolean> {
  await c.run(query, variables);
  return true;
}

/** A conformance case; it fails when a fixture feature it `needs` could not be built. */
export function conformanceCase(
  c: Conformance,
  title: string,
  needs: readonly string[],
  body: () => Promise<void>,
): void {
  it(title, async () => {
    const gap = needs.find((f) => c.missing(f) !== undefined);
    if (gap !== undefined) throw new Error(`fixture feature "${gap}" could not be built: ${c.missing(gap)}`);
    await body();
  });
}

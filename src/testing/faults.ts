/**
 * Fault injection for reliability tests and benchmarks: delays, canned error
 * responses, dropped connections, hangs and broken JSON, switchable while the
 * stand-in runs and optionally limited to some requests.
 */

/** A canned HTTP response that replaces the real one. */
export interface FaultStatus {
  readonly code: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Which requests a fault applies to: by operation type or by operation name. */
export type FaultMatch = "query" | "mutation" | (string & {});

/** One fault configuration; several kinds may be combined (latency then the rest). */
export interface FaultSpec {
  /** Delay before handling, in milliseconds. */
  readonly latencyMs?: number;
  /** Answer with this status/body instead of executing. */
  readonly status?: FaultStatus;
  /** Write the headers and part of the body, then destroy the socket. */
  readonly dropConnection?: boolean;
  /** Never answer (until the client gives up or the stand-in closes). */
  readonly hang?: boolean;
  /** Answer 200 with a body that is not valid JSON. */
  readonly malformedJson?: boolean;
  /** Answer normally but with this Content-Type. */
  readonly contentType?: string;
  /** Apply to the next N matching requests only, then clear. */
  readonly times?: number;
  /** Restrict to queries, mutations, or one operation name. */
  readonly match?: FaultMatch;
}

/** What the request handler needs to know about a request to decide on a fault. */
export interface FaultTarget {
  readonly operationType: string | null;
  readonly operationName: string | null;
}

/** The run-time switch for faults, exposed as `stash.faults`. */
export class FaultController {
  private spec: FaultSpec | null = null;
  private remaining = Infinity;

  /** Replaces the active fault. */
  set(spec: FaultSpec): void {
    if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
      throw new Error("faults.set: times must be a positive integer");
    }
    if (spec.latencyMs !== undefined && !(spec.latencyMs >= 0)) throw new Error("faults.set: latencyMs must be >= 0");
    this.spec = { ...spec };
    this.remaining = spec.times ?? Infinity;
  }

  /** Removes the active fault. */
  clear(): void {
    this.spec = null;
    this.remaining = Infinity;
  }

  /** The active fault, or null. */
  get active(): FaultSpec | null {
    return this.spec;
  }

  /** Returns the fault for this request (consuming one of `times`), or null. */
  take(target: FaultTarget): FaultSpec | null {
    const spec = this.spec;
    if (!spec || !matches(spec.match, target)) return null;
    this.remaining -= 1;
    if (this.remaining <= 0) this.clear();
    return spec;
  }
}

function matches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if (match === undefined) return true;
  if (match === "query" || match === "mutation") return target.operationType === match;
  return target.operationName === match;
}

/**
 * Request accounting of one stand-in: how many GraphQL requests arrived, how
 * many ran at once, and which operations they named.
 */

/** One received GraphQL request, as far as it could be decoded. */
export interface RequestLogEntry {
  /** `query`, `mutation`, `subscription`, or null when the document did not parse. */
  readonly operationType: string | null;
  readonly operationName: string | null;
}

/** Counters exposed on the stand-in handle. */
export class RequestStats {
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly log: RequestLogEntry[] = [];

  /** Records the start of a request. */
  begin(): void {
    this.requests += 1;
    this.inFlight += 1;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
  }

  /** Records the end of a request (answered, failed or dropped). */
  end(): void {
    this.inFlight -= 1;
  }

  /** Zeroes the counters and the log; requests still running keep counting as in flight. */
  reset(): void {
    this.requests = 0;
    this.maxInFlight = this.inFlight;
    this.log.length = 0;
  }
}

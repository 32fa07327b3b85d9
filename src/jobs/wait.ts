/**
 * `waitForJob`: follows one Stash job to its end. It listens on
 * `jobsSubscribe` and asks `findJob` once right after subscribing (the job may
 * have ended before the subscription was registered), then again after 50,
 * 100, 200 ms… up to five poll intervals apart: a subscription gives no
 * signal of when the server started listening, so a job ending in that gap is
 * caught by an early recheck rather than a slow one. When the socket cannot connect or drops,
 * it falls back to polling `findJob` every `pollIntervalMs`.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { abortError, StashError, StashJobError, StashTimeoutError } from "../core/errors";
import { subscribe } from "../core/subscribe";
import { checkId, checkNonNegative, type ID } from "../core/validate";
import { FindJobDocument, JobsSubscribeDocument, type JobDataFragment } from "../../generated/graphql";

/** A Stash job as the SDK reads it (the `JobData` fragment). */
export type Job = JobDataFragment;

/** Options of `waitForJob` / `stash.jobs.wait`. */
export interface WaitForJobOptions {
  /** Called on each change of the job; `progress` (0..1, or null before the first report) never decreases. */
  onProgress?: (job: Job) => void;
  /** Stops waiting (the job keeps running on the server): rejects with `StashAbortError`. */
  signal?: AbortSignal;
  /** Gives up after this many ms with `StashTimeoutError` (the job keeps running); default or 0: no limit. */
  timeoutMs?: number;
  /** How often to ask `findJob` once the subscription is unavailable (default 1000 ms). */
  pollIntervalMs?: number;
}

const OPERATION = "waitForJob";
const DEFAULT_POLL_MS = 1000;
/** While subscribed, `findJob` is asked again after this many ms, doubling each time… */
const FIRST_RECHECK_MS = 50;
/** …up to this many poll intervals apart. */
const RECHECK_FACTOR = 5;
const ENDED = new Set<string>(["FINISHED", "FAILED", "CANCELLED"]);

/** True for FINISHED, FAILED and CANCELLED. */
export function jobEnded(job: Pick<Job, "status">): boolean {
  return ENDED.has(job.status);
}

/**
 * Waits until the job ends. Resolves with the FINISHED job; rejects with
 * `StashJobError` when it ends FAILED or CANCELLED, and with a `StashError`
 * when Stash knows no such job (Stash forgets all but the last 10 ended jobs).
 */
export function waitForJob(core: StashCoreApi, id: ID, options: WaitForJobOptions = {}): Promise<Job> {
  let jobId: string;
  let pollMs: number;
  try {
    jobId = checkId(id);
    if (options.timeoutMs !== undefined) checkNonNegative(options.timeoutMs, "timeoutMs");
    pollMs = options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : checkNonNegative(options.pollIntervalMs, "pollIntervalMs");
  } catch (error) {
    return Promise.reject(error);
  }
  const { signal, onProgress, timeoutMs } = options;
  if (signal?.aborted) return Promise.reject(abortError(OPERATION));

  return new Promise<Job>((resolve, reject) => {
    // One controller ends everything this wait started: the subscription and any findJob in flight.
    const stop = new AbortController();
    const call: CallOptions = { signal: stop.signal };
    let done = false;
    let polling = false;
    let inFlight = false;
    let checkAgain = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let lastProgress: number | null = null;
    let lastSeen = "";
    let recheckMs = FIRST_RECHECK_MS;

    const finish = (error: unknown, job?: Job) => {
      if (done) return;
      done = true;
      clearTimeout(pollTimer);
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      stop.abort();
      void events.return?.().catch(() => undefined);
      if (error) reject(error);
      else resolve(job!);
    };

    const see = (job: Job) => {
      if (done || job.id !== jobId) return;
      // Snapshots from the socket and from findJob can arrive out of order: progress only moves up.
      const progress = job.progress === null ? lastProgress : Math.max(lastProgress ?? 0, job.progress);
      lastProgress = progress;
      const key = `${job.status}|${progress}|${(job.subTasks ?? []).join("\n")}`;
      if (onProgress && key !== lastSeen) {
        lastSeen = key;
        try {
          onProgress({ ...job, progress });
        } catch (error) {
          return finish(error);
        }
      }
      if (job.status === "FINISHED") finish(undefined, job);
      else if (jobEnded(job)) finish(new StashJobError(job.id, job.status, job.error, job.description));
    };

    const schedule = () => {
      clearTimeout(pollTimer);
      if (done) return;
      const delay = polling ? pollMs : Math.min(recheckMs, pollMs * RECHECK_FACTOR);
      recheckMs *= 2;
      pollTimer = setTimeout(() => void check(), delay);
    };

    const check = async (): Promise<void> => {
      if (done) return;
      if (inFlight) {
        checkAgain = true;
        return;
      }
      inFlight = true;
      clearTimeout(pollTimer);
      try {
        const { findJob } = await core.request(FindJobDocument, { input: { id: jobId } }, call);
        if (!findJob) {
          return finish(
            new StashError(
              `${OPERATION}: Stash has no job ${jobId}; it never existed, or it ended so long ago that Stash forgot it (Stash keeps the last 10 ended jobs)`,
              { operation: OPERATION },
            ),
          );
        }
        see(findJob);
      } catch (error) {
        return finish(error);
      } finally {
        inFlight = false;
      }
      if (checkAgain) {
        checkAgain = false;
        return check();
      }
      schedule();
    };

    const onAbort = () => finish(abortError(OPERATION));
    signal?.addEventListener("abort", onAbort, { once: true });
    const deadline =
      timeoutMs === undefined || timeoutMs === 0
        ? undefined
        : setTimeout(
            () =>
              finish(
                new StashTimeoutError(
                  `${OPERATION}: job ${jobId} did not end within ${timeoutMs} ms; it is still on the server (stash.jobs.stop stops it)`,
                  timeoutMs,
                  OPERATION,
                ),
              ),
            timeoutMs,
          );

    const events = subscribe(core, JobsSubscribeDocument, {}, call);
    void (async () => {
      try {
        for (;;) {
          const step = await events.next();
          if (step.done) break;
          see(step.value.jobsSubscribe.job);
        }
      } catch {
        // Any failure of the socket (refused, dropped, unsupported): polling takes over below.
      }
      if (done) return;
      polling = true;
      // Ask at once: the job may have ended while the socket was down.
      void check();
    })();
    void check();
  });
}

/**
 * Stash's job queue: list, find, stop, follow updates, wait. `createJobs`
 * builds the `stash.jobs` namespace; each method delegates to a function here
 * taking the core first.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import {
  FindJobDocument,
  JobQueueDocument,
  JobsSubscribeDocument,
  StopAllJobsDocument,
  StopJobDocument,
  type JobStatusUpdateType,
} from "../../generated/graphql";
import { subscribe } from "../core/subscribe";
import { checkId, type ID } from "../core/validate";
import { waitForJob, type Job, type WaitForJobOptions } from "./wait";

/** One `jobsSubscribe` event: a job was added, changed, or left the queue (with its final status). */
export interface JobUpdate {
  readonly type: JobStatusUpdateType;
  readonly job: Job;
}

/** Jobs queued or running, in queue order; `[]` when the queue is empty (Stash answers null). */
export async function listJobs(core: StashCoreApi, options?: CallOptions): Promise<Job[]> {
  return (await core.request(JobQueueDocument, {}, options)).jobQueue ?? [];
}

/** A queued, running or recently ended job; `null` when Stash knows none with this id. */
export async function findJob(core: StashCoreApi, id: ID, options?: CallOptions): Promise<Job | null> {
  const jobId = checkId(id);
  return (await core.request(FindJobDocument, { input: { id: jobId } }, options)).findJob;
}

/** Asks Stash to stop a job (a queued one is cancelled at once; a running one stops at its next check). */
export async function stopJob(core: StashCoreApi, id: ID, options?: CallOptions): Promise<boolean> {
  const jobId = checkId(id);
  return (await core.request(StopJobDocument, { job_id: jobId }, options)).stopJob;
}

/** Asks Stash to stop every queued and running job. */
export async function stopAllJobs(core: StashCoreApi, options?: CallOptions): Promise<boolean> {
  return (await core.request(StopAllJobsDocument, {}, options)).stopAllJobs;
}

/**
 * Job updates as they happen (`jobsSubscribe`). `break` or the signal ends it;
 * `return()` reaches the socket at once, unlike an async generator wrapper.
 */
export function jobUpdates(core: StashCoreApi, options: Pick<CallOptions, "signal"> = {}): AsyncIterableIterator<JobUpdate> {
  const events = subscribe(core, JobsSubscribeDocument, {}, options);
  const iterator: AsyncIterableIterator<JobUpdate> = {
    async next() {
      const step = await events.next();
      return step.done ? { value: undefined, done: true } : { value: step.value.jobsSubscribe, done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** The `stash.jobs` namespace. */
export interface JobsNamespace {
  /** Jobs queued or running; `[]` when none. */
  list(options?: CallOptions): Promise<Job[]>;
  /** A job by id, or `null` when Stash knows none. */
  find(id: ID, options?: CallOptions): Promise<Job | null>;
  /** Asks Stash to stop a job. */
  stop(id: ID, options?: CallOptions): Promise<boolean>;
  /** Asks Stash to stop every job. */
  stopAll(options?: CallOptions): Promise<boolean>;
  /** Waits for a job to end: the FINISHED job, or `StashJobError` for FAILED/CANCELLED. */
  wait(id: ID, options?: WaitForJobOptions): Promise<Job>;
  /** Job updates as they happen, until `break` or the signal. */
  updates(options?: Pick<CallOptions, "signal">): AsyncIterableIterator<JobUpdate>;
}

/** Builds the `stash.jobs` namespace over a core. */
export function createJobs(core: StashCoreApi): JobsNamespace {
  return {
    list: (options) => listJobs(core, options),
    find: (id, options) => findJob(core, id, options),
    stop: (id, options) => stopJob(core, id, options),
    stopAll: (options) => stopAllJobs(core, options),
    wait: (id, options) => waitForJob(core, id, options),
    updates: (options) => jobUpdates(core, options),
  };
}

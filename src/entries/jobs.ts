/**
 * `stash-graphql-client/jobs`: Stash's job queue (list, find, stop, follow
 * updates over the core's WebSocket, wait for a job to end), each a function
 * taking a core first.
 */
export { listJobs, findJob, stopJob, stopAllJobs, jobUpdates, type JobUpdate } from "../jobs/jobs";
export { waitForJob, jobEnded, type Job, type WaitForJobOptions } from "../jobs/wait";
export { JobStatus, JobStatusUpdateType } from "../../generated/graphql";

/**
 * Job and log root fields: `findJob`, `jobQueue`, `stopJob`, `stopAllJobs`
 * and `logs` (internal/api/resolver_query_job.go, resolver_mutation_job.go,
 * resolver_query_logs.go).
 */
import type { ResolverModule, RootResolver } from "./context";

/** strconv.Atoi's refusal, as Stash words it for a job id. */
function jobId(raw: unknown, prefix: string): string {
  const text = String(raw);
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`${prefix}strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return String(Number(text));
}

/** findJob: a queued job or one of the last ten ended ones; null otherwise. */
const findJob: RootResolver = (args, ctx) => ctx.jobs.find(jobId(args.input?.id, ""));

/** jobQueue: queued and running jobs; Go's nil slice answers null for an empty queue. */
const jobQueue: RootResolver = (_args, ctx) => {
  const queue = ctx.jobs.queue();
  return queue.length > 0 ? queue : null;
};

/** stopJob: true whether or not the job exists (CancelJob ignores unknown ids). */
const stopJob: RootResolver = (args, ctx) => {
  ctx.jobs.stop(jobId(args.job_id, "converting id: "));
  return true;
};

const stopAllJobs: RootResolver = (_args, ctx) => {
  ctx.jobs.stopAll();
  return true;
};

const logs: RootResolver = (_args, ctx) => ctx.logs.logs();

/** The job and log root fields. */
export const jobResolvers: ResolverModule = {
  Query: { findJob, jobQueue, logs },
  Mutation: { stopJob, stopAllJobs },
};

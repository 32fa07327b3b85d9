/** `stash-gql scan [paths…] [--wait]` and `stash-gql jobs list|wait <id>|stop <id>`. */
import { InvalidArgumentError, type Command } from "commander";
import type { Job } from "../../jobs/wait";
import type { StashClient } from "../../stash-client";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { startProgress } from "../progress";
import { renderTable } from "../table";

interface WaitFlags extends ConnectionFlags {
  progress: boolean;
  json?: boolean;
}

interface ScanFlags extends WaitFlags {
  wait?: boolean;
  rescan?: boolean;
}

/** A Stash job id: digits only. */
function jobId(value: string): string {
  const id = value.trim();
  if (!/^\d+$/.test(id)) throw new InvalidArgumentError("expected a numeric job id");
  return id;
}

function percent(job: Job): string {
  return job.progress === null ? "" : `${Math.round(job.progress * 100)}%`;
}

/** Waits for a job with a bar on stderr fed by its updates (percent of 100); throws StashJobError when it fails. */
async function follow(ctx: CliContext, stash: StashClient, id: string, label: string, flags: WaitFlags): Promise<Job> {
  const bar = startProgress(ctx.io, { label, total: 100, enabled: flags.progress });
  let drawn = 0;
  try {
    return await stash.jobs.wait(id, {
      ...(ctx.call.signal ? { signal: ctx.call.signal } : {}),
      onProgress: (job) => {
        // onProgress never goes down, so the bar only moves forward.
        const now = Math.round((job.progress ?? 0) * 100);
        if (now > drawn) bar.tick(now - drawn);
        drawn = Math.max(drawn, now);
      },
    });
  } finally {
    bar.stop();
  }
}

async function printEnded(ctx: CliContext, job: Job, json: boolean | undefined): Promise<void> {
  await ctx.out(json ? `${JSON.stringify(job, null, 2)}\n` : `job ${job.id} ${job.status}: ${job.description}\n`);
}

/** Runs `fn` with a client, closing its subscription socket afterwards so the process can exit. */
async function withClient<T>(ctx: CliContext, flags: ConnectionFlags, fn: (stash: StashClient) => Promise<T>): Promise<T> {
  const stash = ctx.client(flags);
  try {
    return await fn(stash);
  } finally {
    await stash.close();
  }
}

/** Registers `scan`. */
export function registerScan(program: Command, ctx: CliContext): void {
  const scan = program
    .command("scan")
    .description("Start a library scan of the given paths (default: every library path)")
    .argument("[paths...]", "paths to scan")
    .option("--wait", "wait for the scan to end, with a progress bar; exit 1 if it fails")
    .option("--rescan", "rescan files even when unchanged")
    .option("--no-progress", "never draw a progress bar")
    .option("--json", "with --wait, print the finished job as JSON")
    .addHelpText("after", "\nExample:\n  stash-gql scan /media/new --wait\n");
  addConnectionOptions(scan).action(async (paths: string[], flags: ScanFlags) =>
    withClient(ctx, flags, async (stash) => {
      const id = await stash.metadata.scan({ ...(paths.length ? { paths } : {}), ...(flags.rescan ? { rescan: true } : {}) }, ctx.call);
      if (!flags.wait) return ctx.out(`${id}\n`);
      await printEnded(ctx, await follow(ctx, stash, id, "scan", flags), flags.json);
    }),
  );
}

/** Registers `jobs list`, `jobs wait <id>` and `jobs stop <id>`. */
export function registerJobs(program: Command, ctx: CliContext): void {
  const jobs = program.command("jobs").description("Stash's job queue");
  const list = jobs.command("list").description("Queued and running jobs").option("--json", "print the jobs as JSON");
  addConnectionOptions(list).action(async (flags: ConnectionFlags & { json?: boolean }) =>
    withClient(ctx, flags, async (stash) => {
      const queue = await stash.jobs.list(ctx.call);
      if (flags.json) return ctx.out(`${JSON.stringify(queue, null, 2)}\n`);
      if (queue.length === 0) return ctx.out("no jobs\n");
      const rows = queue.map((j) => [j.id, j.status, percent(j), j.description, (j.subTasks ?? []).join("; ")]);
      await ctx.out(renderTable([{ header: "ID", right: true }, { header: "STATUS" }, { header: "PROGRESS", right: true }, { header: "DESCRIPTION", max: 40 }, { header: "SUBTASK", max: 60 }], rows));
    }),
  );
  const wait = jobs
    .command("wait")
    .description("Wait for a job to end, with a progress bar; exit 1 if it failed or was cancelled")
    .argument("<id>", "job id", jobId)
    .option("--no-progress", "never draw a progress bar")
    .option("--json", "print the finished job as JSON");
  addConnectionOptions(wait).action(async (id: string, flags: WaitFlags) =>
    withClient(ctx, flags, async (stash) => printEnded(ctx, await follow(ctx, stash, id, `job ${id}`, flags), flags.json)),
  );
  const stop = jobs.command("stop").description("Ask Stash to stop a job").argument("<id>", "job id", jobId);
  addConnectionOptions(stop).action(async (id: string, flags: ConnectionFlags) =>
    withClient(ctx, flags, async (stash) => {
      await stash.jobs.stop(id, ctx.call);
      await ctx.out(`stop requested for job ${id}\n`);
    }),
  );
}

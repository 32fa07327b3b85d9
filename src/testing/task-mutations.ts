/**
 * Task mutations. Each queued task answers its job id at once and runs as a
 * job with Stash's description (internal/manager/manager_tasks.go,
 * internal/api/resolver_mutation_metadata.go and resolver_mutation_migrate.go),
 * advancing over a few clock steps. Only the scan changes the library; the
 * others imitate the queue, progress and log lines of their Stash jobs.
 * Backups, anonymisation and object export run synchronously, as in Stash.
 */
import { randomBytes } from "node:crypto";
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import type { JobHandle, JobRun } from "./jobs";
import { scanJob, type ScanInput } from "./scan";

/** A job of `steps` steps with rising progress; `start`/`finish` write Stash's log lines. */
function steppedJob(steps: number, start: (job: JobHandle) => void, finish: (job: JobHandle) => void): JobRun {
  return async (job) => {
    start(job);
    for (let i = 1; i <= steps; i++) {
      await job.step();
      if (job.stopping) return job.log("Info", "Stopping due to user request");
      job.progress(i / steps);
    }
    finish(job);
  };
}

const STEPS = 3;

/** Go's `time.Since(...).String()` for the stand-in: the elapsed milliseconds. */
function since(started: number): string {
  return `${Date.now() - started}ms`;
}

/** A resolver queuing a job with `description` and `run` (built per call from the arguments). */
function task(description: string, run: (args: Record<string, any>, ctx: StandInContext) => JobRun): RootResolver {
  return (args, ctx) => ctx.jobs.enqueue(description, run(args, ctx));
}

/** A plain stepped job with fixed first and last log lines. */
function logged(first: string | null, last: string | null): (args: Record<string, any>, ctx: StandInContext) => JobRun {
  return () => {
    const started = Date.now();
    return steppedJob(
      STEPS,
      (job) => first && job.log("Info", first),
      (job) => last && job.log("Info", last.replace("%s", since(started))),
    );
  };
}

/** Stash's download store key: 4 random bytes (internal/manager/downloads.go). */
function downloadUrl(ctx: StandInContext, name: string): string {
  return `${ctx.baseUrl}/downloads/${randomBytes(4).toString("hex")}/${name}`;
}

/** Go layouts `20060102_150405` / `20060102-150405` of the store's clock, in UTC. */
function stamp(ctx: StandInContext, separator: string): string {
  const iso = ctx.store.now().toISOString();
  return `${iso.slice(0, 10).replace(/-/g, "")}${separator}${iso.slice(11, 19).replace(/:/g, "")}`;
}

/** pkg/sqlite/database.go: `<db file>.<schema version>.<time>`; v0.30.1's schema version is 75. */
function databaseFileName(ctx: StandInContext, infix: string): string {
  return `stash-go.sqlite${infix}.75.${stamp(ctx, "_")}`;
}

const metadataScan = task("Scanning...", (args, ctx) => scanJob(ctx, (args.input ?? {}) as ScanInput));

/** metadataClean: nothing on the stand-in's disk goes missing, but the end notifies scan subscribers (task_clean.go). */
const metadataClean = task("Cleaning...", (args, ctx) => {
  const started = Date.now();
  return steppedJob(
    STEPS,
    (job) => {
      job.log("Info", "Starting cleaning of tracked files");
      if (args.input?.dryRun) job.log("Info", "Running in Dry Mode");
    },
    (job) => {
      ctx.scanComplete.emit("complete");
      job.log("Info", `Finished Cleaning (${since(started)})`);
    },
  );
});

/** backupDatabase: synchronous; a download link with `download`, else null (resolver_mutation_metadata.go). */
const backupDatabase: RootResolver = (args, ctx) => {
  const name = databaseFileName(ctx, "");
  if (args.input?.download === true) return downloadUrl(ctx, name);
  ctx.logs.add("Info", `Successfully backed up database to: ${name}`);
  return null;
};

const anonymiseDatabase: RootResolver = (args, ctx) => {
  const name = databaseFileName(ctx, ".anonymous");
  if (args.input?.download === true) return downloadUrl(ctx, name);
  ctx.logs.add("Info", `Successfully anonymised database to: ${name}`);
  return null;
};

/** exportObjects runs the export synchronously and always registers a zip download (task_export.go). */
const exportObjects: RootResolver = (_args, ctx) => {
  ctx.logs.add("Info", "Export complete in 0s.");
  return downloadUrl(ctx, `export${stamp(ctx, "-")}.zip`);
};

/** The task mutations. */
export const taskMutations: ResolverModule = {
  Mutation: {
    metadataScan,
    metadataClean,
    metadataGenerate: task("Generating...", logged("Generate started with 1 parallel tasks", "Generate finished (%s)")),
    metadataAutoTag: task("Auto-tagging...", logged(null, "Finished auto-tag after %s")),
    metadataIdentify: task("Identifying...", logged(null, null)),
    metadataCleanGenerated: task("Cleaning generated files...", logged("Cleaning generated files ", "Finished cleaning generated files")),
    metadataExport: task("Exporting...", logged(null, "Export complete in %s.")),
    metadataImport: task("Importing...", logged("[performers] importing", "[performers] import complete")),
    importObjects: task("Importing...", logged("[performers] importing", "[performers] import complete")),
    optimiseDatabase: task("Optimising database...", logged("Optimising database", "Finished optimising database after %s")),
    migrateHashNaming: task("Migrating scene hashes...", logged("Migrating generated files for oshash naming hash", "Finished migrating")),
    migrateSceneScreenshots: task("Migrating scene screenshots to blobs...", logged(null, "Finished migrating scene screenshots")),
    migrateBlobs: task("Migrating blobs...", logged("No blobs to migrate", "Finished migrating blobs")),
    backupDatabase,
    anonymiseDatabase,
    exportObjects,
  },
};

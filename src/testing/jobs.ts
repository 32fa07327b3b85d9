/**
 * The stand-in's job queue, after Stash's pkg/job/manager.go and job.go: jobs
 * run one at a time in order; a finished, failed or cancelled job leaves the
 * queue for a graveyard of the last 10, where `findJob` still finds it.
 * Jobs move only on steps of the instance's `JobClock`.
 */
import { EventEmitter } from "node:events";
import { JobClock, settle, type JobClockOptions } from "./clock";
import type { LogBuffer, LogLevel } from "./logs";

/** Stash's `JobStatus` values (pkg/job/job.go). */
export type JobStatus = "READY" | "RUNNING" | "FINISHED" | "STOPPING" | "CANCELLED" | "FAILED";

/** A `Job` as the GraphQL type resolves it (a snapshot; it does not change afterwards). */
export interface JobView {
  readonly id: string;
  readonly status: JobStatus;
  /** The current sub-tasks, or null when there are none. */
  readonly subTasks: string[] | null;
  readonly description: string;
  /** 0..1, or null while the job has not reported any (Stash's "indefinite"). */
  readonly progress: number | null;
  readonly addTime: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly error: string | null;
}

/** A `jobsSubscribe` event. */
export interface JobUpdate {
  readonly type: "ADD" | "UPDATE" | "REMOVE";
  readonly job: JobView;
}

/** What a job's code gets to report and to wait on. */
export interface JobHandle {
  /** 0..1; clamped, and never decreasing. */
  progress(fraction: number): void;
  /** Sets the sub-task shown in `subTasks` (Stash's `ExecuteTask` description). */
  subTask(description: string): void;
  /** True after `stop()`; the run should return. */
  readonly stopping: boolean;
  /** Resolves on the next clock step (real timer or manual tick). */
  step(): Promise<void>;
  /** Writes into the instance's log buffer. */
  log(level: Exclude<LogLevel, "Progress">, message: string): void;
}

/** A job's code. */
export type JobRun = (job: JobHandle) => Promise<void> | void;

interface JobState {
  id: number;
  status: JobStatus;
  subTasks: string[] | null;
  description: string;
  progress: number | null;
  addTime: string;
  startTime: string | null;
  endTime: string | null;
  error: string | null;
  run: JobRun;
}

/** pkg/job/manager.go maxGraveyardSize. */
const GRAVEYARD_SIZE = 10;

/** The instance's job queue. */
export class JobManager {
  /** Emits "update" with a `JobUpdate` ({ type: "ADD" | "UPDATE" | "REMOVE", job: JobView }) — feeds jobsSubscribe. */
  readonly events = new EventEmitter();
  readonly clock: JobClock;
  private readonly jobs: JobState[] = [];
  private readonly graveyard: JobState[] = [];
  private running: JobState | null = null;
  private lastId = 0;

  constructor(
    private readonly logBuffer: LogBuffer,
    private readonly now: () => Date = () => new Date(),
    options: JobClockOptions = {},
  ) {
    this.clock = new JobClock(options, () => this.dispatch());
  }

  /** Queues a job behind the others and returns its id. */
  enqueue(description: string, run: JobRun): string {
    const job: JobState = {
      id: ++this.lastId,
      status: "READY",
      subTasks: null,
      description,
      progress: null,
      addTime: this.time(),
      startTime: null,
      endTime: null,
      error: null,
      run,
    };
    this.jobs.push(job);
    this.emit("ADD", job);
    this.clock.wake(() => this.busy());
    return String(job.id);
  }

  /** A queued, running or recently ended job (GetJob looks in the queue and the graveyard). */
  find(id: string): JobView | null {
    const job = [...this.jobs, ...this.graveyard].find((j) => String(j.id) === id);
    return job ? view(job) : null;
  }

  /** Jobs not yet ended, in queue order. */
  queue(): JobView[] {
    return this.jobs.map(view);
  }

  /** True while a job is queued or running. */
  busy(): boolean {
    return this.jobs.length > 0;
  }

  /**
   * CancelJob: a READY job is cancelled and leaves the queue at once; a
   * RUNNING one becomes STOPPING and is CANCELLED when its code returns.
   * False when no queued job has the id.
   */
  stop(id: string): boolean {
    const job = this.jobs.find((j) => String(j.id) === id);
    if (!job) return false;
    this.cancel(job);
    return true;
  }

  /** CancelAll: `stop` on every queued job. */
  stopAll(): void {
    for (const job of [...this.jobs]) this.cancel(job);
  }

  /** Advances the clock `n` steps (manual clock; works with the real one too). */
  tick(n = 1): Promise<void> {
    return this.clock.tick(n);
  }

  /**
   * Steps until no job is queued or running. A running job busy with real I/O
   * (not waiting for a step) gets real time instead of steps. Throws after
   * `timeoutMs` of wall-clock time so a stuck job fails the test.
   */
  async runUntilIdle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.busy()) {
      if (Date.now() > deadline) throw new Error(`jobs still busy after ${timeoutMs} ms`);
      if (this.running && !this.clock.hasWaiters()) await new Promise((resolve) => setTimeout(resolve, 1));
      else await this.clock.tick(1);
    }
    await settle();
  }

  /** Stops the clock; running jobs see `stopping` and their waits resolve. */
  close(): void {
    this.stopAll();
    this.clock.close();
  }

  private cancel(job: JobState): void {
    // job.go cancel(); like CancelJob, no UPDATE is sent for STOPPING itself.
    if (job.status === "READY") {
      job.status = "CANCELLED";
      this.remove(job);
    } else if (job.status === "RUNNING") job.status = "STOPPING";
  }

  /** One clock step: start the first READY job when none is running (the dispatcher). */
  private dispatch(): void {
    if (this.running) return;
    const job = this.jobs.find((j) => j.status === "READY");
    if (!job) return;
    this.running = job;
    job.startTime = this.time();
    job.status = "RUNNING";
    this.emit("UPDATE", job);
    void this.execute(job);
  }

  private async execute(job: JobState): Promise<void> {
    try {
      await job.run(this.handle(job));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logBuffer.add("Error", `task failed due to error: ${message}`); // manager.go executeJob
      job.error = message;
      job.status = "FAILED";
    }
    // onJobFinish: STOPPING → CANCELLED; FAILED stays; anything else FINISHED.
    if (job.status === "STOPPING") job.status = "CANCELLED";
    else if (job.status !== "FAILED") job.status = "FINISHED";
    job.endTime = this.time();
    this.running = null;
    this.remove(job);
  }

  private handle(job: JobState): JobHandle {
    return {
      progress: (fraction) => {
        const value = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
        if (job.progress !== null && value <= job.progress) return;
        job.progress = value;
        this.emit("UPDATE", job);
      },
      subTask: (description) => {
        job.subTasks = [description];
        this.emit("UPDATE", job);
      },
      get stopping() {
        return job.status === "STOPPING";
      },
      step: () => this.clock.next(),
      log: (level, message) => {
        this.logBuffer.add(level, message);
      },
    };
  }

  /** removeJob: out of the queue, sub-tasks cleared, into the graveyard; subscribers get REMOVE. */
  private remove(job: JobState): void {
    const index = this.jobs.indexOf(job);
    if (index === -1) return;
    this.jobs.splice(index, 1);
    job.subTasks = null;
    this.graveyard.push(job);
    if (this.graveyard.length > GRAVEYARD_SIZE) this.graveyard.shift();
    this.emit("REMOVE", job);
  }

  /** notifyJobUpdate never reports FINISHED or CANCELLED jobs as updates (removeJob does). */
  private emit(type: JobUpdate["type"], job: JobState): void {
    if (type === "UPDATE" && (job.status === "CANCELLED" || job.status === "FINISHED")) return;
    this.events.emit("update", { type, job: view(job) } satisfies JobUpdate);
  }

  private time(): string {
    return this.now().toISOString();
  }
}

function view(job: JobState): JobView {
  return {
    id: String(job.id),
    status: job.status,
    subTasks: job.subTasks ? [...job.subTasks] : null,
    description: job.description,
    progress: job.progress,
    addTime: job.addTime,
    startTime: job.startTime,
    endTime: job.endTime,
    error: job.error,
  };
}

/** `standIn.jobs`: drives and inspects the instance's jobs from a test. */
export type JobsController = Pick<JobManager, "tick" | "runUntilIdle" | "find" | "queue" | "stop" | "stopAll" | "enqueue" | "events" | "busy">;

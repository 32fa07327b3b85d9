/**
 * The per-instance clock that moves the stand-in's jobs. Real Stash runs jobs
 * as fast as the machine allows; tests need either speed (the real clock: a
 * step every few milliseconds) or control (the manual clock: nothing moves
 * until the test calls `tick`).
 */

/** Options of the job clock (`StandInOptions.jobs`). */
export interface JobClockOptions {
  /** `"real"` (default): steps on a timer. `"manual"`: steps only on `standIn.jobs.tick()` / `runUntilIdle()`. */
  clock?: "real" | "manual";
  /** Milliseconds between steps of the real clock; default 10. */
  stepMs?: number;
}

type Listener = () => void;

/** Lets queued promise chains (a job's code between two steps) run to their next wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Steps for the job manager: on a timer while work is pending (real) or on demand (manual). */
export class JobClock {
  readonly mode: "real" | "manual";
  readonly stepMs: number;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  /** `onStep` runs on every step (the manager starts the next job there). */
  constructor(
    options: JobClockOptions,
    private readonly onStep: Listener,
  ) {
    this.mode = options.clock ?? "real";
    this.stepMs = Math.max(1, options.stepMs ?? 10);
  }

  /** Resolves on the next step. After `close()` it resolves at once so no job hangs. */
  next(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** True when some job is waiting for a step. */
  hasWaiters(): boolean {
    return this.waiters.length > 0;
  }

  /** Real mode: keep stepping while `busy()` says there is work; the timer stops itself when idle. */
  wake(busy: () => boolean): void {
    if (this.mode !== "real" || this.closed || this.timer) return;
    this.timer = setInterval(() => {
      this.fire();
      if (!busy()) this.stopTimer();
    }, this.stepMs);
    this.timer.unref(); // the HTTP server, not pending jobs, keeps the process alive
  }

  /** Advances `n` steps, letting the jobs' code run after each. */
  async tick(n = 1): Promise<void> {
    for (let i = 0; i < n && !this.closed; i++) {
      this.fire();
      await settle();
    }
  }

  /** Stops the timer and releases every waiter. */
  close(): void {
    this.closed = true;
    this.stopTimer();
    this.release();
  }

  /** Wakes the jobs waiting now; a job started by `onStep` waits for the following step. */
  private fire(): void {
    const waiters = this.take();
    this.onStep();
    for (const wake of waiters) wake();
  }

  private release(): void {
    for (const wake of this.take()) wake();
  }

  private take(): Array<() => void> {
    const waiters = this.waiters;
    this.waiters = [];
    return waiters;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

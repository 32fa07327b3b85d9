/**
 * How soon a script notices that a Stash job finished: `stash.jobs.wait`
 * (jobsSubscribe, with findJob as a check) against the loop the Python
 * clients use, `findJob` once a second until the status is final. Both wait
 * on jobs of the same random lengths in one run; latency is measured from the
 * stand-in's final job update to the moment each waiter resolves.
 */
import type { Figure } from "./lib/figure";
import { ratios, summarize } from "./lib/stats";
import { StashClient } from "../src/index";
import { startStandIn, type JobUpdate } from "../src/testing";

/** Sizes of the job-wait benchmark. */
export interface JobWaitBenchConfig {
  /** Jobs per contender. */
  jobs: number;
  /** Job lengths are drawn from [minMs, maxMs]. */
  minMs: number;
  maxMs: number;
  /** The poll loop's interval (the Python clients use 1 s). */
  pollMs: number;
}

/** The configuration `npm run bench` uses. */
export const jobWaitBenchFull: JobWaitBenchConfig = { jobs: 12, minMs: 100, maxMs: 900, pollMs: 1000 };

const TERMINAL = new Set(["FINISHED", "FAILED", "CANCELLED"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A deterministic job length for round `i`, spread over [min, max]. */
const lengthOf = (config: JobWaitBenchConfig, i: number) => config.minMs + (((i * 7919) % 97) / 96) * (config.maxMs - config.minMs);

/** Runs both contenders on alternating jobs; one figure with the median latencies and their ratio. */
export async function benchJobWait(config: JobWaitBenchConfig): Promise<Figure[]> {
  const standIn = await startStandIn({ jobs: { clock: "real", stepMs: 5 } });
  const stash = new StashClient({ url: standIn.url, retry: false });
  // The stand-in's last update of each job: what a Stash script could notice at the earliest.
  const ended = new Map<string, number>();
  standIn.jobs.events.on("update", (u: JobUpdate) => {
    if (TERMINAL.has(u.job.status)) ended.set(u.job.id, performance.now());
  });
  const start = (ms: number) =>
    standIn.jobs.enqueue("bench job", async (job) => {
      const until = performance.now() + ms;
      while (performance.now() < until) await job.step();
    });
  const latency: Record<"wait" | "poll", number[]> = { wait: [], poll: [] };
  let pollRequests = 0;
  try {
    await stash.version(); // the compatibility probe, outside the measurement
    for (let i = 0; i < config.jobs * 2; i++) {
      const id = start(lengthOf(config, Math.floor(i / 2)));
      const contender = i % 2 === 0 ? "wait" : "poll";
      let seenAt: number;
      if (contender === "wait") {
        await stash.jobs.wait(id);
        seenAt = performance.now();
      } else {
        for (;;) {
          pollRequests++;
          const job = await stash.jobs.find(id);
          if (job && TERMINAL.has(job.status)) break;
          await sleep(config.pollMs);
        }
        seenAt = performance.now();
      }
      const end = ended.get(id);
      if (end === undefined) throw new Error(`job-wait bench: job ${id} ended without a final update`);
      latency[contender].push(Math.max(0, seenAt - end));
    }
  } finally {
    await stash.close();
    await standIn.close();
  }
  const ratio = summarize(ratios(latency.wait.map((ms) => Math.max(ms, 0.1)), latency.poll));
  const wait = summarize(latency.wait);
  return [
    {
      name: "jobs.wait: finish noticed after the final update",
      measures: [
        { label: "jobs.wait latency", unit: "ms", summary: wait },
        { label: `findJob every ${config.pollMs} ms, latency`, unit: "ms", summary: summarize(latency.poll) },
        { label: "latency: wait / poll loop", unit: "×", summary: ratio },
        { label: "poll loop, findJob requests per job", unit: "requests", summary: summarize([pollRequests / config.jobs]) },
      ],
      goal: "median ≤ 50 ms",
      met: wait.median <= 50,
      method: `${config.jobs} stand-in jobs per contender, lengths ${config.minMs}–${config.maxMs} ms (the same lengths for both), contenders alternating. Latency runs from the stand-in's final job update (its jobsSubscribe event) to the moment \`stash.jobs.wait(id)\` resolves, or the moment a \`findJob\` loop with a ${config.pollMs} ms sleep (as the Python clients wait) sees a final status. Client and stand-in share one process; the ratio uses 0.1 ms for a zero latency.`,
    },
  ];
}

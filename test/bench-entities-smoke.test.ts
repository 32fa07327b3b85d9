/**
 * The job-wait benchmark at a tiny size, so its code cannot rot: it runs end
 * to end and returns a well-formed figure. Counts are asserted, timing ratios
 * are not. (iterate-tags and bulk-tagging fork a bundled stand-in and client
 * processes, ~15 s even when tiny, so they are left to `npm run bench`.)
 */
import { describe, expect, it } from "vitest";
import { benchJobWait } from "../bench/job-wait";
import type { Figure, Measure } from "../bench/lib/figure";

function measure(figure: Figure, label: string | RegExp): Measure {
  const found = figure.measures.find((m) => (typeof label === "string" ? m.label === label : label.test(m.label)));
  if (!found) throw new Error(`no measure ${label} in ${figure.name}`);
  return found;
}

function wellFormed(figures: readonly Figure[]): Figure {
  expect(figures).toHaveLength(1);
  const [figure] = figures as [Figure];
  expect(figure.method.length).toBeGreaterThan(40);
  for (const m of figure.measures) expect(Number.isFinite(m.summary.median), m.label).toBe(true);
  return figure;
}

describe("the job-wait benchmark at tiny size", () => {
  it("job-wait: jobs.wait and the poll loop both see every job end", async () => {
    const figure = wellFormed(await benchJobWait({ jobs: 2, minMs: 20, maxMs: 60, pollMs: 100 }));
    expect(measure(figure, "jobs.wait latency").summary.median).toBeGreaterThanOrEqual(0);
    expect(measure(figure, /requests per job$/).summary.median).toBeGreaterThanOrEqual(1);
  });
});

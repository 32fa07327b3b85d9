/**
 * Every benchmark of bench/ at a tiny size, so the bench code cannot rot: each
 * must run end to end and return well-formed figures. Timing ratios are not
 * asserted (they mean nothing at this size, and tests are no place for them);
 * what is asserted are counts — sockets, round trips, scenes read, bytes.
 */
import { soak } from "../bench/soak";
import { describe, expect, it } from "vitest";
import { benchBundle } from "../bench/bundle";
import { benchIterate } from "../bench/iterate";
import type { Figure, Measure } from "../bench/lib/figure";
import { renderResults } from "../bench/lib/report";
import { benchMerge } from "../bench/merge";
import { benchRequests } from "../bench/requests";

function measure(figure: Figure, label: string | RegExp): Measure {
  const found = figure.measures.find((m) => (typeof label === "string" ? m.label === label : label.test(m.label)));
  if (!found) throw new Error(`no measure ${label} in ${figure.name}: ${figure.measures.map((m) => m.label).join(", ")}`);
  return found;
}

function expectWellFormed(figures: readonly Figure[], count: number): void {
  expect(figures).toHaveLength(count);
  for (const figure of figures) {
    expect(figure.name).not.toBe("");
    expect(figure.goal).not.toBe("");
    expect(figure.method.length).toBeGreaterThan(40);
    expect(typeof figure.met).toBe("boolean");
    expect(figure.measures.length).toBeGreaterThan(0);
    for (const m of figure.measures) {
      expect(Number.isFinite(m.summary.median), `${figure.name}: ${m.label}`).toBe(true);
      expect(m.summary.min).toBeLessThanOrEqual(m.summary.median);
      expect(m.summary.median).toBeLessThanOrEqual(m.summary.max);
    }
  }
}

// The type-check and regenerate benches are left to `npm run bench`: at any size each is a whole
// tsc or codegen run (~23 s of CPU together), and what they run is already checked on every test run
// (codegen:check regenerates into a scratch copy; package.test.ts compiles consumers per resolution).
describe.concurrent("bench at tiny size", () => {
  it("per-request: all three contenders answer, and the SDK keeps its connections alive", async () => {
    const figures = await benchRequests({
      scenes: 12,
      markersPerScene: 1,
      warmup: 4,
      rounds: 1,
      blocks: 2,
      sequentialBlock: 6,
      concurrentBlock: 16,
      inFlight: 4,
    });
    expectWellFormed(figures, 3);
    const [sequential, concurrent] = figures as [Figure, Figure, Figure];
    expect(measure(sequential, "SDK, wall per request").summary.median).toBeGreaterThan(0);
    expect(measure(sequential, "raw fetch, wall per request").summary.median).toBeGreaterThan(0);
    // Keep-alive: one socket for sequential calls, never more than the calls in flight.
    expect(measure(concurrent, /sequential requests$/).summary.median).toBe(1);
    const total = measure(concurrent, /in flight$/).summary.median;
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(4);
  });

  it("iterate: both walks read every scene, each in a fresh process", async () => {
    const [figure] = await benchIterate({ scenes: 240, perPage: 50, comparePerPage: 100, rounds: 1 });
    expectWellFormed([figure!], 1);
    // The baseline holds all 240 scenes at once after a forced GC, so a working heap probe must see growth.
    expect(measure(figure!, "per_page -1, peak live heap").summary.median).toBeGreaterThan(0);
    expect(measure(figure!, "per_page -1, wall").summary.median).toBeGreaterThan(0);
    expect(measure(figure!, "perPage 100: wall").summary.median).toBeGreaterThan(0);
  });

  it("merge: the SDK needs at most 4 round trips where the loop needs one per marker", async () => {
    const [figure] = await benchMerge({ sources: 2, markersPerSource: 4, latencyMs: 1, rounds: 1 });
    expectWellFormed([figure!], 1);
    expect(measure(figure!, "SDK round trips").summary.max).toBeLessThanOrEqual(4);
    // Compatibility probe, the target's markers, each source's markers, then one create per marker.
    expect(measure(figure!, "loop round trips").summary.median).toBe(1 + 1 + 2 + 2 * 4);
  });

  it("bundle: both apps bundle and compress", async () => {
    const [figure] = await benchBundle({ rounds: 1 });
    expectWellFormed([figure!], 1);
    const gzip = measure(figure!, "SDK, min+gzip").summary.median;
    expect(gzip).toBeGreaterThan(1);
    expect(gzip).toBeLessThan(measure(figure!, "SDK, minified").summary.median);
    expect(figure!.notes?.join(" ")).toMatch(/stashapp-api/);
  });

  it("soak: a short run under injected faults accounts for every call and reports drift", async () => {
    const report = await soak({ seconds: 1, concurrency: 4, faultEveryMs: 100, scenes: 50 });
    // How many calls fit in the second is a figure, not an assertion; so is whether a query ran out of
    // retries because a starved CPU let faults arrive faster than it retried (bench:soak exits 1 then).
    // That a query survives a transient fault is checked deterministically in fault-matrix.test.ts.
    expect(report.seconds).toBe(1);
    for (const n of [report.calls, report.expectedErrors, report.unexpectedErrors, report.faultsInjected]) expect(Number.isInteger(n) && n >= 0, String(n)).toBe(true);
    expect(report.calls).toBeGreaterThan(0);
    expect(report.faultsInjected).toBeGreaterThan(0);
    expect(report.expectedErrors + report.unexpectedErrors).toBeLessThanOrEqual(report.calls);
    expect(report.firstUnexpected === undefined, report.firstUnexpected).toBe(report.unexpectedErrors === 0);
    for (const mb of [report.heapStartMB, report.heapEndMB, report.rssEndMB]) expect(mb).toBeGreaterThan(0);
    expect(report.heapDriftMB).toBeCloseTo(report.heapEndMB - report.heapStartMB, 1);
  });
});

describe("bench report", () => {
  it("renders the machine, a row per measure, and failures", () => {
    const figure: Figure = {
      name: "example figure",
      measures: [
        { label: "subject", unit: "ms", summary: { median: 2, min: 1, max: 3, samples: [1, 2, 3] } },
        { label: "subject / baseline", unit: "×", summary: { median: 0.5, min: 0.4, max: 0.6, samples: [0.4, 0.5, 0.6] } },
      ],
      goal: "≤ 1.0×",
      met: true,
      method: "A method sentence long enough to describe how it was measured.",
      notes: ["a note"],
    };
    const md = renderResults([figure], { startedAt: new Date(0), durationS: 1, failures: [{ name: "broken", error: "boom" }] }, ["## Appendix\n\ntext"]);
    expect(md).toMatch(/Node v\d+/);
    expect(md).toContain("| example figure | subject | 2.00 ms | 1.00 ms – 3.00 ms | ≤ 1.0× | **met** |");
    expect(md).toContain("|  | subject / baseline | 0.500× | 0.400× – 0.600× |  |  |");
    expect(md).toContain("| broken | failed: boom | | | | **error** |");
    expect(md).toContain("- a note");
    expect(md).toContain("## Appendix");
  });
});

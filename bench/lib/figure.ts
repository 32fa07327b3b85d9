/**
 * The shape every benchmark returns, so `run.ts` can render them all into one
 * table without knowing what each one measured.
 */
import type { Summary } from "./stats";

/** One measured quantity of a figure (the subject, a baseline or their ratio). */
export interface Measure {
  /** e.g. "SDK per request", "raw fetch per request", "SDK / raw". */
  readonly label: string;
  readonly unit: "ms" | "µs" | "MB" | "KB" | "×" | "requests" | "connections" | "s";
  readonly summary: Summary;
}

/** One row of the results table. */
export interface Figure {
  /** Short name, e.g. "per-request, sequential". */
  readonly name: string;
  /** Every measure; the first row of the figure carries the goal. */
  readonly measures: readonly Measure[];
  /** The goal, as text, e.g. "≤ 1.10×". */
  readonly goal: string;
  /** Whether the median meets the goal. */
  readonly met: boolean;
  /** How it was measured (sizes, rounds, controls), one or two sentences. */
  readonly method: string;
  /** Extra findings (profiles, socket counts) rendered under the table. */
  readonly notes?: readonly string[];
}

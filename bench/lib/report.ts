/**
 * Renders benchmark figures as the Markdown of bench/RESULTS.md: the machine,
 * a table of every measure (median, min–max, goal), each figure's method and
 * notes, then the hand-written sections (analysis, keep-alive) appended as is.
 */
import { arch, cpus, freemem, loadavg, release, totalmem, type } from "node:os";
import type { Figure, Measure } from "./figure";

/** Where and when the figures were measured. */
export interface RunInfo {
  readonly startedAt: Date;
  readonly durationS: number;
  /** One-minute load averages at the start and the end: other work on the machine shows here. */
  readonly load?: readonly [number, number];
  /** Figures that threw instead of measuring, with the error message. */
  readonly failures: readonly { name: string; error: string }[];
}

/** The current one-minute load average. */
export function loadAverage(): number {
  return loadavg()[0] ?? 0;
}

/** One line describing the machine and runtime. */
export function describeMachine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? "unknown CPU";
  const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
  return `${model}, ${list.length} logical cores, ${gb(totalmem())} GB RAM (${gb(freemem())} GB free at start), ${type()} ${release()} ${arch}; Node ${process.version}`;
}

function format(value: number, unit: Measure["unit"]): string {
  if (unit === "×") return `${value.toFixed(3)}×`;
  if (unit === "requests" || unit === "connections") return `${Math.round(value)}`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function row(figure: Figure, measure: Measure, first: boolean): string {
  const { median, min, max } = measure.summary;
  const goal = first ? figure.goal : "";
  const met = first ? (figure.met ? "**met**" : "**missed**") : "";
  const name = first ? figure.name : "";
  return `| ${name} | ${measure.label} | ${format(median, measure.unit)} | ${format(min, measure.unit)} – ${format(max, measure.unit)} | ${goal} | ${met} |`;
}

/** The whole RESULTS.md text. */
export function renderResults(figures: readonly Figure[], info: RunInfo, appendix: readonly string[]): string {
  const lines: string[] = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts); do not edit by hand — the analysis and keep-alive sections come from bench/notes/.",
    "",
    `- Run: ${info.startedAt.toISOString()}, took ${info.durationS.toFixed(0)} s`,
    `- Machine: ${describeMachine()}`,
    ...(info.load ? [`- Load average (1 min) at start / end: ${info.load[0].toFixed(2)} / ${info.load[1].toFixed(2)} — anything well above 0 means other work shared the cores, which widens the min – max ranges`] : []),
    "- Every figure is the median over repeated rounds measured in the same run as its baseline, with min – max across rounds; ratios are per round (subject ÷ baseline of that round), then the median.",
    "",
    "| figure | measure | median | min – max | goal | result |",
    "|---|---|---|---|---|---|",
  ];
  for (const figure of figures) figure.measures.forEach((m, i) => lines.push(row(figure, m, i === 0)));
  for (const failure of info.failures) lines.push(`| ${failure.name} | failed: ${failure.error.replace(/\|/g, "\\|").split("\n")[0]} | | | | **error** |`);
  lines.push("", "## How each figure was measured", "");
  for (const figure of figures) {
    lines.push(`### ${figure.name}`, "", figure.method, "");
    for (const note of figure.notes ?? []) lines.push(`- ${note}`);
    if (figure.notes?.length) lines.push("");
  }
  for (const section of appendix) lines.push(section.trim(), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

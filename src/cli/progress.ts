/**
 * Progress bars on stderr (cli-progress). A bar is drawn only on a terminal,
 * so CI logs and redirected stderr stay free of control characters.
 */
import { Presets, SingleBar } from "cli-progress";
import type { CliIo } from "./io";

/** A running bar, or a no-op when none is shown. */
export interface Progress {
  readonly shown: boolean;
  tick(by?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

/** Options of `startProgress`. */
export interface ProgressOptions {
  label: string;
  total: number;
  /** `false` (from `--no-progress`) turns the bar off. */
  enabled?: boolean;
  /** Also require stdout to be off the terminal, for commands that stream to stdout. */
  stdoutRedirected?: boolean;
}

/** True when a bar would be drawn for these options. */
export function progressWanted(io: CliIo, options: Pick<ProgressOptions, "enabled" | "stdoutRedirected">): boolean {
  if (options.enabled === false || io.stderr.isTTY !== true) return false;
  // Lines written to the same terminal under a redrawn bar would garble both.
  return !(options.stdoutRedirected && io.stdout.isTTY === true);
}

const NONE: Progress = { shown: false, tick() {}, setTotal() {}, stop() {} };

/** Starts a bar on stderr when `progressWanted` says so. */
export function startProgress(io: CliIo, options: ProgressOptions): Progress {
  if (!progressWanted(io, options)) return NONE;
  const bar = new SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: `${options.label} [{bar}] {value}/{total} {percentage}% | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(options.total, 0);
  let stopped = false;
  return {
    shown: true,
    tick: (by = 1) => bar.increment(by),
    setTotal: (total) => bar.setTotal(total),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

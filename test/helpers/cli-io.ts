/** Captured streams for running the CLI in-process (`runCli(argv, io)`). */
import type { CliIo } from "../../src/cli/io";

/** An io whose output is collected, plus readers for it. */
export interface Captured {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** Builds a captured io; TTY flags and environment are up to the test. */
export function capture(
  options: { stdoutTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string>; signal?: AbortSignal; cwd?: string } = {},
): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t) => (out.push(t), true), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (t) => (err.push(t), true), isTTY: options.stderrTTY ?? false, columns: 100 },
    env: options.env ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** Runs a TypeScript file or a node_modules binary in a child process and collects its output. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";

/** What a finished child printed. */
export interface ChildOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit, in ms. */
  readonly wallMs: number;
}

/** Spawns `node [nodeArgs] file args` in the repository root; rejects on a non-zero exit. */
export function runNode(file: string, args: readonly string[], nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      if (code === 0) resolve({ stdout, stderr, wallMs });
      else reject(new Error(`${file} exited with code ${code}: ${(stderr + stdout).trim().slice(-2000)}`));
    });
  });
}

/** Runs a TypeScript file through tsx. */
export function runTs(file: string, args: readonly string[], nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ChildOutput> {
  return runNode(file, args, ["--import", "tsx", ...nodeArgs], env);
}

/** Path of a JavaScript entry inside node_modules, e.g. `typescript/bin/tsc`. */
export function moduleBin(relative: string): string {
  return join(REPO_ROOT, "node_modules", relative);
}

/**
 * Parent side of `standin-process.ts`: bundles it with esbuild (so the server
 * runs plain JavaScript, without tsx's per-closure helpers, which cost it about
 * a tenth of its time per request), forks it into its own process, waits
 * until it listens, and exposes its counters as promises.
 */
import { fork, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { FaultSpec, Fixture, SeedResult } from "../../src/testing";
import type { StandInCommand, StandInProcessConfig, StandInProcessStats } from "./standin-process";
import { REPO_ROOT, repoScratchDir } from "./paths";

/** A stand-in running in a child process. */
export interface RemoteStandIn {
  readonly url: string;
  readonly baseUrl: string;
  /** Ids of the generated library's scenes, in order (empty without `library`). */
  readonly sceneIds: readonly string[];
  stats(): Promise<StandInProcessStats>;
  resetStats(): Promise<void>;
  seed(fixture: Fixture): Promise<SeedResult>;
  /** Adds latency to every request from now on (0 removes it). */
  setLatency(ms: number): Promise<void>;
  /** Sets (or with null clears) the stand-in's fault injection. */
  setFaults(spec: FaultSpec | null): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type Ready = { type: "ready"; url: string; baseUrl: string; sceneIds: string[] };
// Distributive, so each command keeps its own fields once the id is taken off.
type CommandBody = StandInCommand extends infer C ? (C extends { id: number } ? Omit<C, "id"> : never) : never;

const ENTRY = fileURLToPath(new URL("./standin-process.ts", import.meta.url));

/** Bundles the stand-in process (dependencies stay in node_modules) into a scratch directory. */
async function bundleEntry(): Promise<{ file: string; dir: string }> {
  const dir = repoScratchDir("standin");
  const file = join(dir, "standin-process.mjs");
  await build({ entryPoints: [ENTRY], outfile: file, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "silent" });
  return { file, dir };
}

/** Forks a bundled stand-in process (plus `nodeArgs` such as `--cpu-prof`) and resolves once it listens and is seeded. */
export async function startRemoteStandIn(config: StandInProcessConfig = {}, nodeArgs: readonly string[] = []): Promise<RemoteStandIn> {
  const bundle = await bundleEntry();
  const child: ChildProcess = fork(bundle.file, [JSON.stringify(config)], {
    cwd: REPO_ROOT,
    execArgv: [...nodeArgs],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const ready = new Promise<Ready>((resolve, reject) => {
    child.on("message", (message: Ready | Reply) => {
      if ("type" in message) return resolve(message);
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`stand-in process: ${message.error}`));
    });
    child.once("exit", (code) => {
      exited = true;
      rmSync(bundle.dir, { recursive: true, force: true });
      const err = new Error(`stand-in process exited with code ${code}`);
      reject(err);
      for (const waiter of pending.values()) waiter.reject(err);
      pending.clear();
    });
  });
  const call = <T>(command: CommandBody): Promise<T> => {
    if (exited) return Promise.reject(new Error("stand-in process has exited"));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...command, id });
    });
  };
  let info: Ready;
  try {
    info = await ready;
  } catch (err) {
    child.kill();
    throw err;
  }
  return {
    url: info.url,
    baseUrl: info.baseUrl,
    sceneIds: info.sceneIds,
    stats: () => call<StandInProcessStats>({ cmd: "stats" }),
    resetStats: () => call<void>({ cmd: "resetStats" }),
    seed: (fixture) => call<SeedResult>({ cmd: "seed", fixture }),
    setLatency: (ms) => call<void>({ cmd: "latency", ms }),
    setFaults: (spec) => call<void>({ cmd: "faults", spec }),
    close: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await call<void>({ cmd: "close" }).catch(() => child.kill());
      await gone;
    },
  };
}

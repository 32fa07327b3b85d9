/**
 * Child-process entry that runs one stand-in for a benchmark. The server gets
 * its own process (and so its own core and event loop on a 2-core machine),
 * so client-side figures measure the client, not the two sharing one loop.
 * Configured by a JSON argument; driven over IPC by `standin-remote.ts`.
 */
import { subscribe } from "node:diagnostics_channel";
import { generateLibrary, startStandIn, type FaultSpec, type Fixture, type GenerateOptions } from "../../src/testing";

/** What the parent passes as the first argument (JSON). */
export interface StandInProcessConfig {
  apiKey?: string;
  latencyMs?: number;
  library?: GenerateOptions;
}

/** A command from the parent; answered with the same `id`. */
export type StandInCommand =
  | { id: number; cmd: "stats" }
  | { id: number; cmd: "resetStats" }
  | { id: number; cmd: "seed"; fixture: Fixture }
  | { id: number; cmd: "latency"; ms: number }
  | { id: number; cmd: "faults"; spec: FaultSpec | null }
  | { id: number; cmd: "close" };

/** Counters the parent reads between measurements. */
export interface StandInProcessStats {
  requests: number;
  maxInFlight: number;
  /** TCP connections accepted since start or the last reset. */
  connections: number;
  /** CPU time (user + system) this process used since start or the last reset, in µs. */
  cpuMicros: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as StandInProcessConfig;
const send = (message: unknown) => process.send!(message);

// Every accepted socket in this process belongs to the stand-in's HTTP server.
let connections = 0;
let cpuStart = process.cpuUsage();
subscribe("net.server.socket", () => {
  connections += 1;
});

const stand = await startStandIn({ apiKey: config.apiKey, latencyMs: config.latencyMs });
const seeded = config.library ? await stand.seed(generateLibrary(config.library)) : null;
send({ type: "ready", url: stand.url, baseUrl: stand.baseUrl, sceneIds: seeded?.scenes ?? [] });

process.on("message", async (message: StandInCommand) => {
  try {
    switch (message.cmd) {
      case "stats": {
        const cpu = process.cpuUsage(cpuStart);
        const stats: StandInProcessStats = {
          requests: stand.requests,
          maxInFlight: stand.maxInFlight,
          connections,
          cpuMicros: cpu.user + cpu.system,
        };
        return send({ id: message.id, ok: true, value: stats });
      }
      case "resetStats":
        stand.resetStats();
        connections = 0;
        cpuStart = process.cpuUsage();
        return send({ id: message.id, ok: true, value: null });
      case "seed":
        return send({ id: message.id, ok: true, value: await stand.seed(message.fixture) });
      case "latency":
        if (message.ms > 0) stand.faults.set({ latencyMs: message.ms });
        else stand.faults.clear();
        return send({ id: message.id, ok: true, value: null });
      case "faults":
        if (message.spec) stand.faults.set(message.spec);
        else stand.faults.clear();
        return send({ id: message.id, ok: true, value: null });
      case "close":
        await stand.close();
        send({ id: message.id, ok: true, value: null });
        process.disconnect();
        return;
    }
  } catch (err) {
    send({ id: message.id, ok: false, error: String((err as Error)?.stack ?? err) });
  }
});

/**
 * The three ways the per-request benchmarks fetch one scene: a raw `fetch`
 * POST (the floor), this SDK's `findScene`, and stashapp-api's genql query
 * for the same fields. Each checks it got the scene it asked for.
 */
import { print } from "graphql";
import { StashClient as PeerClient } from "stashapp-api";
import { StashClient } from "../../src/index";
import { FindSceneDocument } from "../../generated/graphql";
import { sceneDataSelection } from "./peer-selection";

/** Fetches scene `id`; resolves once the body is parsed. */
export type FetchScene = (id: string) => Promise<void>;

/** A named contender. */
export interface Contender {
  readonly name: "raw" | "sdk" | "peer";
  readonly fetchScene: FetchScene;
}

/** Where and how to reach the stand-in. */
export interface Target {
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  readonly apiKey: string;
}

function expectScene(id: string, scene: { id: string } | null | undefined, who: string): void {
  if (scene?.id !== id) throw new Error(`${who}: asked for scene ${id}, got ${JSON.stringify(scene?.id)}`);
}

/** The floor: the SDK's own document and variables, POSTed with nothing else around it. */
export function rawContender(target: Target): Contender {
  const query = print(FindSceneDocument);
  const headers = { "content-type": "application/json", accept: "application/json", ApiKey: target.apiKey };
  return {
    name: "raw",
    fetchScene: async (id) => {
      const res = await fetch(target.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables: { id }, operationName: "FindScene" }),
      });
      const body = (await res.json()) as { data?: { findScene?: { id: string } | null } };
      expectScene(id, body.data?.findScene, "raw fetch");
    },
  };
}

/** This SDK with default options, except the concurrency cap when asked for more in flight. */
export function sdkContender(target: Target, maxConcurrency?: number): Contender {
  const client = new StashClient({ url: target.url, apiKey: target.apiKey, ...(maxConcurrency ? { maxConcurrency } : {}) });
  return {
    name: "sdk",
    fetchScene: async (id) => expectScene(id, await client.findScene(id), "sdk"),
  };
}

/** stashapp-api's typed query selecting the same fields as the SDK's SceneData fragment. */
export function peerContender(target: Target): Contender {
  const client = new PeerClient({ url: target.baseUrl, apiKey: target.apiKey });
  return {
    name: "peer",
    fetchScene: async (id) => {
      const result = await client.query({ findScene: { __args: { id }, ...sceneDataSelection } });
      expectScene(id, result.findScene, "stashapp-api");
    },
  };
}

/** Time spent on a batch of fetches. */
export interface BatchCost {
  /** Wall time, µs. */
  wall: number;
  /** CPU time of this (the client's) process, µs. */
  cpu: number;
}

async function measured(run: () => Promise<void>): Promise<BatchCost> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = (performance.now() - start) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: cpu.user + cpu.system };
}

/** Runs `count` fetches one after another. */
export function sequential(contender: Contender, ids: readonly string[], count: number, offset = 0): Promise<BatchCost> {
  return measured(async () => {
    for (let i = 0; i < count; i++) await contender.fetchScene(ids[(offset + i) % ids.length]!);
  });
}

/** Runs `count` fetches with `inFlight` workers, each starting its next fetch when the last one ends. */
export function concurrent(contender: Contender, ids: readonly string[], count: number, inFlight: number, offset = 0): Promise<BatchCost> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await contender.fetchScene(ids[(offset + i) % ids.length]!);
    }
  };
  return measured(async () => {
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  });
}

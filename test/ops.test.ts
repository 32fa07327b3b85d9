/**
 * The generated call layer (`stash.ops.*`) and `subscribe`: every operation is
 * reachable, typed, and sent through the facade's own path (retries for
 * queries only, signals, capability refusals, typed errors), over real HTTP to
 * a stand-in and a real WebSocket to a graphql-ws server.
 */
import { once } from "node:events";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { operationNames } from "../generated/ops";
import { schemaSdl } from "../generated/schemas";
import type { FindScenesQuery, JobsSubscribeSubscription } from "../generated/graphql";
import { JobStatusUpdateType, JobStatus } from "../generated/graphql";
import { collectOperations, readGraphqlFiles } from "../scripts/lib/operation-files";
import { projectPaths } from "../scripts/lib/paths";
import {
  StashAbortError,
  StashClient,
  StashCore,
  StashGraphQLError,
  StashHttpError,
  StashNetworkError,
  StashUnsupportedError,
} from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";

const KEY = "ops-key-5b1d";
let standIn: StandIn;
let stash: StashClient;
let sceneId: string;

beforeAll(async () => {
  standIn = await startStandIn({ apiKey: KEY });
  const ids = await standIn.seed({ tags: ["beach"], scenes: [{ title: "Beach Day", tags: ["beach"] }, { title: "City" }] });
  sceneId = ids.scenes[0]!;
  stash = new StashClient({ url: standIn.url, apiKey: KEY, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });
});
afterAll(async () => {
  await stash.close();
  await standIn.close();
});

describe("stash.ops", () => {
  it("has a typed method for every operation in operations/, named after it", () => {
    const { operations } = collectOperations(readGraphqlFiles(projectPaths().operations));
    const expected = operations.map((o) => o.name).sort();
    expect([...operationNames]).toEqual(expected);
    const ops = stash.ops as unknown as Record<string, unknown>;
    for (const name of expected) expect(typeof ops[name.charAt(0).toLowerCase() + name.slice(1)], name).toBe("function");
  });

  it("returns the operation's typed data", async () => {
    const page = await stash.ops.findScenes({ filter: { per_page: 5, sort: "title", direction: "ASC" } });
    expectTypeOf(page).toEqualTypeOf<FindScenesQuery>();
    expect(page.findScenes.count).toBe(2);
    expect(page.findScenes.scenes.map((s) => s.title)).toEqual(["Beach Day", "City"]);
    const { version } = await stash.ops.version();
    expect(version.version).toBe(standIn.version);
    const updated = await stash.ops.sceneUpdate({ input: { id: sceneId, rating100: 80 } });
    expect(updated.sceneUpdate?.rating100).toBe(80);
  });

  it("retries a query on 503 but never a mutation", async () => {
    standIn.faults.set({ status: { code: 503 }, times: 1 });
    let before = standIn.requests;
    await expect(stash.ops.findScene({ id: sceneId })).resolves.toMatchObject({ findScene: { id: sceneId } });
    expect(standIn.requests - before).toBe(2);

    standIn.faults.set({ status: { code: 503 }, times: 1 });
    before = standIn.requests;
    await expect(stash.ops.sceneUpdate({ input: { id: sceneId, title: "x" } })).rejects.toBeInstanceOf(StashHttpError);
    expect(standIn.requests - before).toBe(1);
    standIn.faults.clear();
  });

  it("turns GraphQL errors into StashGraphQLError and honours signals", async () => {
    await expect(stash.ops.sceneUpdate({ input: { id: "99999", title: "x" } })).rejects.toBeInstanceOf(StashGraphQLError);
    const controller = new AbortController();
    controller.abort();
    await expect(stash.ops.findScenes({}, { signal: controller.signal })).rejects.toBeInstanceOf(StashAbortError);
  });

  it("refuses, before sending, an operation the server's release lacks", async () => {
    const old = await startStandIn({ version: "v0.28.1" });
    const client = new StashClient({ url: old.url });
    try {
      await client.capabilities();
      const before = old.requests;
      const err = await client.ops.bulkSceneMarkerUpdate({ input: { ids: ["1"], title: "t" } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashUnsupportedError);
      expect(String((err as Error).message)).toMatch(/BulkSceneMarkerUpdate.*v0\.30/);
      expect(old.requests).toBe(before);
    } finally {
      await old.close();
    }
  });
});

// graphql-ws runs outside Vite and loads graphql's CommonJS build; the schema must come from that copy.
const gql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

describe("subscriptions through the client", () => {
  let wss: WebSocketServer;
  let url: string;
  const upgradeKeys: (string | undefined)[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: "127.0.0.1", port: 0, path: "/graphql" });
    await once(wss, "listening");
    wss.on("connection", (_socket, req) => upgradeKeys.push(req.headers.apikey as string | undefined));
    const job = (progress: number, status: string) => ({
      id: "7", status, description: "Scanning…", subTasks: [], progress, error: null,
      addTime: "2026-01-01T00:00:00Z", startTime: null, endTime: null,
    });
    useServer(
      {
        // Stash's own schema, so the generated JobsSubscribe document validates as it would against Stash.
        schema: gql.buildSchema(schemaSdl),
        roots: {
          subscription: {
            jobsSubscribe: async function* () {
              yield { jobsSubscribe: { type: "ADD", job: job(0, "READY") } };
              yield { jobsSubscribe: { type: "UPDATE", job: job(0.5, "RUNNING") } };
              yield { jobsSubscribe: { type: "REMOVE", job: job(1, "FINISHED") } };
            },
          },
        },
      },
      wss,
    );
    url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });

  it("stash.ops.jobsSubscribe streams typed job updates with the ApiKey on the upgrade", async () => {
    const client = new StashCore({ url, apiKey: KEY });
    const seen: JobsSubscribeSubscription[] = [];
    for await (const update of client.ops.jobsSubscribe()) seen.push(update);
    await client.close();
    expect(seen.map((u) => [u.jobsSubscribe.type, u.jobsSubscribe.job?.status, u.jobsSubscribe.job?.progress])).toEqual([
      [JobStatusUpdateType.ADD, JobStatus.READY, 0],
      [JobStatusUpdateType.UPDATE, JobStatus.RUNNING, 0.5],
      [JobStatusUpdateType.REMOVE, JobStatus.FINISHED, 1],
    ]);
    expect(upgradeKeys.at(-1)).toBe(KEY);
  });

  it("a StashClient checks capabilities first, over HTTP, and refuses without a server", async () => {
    const client = new StashClient({ url: "http://127.0.0.1:1/graphql", retry: false });
    const err = await client.ops.jobsSubscribe().next().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashNetworkError);
    await client.close();
  });
});

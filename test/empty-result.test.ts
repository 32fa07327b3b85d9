/**
 * "Stash returned null with no error": every helper that guards a nullable
 * result throws the same class (StashGraphQLError, from `emptyResultError`).
 * A proxy in front of a stand-in passes queries through and answers every
 * mutation with its root fields null and no `errors`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyResultError, StashGraphQLError } from "../src/core/errors";
import { StashClient } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";

let stash: StandIn;
let proxy: Server;
let client: StashClient;
let ids: { target: string; source: string; tag: string };

/** Answers a mutation with each root field (or alias) null; passes anything else to the stand-in. */
async function nullMutations(body: string): Promise<{ status: number; type: string; text: string }> {
  const { query } = JSON.parse(body) as { query: string };
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (op?.operation === "mutation") {
    const keys = op.selectionSet.selections.flatMap((s) => (s.kind === "Field" ? [(s.alias ?? s.name).value] : []));
    return { status: 200, type: "application/json", text: JSON.stringify({ data: Object.fromEntries(keys.map((k) => [k, null])) }) };
  }
  const res = await fetch(stash.url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

beforeAll(async () => {
  stash = await startStandIn();
  const seeded = await stash.seed({
    scenes: [{ title: "target" }, { title: "source", markers: [{ title: "Intro", seconds: 5, primary_tag: "Empty Tag" }] }],
  });
  ids = { target: seeded.scenes[0]!, source: seeded.scenes[1]!, tag: seeded.tags["Empty Tag"]! };
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void nullMutations(Buffer.concat(chunks).toString("utf8")).then((a) => res.writeHead(a.status, { "content-type": a.type }).end(a.text));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  client = new StashClient({ url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, retry: false });
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await stash?.close();
});

async function rejection(call: () => Promise<unknown>): Promise<StashGraphQLError> {
  const err = await call().then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StashGraphQLError);
  expect(err).toMatchObject({ errors: [], data: null });
  return err as StashGraphQLError;
}

describe("a null result with no error", () => {
  it("is a StashGraphQLError from scenes, markers and sceneMerge alike", async () => {
    const scene = await rejection(() => client.createScene({ title: "x" }));
    expect(scene.message).toBe("SceneCreate: Stash returned no result and no error message; check the Stash logs");
    const marker = await rejection(() => client.createSceneMarker({ title: "m", seconds: 1, scene_id: ids.target, primary_tag_id: ids.tag }));
    expect(marker.message).toBe("SceneMarkerCreate: Stash returned no marker and no error message; check the Stash logs");
    await rejection(() => client.sceneMerge({ destination: ids.target, source: [ids.source] }));
  });

  it("is a StashGraphQLError in applyDuplicateCleanup's and mergeSceneMarkers' per-item results", async () => {
    const plan = { groups: [{ merge: { destination: ids.target, source: [ids.source] } }] } as unknown as Parameters<StashClient["applyDuplicateCleanup"]>[0];
    const applied = await client.applyDuplicateCleanup(plan);
    expect(applied.results[0]).toMatchObject({ status: "failed" });
    expect(applied.results[0]!.error).toBeInstanceOf(StashGraphQLError);
    expect(applied.results[0]!.error!.message).toBe("SceneMerge: Stash returned no scene and no error message; check the Stash logs");

    const merged = await client.mergeSceneMarkers(ids.target, [ids.source]);
    expect(merged.created).toEqual([]);
    expect(merged.failed).toHaveLength(1);
    expect(merged.failed[0]!.error).toBeInstanceOf(StashGraphQLError);
    expect(merged.failed[0]!.error.message).toMatch(/^mergeSceneMarkers: Stash returned no marker for \d+ and no error message/);
  });

  it("comes from one constructor, which keeps any errors that came with the answer", () => {
    const entry = { message: "other alias failed", path: ["m1"] };
    const err = emptyResultError("op", "thing", [entry]);
    expect(err).toBeInstanceOf(StashGraphQLError);
    expect(err).toMatchObject({ operation: "op", errors: [entry], data: null });
  });
});

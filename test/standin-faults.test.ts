import { describe, expect, it } from "vitest";
import { gql, usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn();
const QUERY = "query Ver { version { version } }";
const MUTATION = `mutation MakeTag { tagCreate(input: { name: "Fault tag" }) { id } }`;

describe("stand-in fault injection", () => {
  it("answers with a canned status, body and headers", async () => {
    stash().faults.set({ status: { code: 503, body: "maintenance", headers: { "Retry-After": "1" } }, times: 1 });
    const res = await gql(stash(), QUERY);
    expect(res.status).toBe(503);
    expect(res.text).toBe("maintenance");
    expect(res.headers["retry-after"]).toBe("1");
    const after = await gql(stash(), QUERY);
    expect(after.status).toBe(200);
  });

  it("applies a fault to the next N requests only", async () => {
    stash().faults.set({ status: { code: 502 }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await gql(stash(), QUERY)).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(stash().faults.active).toBeNull();
  });

  it("matches by operation type and by operation name", async () => {
    stash().faults.set({ status: { code: 500 }, match: "mutation" });
    expect((await gql(stash(), QUERY)).status).toBe(200);
    expect((await gql(stash(), MUTATION)).status).toBe(500);
    stash().faults.set({ status: { code: 500 }, match: "Ver" });
    expect((await gql(stash(), "query Other { version { hash } }")).status).toBe(200);
    expect((await gql(stash(), QUERY)).status).toBe(500);
    stash().faults.clear();
    expect((await gql(stash(), QUERY)).status).toBe(200);
  });

  it("answers with malformed JSON", async () => {
    stash().faults.set({ malformedJson: true, times: 1 });
    const res = await gql(stash(), QUERY);
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it("overrides the content type", async () => {
    stash().faults.set({ contentType: "text/html", times: 1 });
    const res = await gql(stash(), QUERY);
    expect(res.headers["content-type"]).toBe("text/html");
    expect(res.body.data.version.version).toBe("v0.30.1");
  });

  it("drops the connection in the middle of the body", async () => {
    stash().faults.set({ dropConnection: true, times: 1 });
    await expect(gql(stash(), QUERY)).rejects.toThrow();
    expect((await gql(stash(), QUERY)).status).toBe(200);
  });

  it("hangs until the client aborts", async () => {
    stash().faults.set({ hang: true, times: 1 });
    const controller = new AbortController();
    const pending = fetch(stash().url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow();
    expect((await gql(stash(), QUERY)).status).toBe(200);
  });

  it("delays requests by latencyMs before handling them", async () => {
    stash().faults.set({ latencyMs: 50, times: 1 });
    const started = performance.now();
    const res = await gql(stash(), QUERY);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("ends hanging requests promptly on close", async () => {
    await usingStandIn({}, async (local) => {
      local.faults.set({ hang: true });
      const pending = fetch(local.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      });
      while (local.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
      await local.close();
      await expect(pending).rejects.toThrow();
    });
  });

  it("rejects invalid fault options", () => {
    expect(() => stash().faults.set({ times: 0 })).toThrow(/times/);
    expect(() => stash().faults.set({ latencyMs: -1 })).toThrow(/latencyMs/);
  });
});

describe("stand-in request accounting", () => {
  it("counts requests, concurrency and operation names", async () => {
    await usingStandIn({ latencyMs: 30 }, async (local) => {
      local.resetStats();
      await Promise.all(Array.from({ length: 8 }, () => gql(local, QUERY)));
      await gql(local, MUTATION);
      await gql(local, "{ version { version");
      expect(local.requests).toBe(10);
      expect(local.maxInFlight).toBeGreaterThan(1);
      expect(local.maxInFlight).toBeLessThanOrEqual(8);
      expect(local.inFlight).toBe(0);
      expect(local.operations.filter((o) => o.operationName === "Ver")).toHaveLength(8);
      expect(local.operations[8]).toEqual({ operationType: "mutation", operationName: "MakeTag" });
      expect(local.operations[9]).toEqual({ operationType: null, operationName: null });
      local.resetStats();
      expect(local.requests).toBe(0);
      expect(local.operations).toHaveLength(0);
    });
  });
});

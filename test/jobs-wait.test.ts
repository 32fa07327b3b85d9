/**
 * `stash.jobs` and `stash.metadata` over real HTTP and WebSocket to a
 * stand-in: waiting on scans (manual and real clock), failed, cancelled and
 * already-ended jobs, the polling fallback when the socket cannot connect,
 * bad and unknown ids, timeouts and aborts that release the subscription.
 */
import { connect, createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { StashAbortError, StashClient, StashError, StashJobError, StashTimeoutError, StashValidationError, type Job } from "../src/index";
import { standInPerTest } from "./helpers/standin";
import { startStandIn, type FixtureFile, type StandIn } from "../src/testing/index";

const start = standInPerTest({ retry: false });

function video(path: string): FixtureFile {
  return { path, size: 1000, duration: 10, width: 640, height: 360 };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const subscribers = (standIn: StandIn) => standIn.jobs.events.listenerCount("update");

/** A job that runs until stopped, one clock step at a time. */
function endless(standIn: StandIn, description = "endless"): string {
  return standIn.jobs.enqueue(description, async (job) => {
    while (!job.stopping) await job.step();
  });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("stash.jobs.wait", () => {
  it("follows a scan under the manual clock: rising progress, FINISHED, the disk's scene added", async () => {
    const { standIn, stash } = await start();
    await standIn.seed({ disk: [video("/media/a.mp4"), video("/media/b.mp4")] });
    const id = await stash.metadata.scan({ paths: ["/media"] });
    expect(id).toMatch(/^\d+$/);
    const seen: Job[] = [];
    const waiting = stash.jobs.wait(id, { onProgress: (job) => seen.push(job) });
    await until(() => subscribers(standIn) === 1, "the subscription");
    await standIn.jobs.runUntilIdle();
    const done = await waiting;
    expect(done).toMatchObject({ id, status: "FINISHED", error: null });
    const progress = seen.map((j) => j.progress ?? 0);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(seen.some((j) => j.status === "RUNNING")).toBe(true);
    expect((await stash.findScenes()).count).toBe(2);
    await until(() => subscribers(standIn) === 0, "the subscription to close");
  });

  it("scanAndWait under a real clock", async () => {
    const { standIn, stash } = await start({ jobs: { clock: "real", stepMs: 5 } });
    await standIn.seed({ disk: [video("/lib/one.mp4")] });
    const progress: number[] = [];
    const done = await stash.metadata.scanAndWait({}, { onProgress: (job) => progress.push(job.progress ?? 0), timeoutMs: 10_000 });
    expect(done.status).toBe("FINISHED");
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const scenes = (await stash.findScenes()).scenes;
    expect(scenes.map((s) => s.files[0]?.path)).toEqual(["/lib/one.mp4"]);
  });

  it("rejects with StashJobError carrying status and Stash's message when the job fails", async () => {
    const { standIn, stash } = await start();
    const id = standIn.jobs.enqueue("x", () => {
      throw new Error("boom");
    });
    const waiting = stash.jobs.wait(id);
    const failure = waiting.catch((e: unknown) => e);
    await until(() => subscribers(standIn) === 1, "the subscription");
    await standIn.jobs.runUntilIdle();
    const error = await failure;
    expect(error).toBeInstanceOf(StashJobError);
    expect(error).toMatchObject({ jobId: id, status: "FAILED", error: "boom" });
    expect((error as Error).message).toContain("boom");
  });

  it("rejects with StashJobError CANCELLED when the job is stopped", async () => {
    const { standIn, stash } = await start();
    const id = endless(standIn);
    const failure = stash.jobs.wait(id).catch((e: unknown) => e);
    await until(() => subscribers(standIn) === 1, "the subscription");
    await standIn.jobs.tick(2);
    expect(await stash.jobs.stop(id)).toBe(true);
    await standIn.jobs.runUntilIdle();
    expect(await failure).toMatchObject({ name: "StashJobError", jobId: id, status: "CANCELLED", error: null });
  });

  it("resolves at once for a job that ended before wait was called", async () => {
    const { standIn, stash } = await start();
    const id = standIn.jobs.enqueue("quick", () => undefined);
    await standIn.jobs.runUntilIdle();
    expect(await stash.jobs.wait(id, { timeoutMs: 5000 })).toMatchObject({ id, status: "FINISHED" });
  });

  it("falls back to polling findJob when the subscription socket cannot connect", async () => {
    // HTTP goes through `fetch` to the stand-in; the socket is opened to `url`, where nothing listens.
    const standIn = await startStandIn({ jobs: { clock: "manual" } });
    const dead = `http://127.0.0.1:${await closedPort()}/graphql`;
    let findJobCalls = 0;
    const stash = new StashClient({
      url: dead,
      retry: false,
      fetch: (_input, init) => {
        if (String(init?.body).includes("FindJob")) findJobCalls++;
        return fetch(standIn.url, init);
      },
    });
    start.keep(standIn, stash);
    const id = endless(standIn, "slow");
    const seen: string[] = [];
    const waiting = stash.jobs.wait(id, { pollIntervalMs: 20, onProgress: (job) => seen.push(job.status) });
    await until(() => findJobCalls >= 3, "polling");
    standIn.jobs.stop(id);
    await standIn.jobs.runUntilIdle();
    await expect(waiting).rejects.toMatchObject({ status: "CANCELLED" });
    expect(subscribers(standIn)).toBe(0);
    // The manual clock never started it: polling saw it READY, then CANCELLED.
    expect(seen).toEqual(["READY", "CANCELLED"]);

    const ok = standIn.jobs.enqueue("ok", async (job) => {
      job.progress(0.5);
      await job.step();
    });
    const finished = stash.jobs.wait(ok, { pollIntervalMs: 20 });
    await standIn.jobs.runUntilIdle();
    expect(await finished).toMatchObject({ id: ok, status: "FINISHED" });
  });

  it("falls back to polling when the subscription socket drops mid-wait", async () => {
    // The socket goes through a TCP relay the test cuts; HTTP goes straight to the stand-in via `fetch`.
    const standIn = await startStandIn({ jobs: { clock: "manual" } });
    const target = Number(new URL(standIn.url).port);
    const links: Socket[] = [];
    const relay = createServer((client) => {
      const upstream = connect(target, "127.0.0.1");
      links.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on("error", () => undefined);
      upstream.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const port = (relay.address() as { port: number }).port;
    const stash = new StashClient({ url: `http://127.0.0.1:${port}/graphql`, retry: false, fetch: (_input, init) => fetch(standIn.url, init) });
    start.keep(standIn, stash);
    try {
      const id = endless(standIn, "dropped");
      const waiting = stash.jobs.wait(id, { pollIntervalMs: 20 });
      await until(() => subscribers(standIn) === 1, "the subscription");
      relay.close();
      for (const link of links) link.destroy();
      await until(() => subscribers(standIn) === 0, "the server to notice the drop");
      standIn.jobs.stop(id);
      await expect(waiting).rejects.toMatchObject({ name: "StashJobError", status: "CANCELLED" });
    } finally {
      relay.close();
    }
  });

  it("refuses ids that are not job ids before any request, and explains an unknown one", async () => {
    const { standIn, stash } = await start();
    for (const bad of ["abc", "-1", "1.5", "", " ", -2]) {
      await expect(stash.jobs.wait(bad)).rejects.toBeInstanceOf(StashValidationError);
    }
    expect(subscribers(standIn)).toBe(0);
    const missing = await stash.jobs.wait("999").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StashError);
    expect((missing as Error).message).toMatch(/no job 999/);
    expect(await stash.jobs.find("999")).toBeNull();
  });

  it("times out with StashTimeoutError and closes the subscription", async () => {
    const { standIn, stash } = await start();
    const id = endless(standIn);
    const error = await stash.jobs.wait(id, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StashTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    await until(() => subscribers(standIn) === 0, "the subscription to close");
    expect(standIn.jobs.find(id)?.status).toBe("READY");
  });

  it("stops waiting on abort with StashAbortError and closes the subscription", async () => {
    const { standIn, stash } = await start();
    const id = endless(standIn);
    const controller = new AbortController();
    const failure = stash.jobs.wait(id, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => subscribers(standIn) === 1, "the subscription");
    controller.abort();
    expect(await failure).toBeInstanceOf(StashAbortError);
    await until(() => subscribers(standIn) === 0, "the subscription to close");
    await expect(stash.jobs.wait(id, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(StashAbortError);
  });
});

describe("stash.jobs and stash.metadata", () => {
  it("lists, finds, stops and streams updates", async () => {
    const { standIn, stash } = await start();
    expect(await stash.jobs.list()).toEqual([]);
    const updates = stash.jobs.updates();
    const first = updates.next();
    await until(() => subscribers(standIn) === 1, "the subscription");
    const a = endless(standIn, "a");
    const b = endless(standIn, "b");
    expect((await first).value).toMatchObject({ type: "ADD", job: { id: a, status: "READY" } });
    expect((await stash.jobs.list()).map((j) => j.id)).toEqual([a, b]);
    expect(await stash.jobs.find(a)).toMatchObject({ id: a, description: "a" });
    expect(await stash.jobs.stopAll()).toBe(true);
    await standIn.jobs.runUntilIdle();
    expect(await stash.jobs.list()).toEqual([]);
    expect((await stash.jobs.find(b))?.status).toBe("CANCELLED");
    await updates.return!();
    await until(() => subscribers(standIn) === 0, "the subscription to close");
  });

  it("starts the other tasks and returns job ids", async () => {
    const { standIn, stash } = await start();
    const ids = [
      await stash.metadata.generate({ phashes: true }),
      await stash.metadata.autoTag({ performers: ["*"] }),
      await stash.metadata.clean({ dryRun: true }),
      await stash.metadata.cleanGenerated({ dryRun: true }),
      await stash.metadata.optimise(),
    ];
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    expect(new Set(ids).size).toBe(ids.length);
    await standIn.jobs.runUntilIdle();
    for (const id of ids) expect((await stash.jobs.find(id))?.status).toMatch(/FINISHED|FAILED/);
  });
});

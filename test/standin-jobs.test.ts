/**
 * The stand-in's jobs over real HTTP through the SDK: the queue and its
 * statuses under the manual clock, the graveyard, stopping, failures, a scan
 * that adds the disk's new files as scenes, the synchronous database tasks,
 * and the `logs` query.
 */
import { describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { standInPerTest } from "./helpers/standin";
import { startStandIn } from "../src/testing/index";
import type { FixtureFile } from "../src/testing/index";

const start = standInPerTest();

function video(path: string, extra: Partial<FixtureFile> = {}): FixtureFile {
  return { path, size: 1000, duration: 10, width: 640, height: 360, ...extra };
}

async function job(stash: StashClient, id: string) {
  return (await stash.ops.findJob({ input: { id } })).findJob;
}

async function sceneCount(stash: StashClient): Promise<number> {
  return (await stash.ops.findScenes({ filter: { per_page: 0 } })).findScenes.count;
}

describe("scan", () => {
  it("goes READY → RUNNING → FINISHED with rising progress, stays findable, and adds the disk's new files once", async () => {
    const { standIn, stash } = await start();
    await standIn.seed({
      scenes: [{ title: "Old", files: [video("/media/old.mp4")] }],
      disk: [video("/media/new/b.mp4"), video("/media/new/a.mp4"), video("/other/c.mp4")],
    });
    const { metadataScan: id } = await stash.ops.metadataScan({ input: { paths: ["/media/new"] } });
    const ready = await job(stash, id);
    expect(ready).toMatchObject({ id, status: "READY", description: "Scanning...", progress: null, startTime: null });
    expect((await stash.ops.jobQueue()).jobQueue?.map((j) => j.id)).toEqual([id]);

    await standIn.jobs.tick();
    expect(await job(stash, id)).toMatchObject({ status: "RUNNING", subTasks: ["Walking directory tree"] });
    const progress: number[] = [];
    const subTasks = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await standIn.jobs.tick();
      const now = (await job(stash, id))!;
      if (now.status !== "RUNNING") break;
      progress.push(now.progress ?? -1);
      for (const t of now.subTasks ?? []) subTasks.add(t);
    }
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[progress.length - 1]!).toBeGreaterThan(progress[0]!);
    expect(subTasks).toEqual(new Set(["Scanning /media/new/a.mp4", "Scanning /media/new/b.mp4"]));

    const done = (await job(stash, id))!;
    expect(done).toMatchObject({ status: "FINISHED", progress: 1, subTasks: null, error: null });
    expect(Date.parse(done.endTime!)).toBeGreaterThanOrEqual(Date.parse(done.startTime!));
    expect((await stash.ops.jobQueue()).jobQueue).toBeNull();
    expect(await sceneCount(stash)).toBe(3);
    const paths = (await stash.ops.findScenes({ filter: { per_page: -1, sort: "path", direction: "ASC" } })).findScenes.scenes;
    expect(paths.map((s) => s.files[0]?.path)).toEqual(["/media/new/a.mp4", "/media/new/b.mp4", "/media/old.mp4"]);

    // A scan of every path adds only the file not seen yet; another adds nothing.
    await stash.ops.metadataScan({ input: {} });
    await standIn.jobs.runUntilIdle();
    expect(await sceneCount(stash)).toBe(4);
    const again = (await stash.ops.metadataScan({ input: {} })).metadataScan;
    await standIn.jobs.runUntilIdle();
    expect(await sceneCount(stash)).toBe(4);
    expect(await job(stash, again)).toMatchObject({ status: "FINISHED" });
    expect(await job(stash, id)).toMatchObject({ status: "FINISHED" });
  });

  it("adds a file whose oshash a scene already has to that scene, and gives an orphaned library file a scene", async () => {
    const { standIn, stash } = await start();
    const ids = await standIn.seed({
      scenes: [{ title: "Copy", files: [video("/a/one.mp4", { oshash: "00000000000000aa" })] }, { title: "Gone", files: [video("/a/two.mp4")] }],
      disk: [video("/b/one-copy.mp4", { oshash: "00000000000000AA" })],
    });
    await stash.ops.sceneDestroy({ input: { id: ids.sceneIdsByTitle["Gone"]! } });
    await stash.ops.metadataScan({ input: {} });
    await standIn.jobs.runUntilIdle();
    const copy = (await stash.ops.findScene({ id: ids.sceneIdsByTitle["Copy"]! })).findScene!;
    expect(copy.files.map((f) => f.path)).toEqual(["/a/one.mp4", "/b/one-copy.mp4"]);
    expect(await sceneCount(stash)).toBe(2);
    const messages = standIn.logs.entries.map((e) => e.message);
    expect(messages).toContain("Adding /b/one-copy.mp4 to scene Copy");
    expect(messages).toContain("/a/two.mp4 doesn't exist. Creating new scene...");
  });

  it("notifies scanCompleteSubscribe when a scan finishes", async () => {
    const { standIn, stash } = await start();
    await standIn.seed({ disk: [video("/s/a.mp4")] });
    const events = stash.ops.scanCompleteSubscribe();
    let received: boolean | undefined;
    const first = events.next().then((step) => (received = step.value?.scanCompleteSubscribe));
    // The subscription registers asynchronously: scan again until it has heard one end.
    for (let i = 0; i < 100 && received === undefined; i++) {
      await stash.ops.metadataScan({ input: {} });
      await standIn.jobs.runUntilIdle();
      await new Promise((r) => setTimeout(r, 10));
    }
    await first;
    expect(received).toBe(true);
    await events.return!();
  });

  it("scans only inside the configured stash paths, warning about other paths", async () => {
    const { standIn, stash } = await start({ jobs: { clock: "manual" } });
    await standIn.seed({ disk: [video("/lib/a.mp4")] });
    await stash.ops.metadataScan({ input: { paths: ["/elsewhere"] } });
    await standIn.jobs.runUntilIdle();
    expect(await sceneCount(stash)).toBe(0);
    expect(standIn.logs.entries.map((e) => [e.level, e.message])).toContainEqual(["Warning", "/elsewhere is not in the configured stash paths"]);
  });

  it("ignores files modified before filter.minModTime", async () => {
    const { standIn, stash } = await start();
    await standIn.seed({
      disk: [video("/t/old.mp4", { mod_time: "2020-01-01 00:00:00" }), video("/t/new.mp4", { mod_time: "2024-06-01T00:00:00Z" })],
    });
    await stash.ops.metadataScan({ input: { filter: { minModTime: "2023-01-01T00:00:00Z" } } });
    await standIn.jobs.runUntilIdle();
    const scenes = (await stash.ops.findScenes({ filter: { per_page: -1 } })).findScenes.scenes;
    expect(scenes.map((s) => s.files[0]?.path)).toEqual(["/t/new.mp4"]);
    await expect(stash.ops.metadataScan({ input: { filter: { minModTime: "soon" } } })).rejects.toThrow();
    expect((await stash.ops.jobQueue()).jobQueue).toBeNull();
  });

  it("refuses a disk file that repeats a library path", async () => {
    const { standIn } = await start();
    await expect(standIn.seed({ scenes: [{ files: [video("/m/a.mp4")] }], disk: [video("/m/a.mp4")] })).rejects.toThrow(
      'invalid fixture: disk[0].path repeats the path "/m/a.mp4"',
    );
    await expect(standIn.seed({ disk: [{ path: "/m/b.mp4" } as FixtureFile] })).rejects.toThrow("invalid fixture: disk[0].size is required");
  });

  it("finishes on its own under the real clock", async () => {
    const { standIn, stash } = await start({ jobs: { stepMs: 1 } });
    await standIn.seed({ disk: [video("/d/x.mp4"), video("/d/y.mp4")] });
    const { metadataScan: id } = await stash.ops.metadataScan({ input: { paths: ["/d/"] } });
    for (let i = 0; i < 200 && (await job(stash, id))?.status !== "FINISHED"; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await job(stash, id)).toMatchObject({ status: "FINISHED", progress: 1 });
    expect(await sceneCount(stash)).toBe(2);
  });
});

describe("queue", () => {
  it("runs jobs one at a time, in order", async () => {
    const { standIn, stash } = await start();
    const ids = [
      (await stash.ops.metadataGenerate({ input: {} })).metadataGenerate,
      (await stash.ops.metadataAutoTag({ input: {} })).metadataAutoTag,
      (await stash.ops.optimiseDatabase()).optimiseDatabase,
    ];
    expect(ids.map(Number)).toEqual([Number(ids[0]), Number(ids[0]) + 1, Number(ids[0]) + 2]);
    const finished: string[] = [];
    for (let i = 0; i < 50 && finished.length < 3; i++) {
      await standIn.jobs.tick();
      const queue = (await stash.ops.jobQueue()).jobQueue ?? [];
      expect(queue.filter((j) => j.status === "RUNNING").length).toBeLessThanOrEqual(1);
      for (const id of ids) if (!queue.some((j) => j.id === id) && !finished.includes(id)) finished.push(id);
    }
    expect(finished).toEqual(ids);
    const descriptions = await Promise.all(ids.map(async (id) => (await job(stash, id))!.description));
    expect(descriptions).toEqual(["Generating...", "Auto-tagging...", "Optimising database..."]);
  });

  it("stop cancels a queued job at once and a running one via STOPPING", async () => {
    const { standIn, stash } = await start();
    const running = (await stash.ops.metadataGenerate({ input: {} })).metadataGenerate;
    const queued = (await stash.ops.metadataClean({ input: { dryRun: true } })).metadataClean;
    await standIn.jobs.tick();
    expect(await job(stash, running)).toMatchObject({ status: "RUNNING" });

    expect((await stash.ops.stopJob({ job_id: queued })).stopJob).toBe(true);
    expect(await job(stash, queued)).toMatchObject({ status: "CANCELLED", endTime: null });
    expect((await stash.ops.jobQueue()).jobQueue?.map((j) => j.id)).toEqual([running]);

    await stash.ops.stopJob({ job_id: running });
    expect(await job(stash, running)).toMatchObject({ status: "STOPPING" });
    await standIn.jobs.tick();
    expect(await job(stash, running)).toMatchObject({ status: "CANCELLED" });
    expect((await stash.ops.jobQueue()).jobQueue).toBeNull();
    // Unknown ids are accepted, as CancelJob ignores them.
    expect((await stash.ops.stopJob({ job_id: "999" })).stopJob).toBe(true);
  });

  it("stopAllJobs cancels everything", async () => {
    const { standIn, stash } = await start();
    const a = (await stash.ops.migrateBlobs({ input: {} })).migrateBlobs;
    const b = (await stash.ops.migrateHashNaming()).migrateHashNaming;
    await standIn.jobs.tick();
    await stash.ops.stopAllJobs();
    await standIn.jobs.runUntilIdle();
    expect((await job(stash, a))!.status).toBe("CANCELLED");
    expect((await job(stash, b))!.status).toBe("CANCELLED");
  });

  it("a job that throws ends FAILED with its error, and the log says why", async () => {
    const { standIn, stash } = await start();
    const id = standIn.jobs.enqueue("Exploding...", async (handle) => {
      await handle.step();
      throw new Error("boom");
    });
    await standIn.jobs.runUntilIdle();
    expect(await job(stash, id)).toMatchObject({ status: "FAILED", error: "boom", description: "Exploding..." });
    const logs = (await stash.ops.logs()).logs;
    expect(logs[0]).toMatchObject({ level: "Error", message: "task failed due to error: boom" });
  });

  it("reports ADD, UPDATE and REMOVE events as jobsSubscribe does", async () => {
    const { standIn } = await start();
    const events: string[] = [];
    standIn.jobs.events.on("update", (u: { type: string; job: { status: string; progress: number | null } }) =>
      events.push(`${u.type} ${u.job.status} ${u.job.progress}`),
    );
    standIn.jobs.enqueue("Two steps", async (handle) => {
      await handle.step();
      handle.progress(0.5);
      handle.progress(0.25); // never decreases: no event
      await handle.step();
      handle.progress(1);
    });
    await standIn.jobs.runUntilIdle();
    expect(events).toEqual(["ADD READY null", "UPDATE RUNNING null", "UPDATE RUNNING 0.5", "UPDATE RUNNING 1", "REMOVE FINISHED 1"]);
  });

  it("keeps the last ten ended jobs findable", async () => {
    const { standIn, stash } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push(standIn.jobs.enqueue(`job ${i}`, () => {}));
    await standIn.jobs.runUntilIdle();
    expect(await job(stash, ids[0]!)).toBeNull();
    expect(await job(stash, ids[10]!)).toMatchObject({ status: "FINISHED", description: "job 10" });
    expect(await job(stash, "12345")).toBeNull();
  });
});

describe("logs", () => {
  it("carry job messages newest first, keeping only entries at the configured level (Info)", async () => {
    const { standIn, stash } = await start();
    standIn.jobs.enqueue("Chatty...", (handle) => {
      handle.log("Debug", "debug detail");
      handle.log("Info", "info line");
      handle.log("Error", "error line");
    });
    await standIn.jobs.runUntilIdle();
    const logs = (await stash.ops.logs()).logs;
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ["Error", "error line"],
      ["Info", "info line"],
    ]);
    expect(standIn.logs.entries.map((e) => e.message)).toContain("debug detail");
    standIn.logs.level = "Debug";
    standIn.logs.add("Debug", "now kept");
    expect((await stash.ops.logs()).logs[0]).toMatchObject({ level: "Debug", message: "now kept" });
  });

  it("the scan's log lines follow Stash's", async () => {
    const { standIn, stash } = await start();
    await standIn.seed({ disk: [video("/n/one.mp4")] });
    await stash.ops.metadataScan({ input: {} });
    await standIn.jobs.runUntilIdle();
    const messages = (await stash.ops.logs()).logs.map((l) => l.message).reverse();
    expect(messages.slice(0, 3)).toEqual(["scanning 1 paths", "Finished adding files to queue. 1 files queued", "/n/one.mp4 doesn't exist. Creating new scene..."]);
    expect(messages[3]).toMatch(/^Scan finished \(\d+ms\)$/);
  });
});

describe("synchronous database tasks", () => {
  it("backupDatabase and anonymiseDatabase answer a download link with download, else null; exportObjects a zip link", async () => {
    const { standIn, stash } = await start({ now: () => new Date("2025-01-02T03:04:05Z"), jobs: { clock: "manual" } });
    const base = standIn.baseUrl;
    expect((await stash.ops.backupDatabase({ input: { download: true } })).backupDatabase).toMatch(
      new RegExp(`^${base}/downloads/[0-9a-f]{8}/stash-go\\.sqlite\\.75\\.20250102_030405$`),
    );
    expect((await stash.ops.backupDatabase({ input: {} })).backupDatabase).toBeNull();
    expect((await stash.ops.anonymiseDatabase({ input: { download: true } })).anonymiseDatabase).toMatch(
      /\/stash-go\.sqlite\.anonymous\.75\.20250102_030405$/,
    );
    expect((await stash.ops.exportObjects({ input: { scenes: { all: true } } })).exportObjects).toMatch(
      /\/downloads\/[0-9a-f]{8}\/export20250102-030405\.zip$/,
    );
    expect((await stash.ops.jobQueue()).jobQueue).toBeNull();
  });
});

describe("log level setting", () => {
  it("configureGeneral's logLevel decides which lines the logs query keeps", async () => {
    const standIn = await startStandIn();
    try {
      const stash = new StashClient({ url: standIn.url });
      await stash.ops.configureGeneral({ input: { logLevel: "Error" } });
      standIn.logs.add("Info", "quiet");
      standIn.logs.add("Error", "loud");
      const { logs } = await stash.ops.logs();
      expect(logs.map((l) => l.message)).toContain("loud");
      expect(logs.map((l) => l.message)).not.toContain("quiet");
    } finally {
      await standIn.close();
    }
  });
});

/**
 * `stash-gql scan` and `stash-gql jobs …` run in-process against stand-ins:
 * the progress bar on a (fake) terminal, the exit code of a failed job,
 * listing, waiting on and stopping jobs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program";
import { EXIT } from "../src/cli/exit-codes";
import { startStandIn, type StandIn, type StandInOptions } from "../src/testing/index";
import { capture } from "./helpers/cli-io";

const open: StandIn[] = [];

async function start(options: StandInOptions): Promise<StandIn> {
  const standIn = await startStandIn(options);
  open.push(standIn);
  return standIn;
}

afterEach(async () => {
  for (const standIn of open.splice(0)) await standIn.close();
});

function endless(standIn: StandIn, description: string): string {
  return standIn.jobs.enqueue(description, async (job) => {
    while (!job.stopping) await job.step();
  });
}

describe("stash-gql scan", () => {
  it("--wait draws a bar from the job's updates and prints the finished job", async () => {
    const standIn = await start({ jobs: { clock: "real", stepMs: 5 } });
    await standIn.seed({ disk: [{ path: "/m/a.mp4", size: 1000, duration: 10, width: 640, height: 360 }] });
    const c = capture({ stderrTTY: true });
    const code = await runCli(["scan", "/m", "--wait", "--url", standIn.url], c.io);
    expect(code, c.stderr()).toBe(0);
    expect(c.stdout()).toMatch(/^job \d+ FINISHED: Scanning/);
    expect(c.stderr()).toContain("scan [");
    expect(standIn.jobs.busy()).toBe(false);
  });

  it("without --wait prints the job id", async () => {
    const standIn = await start({ jobs: { clock: "manual" } });
    const c = capture();
    expect(await runCli(["scan", "--url", standIn.url], c.io)).toBe(0);
    const id = c.stdout().trim();
    expect(standIn.jobs.find(id)?.status).toBe("READY");
  });
});

describe("stash-gql jobs", () => {
  it("list shows the queue; stop stops a job; wait exits 1 when it was cancelled", async () => {
    const standIn = await start({ jobs: { clock: "manual" } });
    const empty = capture();
    expect(await runCli(["jobs", "list", "--url", standIn.url], empty.io)).toBe(0);
    expect(empty.stdout()).toBe("no jobs\n");

    const id = endless(standIn, "Long task");
    const listed = capture();
    expect(await runCli(["jobs", "list", "--url", standIn.url], listed.io)).toBe(0);
    expect(listed.stdout()).toMatch(new RegExp(`ID\\s+STATUS[\\s\\S]*\\n\\s*${id}\\s+READY\\s+Long task`));

    const waiting = capture();
    const waited = runCli(["jobs", "wait", id, "--url", standIn.url], waiting.io);
    const stopped = capture();
    expect(await runCli(["jobs", "stop", id, "--url", standIn.url], stopped.io)).toBe(0);
    expect(stopped.stdout()).toBe(`stop requested for job ${id}\n`);
    expect(await waited).toBe(EXIT.failure);
    expect(waiting.stderr()).toContain(`job ${id} (Long task) ended CANCELLED`);
  });

  it("wait prints a finished job, exits 1 with Stash's message for a failed one, 2 for a bad id", async () => {
    const standIn = await start({ jobs: { clock: "real", stepMs: 5 } });
    const ok = standIn.jobs.enqueue("fine", () => undefined);
    const good = capture();
    expect(await runCli(["jobs", "wait", ok, "--json", "--url", standIn.url], good.io)).toBe(0);
    expect(JSON.parse(good.stdout())).toMatchObject({ id: ok, status: "FINISHED" });

    const bad = standIn.jobs.enqueue("x", () => {
      throw new Error("boom");
    });
    const failed = capture();
    expect(await runCli(["jobs", "wait", bad, "--url", standIn.url], failed.io)).toBe(EXIT.failure);
    expect(failed.stderr()).toContain("FAILED: boom");

    const usage = capture();
    expect(await runCli(["jobs", "wait", "abc", "--url", standIn.url], usage.io)).toBe(EXIT.usage);
  });
});

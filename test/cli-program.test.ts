/**
 * The CLI run in-process with captured streams: progress bars on a (fake)
 * terminal, interrupts, timeouts, server errors, redaction, and the exit-code
 * mapping — the cases a subprocess cannot set up cheaply.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommanderError } from "commander";
import {
  StashAbortError,
  StashAuthError,
  StashError,
  StashGraphQLError,
  StashHttpError,
  StashNetworkError,
  StashNotStashError,
  StashTimeoutError,
  StashValidationError,
} from "../src/core/errors";
import { describeFailure, EXIT, exitCodeFor } from "../src/cli/exit-codes";
import { capture } from "./helpers/cli-io";
import { redactText } from "../src/cli/io";
import { runCli, secretsOf } from "../src/cli/program";
import { renderTable } from "../src/cli/table";
import { StashClient } from "../src/stash-client";
import { generateLibrary, startStandIn, type StandIn } from "../src/testing/index";

const library = generateLibrary({ scenes: 30, duplicateGroups: 3, seed: 5 });
let stash: StandIn;
let tmp: string;

beforeAll(async () => {
  stash = await startStandIn();
  await stash.seed(library);
  tmp = await mkdtemp(join(tmpdir(), "stash-gql-program-"));
});

afterAll(async () => {
  await stash?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("progress bars", () => {
  it("draw on stderr when it is a terminal and stdout is redirected", async () => {
    const c = capture({ stderrTTY: true });
    const code = await runCli(["scenes", "list", "--all", "--per-page", "7", "--url", stash.url], c.io);
    expect(code, c.stderr()).toBe(0);
    expect(c.stdout().trimEnd().split("\n")).toHaveLength(30);
    expect(c.stderr()).toContain("scenes [");
    expect(c.stderr()).toContain("30/30 100%");
  });

  it("stay off when stderr is not a terminal, when stdout shares the terminal, and with --no-progress", async () => {
    const runs = [
      capture({ stderrTTY: false }),
      capture({ stderrTTY: true, stdoutTTY: true }),
      capture({ stderrTTY: true }),
    ];
    const args = ["scenes", "list", "--all", "--url", stash.url];
    const codes = await Promise.all(runs.map((c, i) => runCli(i === 2 ? [...args, "--no-progress"] : args, c.io)));
    expect(codes).toEqual([0, 0, 0]);
    for (const c of runs) {
      expect(c.stderr()).toBe("");
      expect(c.stdout().trimEnd().split("\n")).toHaveLength(30);
    }
  });

  it("show the merges of duplicates clean --apply, then a summary", async () => {
    const own = await startStandIn();
    try {
      await own.seed(library);
      const groups = await new StashClient({ url: own.url }).findDuplicateScenesWrapper();
      expect(groups.length).toBeGreaterThan(0);
      const c = capture({ stderrTTY: true });
      const code = await runCli(["duplicates", "clean", "--keep", "oldest", "--apply", "--url", own.url], c.io);
      expect(code, c.stderr()).toBe(0);
      expect(c.stderr()).toContain("merging [");
      expect(c.stdout()).toContain(`${groups.length} merged, 0 failed, 0 skipped (of ${groups.length} groups)`);
    } finally {
      await own.close();
    }
  });
});

describe("failures", () => {
  it("an interrupt before the first request exits 130", async () => {
    const c = capture({ signal: AbortSignal.abort() });
    expect(await runCli(["scenes", "list", "--all", "--url", stash.url], c.io)).toBe(EXIT.interrupted);
    expect(c.stderr()).toBe("stash-gql: interrupted\n");
  });

  it("a server that does not answer within --timeout exits 4", async () => {
    stash.faults.set({ hang: true, times: 1 });
    try {
      const c = capture();
      expect(await runCli(["scenes", "get", "1", "--timeout", "300", "--url", stash.url], c.io)).toBe(EXIT.network);
      expect(c.stderr()).toMatch(/^stash-gql: .*no answer from .* within 300 ms; .*raise --timeout or check/);
      expect(c.stderr()).not.toContain("timeoutMs");
    } finally {
      stash.faults.clear();
    }
  });

  it("an HTTP 500 exits 1 with the server's message", async () => {
    stash.faults.set({ status: { code: 500, body: "database is locked" }, times: 1 });
    try {
      const c = capture();
      expect(await runCli(["duplicates", "--url", stash.url], c.io)).toBe(EXIT.failure);
      expect(c.stderr()).toMatch(/^stash-gql: .*HTTP 500 .*database is locked/);
      expect(c.stderr().trimEnd().split("\n")).toHaveLength(1);
    } finally {
      stash.faults.clear();
    }
  });

  it("contradictory or incomplete flags exit 2 before any request", async () => {
    stash.resetStats();
    const inline = capture();
    const paging = capture();
    expect(await runCli(["duplicates", "--inline-images", "--url", stash.url], inline.io)).toBe(EXIT.usage);
    expect(inline.stderr()).toBe("stash-gql: --inline-images needs --html <file>\n");
    expect(await runCli(["scenes", "list", "--all", "--page", "2", "--url", stash.url], paging.io)).toBe(EXIT.usage);
    expect(paging.stderr()).toMatch(/^stash-gql: --page does not go with --all/);
    expect(stash.requests).toBe(0);
  });

  it("a --filter-json the server's schema rejects is a usage error (exit 2) with the server's hint", async () => {
    const c = capture();
    expect(await runCli(["scenes", "list", "--filter-json", '{"organised": true}', "--url", stash.url], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toMatch(/^stash-gql: --filter-json: .*"organised" is not defined by type "SceneFilterType"\. Did you mean "organized"\?\n$/);
    expect(c.stdout()).toBe("");
  });

  it("a report that cannot be written exits 1 and names the path", async () => {
    const c = capture({ cwd: tmp });
    expect(await runCli(["duplicates", "--html", "missing-dir/report.html", "--url", stash.url], c.io)).toBe(EXIT.failure);
    expect(c.stderr()).toContain(`cannot write the report to ${join(tmp, "missing-dir/report.html")}: ENOENT`);
  });

  it("redacts the API key even where commander echoes an argument", async () => {
    const key = "echoed-key-55aa";
    const c = capture();
    expect(await runCli(["scenes", "get", key, "--api-key", key, "--url", stash.url], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toContain("'[redacted]' is invalid for argument 'id'");
    expect(c.stderr()).not.toContain(key);
  });
});

describe("output hygiene", () => {
  it("never prints the API key, even where Stash writes it into stream URLs", async () => {
    const key = "cli-visible-key-7f7f";
    const keyed = await startStandIn({ apiKey: key });
    try {
      const ids = await keyed.seed({ scenes: [{ title: "Keyed", files: [{ path: "/k/a.mp4", size: 10, duration: 5, width: 640, height: 360, phash: "0f0f0f0f0f0f0f0f" }] }] });
      const c = capture({ env: { STASH_API_KEY: key } });
      expect(await runCli(["scenes", "get", ids.scenes[0]!, "--json", "--url", keyed.url], c.io)).toBe(0);
      const out = c.stdout();
      expect(out).not.toContain(key);
      expect(JSON.parse(out).paths.stream).toMatch(/\?apikey=\[redacted\]$/);
    } finally {
      await keyed.close();
    }
  });
});

describe("redaction where a key can be, not inside data", () => {
  // The key is also part of a file path and a title: those are data and print as they are.
  const key = "secret";

  it("hides the key in stream URLs but prints paths and titles that contain its text", async () => {
    const keyed = await startStandIn({ apiKey: key });
    try {
      const file = { path: "/media/secret/clip.mp4", size: 10, duration: 5, width: 640, height: 360, phash: "1f1f1f1f1f1f1f1f" };
      const ids = await keyed.seed({ scenes: [{ title: "The secret garden", files: [file] }] });
      const get = capture({ env: { STASH_API_KEY: key } });
      expect(await runCli(["scenes", "get", ids.scenes[0]!, "--json", "--url", keyed.url], get.io)).toBe(0);
      const scene = JSON.parse(get.stdout());
      expect(scene.files[0].path).toBe("/media/secret/clip.mp4");
      expect(scene.title).toBe("The secret garden");
      expect(scene.paths.stream).toMatch(/\?apikey=\[redacted\]$/);
      expect(get.stdout()).not.toMatch(/apikey=secret/);
      const list = capture({ env: { STASH_API_KEY: key } });
      expect(await runCli(["scenes", "list", "--url", keyed.url], list.io)).toBe(0);
      expect(list.stdout()).toContain("/media/secret/clip.mp4");
    } finally {
      await keyed.close();
    }
  });

  it("hides it in URLs, key fields and headers of data, and anywhere in messages", () => {
    const data = [
      "/media/secret/a.mp4",
      "http://h:9999/scene/1/stream?apikey=secret&x=1",
      "http://h/secret/b.mp4",
      '{"apiKey":"secret","path":"/secret"}',
      "ApiKey: secret",
      "Authorization: Bearer secret",
      "Authorization: pending",
    ].join("\n");
    expect(redactText(data, [key], "data").split("\n")).toEqual([
      "/media/secret/a.mp4",
      "http://h:9999/scene/1/stream?apikey=[redacted]&x=1",
      "http://h/[redacted]/b.mp4",
      '{"apiKey":"[redacted]","path":"/secret"}',
      "ApiKey: [redacted]",
      "Authorization: Bearer [redacted]",
      "Authorization: pending",
    ]);
    expect(redactText("cannot write /media/secret/a.mp4", [key], "messages")).toBe("cannot write /media/[redacted]/a.mp4");
    expect(redactText("http://h/s?apikey=a%2Fb", ["a/b"], "data")).toBe("http://h/s?apikey=[redacted]");
    expect(redactText("no key here", [], "messages")).toBe("no key here");
  });
});

describe("option placement", () => {
  it("duplicates' own flags stay its own, while --url before `clean` still reaches clean", async () => {
    const c = capture();
    const code = await runCli(["duplicates", "--url", stash.url, "--keep", "oldest", "clean", "--keep", "largest", "--json"], c.io);
    expect(code, c.stderr()).toBe(0);
    const out = JSON.parse(c.stdout());
    expect(out).toMatchObject({ dryRun: true, strategy: "largest" });
    expect(out.groups.length).toBeGreaterThan(0);
  });
});

describe("exit codes and helpers", () => {
  it("map each error class to its documented code", () => {
    const http = (status: number) => ({ status, bodyExcerpt: "" });
    const cases: [unknown, number][] = [
      [new StashValidationError("id", "must be numeric"), EXIT.usage],
      [new StashAuthError("401", http(401)), EXIT.auth],
      [new StashNetworkError("refused"), EXIT.network],
      [new StashTimeoutError("slow", 10), EXIT.network],
      [new StashAbortError("stop"), EXIT.interrupted],
      [new StashNotStashError("http://h/graphql", "no version"), EXIT.notStash],
      [new StashHttpError("500", http(500)), EXIT.failure],
      [new StashGraphQLError("bad", [], null), EXIT.failure],
      [new StashError("other"), EXIT.failure],
      [new Error("bug"), EXIT.failure],
      [new CommanderError(1, "commander.unknownOption", "x"), EXIT.usage],
      [new CommanderError(0, "commander.helpDisplayed", "x"), EXIT.ok],
      [new CommanderError(1, "schema.pull", "x"), 1],
    ];
    expect(cases.map(([err]) => exitCodeFor(err))).toEqual(cases.map(([, code]) => code));
  });

  it("fold a message into one line, and leave commander's own messages alone", () => {
    expect(describeFailure(new StashError("first\n  second"))).toBe("first second");
    expect(describeFailure(new CommanderError(1, "commander.unknownOption", "printed already"))).toBeNull();
    expect(describeFailure(new TypeError("boom"))).toBe("unexpected error: boom");
  });

  it("find the keys to redact in flags and the environment", () => {
    expect(secretsOf(["x", "--api-key", "a1", "--api-key=b2"], { STASH_API_KEY: " c3 " }).sort()).toEqual(["a1", "b2", "c3"]);
    expect(secretsOf(["--url", "http://x"], {})).toEqual([]);
  });

  it("render tables with aligned columns and cut long cells", () => {
    const text = renderTable(
      [{ header: "ID", right: true }, { header: "NAME", max: 6 }, { header: "PATH" }],
      [
        ["7", "short", "/a"],
        ["123", "much longer", "/b/c"],
      ],
    );
    expect(text).toBe(" ID  NAME    PATH\n  7  short   /a\n123  much …  /b/c\n");
  });
});

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CommanderError } from "commander";
import { buildSchema, introspectionFromSchema } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { StashError, StashNotStashError } from "../src/core/errors";
import { schemaPullCommand } from "../src/schema/command";
import { SchemaPullError } from "../src/schema/errors";
import { pullSchema, type PullOptions } from "../src/schema/pull";
import { UPSTREAM_TYPE_FILES } from "../src/schema/upstream-types";
import { closedUrl, graphqlHandler, listen, splitSnapshot, type Running } from "./fixtures/schema/servers";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotPath = (v: string) => join(root, "schema", "versions", `${v}.graphql`);
const OLD = "v0.29.3";
const NEW = "v0.30.1";
const snap: Record<string, string> = {};
let tmp: string;
const servers: Running[] = [];

beforeAll(async () => {
  for (const v of [OLD, NEW]) snap[v] = await readFile(snapshotPath(v), "utf8");
  tmp = await mkdtemp(join(tmpdir(), "schema-tool-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(...args: Parameters<typeof listen>): Promise<Running> {
  const s = await listen(...args);
  servers.push(s);
  return s;
}

const sdlOf = (v: string) => snap[v] ?? "";
let outCount = 0;
const freshOut = () => join(tmp, `out-${++outCount}`, "stash.graphql");
const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;

/** Runs a pull that must fail (with a SchemaPullError code, or StashNotStashError), and checks the existing snapshot survived untouched. */
async function expectFailure(options: PullOptions, code: SchemaPullError["code"] | typeof StashNotStashError, message: RegExp): Promise<StashError> {
  const out = freshOut();
  const metaPath = join(dirname(out), "stash.json");
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, sdlOf(OLD));
  await writeFile(metaPath, JSON.stringify({ seeded: out }));
  const before = { sdl: await readFile(out, "utf8"), meta: await readFile(metaPath, "utf8"), files: await readdir(dirname(out)) };
  const err = await pullSchema({ ...options, out }).then(
    () => null,
    (e: unknown) => e,
  );
  if (typeof code === "string") {
    expect(err).toBeInstanceOf(SchemaPullError);
    expect((err as SchemaPullError).code).toBe(code);
  } else expect(err).toBeInstanceOf(code);
  expect((err as StashError).message).toMatch(message);
  expect(await readFile(out, "utf8")).toBe(before.sdl);
  expect(await readFile(metaPath, "utf8")).toBe(before.meta);
  expect(await readdir(dirname(out))).toEqual(before.files);
  return err as StashError;
}

describe("--from", () => {
  it("reproduces a committed snapshot byte for byte and infers its version from the path", async () => {
    const out = freshOut();
    const r = await pullSchema({ from: `schema/versions/${OLD}.graphql`, cwd: root, out, pulledAt: "2025-01-02T03:04:05.000Z" });
    expect(await readFile(out, "utf8")).toBe(sdlOf(OLD));
    expect(r.metaPath).toBe(join(dirname(out), "stash.json"));
    expect(await readJson(r.metaPath)).toEqual({ stashVersion: OLD, source: `from:schema/versions/${OLD}.graphql`, pulledAt: "2025-01-02T03:04:05.000Z" });
    expect(r.bytes).toBe(Buffer.byteLength(sdlOf(OLD)));
    expect(await readdir(dirname(out))).toEqual(["stash.graphql", "stash.json"]);
  });

  it("reads a directory of split SDL files recursively, and --stash-version overrides the path", async () => {
    const dir = join(tmp, "split", NEW);
    for (const [name, text] of splitSnapshot(sdlOf(NEW), ["b.graphql", "a.graphql", "c.graphql"])) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    await writeFile(join(dir, "README.md"), "not SDL");
    const out = freshOut();
    const inferred = await pullSchema({ from: dir, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(NEW));
    expect(inferred.stashVersion).toBe(NEW);
    const overridden = await pullSchema({ from: dir, out, stashVersion: "v9.9.9" });
    expect((await readJson(overridden.metaPath)).stashVersion).toBe("v9.9.9");
  });

  it("accepts a saved introspection result and records null when no version is in the path", async () => {
    const file = join(tmp, "introspection.json");
    await writeFile(file, JSON.stringify({ data: introspectionFromSchema(buildSchema(sdlOf(NEW))) }));
    const out = freshOut();
    const r = await pullSchema({ from: file, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(NEW));
    expect(r.stashVersion).toBeNull();
  });

  it("refuses missing paths, non-schemas and non-Stash schemas", async () => {
    await expectFailure({ from: join(tmp, "nope") }, "options", /--from: .*nope does not exist/);
    const bad = join(tmp, "bad.graphql");
    await writeFile(bad, "type Query { x: Nope }");
    await expectFailure({ from: bad }, "schema", /does not form a valid schema.*Nope/);
    const other = join(tmp, "other.graphql");
    await writeFile(other, "type Query { hello: String }");
    await expectFailure({ from: other }, "schema", /no Scene type/);
  });
});

describe("--ref", () => {
  function upstream(v: string, names: readonly string[], listing: boolean): Promise<Running> {
    const files = splitSnapshot(sdlOf(v), names);
    return serve((req, _body, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/list") {
        if (!listing) return void res.writeHead(404).end("{}");
        const entries = names.map((name) => ({ name, type: "file" }));
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(entries));
      }
      const prefix = `/${v}/graphql/schema/`;
      const text = url.pathname.startsWith(prefix) ? files.get(url.pathname.slice(prefix.length)) : undefined;
      if (text === undefined) return void res.writeHead(404).end("404: Not Found");
      res.writeHead(200, { "content-type": "text/plain" }).end(text);
    });
  }

  it("uses the type-file listing when it answers, including names the built-in list lacks", async () => {
    const names = ["scene.graphql", "only-in-listing.graphql"];
    expect(UPSTREAM_TYPE_FILES).not.toContain("only-in-listing.graphql");
    const s = await upstream(OLD, names, true);
    const out = freshOut();
    const r = await pullSchema({ ref: OLD, baseUrl: s.url, listUrl: `${s.url}/list?ref={ref}`, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(OLD));
    expect(await readJson(r.metaPath)).toMatchObject({ stashVersion: OLD, source: `ref:${OLD}` });
    expect(r.warnings).toEqual([]);
    expect(s.seen.map((q) => q.path)).toContain(`/list?ref=${OLD}`);
  });

  it("falls back to the built-in list when the listing fails, skipping names the release lacks", async () => {
    const s = await upstream(NEW, UPSTREAM_TYPE_FILES.slice(0, 4), false);
    const out = freshOut();
    const r = await pullSchema({ ref: NEW, baseUrl: `${s.url}/`, listUrl: `${s.url}/list`, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(NEW));
    expect(r.warnings.join("\n")).toMatch(/could not list the type files .*HTTP 404.*built-in list/);
    const asked = s.seen.filter((q) => q.path.includes("/types/")).length;
    expect(asked).toBe(UPSTREAM_TYPE_FILES.length);
  });

  it("reports an unknown ref, a bad ref and an unreachable base URL", async () => {
    const s = await upstream(NEW, ["scene.graphql"], true);
    await expectFailure({ ref: "v0.0.1", baseUrl: s.url, listUrl: `${s.url}/list` }, "http", /--ref v0\.0\.1: .*schema\.graphql was not found \(HTTP 404\)/);
    await expectFailure({ ref: "../etc", baseUrl: s.url }, "options", /--ref: "\.\.\/etc" is not a release tag/);
    const gone = await closedUrl();
    await expectFailure({ ref: NEW, baseUrl: gone, listUrl: `${gone}/list` }, "connect", /could not connect to http:\/\/127\.0\.0\.1:\d+\/v0\.30\.1\/graphql\/schema\/schema\.graphql/);
  });
});

describe("--endpoint", () => {
  it("introspects a base URL and reproduces the release snapshot byte for byte", async () => {
    const s = await serve(graphqlHandler({ sdl: sdlOf(NEW), version: NEW }));
    const out = freshOut();
    const r = await pullSchema({ endpoint: s.url, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(NEW));
    expect(await readJson(r.metaPath)).toMatchObject({ stashVersion: NEW, source: `endpoint:${s.url}/graphql` });
    expect(s.seen.every((q) => q.headers["apikey"] === undefined)).toBe(true);
    expect(s.seen.some((q) => q.body.includes("build_time"))).toBe(true);
  });

  it("sends the API key as the ApiKey header, and never shows it", async () => {
    const key = "secret-key-1234";
    const s = await serve(graphqlHandler({ sdl: sdlOf(OLD), version: OLD, apiKey: key }));
    const out = freshOut();
    const r = await pullSchema({ endpoint: `${s.url}/graphql`, apiKey: key, out });
    expect(await readFile(out, "utf8")).toBe(sdlOf(OLD));
    expect(s.seen.every((q) => q.headers["apikey"] === key)).toBe(true);
    expect(await readFile(r.metaPath, "utf8")).not.toContain(key);
    const missing = await expectFailure({ endpoint: s.url }, "auth", /HTTP 401: the API key is missing or wrong \(no API key was given/);
    const wrong = await expectFailure({ endpoint: s.url, apiKey: "nope-9876" }, "auth", /API key is missing or wrong \(the API key given with --api-key was refused\)/);
    expect(missing.message + wrong.message).not.toMatch(/secret-key|nope-9876/);
    // One error hierarchy: a StashError whose serialized forms keep the code and never the key.
    expect(wrong).toBeInstanceOf(StashError);
    expect(wrong.toJSON()).toMatchObject({ name: "SchemaPullError", code: "auth" });
    expect(JSON.stringify(wrong.toJSON()) + inspect(wrong)).not.toContain("nope-9876");
  });

  it("tolerates a server that cannot report its version", async () => {
    const s = await serve(graphqlHandler({ sdl: sdlOf(NEW), version: null }));
    const r = await pullSchema({ endpoint: s.url, out: freshOut() });
    expect(r.stashVersion).toBeNull();
    expect(r.warnings.join("\n")).toMatch(/did not report its version/);
  });

  it("refuses garbage, JSON that is not a schema, a non-Stash schema and an unreachable server", async () => {
    const html = await serve((_q, _b, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>"));
    await expectFailure({ endpoint: html.url }, "response", /answered with something that is not JSON \("<html>login<\/html>"\)/);
    // The client core only reads JSON it was told is JSON.
    const untyped = await serve((_q, _b, res) => void res.writeHead(200).end(JSON.stringify({ data: { hello: "world" } })));
    await expectFailure({ endpoint: untyped.url }, "response", /answered with something that is not JSON/);
    const json = await serve((_q, _b, res) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { hello: "world" } })));
    await expectFailure({ endpoint: json.url }, StashNotStashError, /server at .*\/graphql does not look like Stash \(the response is not a GraphQL introspection result/);
    const other = await serve(graphqlHandler({ sdl: "type Query { hello: String }", version: NEW }));
    await expectFailure({ endpoint: other.url }, StashNotStashError, /does not look like Stash \(the schema has no Scene type\)/);
    const gone = await closedUrl();
    await expectFailure({ endpoint: gone }, "connect", new RegExp(`could not connect to ${gone}/graphql .*check the URL and that the server is running`));
    const silent = await serve(() => undefined);
    await expectFailure({ endpoint: silent.url, timeoutMs: 150 }, "connect", /no answer from .* within 150 ms/);
  });
});

describe("--endpoint through the client core", () => {
  it("applies the client's URL rule: /graphql after a path prefix, 0.0.0.0 to loopback", async () => {
    const prefixed = await serve((_q, _b, res) => void res.writeHead(404, { "content-type": "text/plain" }).end("no such page"));
    await expectFailure({ endpoint: `${prefixed.url}/stash/` }, "http", /\/stash\/graphql answered HTTP 404 \("no such page"\)/);
    expect(prefixed.seen.map((q) => q.path)).toEqual(["/stash/graphql"]);
    const s = await serve(graphqlHandler({ sdl: sdlOf(NEW), version: NEW }));
    const r = await pullSchema({ endpoint: s.url.replace("127.0.0.1", "0.0.0.0"), out: freshOut() });
    expect(r.source).toBe(`endpoint:${s.url}/graphql`);
  });

  it("falls back to the plain introspection query when the server rejects inputValueDeprecation with a 422", async () => {
    const plain = graphqlHandler({ sdl: sdlOf(OLD), version: OLD });
    const s = await serve((req, body, res) => {
      if (!body.includes("inputFields(includeDeprecated: true)")) return plain(req, body, res);
      res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "Unknown argument includeDeprecated" }] }));
    });
    const r = await pullSchema({ endpoint: s.url, out: freshOut() });
    expect(r.stashVersion).toBe(OLD);
    expect(r.sdl).toContain("type Scene {");
    const introspections = s.seen.filter((q) => q.body.includes("__schema"));
    expect(introspections.map((q) => q.body.includes("inputFields(includeDeprecated: true)"))).toEqual([true, false]);
    const refused = await serve((_q, _b, res) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "introspection disabled" }] })));
    await expectFailure({ endpoint: refused.url }, "response", /did not answer the introspection query: introspection disabled/);
  });
});

describe("options and output", () => {
  it("names the problem for bad or conflicting options", async () => {
    await expectFailure({}, "options", /no source: give one of --endpoint/);
    await expectFailure({ from: "x", ref: NEW }, "options", /conflicting sources: .*--from, --ref/);
    await expectFailure({ from: "x", apiKey: "k" }, "options", /--api-key only applies to --endpoint/);
    // The client's URL rule and its words.
    await expectFailure({ endpoint: "localhost 9999" }, "options", /--endpoint: "localhost 9999" is not an absolute URL/);
    await expectFailure({ endpoint: "ftp://localhost" }, "options", /--endpoint: scheme "ftp" is not supported/);
    await expect(pullSchema({ from: snapshotPath(OLD), out: join(tmp, "x.json") })).rejects.toThrow(/--out: .*ends in \.json/);
  });

  it("leaves no temporary file behind when the final rename fails", async () => {
    const dir = join(tmp, "rename-fails");
    await mkdir(join(dir, "stash.graphql"), { recursive: true });
    const err = await pullSchema({ from: snapshotPath(OLD), out: join(dir, "stash.graphql") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaPullError);
    expect((err as SchemaPullError).message).toMatch(/could not write .*stash\.graphql/);
    expect(await readdir(dir)).toEqual(["stash.graphql"]);
  });

  it("the command prints one prefixed line and exits 1 on failure", async () => {
    const err: string[] = [];
    const cmd = schemaPullCommand({ writeErr: (t) => err.push(t), writeOut: () => undefined }).exitOverride();
    const failure = await cmd.parseAsync(["--from", join(tmp, "missing")], { from: "user" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommanderError);
    expect((failure as CommanderError).exitCode).toBe(1);
    expect(err.join("")).toMatch(/^schema:pull: --from: .*missing does not exist\n$/);
  });
});

describe("the schema:pull command and its entry script", () => {
  const command = () => {
    const out: string[] = [];
    const err: string[] = [];
    const cmd = schemaPullCommand({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) }).exitOverride();
    return { cmd, out, err };
  };

  it("prints a one-line summary on success", async () => {
    const out = freshOut();
    const { cmd, out: printed, err } = command();
    await cmd.parseAsync(["--from", snapshotPath(OLD), "--out", out], { from: "user" });
    expect(err).toEqual([]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(out);
    expect(printed[0]).toContain(OLD);
    expect(printed[0]).toContain(`${Buffer.byteLength(sdlOf(OLD))} bytes`);
    expect(await readFile(out, "utf8")).toBe(sdlOf(OLD));
  });

  it("prints help", async () => {
    const { cmd, out } = command();
    const shown = await cmd.parseAsync(["--help"], { from: "user" }).catch((e: unknown) => e);
    expect(shown).toBeInstanceOf(CommanderError);
    expect((shown as CommanderError).exitCode).toBe(0);
    for (const flag of ["--endpoint", "--api-key", "--from", "--ref", "--base-url", "--list-url", "--out"]) expect(out.join("")).toContain(flag);
  });

  it("as a subprocess, exits 1 with one line on stderr and never shows the key", async () => {
    // The one subprocess: what src/cli/schema-pull.ts itself adds is reading argv and the exit code.
    const out = freshOut();
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, sdlOf(OLD));
    const s = await serve(graphqlHandler({ sdl: sdlOf(NEW), version: NEW, apiKey: "right" }));
    const bad = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/schema-pull.ts", "--endpoint", s.url, "--api-key", "wrong-key-5555", "--out", out], {
      cwd: root,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^schema:pull: .*the API key is missing or wrong.*\n$/);
    expect(bad.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(bad.stdout + bad.stderr).not.toContain("wrong-key-5555");
    expect(await readFile(out, "utf8")).toBe(sdlOf(OLD));
  });
});

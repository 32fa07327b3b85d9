/**
 * The README's TypeScript, so documented code cannot rot. Every ```ts block
 * under one heading runs against a freshly seeded stand-in: each is the body
 * of an async function receiving `stash`, `ids` and `assert`, with imports
 * from the package mapped to the source. Every other block (quick start, typed
 * documents, testing kit, errors) must compile as a module of its own, and the
 * testing-kit snippet, which needs no real server, runs. All blocks are
 * type-checked against the public types in one program.
 */
import { extractExamples, type CodeExample } from "./helpers/markdown";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import * as sdk from "../src/index";
import { startStandIn, type Fixture, type SeedResult } from "../src/testing/index";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the examples live; the lead may point this at README.md. */
const SOURCE = { file: fileURLToPath(new URL("../README.md", import.meta.url)), heading: "Scene API examples" };

/** The 26 methods of the ported Python scene API, each of which must have an example. */
const SEED_METHODS = [
  "findScene", "findScenes", "createScene", "updateScene", "findDuplicateScenes", "parseSceneFilenames", "sceneWall",
  "bulkSceneUpdate", "scenesUpdate", "sceneGenerateScreenshot", "findSceneByHash", "sceneDestroy", "scenesDestroy",
  "sceneMerge", "sceneAddO", "sceneDeleteO", "sceneResetO", "sceneSaveActivity", "sceneResetActivity", "sceneAddPlay",
  "sceneDeletePlay", "sceneResetPlayCount", "findScenesByPathRegex", "sceneStreams", "mergeSceneMarkers",
  "findDuplicateScenesWrapper",
];

/** `import { … } from "stash-graphql-client"` in a block. */
const PACKAGE_IMPORT = /^import\s+\{([^}]*)\}\s+from\s+["']stash-graphql-client["'];?$/gm;

type Example = (stash: sdk.StashClient, ids: SeedResult, assert: typeof import("node:assert/strict"), pkg: typeof sdk) => Promise<void>;

/** Turns a block into a callable: package imports become destructuring, types are stripped. */
function compile(example: CodeExample): Example {
  const body = example.code
    .replace(PACKAGE_IMPORT, "const {$1} = __pkg;")
    .replace(/^import\s+assert\s+from\s+["']node:assert(\/strict)?["'];?$/gm, "");
  if (/^\s*import\s/m.test(body)) throw new Error(`example "${example.name}" imports something other than the package or assert`);
  const source = `async function __example(stash, ids, assert, __pkg) {\n${body}\n}`;
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
  return new Function(`${js}\nreturn __example;`)() as Example;
}

/** Points the package's import specifiers at the sources, from a file in `fromDir`. */
function localImports(code: string, fromDir: string): string {
  const src = (sub: string) => JSON.stringify(join(ROOT, "src", sub).replace(/\\/g, "/").replace(fromDir.replace(/\\/g, "/"), "."));
  return code
    .replace(/from\s+["']stash-graphql-client\/testing["']/g, `from ${src("testing/index")}`)
    .replace(/from\s+["']stash-graphql-client\/operations["']/g, `from ${src("operations")}`)
    .replace(/from\s+["']stash-graphql-client\/plugin["']/g, `from ${src("plugin/index")}`)
    .replace(/from\s+["']stash-graphql-client\/(core|scenes|markers|jobs)["']/g, (_m, entry: string) => `from ${src(`entries/${entry}`)}`)
    .replace(/from\s+["']stash-graphql-client["']/g, `from ${src("index")}`);
}

/** The runnable examples as one module: `stash` is a StashClient and `ids` has exactly the sample library's names. */
function examplesModule(all: readonly CodeExample[]): string {
  const imported = new Set<string>(["StashClient"]);
  const bodies = all.map((e, i) => {
    const body = e.code.replace(PACKAGE_IMPORT, (_m, names: string) => {
      for (const n of names.split(",")) if (n.trim()) imported.add(n.trim());
      return "";
    });
    return `// ${e.name}\nexport async function example${i}() {\n${body}\n}\n`;
  });
  const keys = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(" | ");
  const header = [
    `import assert from "node:assert/strict";`,
    `import { ${[...imported].join(", ")} } from "../src/index";`,
    `declare const stash: StashClient;`,
    `declare const ids: {`,
    `  sceneIdsByTitle: Record<${keys((LIBRARY.scenes ?? []).map((s) => s.title!))}, string>;`,
    `  tags: Record<"beach" | "outdoor" | "city" | "night" | "sunset" | "arrival", string>;`,
    `  studios: Record<"Cobalt", string>;`,
    `  performers: Record<"Alex Stone", string>;`,
    `};`,
  ].join("\n");
  return `${header}\n${bodies.join("\n")}`;
}

/**
 * Type-checks the runnable examples (one module) and every other snippet (a
 * module each) in one in-memory program, so the public types are checked once.
 */
function typeErrors(runnable: readonly CodeExample[], others: readonly CodeExample[]): { examples: string[]; snippets: string[] } {
  const dir = join(ROOT, "test");
  const examplesFile = join(dir, "__readme_examples__.ts");
  const examplesText = examplesModule(runnable);
  const snippetFiles = others.map((_, i) => join(dir, `__readme_snippet_${i}__.ts`));
  const files = new Map([[examplesFile, examplesText], ...others.map((e, i) => [snippetFiles[i]!, `${localImports(e.code, dir)}\nexport {};\n`] as const)]);
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = { ...config!.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.fileExists = (f) => files.has(f) || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = files.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics = (f: string) => {
    const file = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => ({ d, file }));
  };
  const examples = diagnostics(examplesFile).map(({ d, file }) => {
    const { line } = file.getLineAndCharacterOfPosition(d.start ?? 0);
    const context = examplesText.split("\n").slice(0, line + 1).reverse().find((l) => l.startsWith("// ")) ?? "";
    return `${context.slice(3)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  const snippets = snippetFiles.flatMap((f, i) =>
    diagnostics(f).map(({ d }) => `README line ${others[i]!.line} (${others[i]!.name}): ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
  );
  return { examples, snippets };
}

const P1 = "a1b2c3d4e5f60718";
const P2 = "5e4d3c2b1a09f8e7"; // every bit flipped: far from P1 at any distance
const video = (path: string, n: number, phash: string, duration: number) => ({
  path,
  size: 50_000_000 + n,
  duration,
  width: 1920,
  height: 1080,
  phash,
  md5: String(n).repeat(32).slice(0, 32),
  oshash: String(n).repeat(16).slice(0, 16),
});

/** The sample library the examples describe. */
const LIBRARY: Fixture = {
  tags: ["night"],
  scenes: [
    {
      title: "Beach Day",
      details: "A sunny walk along the shore",
      date: "2023-07-14",
      rating100: 80,
      studio: "Cobalt",
      tags: ["beach", "outdoor"],
      performers: ["Alex Stone"],
      files: [video("/media/beach/Beach Day.mp4", 1, P1, 600)],
      markers: [{ title: "Sunset", seconds: 120, primary_tag: "sunset" }],
      play_history: ["2024-01-01T20:00:00Z", "2024-02-01T20:00:00Z"],
      o_history: ["2024-01-01T20:30:00Z", "2024-02-01T20:30:00Z"],
    },
    {
      title: "Beach Day (copy)",
      files: [video("/media/dupes/beach-day-copy.mp4", 2, P1, 601)],
      markers: [{ title: "Arrival", seconds: 10, primary_tag: "arrival" }],
      play_history: ["2024-03-01T20:00:00Z"],
    },
    {
      title: "City Lights",
      details: "Night drive through the city",
      tags: ["city", "night"],
      files: [video("/media/city/City Lights.mp4", 3, P2, 900)],
    },
    { title: "Draft" },
  ],
};

const examples = extractExamples(SOURCE.file, SOURCE.heading);
const runnableLines = examples.map((e) => e.line);
const snippets = extractExamples(SOURCE.file).filter((e) => !runnableLines.includes(e.line));
let checked: ReturnType<typeof typeErrors> | undefined;
const typeCheck = () => (checked ??= typeErrors(examples, snippets));

describe(`examples in ${SOURCE.heading}`, () => {
  it("has one example for each of the 26 seed methods", () => {
    expect(new Set(examples.map((e) => e.name))).toEqual(new Set(SEED_METHODS));
  });

  it("type-checks against the public types", () => {
    expect(typeCheck().examples).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.name} (line ${e.line})`, e] as const))("%s", async (_label, example) => {
    const run = compile(example);
    const standIn = await startStandIn();
    try {
      const ids = await standIn.seed(LIBRARY);
      const stash = new sdk.StashClient({ url: standIn.url, retry: false });
      const before = standIn.requests;
      await run(stash, ids, assert, sdk);
      expect(standIn.requests).toBeGreaterThan(before);
    } finally {
      await standIn.close();
    }
  });
});

describe("the README's other snippets", () => {
  it("are found outside the runnable examples", () => {
    expect(snippets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Quick start", "Typed documents with your own client", "The testing kit: a stand-in Stash server", "Errors, retries and timeouts"]),
    );
  });

  it("each compile against the public types", () => {
    expect(typeCheck().snippets).toEqual([]);
  });

  it("the testing-kit snippet runs as written, printing nothing", async () => {
    const kit = snippets.find((s) => s.name.startsWith("The testing kit"))!;
    // Beside the sources, so its imports resolve the way they do for a module of the project.
    const dir = mkdtempSync(join(ROOT, ".tmp-readme-"));
    const warn = vi.spyOn(console, "warn");
    const error = vi.spyOn(console, "error");
    try {
      const file = join(dir, "testing-kit.ts");
      writeFileSync(file, localImports(kit.code, dir));
      await import(pathToFileURL(file).href);
      expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

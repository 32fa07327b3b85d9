/**
 * Runs every ```ts block under one heading of a Markdown file against a
 * freshly seeded stand-in, so documented examples cannot rot. Each block is
 * the body of an async function receiving `stash`, `ids` and `assert`;
 * imports from the package are mapped to the source.
 */
import { extractExamples, type CodeExample } from "./helpers/markdown";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as sdk from "../src/index";
import { startStandIn, type Fixture, type SeedResult } from "../src/testing/index";

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

/**
 * Type-checks all blocks against the public types in one in-memory program:
 * `stash` is a StashClient and `ids` has exactly the sample library's names.
 */
function typeErrors(all: readonly CodeExample[]): string[] {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const virtual = join(root, "test", "__readme_examples__.ts");
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
  const text = `${header}\n${bodies.join("\n")}`;
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = { ...config!.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === virtual ? text : readFile(f));
  host.fileExists = (f) => f === virtual || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang, onError, create) =>
    f === virtual ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError, create);
  const program = ts.createProgram([virtual], options, host);
  const file = program.getSourceFile(virtual)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
    const { line } = file.getLineAndCharacterOfPosition(d.start ?? 0);
    const context = text.split("\n").slice(0, line + 1).reverse().find((l) => l.startsWith("// ")) ?? "";
    return `${context.slice(3)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
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

describe(`examples in ${SOURCE.heading}`, () => {
  it("has one example for each of the 26 seed methods", () => {
    expect(new Set(examples.map((e) => e.name))).toEqual(new Set(SEED_METHODS));
  });

  it("type-checks against the public types", () => {
    expect(typeErrors(examples)).toEqual([]);
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

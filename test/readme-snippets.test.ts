/**
 * Every other TypeScript snippet of the README (quick start, typed documents,
 * testing kit, errors): each must compile against the public types as a module
 * of its own, and the testing-kit snippet — which needs no real server — runs.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { expect, it } from "vitest";
import { extractExamples, type CodeExample } from "./helpers/markdown";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = join(ROOT, "README.md");
const runnable = extractExamples(README, "Scene API examples").map((e) => e.line);
const snippets = extractExamples(README).filter((e) => !runnable.includes(e.line));

/** Points the package's import specifiers at the sources, from a file in `dir`. */
function localImports(code: string, fromDir: string): string {
  const src = (sub: string) => JSON.stringify(join(ROOT, "src", sub).replace(/\\/g, "/").replace(fromDir.replace(/\\/g, "/"), "."));
  return code
    .replace(/from\s+["']stash-graphql-client\/testing["']/g, `from ${src("testing/index")}`)
    .replace(/from\s+["']stash-graphql-client\/operations["']/g, `from ${src("operations")}`)
    .replace(/from\s+["']stash-graphql-client["']/g, `from ${src("index")}`);
}

function typeErrors(all: readonly CodeExample[]): string[] {
  const dir = join(ROOT, "test");
  const files = new Map(all.map((e, i) => [join(dir, `__readme_snippet_${i}__.ts`), `${localImports(e.code, dir)}\nexport {};\n`]));
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
  return [...files.keys()].flatMap((f, i) => {
    const file = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
      (d) => `README line ${all[i]!.line} (${all[i]!.name}): ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
  });
}

it("finds the README's snippets outside the runnable examples", () => {
  expect(snippets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["Quick start", "Typed documents with your own client", "The testing kit: a stand-in Stash server", "Errors, retries and timeouts"]),
  );
});

it("every snippet compiles against the public types", () => {
  expect(typeErrors(snippets)).toEqual([]);
});

it("the testing-kit snippet runs as written", async () => {
  const kit = snippets.find((s) => s.name.startsWith("The testing kit"))!;
  const dir = mkdtempSync(join(ROOT, ".tmp-readme-"));
  try {
    const file = join(dir, "testing-kit.ts");
    writeFileSync(file, localImports(kit.code, dir));
    const { stderr } = await run(process.execPath, ["--import", "tsx", file], { cwd: ROOT, timeout: 60_000 });
    expect(stderr).toBe("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

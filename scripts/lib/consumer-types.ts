/**
 * Type-checks the packed package as consumers compile it: one scratch project
 * per TypeScript module resolution, each `strict` with `skipLibCheck: false`,
 * compiling the README's typed-document examples plus an urql `query` and a
 * graphql-request `request` with a generated document. attw and publint only
 * look inside the tarball, so they miss declarations that import a dependency
 * through a path some resolution cannot find (e.g. "graphql/language/ast");
 * this is the check that catches it. Used by test/package.test.ts and
 * scripts/pack-check.ts.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot as REPO_ROOT } from "./paths";

/** One scratch consumer: its folder name, package.json `type`, and compiler options. */
export interface TypeConsumer {
  name: string;
  type: "module" | "commonjs";
  compilerOptions: Record<string, unknown>;
}

export const TYPE_CONSUMERS: readonly TypeConsumer[] = [
  { name: "node10", type: "commonjs", compilerOptions: { module: "commonjs", moduleResolution: "node10" } },
  { name: "node16", type: "module", compilerOptions: { module: "node16", moduleResolution: "node16" } },
  { name: "nodenext-esm", type: "module", compilerOptions: { module: "nodenext", moduleResolution: "nodenext" } },
  { name: "nodenext-cjs", type: "commonjs", compilerOptions: { module: "nodenext", moduleResolution: "nodenext" } },
  { name: "bundler", type: "module", compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
];

/** What a type consumer installs next to the tarball, at the version this repo has (so the npm cache has it). */
export function consumerTypeDependencies(): string[] {
  const version = (name: string) => (JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return ["graphql-request"].map((name) => `${name}@${version(name)}`);
}

/**
 * The ```ts blocks of the README's "Typed documents with your own client"
 * section, imports hoisted and each body wrapped in an async function, so
 * top-level `await` compiles in CommonJS consumers too.
 */
export function readmeTypedDocumentExamples(readme: string): string {
  const section = /^## Typed documents with your own client\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error('README: no "Typed documents with your own client" section');
  const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  if (blocks.length === 0) throw new Error("README: no ts block in the typed-documents section");
  const imports = new Set<string>();
  const bodies = blocks.map((block, i) => {
    const lines = block.split("\n");
    for (const line of lines.filter((l) => l.startsWith("import "))) imports.add(line);
    const body = lines.filter((l) => !l.startsWith("import ")).map((l) => `  ${l}`);
    return `export async function readmeExample${i}(): Promise<void> {\n${body.join("\n")}\n}`;
  });
  return `${[...imports].join("\n")}\n\n${bodies.join("\n\n")}\n`;
}

/** urql's `query` and graphql-request's `request` with a generated document; `@ts-expect-error` proves the results are typed, not `any`. */
export const CLIENTS_CONSUMER = `import { Client, fetchExchange } from "@urql/core";
import { request } from "graphql-request";
import { StashClient, type TypedDocumentNode } from "stash-graphql-client";
import { FindScenesDocument, type FindScenesQuery, type FindScenesQueryVariables } from "stash-graphql-client/operations";

const URL = "http://localhost:9999/graphql";

export async function viaUrql(): Promise<string | null | undefined> {
  const urql = new Client({ url: URL, exchanges: [fetchExchange] });
  const { data } = await urql.query(FindScenesDocument, { filter: { per_page: 5 } }).toPromise();
  // @ts-expect-error the result is typed, not any
  data?.findScenes.noSuchField;
  return data?.findScenes.scenes[0]?.title;
}

export async function viaGraphqlRequest(): Promise<number> {
  const data = await request(URL, FindScenesDocument, { filter: { per_page: 5 } });
  // @ts-expect-error the result is typed, not any
  data.findScenes.noSuchField;
  return data.findScenes.count;
}

export async function viaStashClient(): Promise<number> {
  const doc: TypedDocumentNode<FindScenesQuery, FindScenesQueryVariables> = FindScenesDocument;
  const page = await new StashClient({ url: URL }).request(doc, { filter: { per_page: 1 } });
  return page.findScenes.count;
}
`;

/**
 * Writes one folder per resolution under `project` (whose node_modules holds the
 * installed tarball and graphql-request), each with package.json,
 * tsconfig.json and the two consumer files.
 */
export function writeTypeConsumers(project: string, readme: string): string[] {
  const examples = readmeTypedDocumentExamples(readme);
  return TYPE_CONSUMERS.map((c) => {
    const dir = join(project, `types-${c.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `types-${c.name}`, private: true, type: c.type }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2023", "DOM"],
          // No ambient @types/node: the entries must type-check in a browser project too, and it keeps tsc ~3× faster.
          types: [],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          esModuleInterop: true,
          ...c.compilerOptions,
        },
        files: ["readme-examples.ts", "clients.ts"],
      }),
    );
    writeFileSync(join(dir, "readme-examples.ts"), examples);
    writeFileSync(join(dir, "clients.ts"), CLIENTS_CONSUMER);
    return dir;
  });
}

/** The tarball's file name from `npm pack --json`, whose stdout also carries the `prepack` build's output before the JSON. */
export function packedFilename(stdout: string): string {
  const start = stdout.search(/^\[\s*$/m);
  if (start < 0) throw new Error(`npm pack --json: no JSON in:\n${stdout.slice(-2000)}`);
  return (JSON.parse(stdout.slice(start)) as { filename: string }[])[0]!.filename;
}

/** Result of compiling one consumer. */
export interface TypeCheckResult {
  name: string;
  code: number;
  output: string;
}

/** Runs `tsc -p` in every consumer folder, all at once (one process each). */
export function checkTypeConsumers(project: string): Promise<TypeCheckResult[]> {
  const tsc = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  return Promise.all(
    TYPE_CONSUMERS.map(
      (c) =>
        new Promise<TypeCheckResult>((resolve) => {
          execFile(process.execPath, [tsc, "-p", join(project, `types-${c.name}`), "--pretty", "false"], { timeout: 240_000 }, (error, stdout, stderr) =>
            resolve({ name: c.name, code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}${stderr}`.trim() }),
          );
        }),
    ),
  );
}

/**
 * `npm run codegen:check`: regenerates everything `npm run codegen` produces into a temp
 * directory and compares it byte for byte with the committed files. Exit 1 names the
 * stale files; exit 0 when all are fresh.
 */
import { generate } from "@graphql-codegen/cli";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stashCodegenConfig } from "../codegen";
import { computeCompat, renderCompatMarkdown, renderCompatModule } from "./lib/compat";
import { computeCoverage, renderCoverageMarkdown, rootFieldOperations } from "./lib/coverage";
import { deriveNamespaceOperations, renderMethodOperationsModule } from "./lib/method-operations";
import { projectPaths } from "./lib/paths";
import { renderInputFieldsModule } from "./lib/render-input-fields";
import { renderSchemasModule } from "./lib/render-schemas";
import { renderTypedDocumentModule } from "./lib/render-typed-document";
import { renderSortsModule } from "./lib/sorts";
import { renderHooksModule } from "./lib/hooks";
import { renderEntitiesModule } from "./lib/entities";

const paths = projectPaths();
const tmp = mkdtempSync(join(tmpdir(), "stash-codegen-"));
const tmpGenerated = join(tmp, "generated");
mkdirSync(tmpGenerated);

try {
  await generate({ ...stashCodegenConfig(tmpGenerated), cwd: paths.root }, true);
  const compat = computeCompat();
  writeFileSync(join(tmpGenerated, "schemas.ts"), renderSchemasModule());
  writeFileSync(join(tmpGenerated, "typed-document.ts"), renderTypedDocumentModule());
  writeFileSync(join(tmpGenerated, "input-fields.ts"), renderInputFieldsModule());
  writeFileSync(join(tmpGenerated, "sorts.ts"), renderSortsModule());
  writeFileSync(join(tmpGenerated, "hooks.ts"), renderHooksModule());
  writeFileSync(join(tmpGenerated, "entities.ts"), renderEntitiesModule());
  writeFileSync(join(tmpGenerated, "compat.ts"), renderCompatModule(compat));
  writeFileSync(join(tmp, "compatibility.md"), renderCompatMarkdown(compat));
  const coverage = computeCoverage(compat);
  writeFileSync(join(tmp, "coverage.md"), renderCoverageMarkdown(coverage, deriveNamespaceOperations(rootFieldOperations(coverage))));
  writeFileSync(join(tmpGenerated, "method-operations.ts"), renderMethodOperationsModule(rootFieldOperations(coverage)));
} catch (err) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`codegen:check: generation failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

// Committed file -> freshly generated file; generated/ must hold nothing else.
const pairs: [string, string][] = readdirSync(tmpGenerated).map((f) => [join(paths.generated, f), join(tmpGenerated, f)]);
pairs.push([paths.compatDoc, join(tmp, "compatibility.md")], [paths.coverageDoc, join(tmp, "coverage.md")]);
const stale = pairs
  .filter(([committed, fresh]) => !existsSync(committed) || !readFileSync(committed).equals(readFileSync(fresh)))
  .map(([committed]) => relative(paths.root, committed));
const expected = new Set(readdirSync(tmpGenerated));
const extra = existsSync(paths.generated)
  ? readdirSync(paths.generated).filter((f) => !expected.has(f)).map((f) => `generated/${f} (not produced by codegen)`)
  : [];

if (stale.length + extra.length > 0) {
  console.error("Generated files are stale:");
  for (const f of [...stale, ...extra]) console.error(`  ${f}`);
  console.error(`Fix: npm run codegen  (fresh output kept in ${tmp})`);
  process.exit(1);
}
rmSync(tmp, { recursive: true, force: true });
console.log("codegen:check: generated/, docs/compatibility.md and docs/coverage.md are up to date.");

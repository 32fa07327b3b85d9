/** Writes docs/compatibility.md, docs/coverage.md, generated/compat.ts and generated/method-operations.ts (the generated ones into $CODEGEN_OUT when set). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { computeCompat, renderCompatMarkdown, renderCompatModule } from "./lib/compat";
import { computeCoverage, renderCoverageMarkdown, rootFieldOperations } from "./lib/coverage";
import { deriveNamespaceOperations, renderMethodOperationsModule } from "./lib/method-operations";
import { projectPaths } from "./lib/paths";

const paths = projectPaths();
const result = computeCompat();
const out = process.env["CODEGEN_OUT"] ?? paths.generated;
writeFileSync(join(out, "compat.ts"), renderCompatModule(result));
writeFileSync(paths.compatDoc, renderCompatMarkdown(result));
const coverage = computeCoverage(result);
writeFileSync(paths.coverageDoc, renderCoverageMarkdown(coverage, deriveNamespaceOperations(rootFieldOperations(coverage))));
writeFileSync(join(out, "method-operations.ts"), renderMethodOperationsModule(rootFieldOperations(coverage)));

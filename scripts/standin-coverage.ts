/** Writes docs/standin-coverage.md: the root fields the stand-in answers and those it refuses. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/paths";
import { computeStandInCoverage, renderStandInCoverageMarkdown } from "./lib/standin-coverage";

writeFileSync(join(repoRoot, "docs", "standin-coverage.md"), renderStandInCoverageMarkdown(computeStandInCoverage()));

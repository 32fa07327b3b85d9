/** Writes docs/compatibility.md and generated/compat.ts (the latter into $CODEGEN_OUT when set). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { computeCompat, renderCompatMarkdown, renderCompatModule } from "./lib/compat";
import { projectPaths } from "./lib/paths";

const paths = projectPaths();
const result = computeCompat();
writeFileSync(join(process.env["CODEGEN_OUT"] ?? paths.generated, "compat.ts"), renderCompatModule(result));
writeFileSync(paths.compatDoc, renderCompatMarkdown(result));

/** Writes generated/schemas.ts (or into $CODEGEN_OUT). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectPaths } from "./lib/paths";
import { renderSchemasModule } from "./lib/render-schemas";

const outDir = process.env["CODEGEN_OUT"] ?? projectPaths().generated;
writeFileSync(join(outDir, "schemas.ts"), renderSchemasModule());

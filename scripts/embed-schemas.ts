/** Writes generated/schemas.ts and generated/typed-document.ts (or into $CODEGEN_OUT). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectPaths } from "./lib/paths";
import { renderSchemasModule } from "./lib/render-schemas";
import { renderTypedDocumentModule } from "./lib/render-typed-document";

const outDir = process.env["CODEGEN_OUT"] ?? projectPaths().generated;
writeFileSync(join(outDir, "schemas.ts"), renderSchemasModule());
writeFileSync(join(outDir, "typed-document.ts"), renderTypedDocumentModule());

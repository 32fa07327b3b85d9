/** Writes generated/input-fields.ts, generated/sorts.ts, generated/hooks.ts and generated/entities.ts (or into $CODEGEN_OUT): the schema knowledge runtime validation uses. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectPaths } from "./lib/paths";
import { renderInputFieldsModule } from "./lib/render-input-fields";
import { renderSortsModule } from "./lib/sorts";
import { renderHooksModule } from "./lib/hooks";
import { renderEntitiesModule } from "./lib/entities";

const outDir = process.env["CODEGEN_OUT"] ?? projectPaths().generated;
writeFileSync(join(outDir, "input-fields.ts"), renderInputFieldsModule());
writeFileSync(join(outDir, "sorts.ts"), renderSortsModule());
writeFileSync(join(outDir, "hooks.ts"), renderHooksModule());
writeFileSync(join(outDir, "entities.ts"), renderEntitiesModule());

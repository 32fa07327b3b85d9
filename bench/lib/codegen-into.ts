/**
 * `npm run codegen`'s graphql-codegen step, pointed at a schema and an output
 * directory of the caller's choosing, so the regenerate benchmark never
 * touches the committed generated/ files. Usage: codegen-into.ts <schema> <outDir>.
 */
import { generate } from "@graphql-codegen/cli";
import { stashCodegenConfig } from "../../codegen";
import { REPO_ROOT } from "./paths";

const [schema, outDir] = process.argv.slice(2);
if (!schema || !outDir) throw new Error("usage: codegen-into.ts <schema> <outDir>");
await generate({ ...stashCodegenConfig(outDir), schema, cwd: REPO_ROOT }, true);

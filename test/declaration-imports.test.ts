/**
 * What a consumer's tsc loads from our declarations: the SDK's own type imports
 * from graphql-js go through its AST module, because the bare "graphql" entry
 * drags all of graphql-js (135 more .d.ts files) into every consumer's
 * type-check; bench/typecheck.ts measures the cost, this keeps it from coming back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
// The testing kit, CLI, schema tool and report run graphql-js itself and are separate entries.
const OWN_ENTRY = /^src\/(testing|cli|schema|report)\//;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

it("no SDK source outside the tool entries imports types from the bare graphql entry", () => {
  const offenders = sources(join(ROOT, "src"))
    .map((file) => relative(ROOT, file).replace(/\\/g, "/"))
    .filter((file) => !OWN_ENTRY.test(file))
    .filter((file) => /import type [^;]* from "graphql";/.test(readFileSync(join(ROOT, file), "utf8")));
  expect(offenders).toEqual([]);
});

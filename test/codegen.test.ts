import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, GraphQLEnumType, Kind, OperationTypeNode, type DocumentNode } from "graphql";
import { createRequest } from "@urql/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as generated from "../generated/graphql";
import { FindScenesDocument, type FindPerformerQueryVariables, type FindScenesQueryVariables } from "../generated/graphql";
import { defaultSchemaVersion, releaseSnapshots, schemaSdl, schemaSdlByVersion } from "../generated/schemas";
import { collectOperations, readGraphqlFiles } from "../scripts/lib/operation-files";
import { projectPaths } from "../scripts/lib/paths";

const paths = projectPaths();
const { operations } = collectOperations(readGraphqlFiles(paths.operations));
const exports = generated as unknown as Record<string, unknown>;

describe("generated/graphql.ts", () => {
  it("exports a real DocumentNode per operation, holding that operation and its fragments", () => {
    for (const op of operations) {
      const doc = exports[`${op.name}Document`] as DocumentNode | undefined;
      expect(doc?.kind, op.name).toBe(Kind.DOCUMENT);
      const defs = doc?.definitions ?? [];
      const ops = defs.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(ops.map((d) => d.name?.value), op.name).toEqual([op.name]);
    }
    const spreads = FindScenesDocument.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    expect(spreads.map((d) => d.name.value).sort()).toEqual(["SceneData", "SceneMarkerData", "VideoFileData"]);
    expect(FindScenesDocument.definitions[0]).toMatchObject({ operation: OperationTypeNode.QUERY });
  });

  it("documents work as typed urql requests", () => {
    const request = createRequest(FindScenesDocument, { ids: ["1", "2"] });
    expect(request.query.definitions[0]).toMatchObject({ name: { value: "FindScenes" } });
    expect(request.variables).toEqual({ ids: ["1", "2"] });
  });

  it("exports each enum it uses as a run-time object holding exactly the schema's values", () => {
    const schema = buildSchema(schemaSdl);
    const enums = Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType && !t.name.startsWith("__"));
    const exported = enums.filter((t) => t.name in exports);
    expect(exported.map((t) => t.name)).toEqual(expect.arrayContaining(["BulkUpdateIdMode", "CriterionModifier", "SortDirectionEnum", "ResolutionEnum"]));
    for (const type of exported) {
      const object = exports[type.name] as Record<string, string>;
      expect(Object.values(object).sort(), type.name).toEqual(type.getValues().map((v) => v.value as string).sort());
      // namingConvention "keep": the key is the value as the schema spells it (BulkUpdateIdMode.SET).
      for (const [key, value] of Object.entries(object)) expect(key, type.name).toBe(value);
    }
  });

  // Type-level: vitest does not check these, `tsc --noEmit` (the first step of `npm test`) fails when one stops holding.
  it("lets nullable variables be omitted and keeps non-null ones required", () => {
    expectTypeOf<{}>().toExtend<FindScenesQueryVariables>();
    expectTypeOf<{ ids: string[]; filter: { per_page: number } }>().toExtend<FindScenesQueryVariables>();
    expectTypeOf<{ ids: boolean[] }>().not.toExtend<FindScenesQueryVariables>();
    expectTypeOf<{}>().not.toExtend<FindPerformerQueryVariables>();
    expectTypeOf<{ id: string }>().toExtend<FindPerformerQueryVariables>();
  });
});

// Freshness (generated/schemas.ts byte for byte against its generator) is `npm run codegen:check`'s job.
describe("generated/schemas.ts", () => {
  it("embeds every release snapshot in semver order, and schema/stash.graphql as the default", () => {
    const onDisk = readdirSync(paths.schemaVersions).filter((f) => f.endsWith(".graphql")).map((f) => f.slice(0, -".graphql".length));
    const numbers = (v: string) => v.replace(/^v/, "").split(".").map(Number);
    const semver = (a: string, b: string) => numbers(a).reduce((d, n, i) => d || n - (numbers(b)[i] ?? 0), 0);
    expect(releaseSnapshots).toEqual([...onDisk].sort(semver));
    expect(Object.keys(schemaSdlByVersion)).toEqual([...releaseSnapshots]);
    for (const v of releaseSnapshots) {
      expect(schemaSdlByVersion[v], v).toBe(readFileSync(join(paths.schemaVersions, `${v}.graphql`), "utf8"));
      expect(buildSchema(schemaSdlByVersion[v]!).getType("Scene"), v).toBeTruthy();
    }
    const meta = JSON.parse(readFileSync(paths.schemaFile.replace(/\.graphql$/, ".json"), "utf8")) as { stashVersion: string };
    expect(defaultSchemaVersion).toBe(meta.stashVersion);
    expect(schemaSdl).toBe(readFileSync(paths.schemaFile, "utf8"));
    expect(schemaSdlByVersion[defaultSchemaVersion]).toBe(schemaSdl);
  });
});

import { readFileSync } from "node:fs";
import { buildSchema, Kind, OperationTypeNode, type DocumentNode } from "graphql";
import { createRequest } from "@urql/core";
import { describe, expect, it } from "vitest";
import * as generated from "../generated/graphql";
import { BulkUpdateIdMode, FindScenesDocument, type FindScenesQueryVariables } from "../generated/graphql";
import { defaultSchemaVersion, releaseSnapshots, schemaSdl, schemaSdlByVersion } from "../generated/schemas";
import { collectOperations, readGraphqlFiles } from "../scripts/lib/operation-files";
import { projectPaths } from "../scripts/lib/paths";
import { renderSchemasModule } from "../scripts/lib/render-schemas";

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

  it("exports enums as const objects usable at run time", () => {
    expect(Object.values(BulkUpdateIdMode).sort()).toEqual(["ADD", "REMOVE", "SET"]);
  });

  it("lets optional variables be omitted", () => {
    const none: FindScenesQueryVariables = {};
    const some: FindScenesQueryVariables = { ids: ["1"], filter: { per_page: 1 } };
    expect({ none, some }).toEqual({ none: {}, some: { ids: ["1"], filter: { per_page: 1 } } });
  });
});

describe("generated/schemas.ts", () => {
  it("is fresh", () => {
    expect(readFileSync(`${paths.generated}/schemas.ts`, "utf8")).toBe(renderSchemasModule());
  });

  it("embeds every release snapshot in semver order, and schema/stash.graphql as the default", () => {
    expect(releaseSnapshots).toEqual(["v0.25.1", "v0.26.2", "v0.27.2", "v0.28.1", "v0.29.3", "v0.30.1"]);
    expect(Object.keys(schemaSdlByVersion)).toEqual([...releaseSnapshots]);
    expect(defaultSchemaVersion).toBe("v0.30.1");
    expect(schemaSdl).toBe(readFileSync(paths.schemaFile, "utf8"));
    for (const v of releaseSnapshots) expect(buildSchema(schemaSdlByVersion[v] ?? "").getType("Scene"), v).toBeTruthy();
  });
});

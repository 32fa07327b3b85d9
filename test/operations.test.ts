import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  extendSchema,
  Kind,
  NoDeprecatedCustomRule,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { describe, expect, it } from "vitest";
import {
  collectOperations,
  documentWithFragments,
  readGraphqlFiles,
  rootFieldNames,
} from "../scripts/lib/operation-files";
import { projectPaths } from "../scripts/lib/paths";
import { computeCompat } from "../scripts/lib/compat";
import { computeCoverage, coverageGaps } from "../scripts/lib/coverage";

const paths = projectPaths();
const schema = buildSchema(readFileSync(paths.schemaFile, "utf8"));
const v028 = buildSchema(readFileSync(join(paths.schemaVersions, "v0.28.1.graphql"), "utf8"));
const files = readGraphqlFiles(paths.operations);
const { operations, fragments } = collectOperations(files);

const messages = (errors: readonly { message: string }[]) => errors.map((e) => e.message);
// Fragments are checked together (they spread each other) without an operation, so
// "unused fragment" is the one rule that cannot apply.
const allFragments = { kind: Kind.DOCUMENT, definitions: [...fragments.values()] } as const;
const fragmentRules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

describe("operations/ layout", () => {
  it("has a full and a slim fragment per entity", () => {
    expect(operations.length).toBeGreaterThanOrEqual(200);
    for (const entity of ["Scene", "Performer", "Studio", "Tag", "Group", "Gallery", "Image"]) {
      expect(fragments.get(`${entity}Data`)?.typeCondition.name.value, entity).toBe(entity);
      expect(fragments.get(`Slim${entity}Data`)?.typeCondition.name.value, entity).toBe(entity);
    }
    for (const name of ["SceneMarkerData", "GalleryChapterData", "SavedFilterData", "JobData", "ConfigData", "PluginData"]) {
      expect(fragments.has(name), name).toBe(true);
    }
  });

  it("has one operation per file, named after the file, or only fragments under fragments/", () => {
    for (const file of files) {
      const defs = file.document.definitions;
      const ops = defs.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (file.path.startsWith("fragments/")) {
        expect(ops, file.path).toHaveLength(0);
        expect(defs.length, file.path).toBeGreaterThan(0);
      } else {
        expect(defs, file.path).toHaveLength(1);
        const op = ops[0];
        expect(op?.kind === Kind.OPERATION_DEFINITION && op.name?.value, file.path).toBe(
          file.path.replace(/^.*\//, "").replace(/\.graphql$/, ""),
        );
      }
    }
  });

  it("every operation validates, with its fragments, against schema/stash.graphql", () => {
    for (const op of operations) {
      expect(messages(validate(schema, documentWithFragments(op.operation, fragments))), op.path).toEqual([]);
    }
  });

  it("no operation outside deprecated/ uses a deprecated field, argument or enum value", () => {
    for (const op of operations.filter((o) => !o.deprecated)) {
      const doc = documentWithFragments(op.operation, fragments);
      expect(messages(validate(schema, doc, [NoDeprecatedCustomRule])), op.path).toEqual([]);
    }
  });

  it("no fragment selects a deprecated field", () => {
    expect(messages(validate(schema, allFragments, [NoDeprecatedCustomRule]))).toEqual([]);
  });

  it("every fragment validates against Stash v0.28.1, so operations work on v0.28+ unless their root field is newer", () => {
    expect(messages(validate(schema, allFragments, fragmentRules))).toEqual([]);
    expect(messages(validate(v028, allFragments, fragmentRules))).toEqual([]);
  });

  it("passes every non-deprecated argument of the root field as a same-named variable", () => {
    // ListSceneScrapers fixes `types: [SCENE]` on purpose: it is the scene view of listScrapers.
    for (const op of operations.filter((o) => o.name !== "ListSceneScrapers")) {
      const root = op.operation.operation === "query" ? schema.getQueryType() : schema.getMutationType();
      for (const sel of op.operation.selectionSet.selections) {
        if (sel.kind !== Kind.FIELD) continue;
        const field = root?.getFields()[sel.name.value];
        const expected = (field?.args ?? []).filter((a) => a.deprecationReason == null).map((a) => a.name);
        const passed = (sel.arguments ?? [])
          .filter((a) => a.value.kind === Kind.VARIABLE && a.value.name.value === a.name.value)
          .map((a) => a.name.value);
        expect(passed.sort(), op.path).toEqual(expected.sort());
      }
    }
  });
});

describe("root field coverage", () => {
  const rows = computeCoverage(computeCompat());

  it("gives every root field of the snapshot an operation: queries, mutations and subscriptions", () => {
    expect(rows.filter((r) => r.operation === null).map((r) => `${r.root}.${r.field}`)).toEqual([]);
    expect(rows.filter((r) => r.root === "Subscription").map((r) => r.operation)).toEqual([
      "JobsSubscribe",
      "LoggingSubscribe",
      "ScanCompleteSubscribe",
    ]);
  });

  it("names each canonical operation after its field and puts deprecated fields, and only those, in deprecated/", () => {
    for (const r of rows) {
      expect(r.operation?.toLowerCase(), r.field).toBe(r.field.toLowerCase());
      expect(r.domain === "deprecated", r.field).toBe(r.deprecated);
    }
    for (const op of operations.filter((o) => o.deprecated)) {
      const root = op.operation.operation === "query" ? schema.getQueryType() : schema.getMutationType();
      for (const field of rootFieldNames(op.operation)) expect(root?.getFields()[field]?.deprecationReason, op.path).toBeTruthy();
    }
  });

  it("files every operation under a domain folder", () => {
    const domains = new Set(operations.map((o) => o.path.split("/")[0]));
    expect([...domains].sort()).toEqual([
      "config", "deprecated", "dlna", "files", "galleries", "groups", "images", "jobs", "logs", "markers", "metadata",
      "packages", "performers", "plugins", "saved-filters", "scenes", "scrapers", "stash-box", "studios", "system", "tags",
    ]);
    expect(operations.every((o) => o.path.split("/").length === 2)).toBe(true);
  });

  it("reports a root field that has no operation", () => {
    const extended = extendSchema(schema, parse("extend type Query { sceneHeatmap(id: ID!): String }\nextend type Mutation { tagScenes: [Scene!] }"));
    const missing = coverageGaps(extended, operations);
    expect(missing).toEqual(["Query.sceneHeatmap", "Mutation.tagScenes"]);
  });
});

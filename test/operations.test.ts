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
import {
  excludedSceneRootFields,
  extraCoveredRootFields,
  sceneRootFields,
  type SceneRootField,
} from "../scripts/lib/scene-root-fields";

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

/** Operation names per covered root field, split by folder. */
function coverage(): { current: Set<string>; deprecated: Set<string> } {
  const current = new Set<string>();
  const deprecated = new Set<string>();
  for (const op of operations) for (const f of rootFieldNames(op.operation)) (op.deprecated ? deprecated : current).add(f);
  return { current, deprecated };
}

/** Scene root fields of `s` that have no operation (empty when coverage is complete). */
function uncovered(fields: readonly SceneRootField[]): string[] {
  const { current, deprecated } = coverage();
  return fields
    .filter((f) => !(f.name in excludedSceneRootFields))
    .filter((f) => !(f.deprecated ? deprecated : current).has(f.name))
    .map((f) => `${f.root}.${f.name}${f.deprecated ? " (deprecated)" : ""}`);
}

describe("operations/ layout", () => {
  it("finds operation files and fragments", () => {
    expect(operations.length).toBeGreaterThanOrEqual(44);
    expect([...fragments.keys()].sort()).toEqual([
      "SceneData",
      "SceneMarkerData",
      "ScrapedSceneData",
      "SlimSceneData",
      "VideoFileData",
    ]);
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

  it("fragments validate against Stash v0.28.1, so the scene API works on v0.28+", () => {
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
  const fields = sceneRootFields(schema);

  it("covers every scene/marker root field of the schema (minus the documented exclusions)", () => {
    expect(uncovered(fields)).toEqual([]);
  });

  it("covers exactly the 37 current fields plus version and listScrapers outside deprecated/", () => {
    const current = fields.filter((f) => !f.deprecated && !(f.name in excludedSceneRootFields)).map((f) => f.name);
    expect(current).toHaveLength(37);
    expect([...coverage().current].sort()).toEqual([...current, ...extraCoveredRootFields].sort());
  });

  it("puts exactly the 5 deprecated fields in deprecated/, and only deprecated root fields there", () => {
    const deprecated = fields.filter((f) => f.deprecated).map((f) => f.name);
    expect(deprecated.sort()).toEqual([
      "allSceneMarkers",
      "allScenes",
      "sceneDecrementO",
      "sceneIncrementO",
      "sceneIncrementPlayCount",
    ]);
    expect([...coverage().deprecated].sort()).toEqual(deprecated);
  });

  it("every exclusion still exists in the schema", () => {
    const names = new Set(fields.map((f) => f.name));
    for (const name of Object.keys(excludedSceneRootFields)) expect(names.has(name), name).toBe(true);
  });

  it("reports a new scene field that has no operation", () => {
    const extended = extendSchema(
      schema,
      parse("extend type Query { sceneHeatmap(id: ID!): String }\nextend type Mutation { tagScenes: [Scene!] }"),
    );
    expect(uncovered(sceneRootFields(extended))).toEqual(["Query.sceneHeatmap", "Mutation.tagScenes"]);
  });
});

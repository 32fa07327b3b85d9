/**
 * Turns any Stash schema source (SDL text or an introspection result) into the
 * canonical snapshot text that the project commits: descriptions stripped,
 * types and fields sorted, printed by graphql-js. Sorting makes a snapshot taken
 * from a live server byte-identical to one taken from the same release's SDL files.
 */
import {
  buildASTSchema,
  buildClientSchema,
  isObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

/** Raised when a source is not a usable Stash schema. */
export class SchemaSourceError extends Error {
  override name = "SchemaSourceError";
}

function stripDescriptions(doc: DocumentNode): DocumentNode {
  const drop = (node: { description?: unknown }) => ({ ...node, description: undefined });
  return visit(doc, {
    enter(node) {
      if ("description" in node && node.description) return drop(node) as typeof node;
      return undefined;
    },
  });
}

/** Builds a schema from one or more SDL texts (the upstream files of a release). */
export function schemaFromSdl(texts: readonly string[]): GraphQLSchema {
  if (texts.length === 0) throw new SchemaSourceError("no SDL files were given");
  let doc: DocumentNode;
  try {
    doc = parse(texts.join("\n\n"), { noLocation: true });
  } catch (err) {
    throw new SchemaSourceError(`the SDL does not parse: ${(err as Error).message}`);
  }
  try {
    return buildASTSchema(doc);
  } catch (err) {
    throw new SchemaSourceError(`the SDL does not form a valid schema: ${(err as Error).message}`);
  }
}

/** Builds a schema from an introspection result (`data` of the introspection query). */
export function schemaFromIntrospection(data: unknown): GraphQLSchema {
  const schemaField = (data as { __schema?: unknown } | null)?.__schema;
  if (!schemaField || typeof schemaField !== "object") {
    throw new SchemaSourceError("the response is not a GraphQL introspection result (no __schema)");
  }
  try {
    return buildClientSchema(data as IntrospectionQuery);
  } catch (err) {
    throw new SchemaSourceError(`the introspection result is not a valid schema: ${(err as Error).message}`);
  }
}

/** Refuses schemas that are valid GraphQL but not Stash's (no `Scene` object type). */
export function assertStashSchema(schema: GraphQLSchema): void {
  if (!isObjectType(schema.getType("Scene"))) {
    throw new SchemaSourceError("the schema has no Scene type: it is not a Stash schema");
  }
  if (!schema.getQueryType()?.getFields()["findScenes"]) {
    throw new SchemaSourceError("the schema has no Query.findScenes field: it is not a Stash schema");
  }
}

/** Prints the canonical snapshot: sorted, without descriptions, newline-terminated. */
export function printSnapshot(schema: GraphQLSchema): string {
  const stripped = stripDescriptions(parse(printSchema(schema), { noLocation: true }));
  const rebuilt = lexicographicSortSchema(buildASTSchema(stripped));
  return printSchema(rebuilt) + "\n";
}

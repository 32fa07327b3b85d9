/**
 * The schema coordinates an operation relies on (`Type.field` and
 * `Type.field(arg)`), so a client can tell from a small introspection whether
 * a server has everything an operation needs — even when its version string
 * says nothing (dev builds, unofficial builds).
 */
import { getNamedType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";

/** Sorted, de-duplicated coordinates of every field and argument the document uses. */
export function documentCoordinates(schema: GraphQLSchema, document: DocumentNode): string[] {
  const info = new TypeInfo(schema);
  const out = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (!parent || node.name.value.startsWith("__")) return;
        out.add(`${parent.name}.${node.name.value}`);
        for (const arg of node.arguments ?? []) out.add(`${parent.name}.${node.name.value}(${arg.name.value})`);
      },
      VariableDefinition() {
        // Input object fields are chosen by the caller at run time; the type name is enough.
        const type = info.getInputType();
        if (type) out.add(getNamedType(type).name);
      },
    }),
  );
  return [...out].sort();
}

/** Type names whose fields a capability probe must introspect to judge these coordinates. */
export function probedTypes(coordinates: Iterable<string>): string[] {
  const types = new Set<string>();
  for (const c of coordinates) {
    const dot = c.indexOf(".");
    if (dot > 0) types.add(c.slice(0, dot));
  }
  return [...types].sort();
}

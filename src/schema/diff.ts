/**
 * Schema drift between two Stash schemas, seen from the SDK: which fields its
 * operations use were added, removed or deprecated, and whether each operation
 * still validates. graphql-js finds the changes; additions are the removals of
 * the reverse comparison.
 */
import {
  findBreakingChanges,
  findDangerousChanges,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  validate,
  type BreakingChange,
  type DangerousChange,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

/** One operation of the SDK: its name, document, and the schema coordinates it uses. */
export interface SdkOperation {
  readonly name: string;
  readonly document: DocumentNode;
  readonly coordinates: readonly string[];
}

/** A change that touches at least one SDK operation. */
export interface TouchingChange {
  /** `Type.field` or a type name. */
  readonly coordinate: string;
  readonly description: string;
  readonly operations: readonly string[];
}

/** The report of `diffSchemas`. */
export interface SchemaDiff {
  readonly added: readonly TouchingChange[];
  readonly removed: readonly TouchingChange[];
  readonly deprecated: readonly TouchingChange[];
  /** Every breaking and dangerous change graphql-js found, touching the SDK or not. */
  readonly breaking: readonly BreakingChange[];
  readonly dangerous: readonly DangerousChange[];
  /** Per operation: does it validate against the old and the new schema? */
  readonly operations: readonly { name: string; before: boolean; after: boolean; errors: string[] }[];
}

/** The leading `Type.field` (or `Type`) of a graphql-js change description. */
function coordinateOf(description: string): string {
  const m = /^([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?)/.exec(description);
  return m?.[1] ?? description;
}

function touching(
  changes: readonly { description: string }[],
  operations: readonly SdkOperation[],
  rewrite: (description: string) => string = (d) => d,
): TouchingChange[] {
  const out: TouchingChange[] = [];
  for (const change of changes) {
    const coordinate = coordinateOf(change.description);
    const users = operations
      .filter((op) => op.coordinates.some((c) => c === coordinate || c.startsWith(`${coordinate}(`) || c.startsWith(`${coordinate}.`)))
      .map((op) => op.name);
    if (users.length) out.push({ coordinate, description: rewrite(change.description), operations: users });
  }
  return out;
}

function deprecations(before: GraphQLSchema, after: GraphQLSchema, operations: readonly SdkOperation[]): TouchingChange[] {
  const out: TouchingChange[] = [];
  for (const type of Object.values(after.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    const old = before.getType(type.name);
    const oldFields = old && (isObjectType(old) || isInterfaceType(old) || isInputObjectType(old)) ? old.getFields() : {};
    for (const field of Object.values(type.getFields())) {
      if (!field.deprecationReason || oldFields[field.name]?.deprecationReason) continue;
      const coordinate = `${type.name}.${field.name}`;
      const users = operations.filter((op) => op.coordinates.some((c) => c === coordinate || c.startsWith(`${coordinate}(`))).map((op) => op.name);
      if (users.length) out.push({ coordinate, description: `${coordinate} is deprecated: ${field.deprecationReason}`, operations: users });
    }
  }
  return out;
}

/** Compares two schemas for the SDK's operations. */
export function diffSchemas(before: GraphQLSchema, after: GraphQLSchema, operations: readonly SdkOperation[]): SchemaDiff {
  const breaking = findBreakingChanges(before, after);
  const dangerous = findDangerousChanges(before, after);
  const removedKinds = new Set(["FIELD_REMOVED", "TYPE_REMOVED", "ARG_REMOVED", "VALUE_REMOVED_FROM_ENUM"]);
  const removed = breaking.filter((c) => removedKinds.has(c.type));
  const added = findBreakingChanges(after, before).filter((c) => removedKinds.has(c.type));
  return {
    added: touching(added, operations, (d) => d.replace(/ was removed\.?$/, " was added.")),
    removed: touching(removed, operations),
    deprecated: deprecations(before, after, operations),
    breaking,
    dangerous,
    operations: operations.map((op) => {
      const errors = validate(after, op.document).map((e) => e.message);
      return { name: op.name, before: validate(before, op.document).length === 0, after: errors.length === 0, errors };
    }),
  };
}

/** A plain-text report. */
export function renderSchemaDiff(diff: SchemaDiff, labels: { before: string; after: string }): string {
  const lines = [`Schema drift ${labels.before} → ${labels.after} (fields the SDK's operations use)`, ""];
  const section = (title: string, items: readonly TouchingChange[]) => {
    lines.push(`${title}: ${items.length ? "" : "none"}`);
    for (const item of items) lines.push(`  ${item.description}  [${item.operations.join(", ")}]`);
  };
  section("Added", diff.added);
  section("Removed", diff.removed);
  section("Deprecated", diff.deprecated);
  lines.push("", `All breaking changes: ${diff.breaking.length}; dangerous: ${diff.dangerous.length}`, "");
  const broken = diff.operations.filter((o) => !o.after);
  const gained = diff.operations.filter((o) => o.after && !o.before);
  lines.push(
    broken.length
      ? `Operations that do not validate against ${labels.after}:`
      : `Every SDK operation validates against ${labels.after}.`,
  );
  for (const op of broken) lines.push(`  ${op.name}: ${op.errors[0] ?? "invalid"}`);
  if (gained.length) lines.push(`Newly valid on ${labels.after}: ${gained.map((o) => o.name).join(", ")}`);
  return lines.join("\n") + "\n";
}

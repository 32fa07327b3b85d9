/**
 * A local graphql-codegen plugin: the generated call layer. For every operation
 * in operations/ it emits one typed method of `StashOperations`, so each
 * operation is callable as `stash.ops.<name>(variables, options)` with no
 * hand-written wrapper. The requests go through the runner the facade passes
 * in (`StashCore`), so they share its retries, timeouts, signals, capability
 * refusals and typed errors.
 */
import { sep } from "node:path";
import { Kind, type DocumentNode, type OperationDefinitionNode, type VariableDefinitionNode } from "graphql";

/** What codegen hands a plugin for each document file (the fields this plugin reads). */
interface DocumentFile {
  location?: string;
  document?: DocumentNode;
}

/** One operation as the call layer sees it. */
export interface CallLayerOperation {
  name: string;
  kind: "query" | "mutation" | "subscription";
  /** operations/-relative path, forward slashes. */
  path: string;
  /** True when at least one variable is non-null without a default. */
  requiresVariables: boolean;
  deprecated: boolean;
}

const suffix = { query: "Query", mutation: "Mutation", subscription: "Subscription" } as const;

/** The call-layer method name of an operation: its name with a lower-case first letter (`FindPerformers` → `findPerformers`). */
export function callName(operationName: string): string {
  return operationName.charAt(0).toLowerCase() + operationName.slice(1);
}

const required = (v: VariableDefinitionNode) => v.type.kind === Kind.NON_NULL_TYPE && v.defaultValue === undefined;

/** The operations/-relative path of a document's location, whether codegen gives it absolute or relative. */
function operationsPath(location: string): string {
  const normal = location.split(sep).join("/");
  return /(?:^|\/)operations\/(.*)$/.exec(normal)?.[1] ?? normal;
}

/** The operations of the given document files, sorted by name. */
export function callLayerOperations(files: readonly DocumentFile[]): CallLayerOperation[] {
  const out: CallLayerOperation[] = [];
  for (const file of files) {
    const path = operationsPath(file.location ?? "");
    for (const def of file.document?.definitions ?? []) {
      if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
      const op = def as OperationDefinitionNode;
      out.push({
        name: op.name!.value,
        kind: op.operation as CallLayerOperation["kind"],
        path,
        requiresVariables: (op.variableDefinitions ?? []).some(required),
        deprecated: path.startsWith("deprecated/"),
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function member(op: CallLayerOperation): { signature: string; body: string } {
  const data = `D.${op.name}${suffix[op.kind]}`;
  const vars = `D.${op.name}${suffix[op.kind]}Variables`;
  const params = op.requiresVariables ? `variables: ${vars}, options?: O` : `variables?: ${vars}, options?: O`;
  const result = op.kind === "subscription" ? `AsyncIterableIterator<${data}>` : `Promise<${data}>`;
  const call = op.kind === "subscription" ? "subscribe" : "request";
  const args = op.requiresVariables ? "variables" : `variables ?? ({} as ${vars})`;
  return {
    signature: `${callName(op.name)}(${params}): ${result};`,
    body: `${callName(op.name)}: (${params}) => runner.${call}(D.${op.name}Document, ${args}, options),`,
  };
}

/** The text of generated/ops.ts. */
export function renderCallLayer(operations: readonly CallLayerOperation[]): string {
  const lines = [
    'import * as D from "./graphql";',
    'import type { AnyVariables, TypedDocumentNode } from "./typed-document";',
    "",
    "/** What the call layer sends through: `StashCore` implements it; `O` is its per-call options type. */",
    "export interface OperationRunner<O> {",
    "  /** Runs a query or mutation and resolves with its data. */",
    "  request<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options?: O): Promise<TData>;",
    "  /** Runs a subscription; each event's data is one item. */",
    "  subscribe<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options?: O): AsyncIterableIterator<TData>;",
    "}",
    "",
    "/** Every operation in operations/, as a typed method named after it. */",
    "export interface StashOperations<O> {",
  ];
  for (const op of operations) {
    const { signature } = member(op);
    const tags = op.deprecated ? " @deprecated Stash marks its root field deprecated." : "";
    lines.push(`  /** \`${op.kind} ${op.name}\` (operations/${op.path}).${tags} */`, `  ${signature}`);
  }
  lines.push(
    "}",
    "",
    "/** The names of every operation the call layer reaches, in order. */",
    `export const operationNames: readonly string[] = [${operations.map((o) => JSON.stringify(o.name)).join(", ")}];`,
    "",
    "/** Binds every operation to a runner. */",
    "export function createOperations<O>(runner: OperationRunner<O>): StashOperations<O> {",
    "  return {",
  );
  for (const op of operations) lines.push(`    ${member(op).body}`);
  lines.push("  };", "}", "");
  return lines.join("\n");
}

/** The graphql-codegen plugin entry point. */
export const plugin = (_schema: unknown, documents: readonly DocumentFile[]): string =>
  renderCallLayer(callLayerOperations(documents));

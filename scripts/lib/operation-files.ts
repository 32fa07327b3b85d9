/**
 * Reads operations/: one named operation per file (or fragments under fragments/),
 * and assembles each operation with the fragments it uses, transitively.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import {
  Kind,
  parse,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";

/** A parsed .graphql file; `path` is relative to operations/ with forward slashes. */
export interface GraphqlFile {
  path: string;
  document: DocumentNode;
}

/** One operation file, with its root fields and deprecation status (by folder). */
export interface OperationEntry {
  path: string;
  name: string;
  operation: OperationDefinitionNode;
  deprecated: boolean;
}

/** Parses every .graphql file below `dir`, sorted by path so output is stable. */
export function readGraphqlFiles(dir: string): GraphqlFile[] {
  const out: GraphqlFile[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".graphql")) {
        const path = relative(dir, full).split(sep).join("/");
        out.push({ path, document: parse(readFileSync(full, "utf8"), { noLocation: true }) });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION;
const isFragment = (d: DefinitionNode): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION;

/**
 * Splits files into operations and fragments. Throws when a file breaks the layout
 * rules (codegen would otherwise fail later with a less helpful message).
 */
export function collectOperations(files: readonly GraphqlFile[]): {
  operations: OperationEntry[];
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
} {
  const operations: OperationEntry[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    const ops = file.document.definitions.filter(isOperation);
    const frags = file.document.definitions.filter(isFragment);
    if (ops.length + frags.length !== file.document.definitions.length) {
      throw new Error(`${file.path}: only operations and fragments are allowed`);
    }
    for (const frag of frags) {
      if (fragments.has(frag.name.value)) throw new Error(`${file.path}: duplicate fragment ${frag.name.value}`);
      fragments.set(frag.name.value, frag);
    }
    if (ops.length === 0) continue;
    const op = ops[0];
    if (ops.length > 1 || frags.length > 0 || !op) {
      throw new Error(`${file.path}: a file holds exactly one operation and nothing else`);
    }
    const name = op.name?.value;
    const base = file.path.slice(file.path.lastIndexOf("/") + 1, -".graphql".length);
    if (name !== base) throw new Error(`${file.path}: the operation must be named ${base}`);
    operations.push({ path: file.path, name, operation: op, deprecated: file.path.startsWith("deprecated/") });
  }
  return { operations, fragments };
}

/** Names of the fragments spread directly in a node. */
function spreadNames(node: OperationDefinitionNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** The operation plus every fragment it needs, as one document (unknown spreads are left to validation). */
export function documentWithFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): DocumentNode {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = spreadNames(operation);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const frag = fragments.get(name);
    if (!frag || used.has(name)) continue;
    used.set(name, frag);
    pending.push(...spreadNames(frag));
  }
  const sorted = [...used.keys()].sort().map((n) => used.get(n) as FragmentDefinitionNode);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...sorted] };
}

/** Root field names an operation selects. */
export function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

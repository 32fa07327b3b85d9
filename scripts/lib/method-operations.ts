/**
 * Derives which generated operations each `StashClient` method can send, by
 * reading the source instead of keeping a hand list: from each public method it
 * follows calls into module functions (namespace imports, named imports, local
 * functions, `this.method`) and collects the `<Name>Document`s imported from
 * generated/graphql. Documents built at run time (the marker merge's batched
 * aliases) count by the root fields their GraphQL text calls, mapped to the
 * canonical operation of each field. The result may include an operation a
 * method sends only on some options (e.g. `iterateScenes` with `fragment: "full"`).
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { repoRoot } from "./paths";

interface ModuleIndex {
  /** Local name → the imported file and name (`*` for a namespace import). */
  imports: Map<string, { file: string; name: string }>;
  /** Top-level functions and arrow-function constants by name. */
  functions: Map<string, ts.Node>;
  /** Methods of classes declared in the file, by class then method name. */
  classes: Map<string, Map<string, ts.MethodDeclaration>>;
}

const GENERATED_GRAPHQL = "generated/graphql";

function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier).replace(/\.(ts|js)$/, "");
  return `${base}.ts`;
}

function indexModule(file: string): ModuleIndex {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const index: ModuleIndex = { imports: new Map(), functions: new Map(), classes: new Map() };
  for (const stmt of source.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const target = resolveModule(file, stmt.moduleSpecifier.text);
      const clause = stmt.importClause;
      if (!target || !clause?.namedBindings) continue;
      if (ts.isNamespaceImport(clause.namedBindings)) index.imports.set(clause.namedBindings.name.text, { file: target, name: "*" });
      else for (const el of clause.namedBindings.elements) index.imports.set(el.name.text, { file: target, name: (el.propertyName ?? el.name).text });
    } else if (ts.isFunctionDeclaration(stmt) && stmt.name) {
      index.functions.set(stmt.name.text, stmt);
    } else if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.initializer) index.functions.set(decl.name.text, decl.initializer);
      }
    } else if (ts.isClassDeclaration(stmt) && stmt.name) {
      const methods = new Map<string, ts.MethodDeclaration>();
      for (const m of stmt.members) if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) methods.set(m.name.text, m);
      index.classes.set(stmt.name.text, methods);
    }
  }
  return index;
}

/** A node to walk and the file it lives in. */
interface Located {
  readonly file: string;
  readonly node: ts.Node;
  /** Factory locals the node uses (`findOrCreate`, `base.create`), walked with it; a spec node may live in another file. */
  readonly extra?: readonly Located[];
}

/**
 * The namespace properties of a class (`readonly tags: TagsNamespace = createTags(this)`):
 * property name → the factory function the initializer calls.
 */
function namespaceProperties(classFile: string, className: string, moduleOf: (file: string) => ModuleIndex): Map<string, Located> {
  const source = ts.createSourceFile(classFile, readFileSync(classFile, "utf8"), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, Located>();
  for (const stmt of source.statements) {
    if (!ts.isClassDeclaration(stmt) || stmt.name?.text !== className) continue;
    for (const m of stmt.members) {
      if (!ts.isPropertyDeclaration(m) || !ts.isIdentifier(m.name) || !m.initializer || !ts.isCallExpression(m.initializer)) continue;
      if ((ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword || x.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const factory = resolveFunction(classFile, m.initializer.expression, moduleOf, new Map());
      if (factory) out.set(m.name.text, factory);
    }
  }
  return out;
}

/** The function a call's callee names (an imported or a module-level function), if it can be found. */
function resolveFunction(file: string, callee: ts.Expression, moduleOf: (file: string) => ModuleIndex, locals: ReadonlyMap<string, ts.Node>): Located | null {
  if (!ts.isIdentifier(callee)) return null;
  const local = locals.get(callee.text);
  if (local) return { file, node: local };
  const index = moduleOf(file);
  const imported = index.imports.get(callee.text);
  if (imported && imported.name !== "*") {
    try {
      const node = moduleOf(imported.file).functions.get(imported.name);
      return node ? { file: imported.file, node } : null;
    } catch {
      return null;
    }
  }
  const node = index.functions.get(callee.text);
  return node ? { file, node } : null;
}

/** A factory's returned object literal and the local variables of its body. */
function factoryShape(fn: ts.Node): { literal: ts.ObjectLiteralExpression | null; locals: Map<string, ts.Node>; bindings: Map<string, ts.VariableDeclaration> } {
  const locals = new Map<string, ts.Node>();
  const bindings = new Map<string, ts.VariableDeclaration>();
  let literal: ts.ObjectLiteralExpression | null = null;
  const body = ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.body : undefined;
  if (body && ts.isObjectLiteralExpression(body)) literal = body;
  if (body && ts.isParenthesizedExpression(body) && ts.isObjectLiteralExpression(body.expression)) literal = body.expression;
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) {
      if (ts.isIdentifier(n.name)) locals.set(n.name.text, n.initializer);
      else if (ts.isObjectBindingPattern(n.name)) for (const el of n.name.elements) if (el.dotDotDotToken && ts.isIdentifier(el.name)) bindings.set(el.name.text, n);
    }
    if (ts.isReturnStatement(n) && n.expression && ts.isObjectLiteralExpression(n.expression)) literal = n.expression;
    if (!ts.isArrowFunction(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, visit);
  };
  if (body && ts.isBlock(body)) ts.forEachChild(body, visit);
  return { literal, locals, bindings };
}

/** The spec property each generic entity method sends (src/entities/namespace.ts `createEntityNamespace`). */
const ENTITY_SPEC_KEYS: Readonly<Record<string, readonly string[]>> = {
  find: ["find"],
  findMany: ["findMany.document"],
  iterate: ["findMany"],
  create: ["create"],
  update: ["update"],
  bulkUpdate: ["bulk"],
  destroy: ["destroy"],
};

function specProperty(literal: ts.ObjectLiteralExpression, path: string): ts.Node | null {
  let current: ts.Node = literal;
  for (const key of path.split(".")) {
    if (!ts.isObjectLiteralExpression(current)) return null;
    const prop = current.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key) as ts.PropertyAssignment | undefined;
    if (!prop) return null;
    // The last step keeps the assignment, so a bare identifier (`document: FindTagsDocument`) is walked too.
    current = key === path.split(".").at(-1) ? prop : prop.initializer;
  }
  return current;
}

/** The generic methods of `createEntityNamespace(core, SPEC)`, each with the spec node holding its documents. */
function entityMethods(file: string, call: ts.CallExpression, moduleOf: (file: string) => ModuleIndex, omitted: ReadonlySet<string>): Map<string, Located> {
  const out = new Map<string, Located>();
  const specArg = call.arguments[1];
  const spec = specArg ? resolveFunction(file, specArg, moduleOf, new Map()) : null;
  if (!spec || !ts.isObjectLiteralExpression(spec.node)) return out;
  for (const [method, keys] of Object.entries(ENTITY_SPEC_KEYS)) {
    if (omitted.has(method)) continue;
    const nodes = keys.map((k) => specProperty(spec.node as ts.ObjectLiteralExpression, k)).filter((n): n is ts.Node => n !== null);
    if (nodes.length > 0) out.set(method, { file: spec.file, node: nodes[0]! });
  }
  return out;
}

/**
 * Every method of the namespace a factory builds, as `prefix.method` → the node to walk:
 * arrow-function properties, spreads of other factories or of `createEntityNamespace`,
 * and nested namespaces (`chapters: createChapters(core)` → `galleries.chapters.create`).
 */
function namespaceMethods(file: string, factory: ts.Node, moduleOf: (file: string) => ModuleIndex, prefix: string, depth = 0): Map<string, Located> {
  const out = new Map<string, Located>();
  const { literal, locals, bindings } = factoryShape(factory);
  if (!literal || depth > 4) return out;
  const spreadCall = (call: ts.CallExpression, omitted: ReadonlySet<string>) => {
    if (ts.isIdentifier(call.expression) && call.expression.text === "createEntityNamespace") {
      for (const [m, node] of entityMethods(file, call, moduleOf, omitted)) out.set(`${prefix}.${m}`, node);
      return;
    }
    const target = resolveFunction(file, call.expression, moduleOf, locals);
    if (target) for (const [m, node] of namespaceMethods(target.file, target.node, moduleOf, prefix, depth + 1)) if (!omitted.has(m.slice(prefix.length + 1))) out.set(m, node);
  };
  for (const prop of literal.properties) {
    if (ts.isSpreadAssignment(prop)) {
      let expr: ts.Node | undefined = prop.expression;
      let omitted = new Set<string>();
      if (ts.isIdentifier(expr)) {
        const binding = bindings.get(expr.text);
        if (binding?.initializer && ts.isObjectBindingPattern(binding.name)) {
          omitted = new Set(binding.name.elements.filter((el) => !el.dotDotDotToken).map((el) => ((el.propertyName ?? el.name) as ts.Identifier).text));
          expr = binding.initializer;
        } else expr = locals.get(expr.text);
      }
      while (expr && (ts.isAsExpression(expr) || ts.isParenthesizedExpression(expr))) expr = expr.expression;
      if (expr && ts.isCallExpression(expr)) spreadCall(expr, omitted);
      continue;
    }
    if (!prop.name || !ts.isIdentifier(prop.name)) continue;
    const name = `${prefix}.${prop.name.text}`;
    const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? locals.get(prop.name.text) : prop;
    if (!value) continue;
    if (ts.isCallExpression(value)) {
      const target = resolveFunction(file, value.expression, moduleOf, locals);
      if (target) for (const [m, node] of namespaceMethods(target.file, target.node, moduleOf, name, depth + 1)) out.set(m, node);
      continue;
    }
    out.set(name, { file, node: value, extra: usedLocals(file, value, locals, moduleOf) });
  }
  return out;
}

/**
 * The factory locals a method uses, transitively: plain locals by their initializer, and
 * `base.x` on a `createEntityNamespace` local by the spec node of generic method `x`.
 */
function usedLocals(file: string, root: ts.Node, locals: ReadonlyMap<string, ts.Node>, moduleOf: (file: string) => ModuleIndex): Located[] {
  const out: Located[] = [];
  const seen = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
      const init = locals.get(n.expression.text);
      if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "createEntityNamespace") {
        const spec = entityMethods(file, init, moduleOf, new Set()).get(n.name.text);
        if (spec && !seen.has(spec.node)) {
          seen.add(spec.node);
          out.push(spec);
        }
        return;
      }
    }
    if (ts.isIdentifier(n)) {
      const init = locals.get(n.text);
      if (init && !seen.has(init) && !(ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "createEntityNamespace")) {
        seen.add(init);
        out.push({ file, node: init });
        visit(init);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/** Walks the call graph from a class's public methods; one sorted operation list per method. */
export function deriveMethodOperations(
  classFile: string,
  className: string,
  rootFieldOperations: ReadonlyMap<string, string>,
  options: { namespaces?: boolean } = {},
): Record<string, string[]> {
  const modules = new Map<string, ModuleIndex>();
  const moduleOf = (file: string) => {
    let index = modules.get(file);
    if (!index) modules.set(file, (index = indexModule(file)));
    return index;
  };
  const methods = moduleOf(classFile).classes.get(className);
  if (!methods) throw new Error(`${classFile}: no class ${className}`);

  const knownOperations = new Set(rootFieldOperations.values());
  const collect = (root: ts.Node, rootFile: string = classFile): string[] => {
    const found = new Set<string>();
    const seen = new Set<ts.Node>();
    const visitFunction = (node: ts.Node | undefined, file: string): void => {
      if (!node || seen.has(node)) return;
      seen.add(node);
      const index = moduleOf(file);
      const followName = (name: string): void => {
        const imported = index.imports.get(name);
        if (imported?.file.endsWith(`${GENERATED_GRAPHQL}.ts`) && name.endsWith("Document")) found.add(imported.name.slice(0, -"Document".length));
        else if (imported && imported.name !== "*" && !imported.file.includes("generated")) followExport(imported.file, imported.name);
        else if (!imported) visitFunction(index.functions.get(name), file);
      };
      const walk = (n: ts.Node): void => {
        // `core.ops.findTags(…)`: the generated call layer, named after the operation.
        if (ts.isPropertyAccessExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "ops") {
          const op = n.name.text.charAt(0).toUpperCase() + n.name.text.slice(1);
          if (knownOperations.has(op)) found.add(op);
        }
        if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.name)) {
          if (n.expression.kind === ts.SyntaxKind.ThisKeyword) visitFunction(methods.get(n.name.text), classFile);
          else if (ts.isIdentifier(n.expression)) {
            const ns = index.imports.get(n.expression.text);
            if (ns?.name === "*") followExport(ns.file, n.name.text);
            else followName(n.expression.text);
          } else walk(n.expression);
          return;
        }
        if (ts.isIdentifier(n)) followName(n.text);
        if (ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n)) {
          // GraphQL text: a root field is called as `name(arg: …)`.
          for (const m of n.text.matchAll(/(?:^|[\s:{])([a-z]\w*)\(\$?\w*:?/g)) {
            const op = rootFieldOperations.get(m[1]!);
            if (op) found.add(op);
          }
        }
        ts.forEachChild(n, walk);
      };
      ts.forEachChild(node, walk);
    };
    const followExport = (file: string, name: string): void => {
      try {
        visitFunction(moduleOf(file).functions.get(name), file);
      } catch {
        // Not a source file we can read (a package or a generated module): nothing to follow.
      }
    };
    visitFunction(root, rootFile);
    return [...found].sort();
  };

  const out: Record<string, string[]> = {};
  if (options.namespaces) {
    for (const [name, target] of namespaceProperties(classFile, className, moduleOf)) {
      for (const [method, node] of namespaceMethods(target.file, target.node, moduleOf, name)) {
        out[method] = [...new Set([node, ...(node.extra ?? [])].flatMap((n) => collect(n.node, n.file)))].sort();
      }
    }
    return out;
  }
  for (const [name, method] of methods) {
    const modifiers = ts.getModifiers(method) ?? [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    out[name] = collect(method);
  }
  return out;
}

/** The text of generated/method-operations.ts for `StashClient`; `rootFieldOperations` maps a root field to its canonical operation. */
export function renderMethodOperationsModule(rootFieldOperations: ReadonlyMap<string, string>, root: string = repoRoot): string {
  const map = deriveMethodOperations(join(root, "src", "stash-client.ts"), "StashClient", rootFieldOperations);
  const namespaced = deriveNamespaceOperations(rootFieldOperations, root);
  return [
    "// Generated by `npm run codegen` (scripts/lib/method-operations.ts) from src/stash-client.ts. Do not edit.",
    "",
    "/** StashClient method → the operations it can send (pure helpers send none), derived from the source. */",
    "export const methodOperations: Readonly<Record<string, readonly string[]>> = {",
    ...Object.entries(map).map(([m, ops]) => `  ${m}: [${ops.map((o) => JSON.stringify(o)).join(", ")}],`),
    "};",
    "",
    "/** Namespace method (`tags.findOrCreate`, `galleries.chapters.create`, …) → the operations it can send, derived from the source. */",
    "export const namespaceMethodOperations: Readonly<Record<string, readonly string[]>> = {",
    ...Object.entries(namespaced).map(([m, ops]) => `  ${JSON.stringify(m)}: [${ops.map((o) => JSON.stringify(o)).join(", ")}],`),
    "};",
    "",
  ].join("\n");
}

/** The operations of every namespace method of `StashClient` (`stash.tags.find` → `["FindTag"]`). */
export function deriveNamespaceOperations(rootFieldOperations: ReadonlyMap<string, string>, root: string = repoRoot): Record<string, string[]> {
  return deriveMethodOperations(join(root, "src", "stash-client.ts"), "StashClient", rootFieldOperations, { namespaces: true });
}

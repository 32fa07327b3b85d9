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

/** Walks the call graph from a class's public methods; one sorted operation list per method. */
export function deriveMethodOperations(
  classFile: string,
  className: string,
  rootFieldOperations: ReadonlyMap<string, string>,
): Record<string, string[]> {
  const modules = new Map<string, ModuleIndex>();
  const moduleOf = (file: string) => {
    let index = modules.get(file);
    if (!index) modules.set(file, (index = indexModule(file)));
    return index;
  };
  const methods = moduleOf(classFile).classes.get(className);
  if (!methods) throw new Error(`${classFile}: no class ${className}`);

  const collect = (root: ts.MethodDeclaration): string[] => {
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
    visitFunction(root, classFile);
    return [...found].sort();
  };

  const out: Record<string, string[]> = {};
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
  return [
    "// Generated by `npm run codegen` (scripts/lib/method-operations.ts) from src/stash-client.ts. Do not edit.",
    "",
    "/** StashClient method → the operations it can send (pure helpers send none), derived from the source. */",
    "export const methodOperations: Readonly<Record<string, readonly string[]>> = {",
    ...Object.entries(map).map(([m, ops]) => `  ${m}: [${ops.map((o) => JSON.stringify(o)).join(", ")}],`),
    "};",
    "",
  ].join("\n");
}

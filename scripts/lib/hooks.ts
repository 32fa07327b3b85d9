/**
 * schema/hooks.json (Stash's plugin hook triggers and the mutations that fire
 * them, read from Stash's Go source by scripts/derive-hooks.ts) and its
 * rendering as generated/hooks.ts, where each trigger's `hookContext.input`
 * type comes from the committed schema's mutation arguments.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getNamedType, isListType, isNonNullType, type GraphQLInputType, type GraphQLSchema } from "graphql";
import { projectPaths, repoRoot } from "./paths";

/**
 * What a firing hands over as `hookContext.input`:
 * - `argument`: the mutation's argument at `index` as sent;
 * - `wrapped`: that argument inside a one-element list (a resolver delegating to its plural form);
 * - `struct`: a pkg/plugin/hooks.go struct embedding `embeds` (the argument at `index`, or
 *   Go's zero value when `index` is null), plus `extra` fields;
 * - `none`: nil.
 */
export type HookInputSource =
  | { kind: "argument"; index: number }
  | { kind: "wrapped"; index: number }
  | { kind: "struct"; index: number | null; struct: string; embeds: string; extra: Record<string, "string" | "number" | "boolean"> }
  | { kind: "none" };

/** One place in Stash that fires a trigger. */
export interface HookFiringData {
  /** The Go file of the call. */
  source: string;
  /** The Mutation root field whose resolver fires it (gqlgen's method name, first letter lowered); null outside a resolver. */
  mutation: string | null;
  /** Order of the call among the resolver's hook calls: `groupCreate` fires Group.Create.Post, then Movie.Create.Post. */
  call: number;
  input: HookInputSource;
  /** Whether `hookContext.inputFields` lists the input's fields (updates). */
  inputFields: boolean;
}

/** One trigger of pkg/plugin/hook/hooks.go. */
export interface HookTriggerData {
  name: string;
  constant: string;
  /** Marked deprecated in hooks.go (the Movie triggers; Group ones fire alongside). */
  deprecated: boolean;
  firedBy: HookFiringData[];
}

/** The shape of schema/hooks.json. */
export interface HooksData {
  $comment: string;
  source: { repository: string; tag: string };
  triggers: HookTriggerData[];
}

/** The path of schema/hooks.json under `root`. */
export function hooksFile(root: string = repoRoot): string {
  return join(root, "schema", "hooks.json");
}

/** Reads schema/hooks.json. */
export function readHooksData(root: string = repoRoot): HooksData {
  return JSON.parse(readFileSync(hooksFile(root), "utf8")) as HooksData;
}

/** A GraphQL input type as the TypeScript generated/graphql.ts names it. */
function tsType(type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return `Array<${tsType(inner.ofType)}>`;
  const name = getNamedType(inner).name;
  const scalars: Record<string, string> = { ID: "string", String: "string", Int: "number", Float: "number", Boolean: "boolean" };
  return scalars[name] ?? `T.${name}`;
}

/** The mutation argument a firing reads, checked against the committed schema. */
function argumentOf(schema: GraphQLSchema, firing: HookFiringData, index: number) {
  const field = schema.getMutationType()?.getFields()[firing.mutation ?? ""];
  const arg = field?.args[index];
  if (!arg) throw new Error(`schema/hooks.json: ${firing.source}: Mutation.${firing.mutation} has no argument #${index}`);
  return arg;
}

/** The TypeScript type of one firing's input. */
function firingType(schema: GraphQLSchema, firing: HookFiringData): string {
  const input = firing.input;
  if (input.kind === "none") return "null";
  if (input.kind === "struct" && input.index === null) return `(T.${input.embeds} & { ${extraText(input.extra)} })`;
  const type = tsType(argumentOf(schema, firing, input.index!).type);
  if (input.kind === "argument") return type;
  if (input.kind === "wrapped") return `Array<${type}>`;
  return `(${type} & { ${extraText(input.extra)} })`;
}

const extraText = (extra: Record<string, string>) => Object.entries(extra).map(([k, t]) => `${k}: ${t}`).join("; ");

/** A firing as the stand-in and the kit read it at run time. */
function firingEntry(schema: GraphQLSchema, firing: HookFiringData): string {
  const input = firing.input;
  const argument = input.kind === "none" || input.index === null ? null : argumentOf(schema, firing, input.index).name;
  const extra = input.kind === "struct" ? Object.keys(input.extra) : [];
  return `{ mutation: ${JSON.stringify(firing.mutation)}, source: ${JSON.stringify(firing.source)}, call: ${firing.call}, input: ${JSON.stringify(input.kind)}, argument: ${JSON.stringify(argument)}, extraFields: ${JSON.stringify(extra)}, inputFields: ${firing.inputFields} }`;
}

/** The text of generated/hooks.ts. */
export function renderHooksModule(root: string = repoRoot): string {
  const data = readHooksData(root);
  const schema = buildSchema(readFileSync(projectPaths(root).schemaFile, "utf8"));
  const names = data.triggers.map((t) => JSON.stringify(t.name));
  const updates = data.triggers.filter((t) => t.firedBy.some((f) => f.inputFields)).map((t) => JSON.stringify(t.name));
  const lines = [
    "// Generated by `npm run codegen` from schema/hooks.json (read from Stash's Go source by scripts/derive-hooks.ts) and schema/stash.graphql. Do not edit.",
    'import type * as T from "./graphql";',
    "",
    `/** Every plugin hook trigger of Stash ${data.source.tag} (pkg/plugin/hook/hooks.go), in Stash's order. */`,
    `export const hookTriggers = [${names.join(", ")}] as const;`,
    "",
    "/** A plugin hook trigger, e.g. `Scene.Update.Post`. */",
    "export type HookTrigger = (typeof hookTriggers)[number];",
    "",
    "/** Triggers whose hook context lists the input's fields in `inputFields`. */",
    `export type HookUpdateTrigger = ${updates.join(" | ")};`,
    "",
    "/**",
    " * Per trigger, what `hookContext.input` holds: the union over every place that fires it",
    " * (the mutation's argument, a destroy struct with file facts, or null when a scan fires it).",
    " */",
    "export interface HookInputs {",
  ];
  for (const t of data.triggers) {
    const types = [...new Set(t.firedBy.map((f) => firingType(schema, f)))];
    const where = t.firedBy.map((f) => f.mutation ?? f.source).join(", ");
    lines.push(`  /** Fired by ${where}. */`, `  ${JSON.stringify(t.name)}: ${types.join(" | ") || "unknown"};`);
  }
  lines.push(
    "}",
    "",
    "/** One place that fires a trigger: the mutation (null outside a resolver), its argument handed over as input, and whether inputFields are sent. */",
    "export interface HookFiring {",
    "  readonly mutation: string | null;",
    "  readonly source: string;",
    "  /** Order among the resolver's hook calls (one object's triggers fire in this order). */",
    "  readonly call: number;",
    '  readonly input: "argument" | "wrapped" | "struct" | "none";',
    "  readonly argument: string | null;",
    "  /** Fields a destroy struct adds to the argument (file facts of the deleted object). */",
    "  readonly extraFields: readonly string[];",
    "  readonly inputFields: boolean;",
    "}",
    "",
    "/** Trigger -> the places that fire it, in Stash's source order. */",
    "export const hookFirings: Readonly<Record<HookTrigger, readonly HookFiring[]>> = {",
  );
  for (const t of data.triggers) {
    lines.push(`  ${JSON.stringify(t.name)}: [`);
    for (const f of t.firedBy) lines.push(`    ${firingEntry(schema, f)},`);
    lines.push("  ],");
  }
  lines.push("};", "");
  return lines.join("\n");
}

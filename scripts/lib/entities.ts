/**
 * generated/entities.ts: for each entity with a generic facade namespace
 * (`stash.tags`, `stash.performers`, …), its public type aliases and the
 * EntitySpec the machinery in src/entities/namespace.ts runs on. Everything
 * is read from schema/stash.graphql (root fields, argument and input types,
 * result lists and totals) and operations/ (the document each root field is
 * sent with), so adding an entity is one name in ENTITY_TYPES.
 */
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from "graphql";
import { collectOperations, readGraphqlFiles } from "./operation-files";
import { projectPaths, repoRoot } from "./paths";
import { readReleaseSnapshots } from "./schema-files";

/** The schema types that get the generic namespace; the rest of their facts come from the schema. */
export const ENTITY_TYPES = ["Tag", "Performer", "Studio", "Group", "Gallery", "Image"] as const;

/** How one destroy mutation takes its ids. */
interface DestroyFact {
  operation: string;
  field: string;
  /** `input`: `{ input: { id | ids, …flags } }`; `ids`: `{ ids }`. */
  argument: "input" | "ids";
}

/** What the schema and operations/ say about one entity. */
export interface EntityFacts {
  type: string;
  /** `tags`, `galleries`: the namespace and sort-list name. */
  name: string;
  filterKey: string;
  filterType: string;
  list: string;
  /** Result totals besides `count` (images: `filesize`, `megapixels`). */
  extra: string[];
  find: { operation: string; field: string };
  findMany: { operation: string; field: string; slim: string | null };
  create: { operation: string; field: string; input: string; since: string | null } | null;
  update: { operation: string; field: string; input: string; since: string | null };
  bulk: { operation: string; field: string; input: string; since: string | null };
  destroyOne: DestroyFact | null;
  destroyMany: DestroyFact;
  hasFiles: boolean;
  idCursor: boolean;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function isListOf(type: GraphQLType, name: string): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && getNamedType(inner).name === name;
}

function rootField(root: GraphQLObjectType, name: string, entity: string): GraphQLField<unknown, unknown> {
  const field = root.getFields()[name];
  if (!field) throw new Error(`entities: ${entity} needs ${root.name}.${name}, which the schema lacks`);
  return field;
}

function inputArgument(field: GraphQLField<unknown, unknown>): string {
  const arg = field.args.find((a) => a.name === "input");
  if (!arg) throw new Error(`entities: ${field.name} has no input argument`);
  return getNamedType(arg.type).name;
}

/** The first release whose snapshot has the root field, when it is not the oldest supported one. */
function sinceOf(field: string, snapshots: readonly { version: string; sdl: string }[]): string | null {
  const pattern = new RegExp(`\\n\\s+${field}\\(`);
  const first = snapshots.findIndex((s) => pattern.test(s.sdl));
  return first > 0 ? snapshots[first]!.version.replace(/\.\d+$/, "") : null;
}

function destroyFact(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): { fact: DestroyFact; one: boolean; flags: boolean } {
  const fact = (argument: "input" | "ids"): DestroyFact => ({ operation: upperFirst(field.name), field: field.name, argument });
  if (field.args.some((a) => a.name === "ids")) return { fact: fact("ids"), one: false, flags: false };
  const input = schema.getType(inputArgument(field));
  if (!isInputObjectType(input)) throw new Error(`entities: ${field.name} takes no input object`);
  const fields = input.getFields();
  return { fact: fact("input"), one: "id" in fields, flags: "delete_file" in fields };
}

/** A result total besides `count`; the facade types these as numbers, so anything else must stop generation. */
function numericTotal(result: string, field: GraphQLField<unknown, unknown>): string {
  const scalar = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!("name" in scalar) || (scalar.name !== "Int" && scalar.name !== "Float")) throw new Error(`entities: ${result}.${field.name} is not a number`);
  return field.name;
}

/** Reads the facts of every entity in ENTITY_TYPES. */
export function readEntityFacts(root: string = repoRoot): EntityFacts[] {
  const paths = projectPaths(root);
  const schema = buildSchema(readFileSync(paths.schemaFile, "utf8"));
  const snapshots = readReleaseSnapshots(paths.schemaVersions);
  const operations = new Set(collectOperations(readGraphqlFiles(paths.operations)).operations.map((o) => o.name));
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  const operationFor = (field: string): string => {
    const name = upperFirst(field);
    if (!operations.has(name)) throw new Error(`entities: operations/ has no ${name} for ${field}`);
    return name;
  };

  return ENTITY_TYPES.map((type) => {
    const findField = rootField(query, `find${type}`, type);
    // The plural query is the one whose result lists this type (`findGalleries` → `galleries: [Gallery!]!`).
    const findMany = Object.values(query.getFields()).find((f) => {
      const result = getNamedType(f.type);
      return f.name.startsWith("find") && isObjectType(result) && Object.values(result.getFields()).some((r) => isListOf(r.type, type)) && "count" in result.getFields();
    });
    if (!findMany) throw new Error(`entities: no query lists ${type} with a count`);
    const result = getNamedType(findMany.type) as GraphQLObjectType;
    const resultFields = Object.values(result.getFields());
    const list = resultFields.find((r) => isListOf(r.type, type))!.name;
    const filterArg = findMany.args.find((a) => getNamedType(a.type).name === `${type}FilterType`);
    if (!filterArg) throw new Error(`entities: ${findMany.name} has no ${type}FilterType argument`);
    const filterType = schema.getType(`${type}FilterType`);
    const plural = findMany.name.slice("find".length);

    const mutationOf = (field: string) => {
      const f = mutation.getFields()[field];
      return f ? { operation: operationFor(field), field, input: inputArgument(f), since: sinceOf(field, snapshots) } : null;
    };
    const required = (field: string) => {
      const found = mutationOf(field);
      if (!found) throw new Error(`entities: ${type} needs Mutation.${field}, which the schema lacks`);
      return found;
    };
    const one = destroyFact(schema, rootField(mutation, `${lowerFirst(type)}Destroy`, type));
    const many = mutation.getFields()[`${lowerFirst(plural)}Destroy`];
    const manyFact = many ? destroyFact(schema, many) : null;
    if (one.one && !manyFact) throw new Error(`entities: ${type} has no mutation destroying several`);
    for (const f of [one.fact.field, manyFact?.fact.field]) if (f) operationFor(f);
    const slim = `Find${plural}Slim`;

    return {
      type,
      name: lowerFirst(plural),
      filterKey: filterArg.name,
      filterType: `${type}FilterType`,
      list,
      extra: resultFields.filter((r) => r.name !== "count" && r.name !== list).map((r) => numericTotal(result.name, r)),
      find: { operation: operationFor(findField.name), field: findField.name },
      findMany: { operation: operationFor(findMany.name), field: findMany.name, slim: operations.has(slim) ? slim : null },
      create: mutationOf(`${lowerFirst(type)}Create`),
      update: required(`${lowerFirst(type)}Update`),
      bulk: required(`bulk${type}Update`),
      // Galleries destroy one or many through the same `input.ids` mutation.
      destroyOne: one.one ? one.fact : null,
      destroyMany: one.one ? manyFact!.fact : one.fact,
      hasFiles: one.flags,
      idCursor: isInputObjectType(filterType) && "id" in filterType.getFields(),
    };
  });
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "An" : "A");

function renderEntity(e: EntityFacts): { imports: string[]; text: string[] } {
  const t = e.type;
  const noun = t.toLowerCase();
  const since = (s: string | null) => (s ? ` (Stash ${s}+)` : "");
  const op = (o: { operation: string; field: string }) => `{ document: ${o.operation}Document, field: ${JSON.stringify(o.field)} }`;
  const inputOp = (o: { operation: string; field: string; input: string }) =>
    `{ document: ${o.operation}Document, field: ${JSON.stringify(o.field)}, input: ${JSON.stringify(o.input)} }`;
  const destroy = (d: DestroyFact) => `{ document: ${d.operation}Document, field: ${JSON.stringify(d.field)}, argument: ${JSON.stringify(d.argument)} }`;
  const extra = e.extra.length === 0 ? "object" : `{ ${e.extra.map((x) => `readonly ${x}: number`).join("; ")} }`;
  const specName = `${t.toUpperCase()}_SPEC`;
  const documents = [
    e.find.operation,
    e.findMany.operation,
    ...(e.findMany.slim ? [e.findMany.slim] : []),
    ...(e.create ? [e.create.operation] : []),
    e.update.operation,
    e.bulk.operation,
    ...(e.destroyOne ? [e.destroyOne.operation] : []),
    e.destroyMany.operation,
  ].map((o) => `${o}Document`);
  const types = [
    `${t}DataFragment`,
    `Slim${t}DataFragment`,
    e.filterType,
    ...(e.create ? [e.create.input] : []),
    e.update.input,
    e.bulk.input,
  ].map((n) => `type ${n}`);
  const text = [
    `/** ${article(noun)} ${noun} as \`find\` returns it. */`,
    `export type ${t} = ${t}DataFragment;`,
    `/** A lean ${noun}, as \`iterate\` yields by default. */`,
    `export type Slim${t} = Slim${t}DataFragment;`,
    ...(e.create ? [`/** What \`${e.name}.create\` accepts${since(e.create.since)}. */`, `export type ${t}Create = EntityCreate<${e.create.input}>;`] : []),
    `/** What \`${e.name}.update\` accepts${since(e.update.since)}: \`{ id, …changes }\` or a modified fetched ${noun}. */`,
    `export type ${t}Update = EntityUpdate<${e.update.input}, ${t}>;`,
    `/** What \`${e.name}.bulkUpdate\` accepts${since(e.bulk.since)}. */`,
    `export type ${t}BulkUpdate = EntityBulkUpdate<${e.bulk.input}>;`,
    "",
    `/** Type parameters of the ${e.name} namespace. */`,
    `export interface ${t}Types {`,
    `  item: ${t};`,
    `  slim: Slim${t};`,
    `  filterKey: ${JSON.stringify(e.filterKey)};`,
    `  filter: ${e.filterType};`,
    `  create: ${e.create ? `${t}Create` : "never"};`,
    `  update: ${t}Update;`,
    `  bulk: ${t}BulkUpdate;`,
    ...(e.extra.length > 0 ? ["  /** Totals over all matches. */"] : []),
    `  extra: ${extra};`,
    "}",
    "",
    `/** How the entity machinery reaches ${e.name}. */`,
    `export const ${specName}: EntitySpec = {`,
    `  name: ${JSON.stringify(e.name)},`,
    `  sorts: ${JSON.stringify(e.name)},`,
    `  filterKey: ${JSON.stringify(e.filterKey)},`,
    `  find: ${op(e.find)},`,
    `  findMany: { ${op(e.findMany).slice(2, -2)}, list: ${JSON.stringify(e.list)}${e.findMany.slim ? `, slim: ${e.findMany.slim}Document` : ""} },`,
    ...(e.create ? [`  create: ${inputOp(e.create)},`] : []),
    `  update: ${inputOp(e.update)},`,
    `  bulk: ${inputOp(e.bulk)},`,
    `  destroy: { ${e.destroyOne ? `one: ${destroy(e.destroyOne)}, ` : ""}many: ${destroy(e.destroyMany)} },`,
    ...(e.hasFiles ? ["  hasFiles: true,"] : []),
    ...(e.idCursor ? ["  idCursor: true,"] : []),
    "};",
    "",
  ];
  return { imports: [...documents, ...types], text };
}

/** The text of generated/entities.ts. */
export function renderEntitiesModule(root: string = repoRoot): string {
  const parts = readEntityFacts(root).map(renderEntity);
  const imports = [...new Set(parts.flatMap((p) => p.imports))].sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, "")));
  return [
    "// Generated by `npm run codegen` (scripts/lib/entities.ts) from schema/stash.graphql and operations/. Do not edit.",
    `import type { EntitySpec } from "../src/entities/spec";`,
    `import type { EntityBulkUpdate, EntityCreate, EntityUpdate } from "../src/entities/types";`,
    "import {",
    ...imports.map((i) => `  ${i},`),
    `} from "./graphql";`,
    "",
    ...parts.flatMap((p) => p.text),
  ].join("\n");
}

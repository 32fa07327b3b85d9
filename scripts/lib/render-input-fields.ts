/**
 * Renders generated/input-fields.ts: for each input type the facade validates (and the
 * input types and enums they contain), its fields with the first committed release that
 * has each, read from schema/versions/. Runtime key lists and per-server checks use it.
 */
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLSchema,
} from "graphql";
import { projectPaths, repoRoot } from "./paths";
import { readReleaseSnapshots } from "./schema-files";

/** Input types the facade's methods check; nested input types and enums are added. */
export const FACADE_INPUT_TYPES = [
  "AssignSceneFileInput",
  "BulkSceneMarkerUpdateInput",
  "BulkSceneUpdateInput",
  "ConfigDefaultSettingsInput",
  "ConfigDLNAInput",
  "ConfigGeneralInput",
  "ConfigInterfaceInput",
  "ConfigScrapingInput",
  "FindFilterType",
  "SceneCreateInput",
  "SceneDestroyInput",
  "SceneHashInput",
  "SceneMarkerCreateInput",
  "SceneMarkerUpdateInput",
  "SceneMergeInput",
  "SceneParserInput",
  "SceneUpdateInput",
  "ScenesDestroyInput",
  "ScrapeMultiScenesInput",
  "ScrapeSingleSceneInput",
  "ScraperSourceInput",
  // Entity namespaces (src/entities/): inputs converted generically from these facts.
  "TagCreateInput",
  "TagUpdateInput",
  "BulkTagUpdateInput",
  "TagDestroyInput",
  "TagsMergeInput",
  "PerformerCreateInput",
  "PerformerUpdateInput",
  "BulkPerformerUpdateInput",
  "PerformerDestroyInput",
  "StudioCreateInput",
  "StudioUpdateInput",
  "BulkStudioUpdateInput",
  "StudioDestroyInput",
  "GalleryCreateInput",
  "GalleryUpdateInput",
  "BulkGalleryUpdateInput",
  "GalleryDestroyInput",
  "GalleryAddInput",
  "GalleryRemoveInput",
  "GallerySetCoverInput",
  "GalleryResetCoverInput",
  "GalleryChapterCreateInput",
  "GalleryChapterUpdateInput",
  "ImageUpdateInput",
  "BulkImageUpdateInput",
  "ImageDestroyInput",
  "ImagesDestroyInput",
  "GroupCreateInput",
  "GroupUpdateInput",
  "BulkGroupUpdateInput",
  "GroupDestroyInput",
  "GroupSubGroupAddInput",
  "GroupSubGroupRemoveInput",
  "ReorderSubGroupsInput",
  "SaveFilterInput",
  "DestroyFilterInput",
  "MoveFilesInput",
  "FileSetFingerprintsInput",
] as const;

interface MemberFacts {
  since: string;
  removedIn?: string;
  deprecated?: string;
  input?: string;
  enum?: string;
  scalar?: string;
  list?: boolean;
  required?: boolean;
}

type TypeFacts = Map<string, MemberFacts>;

/** Every release in which `name` exists must be contiguous; returns [first, first release after the last] or null. */
function span(present: readonly boolean[], releases: readonly string[], what: string): [string, string | undefined] | null {
  const first = present.indexOf(true);
  if (first === -1) return null;
  const end = present.indexOf(false, first);
  if (end !== -1 && present.indexOf(true, end) !== -1) throw new Error(`${what} disappears and comes back; the generator cannot express that`);
  return [releases[first]!, end === -1 ? undefined : releases[end]];
}

function collect(schemas: readonly GraphQLSchema[], releases: readonly string[]) {
  const inputs = new Map<string, TypeFacts>();
  const enums = new Map<string, TypeFacts>();
  const queue: string[] = [...FACADE_INPUT_TYPES];
  while (queue.length) {
    const name = queue.shift()!;
    if (inputs.has(name) || enums.has(name)) continue;
    const types = schemas.map((s) => s.getType(name));
    const facts: TypeFacts = new Map();
    const isEnum = types.some((t) => t && isEnumType(t));
    const members = new Set<string>();
    for (const t of types) {
      if (t && isInputObjectType(t)) Object.keys(t.getFields()).forEach((f) => members.add(f));
      if (t && isEnumType(t)) t.getValues().forEach((v) => members.add(v.name));
    }
    for (const member of [...members].sort()) {
      const found = types.map((t) => {
        if (t && isInputObjectType(t)) return t.getFields()[member];
        if (t && isEnumType(t)) return t.getValue(member) ?? undefined;
        return undefined;
      });
      const range = span(found.map((f) => f !== undefined), releases, `${name}.${member}`)!;
      const newest = found.filter((f) => f !== undefined).at(-1)!;
      const entry: MemberFacts = { since: range[0] };
      if (range[1]) entry.removedIn = range[1];
      if (newest.deprecationReason) entry.deprecated = newest.deprecationReason;
      if ("type" in newest) {
        const named = getNamedType(newest.type);
        if (isInputObjectType(named)) entry.input = named.name;
        if (isEnumType(named)) entry.enum = named.name;
        if (isScalarType(named)) entry.scalar = named.name;
        if (isListType(getNullableType(newest.type))) entry.list = true;
        if (isNonNullType(newest.type)) entry.required = true;
        if (entry.input || entry.enum) queue.push(named.name);
      }
      facts.set(member, entry);
    }
    (isEnum ? enums : inputs).set(name, facts);
  }
  return { inputs, enums };
}

function renderFacts(facts: TypeFacts): string[] {
  return [...facts].map(([member, f]) => {
    const parts = [`since: ${JSON.stringify(f.since)}`];
    if (f.removedIn) parts.push(`removedIn: ${JSON.stringify(f.removedIn)}`);
    if (f.deprecated) parts.push(`deprecated: ${JSON.stringify(f.deprecated)}`);
    if (f.input) parts.push(`input: ${JSON.stringify(f.input)}`);
    if (f.enum) parts.push(`enum: ${JSON.stringify(f.enum)}`);
    if (f.scalar) parts.push(`scalar: ${JSON.stringify(f.scalar)}`);
    if (f.list) parts.push("list: true");
    if (f.required) parts.push("required: true");
    return `    ${member}: { ${parts.join(", ")} },`;
  });
}

const byName = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * One facts table. Its declared type names only the members (through `names`,
 * an interface of member-name unions) and types every value as MemberFacts:
 * an inferred `as const` type would copy every fact into the .d.ts, which each
 * consumer's tsc then parses (it doubled the declarations a consumer loads).
 */
function renderGroup(name: string, doc: string, types: Map<string, TypeFacts>, names?: string): string[] {
  const type = names
    ? `{ readonly [T in keyof ${names}]: { readonly [F in ${names}[T]]: MemberFacts } }`
    : "Readonly<Record<string, Readonly<Record<string, MemberFacts>>>>";
  const lines = [doc, `export const ${name}: ${type} = {`];
  for (const [typeName, facts] of byName(types)) lines.push(`  ${typeName}: {`, ...renderFacts(facts), "  },");
  lines.push("};", "");
  return lines;
}

/** `interface <name> { Type: "a" | "b"; … }`: the member names of each type. */
function renderNames(name: string, doc: string, types: Map<string, TypeFacts>): string[] {
  const lines = [doc, `export interface ${name} {`];
  for (const [typeName, facts] of byName(types)) {
    const members = [...facts.keys()].sort().map((m) => JSON.stringify(m));
    lines.push(`  ${typeName}: ${members.length ? members.join(" | ") : "never"};`);
  }
  lines.push("}", "");
  return lines;
}

/** The text of generated/input-fields.ts for the snapshots under `root`. */
export function renderInputFieldsModule(root: string = repoRoot): string {
  const snapshots = readReleaseSnapshots(projectPaths(root).schemaVersions);
  const releases = snapshots.map((s) => s.version);
  const { inputs, enums } = collect(
    snapshots.map((s) => buildSchema(s.sdl)),
    releases,
  );
  return [
    "// Generated by `npm run codegen` from schema/versions/ (scripts/lib/render-input-fields.ts). Do not edit.",
    "",
    "/** Releases of a field or enum value: `since` the first committed snapshot with it, `removedIn` the first without it again. */",
    "export interface MemberFacts {",
    "  readonly since: string;",
    "  readonly removedIn?: string;",
    "  /** Stash's deprecation reason, e.g. `Use urls`. */",
    "  readonly deprecated?: string;",
    "  /** The field's input object type, for nested checks. */",
    "  readonly input?: string;",
    "  /** The field's enum type. */",
    "  readonly enum?: string;",
    "  /** The field's scalar type (String, Int, Boolean, ID, …), for generic conversion. */",
    "  readonly scalar?: string;",
    "  /** The field takes a list. */",
    "  readonly list?: boolean;",
    "  /** The field is non-null in the newest release that has it. */",
    "  readonly required?: boolean;",
    "}",
    "",
    "/** Committed release snapshots the facts were read from, oldest first. */",
    `export const inputFactReleases: readonly string[] = [${releases.map((r) => JSON.stringify(r)).join(", ")}];`,
    "",
    ...renderNames("InputFieldNames", "/** Input type -> the names of its fields (every committed release). */", inputs),
    ...renderGroup("inputFields", "/** Input type -> field -> facts, for the input types the facade validates and those nested in them. */", inputs, "InputFieldNames"),
    ...renderGroup("enumValues", "/** Enum -> value -> facts, for the enums those input types use. */", enums),
    "/** An input type with generated field facts. */",
    "export type InputTypeName = keyof InputFieldNames;",
    "",
    "/** The field names of an input type (every committed release). */",
    "export type InputFieldName<T extends InputTypeName> = InputFieldNames[T];",
    "",
  ].join("\n");
}

/**
 * Builds the suite's own small libraries through the public API: seed() for
 * what only a scan can make (scenes with files, markers), GraphQL mutations
 * for everything else. Records are known by short labels (`S1`, `tag a`) so
 * failures name fixture rows instead of ids.
 */
import type { Fixture } from "../../src/testing/index";
import type { Conformance } from "./harness";

/** Label ↔ id for one entity kind. */
export class Labels {
  private readonly byLabel = new Map<string, string>();
  private readonly byId = new Map<string, string>();

  /** Records `label` as the name of `id`. */
  set(label: string, id: string): void {
    this.byLabel.set(label, id);
    this.byId.set(id, label);
  }

  /** The id of a label; throws for a label the fixture never made. */
  id(label: string): string {
    const id = this.byLabel.get(label);
    if (id === undefined) throw new Error(`fixture has no record labelled "${label}"`);
    return id;
  }

  /** Ids of several labels. */
  ids(...labels: string[]): string[] {
    return labels.map((l) => this.id(l));
  }

  /** Whether the label was built. */
  has(label: string): boolean {
    return this.byLabel.has(label);
  }

  /** Labels of ids (ids the fixture did not make stay as `#id`). */
  names(ids: readonly string[]): string[] {
    return ids.map((id) => this.byId.get(id) ?? `#${id}`);
  }

  /** Every label. */
  all(): string[] {
    return [...this.byLabel.keys()];
  }
}

/** The create mutation and its result field for each entity a fixture makes by API. */
const CREATE: Readonly<Record<string, { readonly mutation: string; readonly input: string }>> = {
  tag: { mutation: "tagCreate", input: "TagCreateInput" },
  performer: { mutation: "performerCreate", input: "PerformerCreateInput" },
  studio: { mutation: "studioCreate", input: "StudioCreateInput" },
  group: { mutation: "groupCreate", input: "GroupCreateInput" },
  gallery: { mutation: "galleryCreate", input: "GalleryCreateInput" },
};

const UPDATE: Readonly<Record<string, { readonly mutation: string; readonly input: string }>> = {
  tag: { mutation: "tagUpdate", input: "TagUpdateInput" },
  performer: { mutation: "performerUpdate", input: "PerformerUpdateInput" },
  studio: { mutation: "studioUpdate", input: "StudioUpdateInput" },
  group: { mutation: "groupUpdate", input: "GroupUpdateInput" },
  gallery: { mutation: "galleryUpdate", input: "GalleryUpdateInput" },
  scene: { mutation: "sceneUpdate", input: "SceneUpdateInput" },
  image: { mutation: "imageUpdate", input: "ImageUpdateInput" },
};

/** Creates one entity by API and returns its id (throws on any error). */
export async function create(c: Conformance, kind: keyof typeof CREATE, input: Record<string, unknown>): Promise<string> {
  const { mutation, input: type } = CREATE[kind]!;
  const data = await c.run<{ r: { id: string } }>(`mutation($i: ${type}!) { r: ${mutation}(input: $i) { id } }`, { i: input });
  return data.r.id;
}

/** Updates one entity by API (throws on any error). */
export async function update(c: Conformance, kind: keyof typeof UPDATE, input: Record<string, unknown>): Promise<void> {
  const { mutation, input: type } = UPDATE[kind]!;
  await c.run(`mutation($i: ${type}!) { r: ${mutation}(input: $i) { id } }`, { i: input });
}

/**
 * Sets optional fields one update at a time, so that a field the stand-in
 * refuses only marks `feature` (per field: `${feature}.${field}`) as missing.
 */
export async function updateEach(
  c: Conformance,
  kind: keyof typeof UPDATE,
  id: string,
  fields: Record<string, unknown>,
  feature: string,
): Promise<void> {
  for (const [field, value] of Object.entries(fields)) {
    await c.attempt(`${feature}.${field}`, () => update(c, kind, { id, [field]: value }));
  }
}

/** Loads a fixture with seed() and labels its scenes by title (fixture titles must be unique). */
export async function seedScenes(c: Conformance, fixture: Fixture, labels: Labels, labelOf: (title: string) => string): Promise<void> {
  const result = await c.standIn.seed(fixture);
  for (const [title, id] of Object.entries(result.sceneIdsByTitle)) labels.set(labelOf(title), id);
}

/** A 16-hex-digit fingerprint made of one repeated digit. */
export function hex16(digit: string): string {
  return digit.repeat(16);
}

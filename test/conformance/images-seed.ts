/**
 * Images exist in Stash only by scanning, so the suite puts their rows in
 * through the fixture and sets everything else with imageUpdate and
 * imageIncrementO, keeping the dependence on the fixture format to the
 * image's title, path and size.
 */
import type { Fixture } from "../../src/testing/index";
import type { Labels } from "./fixture-builder";
import type { Conformance } from "./harness";

/** One image: its file, and the ImageUpdateInput fields and o-count to give it afterwards. */
export interface ImageSpec {
  readonly label: string;
  readonly title: string;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly set?: Record<string, unknown>;
  readonly o?: number;
}

/** The two fixture shapes tried, scene-like (`files`) first. */
function shapes(specs: readonly ImageSpec[]): Record<string, unknown>[] {
  const filesShape = specs.map((s, i) => ({ title: s.title, files: [{ path: s.path, size: 1000 + i, width: s.width, height: s.height }] }));
  const flatShape = specs.map((s, i) => ({ title: s.title, path: s.path, size: 1000 + i, width: s.width, height: s.height }));
  return [{ images: filesShape }, { images: flatShape }];
}

async function idByTitle(c: Conformance, title: string): Promise<string> {
  const data = await c.run("query($f: ImageFilterType) { findImages(image_filter: $f, filter: { per_page: -1 }) { images { id title } } }", {
    f: { title: { value: title, modifier: "EQUALS" } },
  });
  const hit = data.findImages.images.find((i: { title: string }) => i.title === title);
  if (!hit) throw new Error(`image "${title}" was not created by the fixture`);
  return hit.id;
}

/**
 * Seeds the images and applies their fields; throws when the stand-in cannot
 * (no `images` fixture key, no imageUpdate), so callers can record a gap.
 */
export async function seedImages(c: Conformance, specs: readonly ImageSpec[], labels?: Labels): Promise<Record<string, string>> {
  let lastError: unknown = new Error("no fixture shape accepted");
  let seeded = false;
  for (const fixture of shapes(specs)) {
    try {
      await c.standIn.seed(fixture as Fixture);
      await idByTitle(c, specs[0]!.title);
      seeded = true;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (!seeded) throw lastError;
  const ids: Record<string, string> = {};
  for (const spec of specs) {
    const id = await idByTitle(c, spec.title);
    ids[spec.label] = id;
    labels?.set(spec.label, id);
    if (spec.set && Object.keys(spec.set).length > 0) {
      await c.run("mutation($i: ImageUpdateInput!) { imageUpdate(input: $i) { id } }", { i: { id, ...spec.set } });
    }
    for (let k = 0; k < (spec.o ?? 0); k++) await c.run("mutation($id: ID!) { imageIncrementO(id: $id) }", { id });
  }
  return ids;
}

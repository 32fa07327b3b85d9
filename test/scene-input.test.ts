import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StashValidationError } from "../src/core/errors";
import {
  toBulkSceneUpdateInput,
  toSceneCreateInput,
  toSceneMergeValues,
  toSceneUpdateInput,
  type SceneUpdate,
} from "../src/scenes/input";

/** Runs `fn` and returns the StashValidationError it throws (failing when it throws nothing else). */
function validationError(fn: () => unknown): StashValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StashValidationError);
    return err as StashValidationError;
  }
  throw new Error("expected a StashValidationError, nothing was thrown");
}

// Input key -> wire key, and whether the field is a list (lists clear with []).
const FIELDS: Record<string, { wire: string; list: boolean }> = {
  title: { wire: "title", list: false },
  code: { wire: "code", list: false },
  details: { wire: "details", list: false },
  director: { wire: "director", list: false },
  date: { wire: "date", list: false },
  rating100: { wire: "rating100", list: false },
  studio: { wire: "studio_id", list: false },
  urls: { wire: "urls", list: true },
  performers: { wire: "performer_ids", list: true },
  tag_ids: { wire: "tag_ids", list: true },
  galleries: { wire: "gallery_ids", list: true },
  groups: { wire: "groups", list: true },
  stash_ids: { wire: "stash_ids", list: true },
};

const id = fc.integer({ min: 1, max: 1_000_000 });
const idLike = fc.oneof(id, id.map(String), id.map((n) => ({ id: String(n), name: `x${n}` })));
const unset = fc.constantFrom(undefined, null);
const dateText = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat(2))
  .map(([y, m, d, precision]) => [String(y), `${y}-${String(m).padStart(2, "0")}`, `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`][precision]!);
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof(unset, fc.constant([] as T[]), fc.array(item, { minLength: 1, maxLength: 4 }));
const stashIds = fc
  .uniqueArray(fc.webUrl(), { minLength: 1, maxLength: 3 })
  .map((endpoints) => endpoints.map((endpoint, i) => ({ endpoint, stash_id: `sid-${i}` })));

const sceneUpdate = fc.record({
  id: id.map(String),
  title: fc.oneof(unset, fc.string()),
  code: fc.oneof(unset, fc.string()),
  details: fc.oneof(unset, fc.string()),
  director: fc.oneof(unset, fc.string()),
  date: fc.oneof(unset, dateText),
  rating100: fc.oneof(unset, fc.integer({ min: 0, max: 100 })),
  studio: fc.oneof(unset, idLike),
  urls: list(fc.webUrl()),
  performers: list(idLike),
  tag_ids: list(id),
  galleries: list(idLike),
  groups: list(fc.oneof(idLike, fc.record({ group: idLike, scene_index: fc.oneof(fc.constant(null), fc.nat(20)) }))),
  stash_ids: fc.oneof(unset, fc.constant([]), stashIds),
  // Read-only fields of a fetched scene: never sent, whatever they hold.
  created_at: fc.oneof(fc.constant(undefined), fc.string()),
  o_counter: fc.oneof(fc.constant(undefined), fc.constant(null), fc.nat()),
  files: fc.oneof(fc.constant(undefined), fc.constant([])),
  play_history: fc.oneof(fc.constant(undefined), fc.array(fc.string())),
});

describe("scene input conversion (properties)", () => {
  it("maps undefined to omitted, null to clear, [] to clear, and sends nothing unset", () => {
    fc.assert(
      fc.property(sceneUpdate, (scene) => {
        const out = toSceneUpdateInput(scene as SceneUpdate) as Record<string, unknown>;
        const expectedKeys = new Set(["id"]);
        for (const [key, { wire, list: isList }] of Object.entries(FIELDS)) {
          const value = (scene as Record<string, unknown>)[key];
          if (value === undefined) {
            expect(out).not.toHaveProperty(wire);
            continue;
          }
          expectedKeys.add(wire);
          if (value === null) expect(out[wire]).toEqual(isList ? [] : null);
          else if (Array.isArray(value) && value.length === 0) expect(out[wire]).toEqual([]);
          else expect(out[wire]).not.toBeNull();
        }
        expect(new Set(Object.keys(out))).toEqual(expectedKeys);
      }),
      { numRuns: 300 },
    );
  });

  it("turns every relationship into ids the server accepts", () => {
    fc.assert(
      fc.property(fc.array(idLike, { maxLength: 5 }), idLike, (people, studio) => {
        const out = toSceneUpdateInput({ id: "1", performers: people, studio });
        expect(out.performer_ids).toEqual(people.map((p) => String(typeof p === "object" ? p.id : p)));
        expect(out.studio_id).toBe(String(typeof studio === "object" ? studio.id : studio));
      }),
    );
  });

  it("passes fuzzy dates through unchanged", () => {
    fc.assert(
      fc.property(dateText, (date) => {
        expect(toSceneUpdateInput({ id: 1, date }).date).toBe(date);
      }),
    );
  });
});

describe("scene input conversion (cases)", () => {
  it("accepts a fetched scene and drops its read-only fields", () => {
    const fetched = {
      id: "7",
      title: "T",
      urls: ["https://example.com/a"],
      date: "2024-03",
      rating100: null,
      organized: false,
      o_counter: 3,
      play_count: 2,
      play_duration: null,
      resume_time: 12,
      files: [{ id: "1" }],
      paths: { screenshot: null },
      scene_markers: [],
      created_at: "2024-01-01T00:00:00Z",
      studio: { id: "4", name: "S" },
      performers: [{ id: "5", name: "P" }],
      tags: [],
      galleries: [{ id: "6", title: null }],
      groups: [{ group: { id: "8", name: "G" }, scene_index: null }],
      stash_ids: [{ endpoint: "https://stashdb.org/graphql", stash_id: "abc", updated_at: "2024-01-01T00:00:00Z" }],
    };
    expect(toSceneUpdateInput(fetched)).toEqual({
      id: "7",
      title: "T",
      urls: ["https://example.com/a"],
      date: "2024-03",
      rating100: null,
      organized: false,
      studio_id: "4",
      performer_ids: ["5"],
      tag_ids: [],
      gallery_ids: ["6"],
      groups: [{ group_id: "8", scene_index: null }],
      stash_ids: [{ endpoint: "https://stashdb.org/graphql", stash_id: "abc", updated_at: "2024-01-01T00:00:00Z" }],
    });
  });

  it("accepts groups as ids, { group, scene_index } and raw SceneGroupInput", () => {
    const out = toSceneUpdateInput({ id: 1, groups: [3, { group: { id: 4 }, scene_index: 2 }, { group_id: "5", scene_index: 1 }] });
    expect(out.groups).toEqual([{ group_id: "3" }, { group_id: "4", scene_index: 2 }, { group_id: "5", scene_index: 1 }]);
  });

  it("names unknown keys, typos included", () => {
    const err = validationError(() => toSceneUpdateInput({ id: 1, titel: "x", raiting: 5 } as unknown as SceneUpdate));
    expect(err.argument).toBe("scene");
    expect(err.problem).toContain('"titel"');
    expect(err.problem).toContain('"raiting"');
  });

  it.each([
    [{ id: "" }, "scene.id"],
    [{ id: "abc" }, "scene.id"],
    [{ id: 1, date: "2024-13-01" }, "scene.date"],
    [{ id: 1, date: "yesterday" }, "scene.date"],
    [{ id: 1, rating100: 101 }, "scene.rating100"],
    [{ id: 1, rating100: 4.5 }, "scene.rating100"],
    [{ id: 1, urls: ["ftp://example.com/x"] }, "scene.urls[0]"],
    [{ id: 1, urls: ["example.com"] }, "scene.urls[0]"],
    [{ id: 1, organized: null }, "scene.organized"],
    [{ id: 1, studio_id: "" }, "scene.studio_id"],
    [{ id: 1, tags: [1], tag_ids: [2] }, "scene.tags"],
    [{ id: 1, url: "https://example.com" }, "scene.url"],
    [{ id: 1, cover_image: null }, "scene.cover_image"],
    [{ id: 1, play_duration: -1 }, "scene.play_duration"],
    [{ id: 1, groups: [{ group: 1, scene_index: -1 }] }, "scene.groups[0].scene_index"],
    [{ id: 1, stash_ids: [{ endpoint: "e", stash_id: "a" }, { endpoint: "e", stash_id: "b" }] }, "scene.stash_ids[1].endpoint"],
  ])("refuses %j (%s)", (input, argument) => {
    expect(validationError(() => toSceneUpdateInput(input as unknown as SceneUpdate)).argument).toBe(argument);
  });

  it("requires a title on create unless a file is given, and refuses an id", () => {
    expect(validationError(() => toSceneCreateInput({ details: "d" })).argument).toBe("scene.title");
    expect(validationError(() => toSceneCreateInput({ title: "  " })).argument).toBe("scene.title");
    expect(toSceneCreateInput({ file_ids: [3] })).toEqual({ file_ids: ["3"] });
    expect(validationError(() => toSceneCreateInput({ id: 1, title: "x" } as never)).argument).toBe("scene.id");
  });

  it("fills merge values with the destination and refuses another id", () => {
    expect(toSceneMergeValues({ title: "M" }, "9")).toEqual({ id: "9", title: "M" });
    expect(validationError(() => toSceneMergeValues({ id: 3, title: "M" }, "9")).argument).toBe("values.id");
  });

  it("converts bulk updates and checks their modes", () => {
    expect(
      toBulkSceneUpdateInput({ ids: [1, "2"], tags: { ids: [{ id: 3 }], mode: "ADD" }, urls: { values: [], mode: "SET" }, studio: null }),
    ).toEqual({ ids: ["1", "2"], tag_ids: { ids: ["3"], mode: "ADD" }, urls: { values: [], mode: "SET" }, studio_id: null });
    expect(validationError(() => toBulkSceneUpdateInput({ ids: [1], tag_ids: { ids: [1], mode: "APPEND" as never } })).argument).toBe(
      "input.tag_ids.mode",
    );
    expect(validationError(() => toBulkSceneUpdateInput({ ids: [] })).argument).toBe("input.ids");
    expect(validationError(() => toBulkSceneUpdateInput({ ids: [1, 1] })).argument).toBe("input.ids[1]");
    expect(validationError(() => toBulkSceneUpdateInput({ ids: [1], performer_ids: null as never })).argument).toBe("input.performer_ids");
  });
});

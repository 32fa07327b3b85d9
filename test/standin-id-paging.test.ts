/**
 * Id-ordered paging of every entity find (answered from the store's id index
 * when the filter is at most an id criterion), checked for correctness, not
 * speed: pages in both directions and id-cursor walks agree with the ids the
 * seed created minus the ones destroyed. Also: sort names an older Stash
 * release lacks are refused when the stand-in imitates that release.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { gql, gqlData, usingStandIn, withStandIn } from "./helpers/standin";

const N = 11;
const names = (prefix: string) => Array.from({ length: N }, (_, i) => `${prefix} ${i + 1}`);

/** Per entity: its find field, the result list key and how to destroy some of its records. */
const ENTITIES = {
  tags: { find: "findTags", list: "tags", arg: "tag_filter", type: "TagFilterType", destroy: "tagsDestroy(ids: $ids)" },
  performers: { find: "findPerformers", list: "performers", arg: "performer_filter", type: "PerformerFilterType", destroy: "performersDestroy(ids: $ids)" },
  studios: { find: "findStudios", list: "studios", arg: "studio_filter", type: "StudioFilterType", destroy: "studiosDestroy(ids: $ids)" },
  groups: { find: "findGroups", list: "groups", arg: "group_filter", type: "GroupFilterType", destroy: "groupsDestroy(ids: $ids)" },
  galleries: { find: "findGalleries", list: "galleries", arg: "gallery_filter", type: "GalleryFilterType", destroy: "galleryDestroy(input: { ids: $ids })" },
  images: { find: "findImages", list: "images", arg: "image_filter", type: "ImageFilterType", destroy: "imagesDestroy(input: { ids: $ids })" },
  markers: { find: "findSceneMarkers", list: "scene_markers", arg: "scene_marker_filter", type: "SceneMarkerFilterType", destroy: "sceneMarkersDestroy(ids: $ids)" },
  scenes: { find: "findScenes", list: "scenes", arg: "scene_filter", type: "SceneFilterType", destroy: "scenesDestroy(input: { ids: $ids })" },
} as const;
type Entity = keyof typeof ENTITIES;

const stash = withStandIn();
/** Ids left per entity after the destroys, ascending. */
const remaining = {} as Record<Entity, number[]>;

beforeAll(async () => {
  const seeded = await stash().seed({
    tags: names("Tag"),
    performers: names("Performer"),
    studios: names("Studio"),
    groups: names("Group"),
    galleries: names("Gallery").map((title) => ({ title })),
    images: names("Image").map((title, i) => ({ title, files: [{ path: `/lib/img/${i}.jpg`, size: 100 + i, width: 64, height: 48 }] })),
    scenes: names("Scene").map((title) => ({ title, markers: [{ title: `${title} mark`, seconds: 5, primary_tag: "Tag 1" }] })),
  });
  const created: Record<Entity, string[]> = {
    tags: Object.values(seeded.tags),
    performers: Object.values(seeded.performers),
    studios: Object.values(seeded.studios),
    groups: Object.values(seeded.groups),
    galleries: seeded.galleries,
    images: seeded.images,
    markers: seeded.markers,
    scenes: seeded.scenes,
  };
  for (const entity of Object.keys(ENTITIES) as Entity[]) {
    // The markers' primary tag stays: destroying it would take the markers too. Scenes lose the
    // positions markers lose (one marker per scene), so no scene destroy removes a live marker.
    const ids = created[entity].map(Number).sort((a, b) => a - b);
    const doomed = entity === "tags" ? [ids[2]!, ids[7]!, ids[N - 1]!] : [ids[0]!, ids[5]!, ids[N - 1]!];
    await gqlData(stash(), `mutation ($ids: [ID!]!) { ${ENTITIES[entity].destroy} }`, { ids: doomed.map(String) });
    remaining[entity] = ids.filter((id) => !doomed.includes(id));
  }
});

async function page(entity: Entity, filter: Record<string, unknown>, entityFilter?: Record<string, unknown>) {
  const { find, list, arg, type } = ENTITIES[entity];
  const data = await gqlData(stash(), `query ($f: FindFilterType, $e: ${type}) { ${find}(filter: $f, ${arg}: $e) { count ${list} { id } } }`, {
    f: filter,
    e: entityFilter ?? null,
  });
  const result = data[find] as { count: number } & Record<string, { id: string }[]>;
  return { count: result.count, ids: result[list]!.map((r) => Number(r.id)) };
}

describe("id-ordered pages come from the id index for every entity", () => {
  for (const entity of Object.keys(ENTITIES) as Entity[]) {
    it(`${entity}: pages in both directions and id cursors match the live ids`, async () => {
      const live = remaining[entity];
      expect(live).toHaveLength(N - 3);
      for (const direction of ["ASC", "DESC"] as const) {
        const expected = direction === "ASC" ? live : [...live].reverse();
        const seen: number[] = [];
        for (let p = 1; p <= 3; p++) {
          const got = await page(entity, { sort: "id", direction, per_page: 3, page: p });
          expect(got.count).toBe(live.length);
          seen.push(...got.ids);
        }
        expect(seen).toEqual(expected);
      }
      // Cursor walks need an `id` criterion, which not every filter type has.
      const fields = await gqlData(stash(), `{ __type(name: "${ENTITIES[entity].type}") { inputFields { name } } }`);
      if (!fields.__type.inputFields.some((f: { name: string }) => f.name === "id")) return;
      // Cursor walk up, then down, by the last id seen.
      const up: number[] = [];
      for (let last = 0, step = 0; step < N; step++) {
        const got = await page(entity, { sort: "id", per_page: 4 }, { id: { modifier: "GREATER_THAN", value: last } });
        expect(got.count).toBe(live.filter((id) => id > last).length);
        if (got.ids.length === 0) break;
        up.push(...got.ids);
        last = got.ids[got.ids.length - 1]!;
      }
      expect(up).toEqual(live);
      const top = live[live.length - 1]! + 1;
      const down = await page(entity, { sort: "id", direction: "DESC", per_page: 4 }, { id: { modifier: "LESS_THAN", value: top - 1 } });
      expect(down.ids).toEqual(live.filter((id) => id < top - 1).reverse().slice(0, 4));
      const between = await page(entity, { sort: "id", per_page: -1 }, { id: { modifier: "BETWEEN", value: live[1]!, value2: live[4]! } });
      expect(between.ids).toEqual(live.slice(1, 5));
      const one = await page(entity, { sort: "id", per_page: 0 }, { id: { modifier: "EQUALS", value: live[2]! } });
      expect(one).toEqual({ count: 1, ids: [] });
    });
  }

  it("galleries and images without a sort come in id order whatever the direction", async () => {
    for (const entity of ["galleries", "images"] as const) {
      const got = await page(entity, { direction: "DESC", per_page: -1 });
      expect(got.ids).toEqual(remaining[entity]);
    }
  });
});

describe("sort names follow the imitated release", () => {
  const cases = [
    { version: "v0.28.1", find: "findStudios", sort: "tag_count" },
    { version: "v0.29.3", find: "findPerformers", sort: "scenes_duration" },
    { version: "v0.29.3", find: "findGroups", sort: "o_counter" },
    { version: "v0.29.3", find: "findTags", sort: "scenes_duration" },
  ];
  for (const { version, find, sort } of cases) {
    it(`${find} sort ${sort}: refused as ${version}, accepted as the current release`, async () => {
      const query = `{ ${find}(filter: { sort: "${sort}" }) { count } }`;
      await usingStandIn({ version }, async (old) => {
        const res = await gql(old, query);
        expect(res.body.errors?.[0]?.message).toContain(`invalid sort: ${sort}`);
        // Sorts the release has keep working, random seeds included.
        const ok = await gql(old, `{ ${find}(filter: { sort: "random_7" }) { count } }`);
        expect(ok.body.errors).toBeUndefined();
      });
      const current = await gql(stash(), query);
      expect(current.body.errors).toBeUndefined();
    });
  }
});

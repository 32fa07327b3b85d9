/**
 * The image URLs views hand out are served: every `paths` / `*_image_path`
 * URL of a seeded record answers a PNG, and the same route for an unknown id
 * answers 404 (internal/api/routes_*.go).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { gqlData, usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn();
let urls: string[] = [];

beforeAll(async () => {
  await stash().seed({
    tags: ["Beach"],
    performers: ["Alex"],
    studios: ["Acme"],
    groups: ["Series"],
    galleries: [{ title: "Trip" }],
    images: [{ title: "Shore", files: [{ path: "/lib/shore.jpg", size: 10, width: 8, height: 6 }], galleries: ["Trip"] }],
    scenes: [{ title: "Day" }],
  });
  const data = await gqlData(
    stash(),
    `{
      findImages { images { paths { image thumbnail } } }
      findGalleries { galleries { paths { cover } } }
      findTags { tags { image_path } }
      findPerformers { performers { image_path } }
      findStudios { studios { image_path } }
      findGroups { groups { front_image_path } }
      findScenes { scenes { paths { screenshot } } }
    }`,
  );
  urls = [
    ...data.findImages.images.flatMap((i: any) => [i.paths.image, i.paths.thumbnail]),
    ...data.findGalleries.galleries.map((g: any) => g.paths.cover),
    ...data.findTags.tags.map((t: any) => t.image_path),
    ...data.findPerformers.performers.map((p: any) => p.image_path),
    ...data.findStudios.studios.map((s: any) => s.image_path),
    ...data.findGroups.groups.map((g: any) => g.front_image_path),
    ...data.findScenes.scenes.map((s: any) => s.paths.screenshot),
  ];
});

describe("media routes", () => {
  it("serves a PNG at every image URL a view hands out", async () => {
    expect(urls).toHaveLength(8);
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    }
  });

  it("answers 404 for the same routes with an unknown or malformed id", async () => {
    for (const url of urls) {
      const path = new URL(url).pathname;
      for (const bad of ["999999", "abc"]) {
        const res = await fetch(`${stash().baseUrl}${path.replace(/\/\d+\//, `/${bad}/`)}`);
        expect(res.status, path).toBe(404);
      }
    }
  });

  it("serves a group's back image route and HEAD without a body", async () => {
    const { findGroups, findImages } = await gqlData(stash(), `{ findGroups { groups { id } } findImages { images { id } } }`);
    const back = await fetch(`${stash().baseUrl}/group/${findGroups.groups[0].id}/backimage`);
    expect(back.status).toBe(200);
    const head = await fetch(`${stash().baseUrl}/image/${findImages.images[0].id}/thumbnail`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("asks for the API key like the API does", async () => {
    await usingStandIn({ apiKey: "k" }, async (locked) => {
      await locked.seed({ tags: ["T"] });
      const { findTags } = await gqlData({ url: `${locked.url}?apikey=k` }, `{ findTags { tags { image_path } } }`);
      const url = new URL(findTags.tags[0].image_path as string);
      url.searchParams.delete("apikey");
      expect((await fetch(url)).status).toBe(401);
      url.searchParams.set("apikey", "k");
      expect((await fetch(url)).status).toBe(200);
    });
  });
});

/**
 * Galleries, images, groups' scenes, and the scenes/markers namespaces
 * against a stand-in over real HTTP. The seed-named scene methods and the
 * namespaced ones call the same functions, so both spellings agree.
 */
import { describe, expect, it } from "vitest";
import { standInWithClient } from "./helpers/standin-client";

const live = standInWithClient();

describe("scenes and markers namespaces", () => {
  it("scenes.findMany returns items with the duration and filesize totals; the seed method agrees", async () => {
    const seeded = await live.standIn.seed({
      scenes: [
        { title: "ns one", files: [{ path: "/ns/1.mp4", size: 1000, duration: 10, width: 640, height: 360 }] },
        { title: "ns two", files: [{ path: "/ns/2.mp4", size: 3000, duration: 30, width: 640, height: 360 }] },
      ],
    });
    const page = await live.stash.scenes.findMany({ q: "ns " });
    expect(page).toMatchObject({ count: 2, duration: 40, filesize: 4000 });
    expect(page.items.map((s) => s.id).sort()).toEqual([...seeded.scenes].sort());
    const seed = await live.stash.findScenes({ q: "ns " });
    expect(seed.scenes.map((s) => s.id)).toEqual(page.items.map((s) => s.id));
    expect(await live.stash.scenes.find(seeded.scenes[0]!)).toEqual(await live.stash.findScene(seeded.scenes[0]!));
  });

  it("scenes.bulkUpdate { add } keeps existing tags (unlike sceneUpdate's replace)", async () => {
    const seeded = await live.standIn.seed({ tags: ["keep-a", "add-b"], scenes: [{ title: "bulk a", tags: ["keep-a"] }, { title: "bulk b" }] });
    const updated = await live.stash.scenes.bulkUpdate({ ids: seeded.scenes, tag_ids: { add: [seeded.tags["add-b"]!] } });
    expect(updated.find((s) => s.id === seeded.scenes[0])!.tags.map((t) => t.name).sort()).toEqual(["add-b", "keep-a"]);
    expect(updated.find((s) => s.id === seeded.scenes[1])!.tags.map((t) => t.name)).toEqual(["add-b"]);
  });

  it("scenes.iterate walks with the scene_filter key; scenes.destroy keeps files by default", async () => {
    const seeded = await live.standIn.seed({ scenes: [{ title: "walk x1" }, { title: "walk x2" }, { title: "walk x3" }] });
    const ids: string[] = [];
    for await (const scene of live.stash.scenes.iterate({ filter: { q: "walk x" }, perPage: 2 })) ids.push(scene.id);
    expect(ids).toEqual(seeded.scenes);
    expect(await live.stash.scenes.destroy(seeded.scenes.slice(0, 2))).toBe(true);
    expect(await live.stash.scenes.find(seeded.scenes[0]!)).toBeNull();
  });

  it("markers.find, findMany and destroy", async () => {
    const seeded = await live.standIn.seed({ scenes: [{ title: "marked", markers: [{ title: "m1", seconds: 1, primary_tag: "mt" }, { title: "m2", seconds: 2, primary_tag: "mt" }] }] });
    const [m1, m2] = seeded.markers;
    expect((await live.stash.markers.find(m1!))?.title).toBe("m1");
    const page = await live.stash.markers.findMany({ scene_marker_filter: { scenes: { value: [seeded.scenes[0]!], modifier: "INCLUDES" } } });
    expect(page.count).toBe(2);
    expect(await live.stash.markers.destroy([m1!, m2!])).toBe(true);
    expect((await live.stash.markers.findMany({ q: "m1" })).count).toBe(0);
  });
});

describe("groups and their scenes", () => {
  it("setScene puts a scene at an index, scenes() lists them in order, removeScene keeps other groups", async () => {
    const seeded = await live.standIn.seed({ groups: ["Saga", "Other"], scenes: [{ title: "s1", groups: ["Other"] }, { title: "s2" }] });
    const saga = seeded.groups["Saga"]!;
    await live.stash.groups.setScene(saga, seeded.scenes[0]!, 2);
    await live.stash.groups.setScene(saga, seeded.scenes[1]!, 1);
    expect((await live.stash.groups.scenes(saga)).map((s) => [s.scene.id, s.scene_index])).toEqual([
      [seeded.scenes[1], 1],
      [seeded.scenes[0], 2],
    ]);
    const after = await live.stash.groups.removeScene(saga, seeded.scenes[0]!);
    expect(after.groups.map((g) => g.group.name)).toEqual(["Other"]);
  });

  it("sub-groups can be added, reordered and removed", async () => {
    const [parent, a, b] = await Promise.all(["Parent", "A", "B"].map((name) => live.stash.groups.create({ name: `sub ${name}` })));
    expect(await live.stash.groups.addSubGroups(parent!.id, [a!, { group: b!.id, description: "second" }])).toBe(true);
    expect((await live.stash.groups.find(parent!.id))!.sub_groups.map((s) => s.group.id)).toEqual([a!.id, b!.id]);
    await live.stash.groups.reorderSubGroups(parent!.id, { subGroupIds: [b!.id], at: a!.id });
    expect((await live.stash.groups.find(parent!.id))!.sub_groups.map((s) => s.group.id)).toEqual([b!.id, a!.id]);
    await live.stash.groups.removeSubGroups(parent!.id, [a!.id]);
    expect((await live.stash.groups.find(parent!.id))!.sub_groups.map((s) => s.group.id)).toEqual([b!.id]);
  });
});

describe("galleries and images (as the stand-in's support lands)", () => {
  const image = (path: string, galleries: string[] = []) => ({ files: [{ path, size: 2000, width: 200, height: 100 }], galleries });

  it("galleries: update semantics, images in a gallery, cover, chapters CRUD, destroy keeps files", async () => {
    const seeded = await live.standIn.seed({
      galleries: [{ title: "Holiday", details: "kept", urls: ["https://example.com/g"] }],
      images: [image("/img/h1.jpg", ["Holiday"]), image("/img/h2.jpg", ["Holiday"]), image("/img/loose.jpg")],
    });
    const [galleryId] = seeded.galleries;
    const [i1, i2, loose] = seeded.images;
    const updated = await live.stash.galleries.update({ id: galleryId!, title: "Holiday 2", urls: [] });
    expect(updated).toMatchObject({ title: "Holiday 2", details: "kept", urls: [] });

    expect(await live.stash.galleries.addImages(galleryId!, [loose!])).toBe(true);
    expect((await live.stash.galleries.find(galleryId!))!.image_count).toBe(3);
    expect(await live.stash.galleries.removeImages(galleryId!, [loose!])).toBe(true);
    expect((await live.stash.galleries.find(galleryId!))!.image_count).toBe(2);
    expect(await live.stash.galleries.setCover(galleryId!, i2!)).toBe(true);
    expect(await live.stash.galleries.resetCover(galleryId!)).toBe(true);

    const chapter = await live.stash.galleries.chapters.create({ gallery_id: galleryId!, title: "Day 1", image_index: 1 });
    await live.stash.galleries.chapters.update({ id: chapter.id, title: "Day one" });
    expect((await live.stash.galleries.chapters.list(galleryId!))!.map((c) => c.title)).toEqual(["Day one"]);
    expect(await live.stash.galleries.chapters.destroy(chapter.id)).toBe(true);

    live.standIn.resetStats();
    expect(await live.stash.galleries.destroy(galleryId!)).toBe(true);
    expect(await live.stash.galleries.find(galleryId!)).toBeNull();
    expect((await live.stash.images.find(i1!))?.id).toBe(i1);
    expect(live.sent()).toContain("GalleryDestroy");
  });

  it("images: findMany totals, bulk tagging by mode, the O counter, iterate by id cursor", async () => {
    const seeded = await live.standIn.seed({ tags: ["img-a", "img-b"], images: [image("/img/o1.jpg"), image("/img/o2.jpg")] });
    const [a, b] = seeded.images;
    const page = await live.stash.images.findMany({ ids: [a!, b!] });
    expect(page).toMatchObject({ count: 2, megapixels: expect.any(Number), filesize: expect.any(Number) });
    await live.stash.images.bulkUpdate({ ids: [a!, b!], tag_ids: { add: [seeded.tags["img-a"]!] } });
    const [tagged] = await live.stash.images.bulkUpdate({ ids: [a!], tags: { add: [seeded.tags["img-b"]!] } });
    expect(tagged!.tags.map((t) => t.name).sort()).toEqual(["img-a", "img-b"]);
    expect(await live.stash.images.addO(a!)).toBe(1);
    expect(await live.stash.images.addO(a!)).toBe(2);
    expect(await live.stash.images.removeO(a!)).toBe(1);
    expect(await live.stash.images.resetO(a!)).toBe(0);
    const walked: string[] = [];
    for await (const img of live.stash.images.iterate({ perPage: 1 })) walked.push(img.id);
    expect(walked).toEqual(expect.arrayContaining([a, b]));
    expect(await live.stash.images.destroy([a!, b!])).toBe(true);
    expect(await live.stash.images.find(a!)).toBeNull();
  });
});

describe("fetched objects go back through update", () => {
  it("a modified performer, gallery, image and group keep their relations", async () => {
    const seeded = await live.standIn.seed({
      tags: ["rt tag"],
      performers: [{ name: "RT Performer", aliases: ["RT"] }],
      studios: ["RT Studio"],
      groups: ["RT Group"],
      galleries: [{ title: "RT Gallery", tags: ["rt tag"], performers: ["RT Performer"], studio: "RT Studio" }],
      images: [{ files: [{ path: "/rt/a.jpg", size: 10, width: 10, height: 10 }], galleries: ["RT Gallery"], tags: ["rt tag"] }],
    });
    const performer = (await live.stash.performers.find(seeded.performers["RT Performer"]!))!;
    expect(await live.stash.performers.update({ ...performer, details: "edited" })).toMatchObject({ details: "edited", alias_list: ["RT"] });
    const gallery = (await live.stash.galleries.find(seeded.galleries[0]!))!;
    const g = await live.stash.galleries.update({ ...gallery, details: "edited" });
    expect([g.details, g.tags.map((t) => t.name), g.performers.map((p) => p.name), g.studio?.name]).toEqual(["edited", ["rt tag"], ["RT Performer"], "RT Studio"]);
    const image = (await live.stash.images.find(seeded.images[0]!))!;
    const i = await live.stash.images.update({ ...image, title: "edited" });
    expect([i.title, i.galleries.map((x) => x.id), i.tags.map((t) => t.name)]).toEqual(["edited", [seeded.galleries[0]], ["rt tag"]]);
    const group = (await live.stash.groups.find(seeded.groups["RT Group"]!))!;
    expect((await live.stash.groups.update({ ...group, director: "edited" })).director).toBe("edited");
  });
});

describe("saved filters and system", () => {
  it("savedFilters.save, list, find and destroy", async () => {
    const saved = await live.stash.savedFilters.save({ mode: "SCENES", name: "Favourites", find_filter: { q: "fav" } });
    expect((await live.stash.savedFilters.list("SCENES")).map((f) => f.id)).toContain(saved.id);
    expect((await live.stash.savedFilters.find(saved.id))?.name).toBe("Favourites");
    expect(await live.stash.savedFilters.destroy(saved.id)).toBe(true);
    expect(await live.stash.savedFilters.find(saved.id)).toBeNull();
  });

  it("system.version matches the seed-named version()", async () => {
    expect(await live.stash.system.version()).toEqual(await live.stash.version());
  });
});

/**
 * Galleries and gallery chapters in the stand-in over HTTP: create, partial
 * and bulk updates, image membership and the cover, chapters, destroy
 * (files stay unless asked), filters and sorting, checked against the rules
 * of Stash's resolver_mutation_gallery.go and pkg/sqlite/gallery*.go.
 */
import { describe, expect, test } from "vitest";
import { GalleryFields, StashClient as PeerClient } from "stashapp-api";
import type { Fixture } from "../src/testing/index";
import { gql, gqlData, withStandIn } from "./helpers/standin";

let t = Date.parse("2025-03-01T00:00:00Z");
const stash = withStandIn({ now: () => new Date(t) });
const tick = () => (t += 1000);

const GALLERY = `id title code details photographer url urls date rating100 organized created_at updated_at image_count
  studio { id } tags { id name } performers { id } scenes { id } chapters { id title image_index }
  folder { path } files { path basename fingerprint(type: "md5") parent_folder { path } }
  cover { id } paths { cover preview }`;

let serial = 0;
/** A fixture whose paths and names are unique to the calling test. */
function library() {
  const n = ++serial;
  const dir = `/pics/t${n}`;
  const fixture: Fixture = {
    scenes: [{ title: `Scene ${n}`, files: [{ path: `/vid/t${n}.mp4`, size: 1, duration: 1, width: 1, height: 1 }] }],
    galleries: [
      { title: `User ${n}`, tags: [`Tag ${n}`], performers: [`Perf ${n}`] },
      { folder: `${dir}/album`, chapters: [{ title: "Start", image_index: 1 }] },
      { zip: { path: `${dir}/pack.zip`, size: 900, md5: "0123456789abcdef0123456789abcdef" } },
    ],
    images: [
      { title: "b", files: [{ path: `${dir}/album/b.jpg`, size: 100, width: 400, height: 300 }] },
      { title: "a", files: [{ path: `${dir}/album/cover.jpg`, size: 200, width: 300, height: 400 }] },
      { files: [{ path: `${dir}/pack.zip/x.png`, size: 50, width: 10, height: 10 }] },
      { files: [{ path: `${dir}/loose/c.jpg`, size: 10, width: 10, height: 10 }], galleries: [`User ${n}`] },
    ],
  };
  return { n, dir, fixture };
}

async function seed() {
  const lib = library();
  const ids = await stash().seed(lib.fixture);
  const [user, folder, zip] = ids.galleries as [string, string, string];
  const image = (name: string) => ids.imageIdsByPath[`${lib.dir}/${name}`]!;
  return { ...lib, ids, user, folder, zip, image };
}

async function find(id: string) {
  return (await gqlData(stash(), `query($id: ID!) { findGallery(id: $id) { ${GALLERY} } }`, { id })).findGallery;
}

async function mutate(field: string, inputType: string, input: unknown, select = "") {
  return gql(stash(), `mutation($input: ${inputType}) { ${field}(input: $input) ${select} }`, { input });
}

function errorOf(res: { body: { errors?: { message: string }[] } }): string | undefined {
  return res.body.errors?.[0]?.message;
}

describe("seeded galleries", () => {
  test("folder, zip and user galleries with their files, images, chapters and cover", async () => {
    const s = await seed();
    const folder = await find(s.folder);
    expect(folder.title).toBe("");
    expect(folder.folder.path).toBe(`${s.dir}/album`);
    expect(folder.image_count).toBe(2);
    expect(folder.chapters.map((c: any) => c.title)).toEqual(["Start"]);
    // No cover chosen: the image matching the cover regex wins over path order.
    expect(folder.cover.id).toBe(s.image("album/cover.jpg"));
    expect(folder.paths.cover).toBe(`${stash().baseUrl}/gallery/${s.folder}/cover?t=${Date.parse(folder.updated_at) / 1000}`);
    const zip = await find(s.zip);
    expect(zip.files).toEqual([{ path: `${s.dir}/pack.zip`, basename: "pack.zip", fingerprint: "0123456789abcdef0123456789abcdef", parent_folder: { path: s.dir } }]);
    expect(zip.image_count).toBe(1);
    const user = await find(s.user);
    expect(user.image_count).toBe(1);
    expect(user.tags.map((x: any) => x.name)).toEqual([`Tag ${s.n}`]);
    // A later seed's images still land in the folder and zip galleries seeded before.
    await stash().seed({ images: [{ files: [{ path: `${s.dir}/album/late.jpg`, size: 1, width: 1, height: 1 }] }, { files: [{ path: `${s.dir}/pack.zip/late.png`, size: 1, width: 1, height: 1 }] }] });
    expect((await find(s.folder)).image_count).toBe(3);
    expect((await find(s.zip)).image_count).toBe(2);
  });

  test("image(index) walks the gallery in path order; a negative index is refused", async () => {
    const s = await seed();
    const q = `query($id: ID!, $i: Int!) { findGallery(id: $id) { image(index: $i) { id } } }`;
    expect((await gqlData(stash(), q, { id: s.folder, i: 0 })).findGallery.image.id).toBe(s.image("album/b.jpg"));
    expect((await gqlData(stash(), q, { id: s.folder, i: 1 })).findGallery.image.id).toBe(s.image("album/cover.jpg"));
    expect(errorOf(await gql(stash(), q, { id: s.folder, i: -1 }))).toBe("index must >= 0");
  });

  test("fixture mistakes name the record", async () => {
    await expect(stash().seed({ images: [{ files: [] } as never] })).rejects.toThrow("invalid fixture: images[0].files must be a non-empty array");
    await expect(stash().seed({ galleries: [{ details: "x" }] })).rejects.toThrow("invalid fixture: galleries[0] needs a title, a folder or a zip");
    await expect(stash().seed({ galleries: [{ title: "G" }], images: [{ files: [{ path: "/z/1.jpg", size: 1, width: 1, height: 1 }], galleries: ["Nope"] }] })).rejects.toThrow(
      'invalid fixture: images[0].galleries[0] names no gallery of this fixture: "Nope"',
    );
  });
});

describe("galleryCreate / galleryUpdate", () => {
  test("create: title required, trimmed fields, scene links seen from both sides", async () => {
    const s = await seed();
    expect(errorOf(await mutate("galleryCreate", "GalleryCreateInput!", { title: "" }, "{ id }"))).toBe("title must not be empty");
    expect(errorOf(await mutate("galleryCreate", "GalleryCreateInput!", { title: "x", tag_ids: ["999999"] }, "{ id }"))).toBe("FOREIGN KEY constraint failed");
    const res = await mutate("galleryCreate", "GalleryCreateInput!", { title: " New ", details: " d ", url: "http://old", urls: [" http://a "], date: "2024-05", scene_ids: [s.ids.scenes[0]] }, `{ ${GALLERY} }`);
    const g = res.body.data.galleryCreate;
    expect(g).toMatchObject({ title: "New", details: "d", urls: ["http://a"], url: "http://a", date: "2024-05", organized: false, rating100: null, image_count: 0 });
    expect(g.scenes).toEqual([{ id: s.ids.scenes[0] }]);
    const scene = await gqlData(stash(), `query($id: ID) { findScene(id: $id) { galleries { id } } }`, { id: s.ids.scenes[0] });
    expect(scene.findScene.galleries).toEqual([{ id: g.id }]);
  });

  test("update: absent keeps, null clears, lists replace, updated_at moves", async () => {
    const s = await seed();
    const before = await find(s.user);
    await mutate("galleryUpdate", "GalleryUpdateInput!", { id: s.user, details: "keep me", rating100: 80, code: "C1" }, "{ id }");
    tick();
    const res = await mutate("galleryUpdate", "GalleryUpdateInput!", { id: s.user, rating100: null, code: null, tag_ids: [] }, `{ ${GALLERY} }`);
    const g = res.body.data.galleryUpdate;
    expect(g).toMatchObject({ details: "keep me", rating100: null, code: "", tags: [], title: before.title });
    expect(g.performers).toEqual(before.performers);
    expect(g.updated_at > before.updated_at).toBe(true);
  });

  test("update refuses an empty title on a user gallery but not on a folder gallery, and a foreign primary file", async () => {
    const s = await seed();
    expect(errorOf(await mutate("galleryUpdate", "GalleryUpdateInput!", { id: s.user, title: "" }, "{ id }"))).toBe("title must not be empty for user-created galleries");
    expect((await mutate("galleryUpdate", "GalleryUpdateInput!", { id: s.folder, title: "" }, "{ title }")).body.data.galleryUpdate.title).toBe("");
    expect(errorOf(await mutate("galleryUpdate", "GalleryUpdateInput!", { id: s.zip, primary_file_id: "1" }, "{ id }"))).toBe("file with id 1 not associated with gallery");
    expect(errorOf(await mutate("galleryUpdate", "GalleryUpdateInput!", { id: "999999" }, "{ id }"))).toBe("gallery with id 999999 not found");
  });

  test("galleriesUpdate is all or nothing", async () => {
    const s = await seed();
    const res = await mutate("galleriesUpdate", "[GalleryUpdateInput!]!", [{ id: s.user, details: "changed" }, { id: "999999" }], "{ id }");
    expect(errorOf(res)).toBe("gallery with id 999999 not found");
    expect((await find(s.user)).details).toBe("");
  });
});

describe("bulkGalleryUpdate", () => {
  test("SET, ADD and REMOVE on tags, performers, scenes and urls", async () => {
    const s = await seed();
    const other = await stash().seed({ tags: ["Bulk A", "Bulk B"] });
    const bulk = (input: Record<string, unknown>) =>
      mutate("bulkGalleryUpdate", "BulkGalleryUpdateInput!", { ids: [s.user, s.folder], ...input }, "{ id tags { id } scenes { id } urls performers { id } }");
    let res = await bulk({ tag_ids: { mode: "ADD", ids: [other.tags["Bulk A"]] }, urls: { mode: "ADD", values: ["http://x"] } });
    const [user, folder] = res.body.data.bulkGalleryUpdate;
    expect(user.tags.map((x: any) => x.id)).toContain(other.tags["Bulk A"]);
    expect(user.tags).toHaveLength(2);
    expect(folder.tags).toEqual([{ id: other.tags["Bulk A"] }]);
    expect(folder.urls).toEqual(["http://x"]);
    res = await bulk({ tag_ids: { mode: "REMOVE", ids: [other.tags["Bulk A"]] }, scene_ids: { mode: "SET", ids: [s.ids.scenes[0]] }, performer_ids: { mode: "SET" } });
    for (const g of res.body.data.bulkGalleryUpdate) {
      expect(g.tags.map((x: any) => x.id)).not.toContain(other.tags["Bulk A"]);
      expect(g.scenes).toEqual([{ id: s.ids.scenes[0] }]);
      expect(g.performers).toEqual([]);
    }
  });
});

describe("membership and cover", () => {
  test("only user galleries change images; adding and removing bump updated_at", async () => {
    const s = await seed();
    const refused = await mutate("addGalleryImages", "GalleryAddInput!", { gallery_id: s.folder, image_ids: [s.image("loose/c.jpg")] });
    expect(errorOf(refused)).toBe(`cannot change contents of folder-based gallery "album"`);
    const before = await find(s.user);
    tick();
    await mutate("addGalleryImages", "GalleryAddInput!", { gallery_id: s.user, image_ids: [s.image("album/b.jpg"), s.image("loose/c.jpg")] });
    const added = await find(s.user);
    expect(added.image_count).toBe(2);
    expect(added.updated_at > before.updated_at).toBe(true);
    await mutate("removeGalleryImages", "GalleryRemoveInput!", { gallery_id: s.user, image_ids: [s.image("loose/c.jpg")] });
    expect((await find(s.user)).image_count).toBe(1);
  });

  test("setGalleryCover, a removed cover falls back, resetGalleryCover", async () => {
    const s = await seed();
    await mutate("addGalleryImages", "GalleryAddInput!", { gallery_id: s.user, image_ids: [s.image("album/b.jpg")] });
    await mutate("setGalleryCover", "GallerySetCoverInput!", { gallery_id: s.user, cover_image_id: s.image("loose/c.jpg") });
    expect((await find(s.user)).cover.id).toBe(s.image("loose/c.jpg"));
    await mutate("removeGalleryImages", "GalleryRemoveInput!", { gallery_id: s.user, image_ids: [s.image("loose/c.jpg")] });
    expect((await find(s.user)).cover.id).toBe(s.image("album/b.jpg"));
    await mutate("setGalleryCover", "GallerySetCoverInput!", { gallery_id: s.folder, cover_image_id: s.image("album/b.jpg") });
    expect((await find(s.folder)).cover.id).toBe(s.image("album/b.jpg"));
    await mutate("resetGalleryCover", "GalleryResetCoverInput!", { gallery_id: s.folder });
    expect((await find(s.folder)).cover.id).toBe(s.image("album/cover.jpg"));
  });
});

describe("chapters", () => {
  test("create, update and destroy within the gallery's image range, listed by index", async () => {
    const s = await seed();
    const create = (input: Record<string, unknown>) => mutate("galleryChapterCreate", "GalleryChapterCreateInput!", input, "{ id title image_index gallery { id } }");
    expect(errorOf(await create({ gallery_id: s.folder, title: "x", image_index: 3 }))).toBe("Image # must greater than zero and in range of the gallery images");
    const made = (await create({ gallery_id: s.folder, title: "Second", image_index: 2 })).body.data.galleryChapterCreate;
    expect(made.gallery.id).toBe(s.folder);
    const upd = await mutate("galleryChapterUpdate", "GalleryChapterUpdateInput!", { id: made.id, title: " Renamed " }, "{ title image_index }");
    expect(upd.body.data.galleryChapterUpdate).toEqual({ title: "Renamed", image_index: 2 });
    expect((await find(s.folder)).chapters.map((c: any) => c.image_index)).toEqual([1, 2]);
    const destroy = `mutation($id: ID!) { galleryChapterDestroy(id: $id) }`;
    expect((await gqlData(stash(), destroy, { id: made.id })).galleryChapterDestroy).toBe(true);
    expect(errorOf(await gql(stash(), destroy, { id: made.id }))).toBe(`gallery chapter with id ${made.id} not found`);
  });
});

describe("galleryDestroy", () => {
  test("user and folder galleries go, their images and files stay; scene links and chapters go", async () => {
    const s = await seed();
    const res = await mutate("galleryDestroy", "GalleryDestroyInput!", { ids: [s.user, s.folder] });
    expect(res.body.data.galleryDestroy).toBe(true);
    expect(await find(s.user)).toBeNull();
    const imgs = await gqlData(stash(), `query($ids: [ID!]) { findImages(ids: $ids) { images { id galleries { id } } } }`, { ids: [s.image("album/b.jpg"), s.image("loose/c.jpg")] });
    expect(imgs.findImages.images.map((i: any) => i.galleries)).toEqual([[], []]);
    expect([...stash().store.referrers("chapterGallery", Number(s.folder))]).toEqual([]);
  });

  test("a zip gallery takes its images but keeps the zip file; delete_file removes it", async () => {
    const s = await seed();
    await mutate("galleryDestroy", "GalleryDestroyInput!", { ids: [s.zip] });
    const zipImage = await gqlData(stash(), `query($id: ID) { findImage(id: $id) { id } }`, { id: s.image("pack.zip/x.png") });
    expect(zipImage.findImage).toBeNull();
    const zipFileId = Number(s.ids.files[`${s.dir}/pack.zip`]);
    expect(stash().store.get("galleryFiles", zipFileId)?.galleryId).toBeNull();
    const again = await seed();
    await mutate("galleryDestroy", "GalleryDestroyInput!", { ids: [again.folder], delete_file: true });
    expect(stash().store.get("imageFiles", Number(again.ids.files[`${again.dir}/album/b.jpg`]))).toBeUndefined();
    expect(errorOf(await mutate("galleryDestroy", "GalleryDestroyInput!", { ids: ["999999"] }))).toBe("gallery with id 999999 not found");
  });
});

describe("findGalleries", () => {
  test("filters: title, is_zip, has_chapters, image_count, tags, path, q", async () => {
    const s = await seed();
    const q = `query($f: GalleryFilterType, $ff: FindFilterType) { findGalleries(gallery_filter: $f, filter: $ff) { count galleries { id } } }`;
    const ids = async (f: unknown, ff?: unknown) => (await gqlData(stash(), q, { f, ff })).findGalleries.galleries.map((g: any) => g.id);
    const mine = [s.user, s.folder, s.zip];
    const within = async (f: unknown, ff?: unknown) => (await ids(f, { per_page: -1, ...(ff as object) })).filter((id: string) => mine.includes(id));
    expect(await within({ is_zip: true })).toEqual([s.zip]);
    expect(await within({ has_chapters: "true" })).toEqual([s.folder]);
    expect(await within({ image_count: { modifier: "EQUALS", value: 2 } })).toEqual([s.folder]);
    expect(await within({ tags: { modifier: "INCLUDES", value: [s.ids.tags[`Tag ${s.n}`]] } })).toEqual([s.user]);
    expect(await within({ path: { modifier: "INCLUDES", value: `t${s.n}/album` } })).toEqual([s.folder]);
    expect(await within({ title: { modifier: "EQUALS", value: `User ${s.n}` } })).toEqual([s.user]);
    expect(await within(null, { q: `pack.zip` })).toEqual([s.zip]);
    expect(await within({ images_filter: { path: { modifier: "INCLUDES", value: `t${s.n}/loose` } } })).toEqual([s.user]);
  });

  test("sorting: images_count, path, title, random_<seed>; an unknown sort is refused", async () => {
    const s = await seed();
    const q = `query($ids: [ID!], $ff: FindFilterType) { findGalleries(ids: $ids, filter: $ff) { galleries { id } } }`;
    const sorted = async (sort: string, direction = "ASC") => {
      const all = (await gqlData(stash(), `query($ff: FindFilterType) { findGalleries(filter: $ff) { galleries { id } } }`, { ff: { sort, direction, per_page: -1 } })).findGalleries.galleries;
      return all.map((g: any) => g.id).filter((id: string) => [s.user, s.folder, s.zip].includes(id));
    };
    // Ties fall back to COALESCE(title, id) ascending, naturally: the untitled zip's id sorts before "User n".
    expect(await sorted("images_count", "DESC")).toEqual([s.folder, s.zip, s.user]);
    expect(await sorted("images_count", "ASC")).toEqual([s.zip, s.user, s.folder]);
    expect(await sorted("path")).toEqual([s.user, s.folder, s.zip]);
    expect(await sorted("random_42")).toEqual(await sorted("random_42"));
    const bad = await gql(stash(), `query { findGalleries(filter: { sort: "nope" }) { count } }`);
    expect(errorOf(bad)).toBe("invalid sort: nope");
    expect((await gqlData(stash(), q, { ids: [s.zip, s.user] })).findGalleries.galleries).toEqual([{ id: s.zip }, { id: s.user }]);
  });
});

describe("another client's operations", () => {
  test("stashapp-api's GalleryFields preset resolves unchanged", async () => {
    const s = await seed();
    const peer = new PeerClient({ url: stash().baseUrl, apiKey: "" });
    const data = await peer.query({ findGalleries: { __args: { ids: [s.user, s.folder] }, count: true, galleries: GalleryFields } });
    expect(data.findGalleries.count).toBe(2);
    expect(data.findGalleries.galleries[0]).toMatchObject({ id: s.user, title: `User ${s.n}`, image_count: 1, performers: [{ name: `Perf ${s.n}`, gender: null }] });
    expect(data.findGalleries.galleries[1]).toMatchObject({ id: s.folder, title: "", image_count: 2, studio: null, tags: [] });
  });
});

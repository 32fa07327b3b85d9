/**
 * Images in the stand-in over HTTP: the view and its files, partial and bulk
 * updates with gallery rules, the o-counter, destroy (files stay unless
 * asked), findImage/findImages with totals, filters and sorting — per
 * Stash's resolver_mutation_image.go and pkg/sqlite/image*.go.
 */
import { describe, expect, test } from "vitest";
import { ImageFields, StashClient as PeerClient } from "stashapp-api";
import type { Fixture } from "../src/testing/index";
import { gql, gqlData, withStandIn } from "./helpers/standin";

let t = Date.parse("2025-04-01T00:00:00Z");
const stash = withStandIn({ now: () => new Date(t) });
const tick = () => (t += 1000);

const IMAGE = `id title code details photographer url urls date rating100 organized o_counter created_at updated_at
  studio { id } tags { id } performers { id } galleries { id }
  files { id path basename size width height format fingerprint(type: "md5") fingerprints { type value } parent_folder { path } }
  visual_files { __typename ... on ImageFile { path } }
  paths { image thumbnail preview }`;

let serial = 0;
function library() {
  const n = ++serial;
  const dir = `/img/t${n}`;
  const md5 = (k: number) => `${String(n).padStart(4, "0")}${String(k).padStart(28, "0")}`;
  const fixture: Fixture = {
    performers: [{ name: `Fav ${n}` }],
    galleries: [{ title: `Album ${n}` }, { folder: `${dir}/folder` }],
    images: [
      { title: "Wide", o_counter: 2, files: [{ path: `${dir}/a/wide.jpg`, size: 3000, width: 2000, height: 1000, md5: md5(1), phash: "00000000000000ff" }] },
      { files: [{ path: `${dir}/a/tall.png`, size: 1000, width: 1000, height: 2000, md5: md5(2) }], galleries: [`Album ${n}`], performers: [`Fav ${n}`] },
      {
        title: "Two files",
        files: [
          { path: `${dir}/b/one.jpg`, size: 500, width: 500, height: 500 },
          { path: `${dir}/b/two.jpg`, size: 500, width: 500, height: 500 },
        ],
      },
      { title: "In folder", files: [{ path: `${dir}/folder/f.jpg`, size: 10, width: 100, height: 100 }] },
    ],
  };
  return { n, dir, fixture, md5 };
}

async function seed() {
  const lib = library();
  const ids = await stash().seed(lib.fixture);
  const image = (name: string) => ids.imageIdsByPath[`${lib.dir}/${name}`]!;
  const [album, folder] = ids.galleries as [string, string];
  return { ...lib, ids, image, album, folder, mine: ids.images };
}

const FIND = `query($id: ID, $checksum: String) { findImage(id: $id, checksum: $checksum) { ${IMAGE} } }`;
async function find(id: string) {
  return (await gqlData(stash(), FIND, { id })).findImage;
}
async function update(input: Record<string, unknown>) {
  return gql(stash(), `mutation($input: ImageUpdateInput!) { imageUpdate(input: $input) { ${IMAGE} } }`, { input });
}
const errorOf = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message;

describe("the Image view", () => {
  test("files with fingerprints and folders, visual files, paths, galleries and o-counter", async () => {
    const s = await seed();
    const wide = await find(s.image("a/wide.jpg"));
    expect(wide).toMatchObject({ title: "Wide", o_counter: 2, galleries: [], url: null });
    expect(wide.files).toEqual([
      {
        id: s.ids.files[`${s.dir}/a/wide.jpg`],
        path: `${s.dir}/a/wide.jpg`,
        basename: "wide.jpg",
        size: 3000,
        width: 2000,
        height: 1000,
        format: "jpeg",
        fingerprint: s.md5(1),
        fingerprints: [
          { type: "md5", value: s.md5(1) },
          { type: "phash", value: "00000000000000ff" },
        ],
        parent_folder: { path: `${s.dir}/a` },
      },
    ]);
    expect(wide.visual_files).toEqual([{ __typename: "ImageFile", path: `${s.dir}/a/wide.jpg` }]);
    const stamp = Date.parse(wide.updated_at) / 1000;
    expect(wide.paths).toEqual({ image: `${stash().baseUrl}/image/${wide.id}/image?t=${stamp}`, thumbnail: `${stash().baseUrl}/image/${wide.id}/thumbnail?t=${stamp}`, preview: "" });
    expect((await find(s.image("folder/f.jpg"))).galleries).toEqual([{ id: s.folder }]);
    expect((await gqlData(stash(), FIND, { checksum: s.md5(2) })).findImage.id).toBe(s.image("a/tall.png"));
  });
});

describe("imageUpdate / imagesUpdate", () => {
  test("absent keeps, null clears, strings trimmed; relations checked", async () => {
    const s = await seed();
    const id = s.image("a/wide.jpg");
    const res = await update({ id, details: "  d  ", rating100: 60, urls: [" http://u "] });
    expect(res.body.data.imageUpdate).toMatchObject({ title: "Wide", details: "d", rating100: 60, urls: ["http://u"] });
    const cleared = (await update({ id, title: null, rating100: null, urls: null })).body.data.imageUpdate;
    expect(cleared).toMatchObject({ title: "", details: "d", rating100: null, urls: [] });
    expect(errorOf(await update({ id, studio_id: "999999" }))).toBe("FOREIGN KEY constraint failed");
    expect(errorOf(await update({ id, date: "someday" }))).toBe('converting date: failed to parse date "someday"');
    expect(errorOf(await update({ id: "999999" }))).toBe("image with id 999999 not found");
    expect(errorOf(await update({ id, primary_file_id: s.ids.files[`${s.dir}/b/one.jpg`] }))).toBe(`file with id ${s.ids.files[`${s.dir}/b/one.jpg`]} not associated with image`);
  });

  test("primary_file_id reorders the files", async () => {
    const s = await seed();
    const two = s.ids.files[`${s.dir}/b/two.jpg`];
    const res = await update({ id: s.image("b/one.jpg"), primary_file_id: two });
    expect(res.body.data.imageUpdate.files.map((f: any) => f.id)).toEqual([two, s.ids.files[`${s.dir}/b/one.jpg`]]);
  });

  test("gallery_ids: user galleries only, touched galleries get a new updated_at", async () => {
    const s = await seed();
    const refused = await update({ id: s.image("a/wide.jpg"), gallery_ids: [s.folder] });
    expect(errorOf(refused)).toBe(`changing galleries of image "Wide": cannot change contents of folder-based gallery "folder"`);
    const albumAt = async () => (await gqlData(stash(), `query($id: ID!) { findGallery(id: $id) { updated_at image_count } }`, { id: s.album })).findGallery;
    const before = await albumAt();
    tick();
    await update({ id: s.image("a/wide.jpg"), gallery_ids: [s.album] });
    const after = await albumAt();
    expect(after.image_count).toBe(before.image_count + 1);
    expect(after.updated_at > before.updated_at).toBe(true);
  });

  test("imagesUpdate is all or nothing", async () => {
    const s = await seed();
    const res = await gql(stash(), `mutation($input: [ImageUpdateInput!]!) { imagesUpdate(input: $input) { id } }`, {
      input: [{ id: s.image("a/wide.jpg"), details: "x" }, { id: "999999" }],
    });
    expect(errorOf(res)).toBe("image with id 999999 not found");
    expect((await find(s.image("a/wide.jpg"))).details).toBe("");
  });
});

describe("bulkImageUpdate", () => {
  test("SET, ADD and REMOVE on galleries, performers and tags", async () => {
    const s = await seed();
    const extra = await stash().seed({ tags: [`Bulk ${s.n}`] });
    const tag = extra.tags[`Bulk ${s.n}`]!;
    const ids = [s.image("a/wide.jpg"), s.image("a/tall.png")];
    const bulk = (input: Record<string, unknown>) =>
      gql(stash(), `mutation($input: BulkImageUpdateInput!) { bulkImageUpdate(input: $input) { id tags { id } galleries { id } performers { id } organized } }`, { input: { ids, ...input } });
    let out = (await bulk({ tag_ids: { mode: "ADD", ids: [tag] }, gallery_ids: { mode: "ADD", ids: [s.album] }, organized: true })).body.data.bulkImageUpdate;
    expect(out.map((i: any) => [i.tags, i.galleries, i.organized])).toEqual([
      [[{ id: tag }], [{ id: s.album }], true],
      [[{ id: tag }], [{ id: s.album }], true],
    ]);
    out = (await bulk({ tag_ids: { mode: "REMOVE", ids: [tag] }, performer_ids: { mode: "SET", ids: [] }, gallery_ids: { mode: "REMOVE", ids: [s.album] } })).body.data.bulkImageUpdate;
    expect(out.map((i: any) => [i.tags, i.galleries, i.performers])).toEqual([
      [[], [], []],
      [[], [], []],
    ]);
    expect(errorOf(await bulk({ gallery_ids: { mode: "ADD", ids: ["999999"] } }))).toBe("gallery with id 999999 not found");
  });
});

describe("o-counter", () => {
  test("increment, decrement (never below zero), reset; updated_at unchanged", async () => {
    const s = await seed();
    const id = s.image("a/tall.png");
    const o = async (field: string, target = id) => gql(stash(), `mutation($id: ID!) { ${field}(id: $id) }`, { id: target });
    const before = await find(id);
    tick();
    expect((await o("imageIncrementO")).body.data.imageIncrementO).toBe(1);
    expect((await o("imageIncrementO")).body.data.imageIncrementO).toBe(2);
    expect((await o("imageDecrementO")).body.data.imageDecrementO).toBe(1);
    expect((await o("imageResetO")).body.data.imageResetO).toBe(0);
    expect((await o("imageDecrementO")).body.data.imageDecrementO).toBe(0);
    expect((await find(id)).updated_at).toBe(before.updated_at);
    expect(errorOf(await o("imageIncrementO", "999999"))).toBe("id 999999 does not exist in images");
  });
});

describe("imageDestroy / imagesDestroy", () => {
  test("files stay in the library unless delete_file; covers go with the image", async () => {
    const s = await seed();
    const tall = s.image("a/tall.png");
    await gql(stash(), `mutation($input: GallerySetCoverInput!) { setGalleryCover(input: $input) }`, { input: { gallery_id: s.album, cover_image_id: tall } });
    const destroy = (input: Record<string, unknown>) => gql(stash(), `mutation($input: ImageDestroyInput!) { imageDestroy(input: $input) }`, { input });
    expect((await destroy({ id: tall })).body.data.imageDestroy).toBe(true);
    expect(await find(tall)).toBeNull();
    const kept = stash().store.get("imageFiles", Number(s.ids.files[`${s.dir}/a/tall.png`]));
    expect(kept?.imageId).toBeNull();
    expect(stash().store.get("galleries", Number(s.album))?.coverImageId).toBeNull();
    await destroy({ id: s.image("a/wide.jpg"), delete_file: true });
    expect(stash().store.get("imageFiles", Number(s.ids.files[`${s.dir}/a/wide.jpg`]))).toBeUndefined();
    const many = await gql(stash(), `mutation($input: ImagesDestroyInput!) { imagesDestroy(input: $input) }`, { input: { ids: [s.image("b/one.jpg"), "999999"] } });
    expect(errorOf(many)).toBe("image with id 999999 not found");
    expect(await find(s.image("b/one.jpg"))).not.toBeNull();
  });
});

describe("findImages", () => {
  const Q = `query($f: ImageFilterType, $ff: FindFilterType, $ids: [ID!]) {
    findImages(image_filter: $f, filter: $ff, ids: $ids) { count megapixels filesize images { id } } }`;

  test("ids keep their order; totals cover the primary file", async () => {
    const s = await seed();
    const res = (await gqlData(stash(), Q, { ids: [s.image("a/tall.png"), s.image("b/one.jpg")] })).findImages;
    expect(res.images.map((i: any) => i.id)).toEqual([s.image("a/tall.png"), s.image("b/one.jpg")]);
    expect(res).toMatchObject({ count: 2, megapixels: 2 + 0.25, filesize: 1500 });
    const dup = await gql(stash(), Q, { ids: [s.image("a/tall.png"), s.image("a/tall.png")] });
    expect(errorOf(dup)).toBe(`validating ids: duplicate id found: ${s.image("a/tall.png")}`);
  });

  test("filters and their totals: path, resolution, orientation, o_counter, galleries, checksum, performer_favorite, q", async () => {
    const s = await seed();
    const ids = async (f: unknown, q?: string) => {
      const res = (await gqlData(stash(), Q, { f, ff: { per_page: -1, q } })).findImages;
      return res.images.map((i: any) => i.id).filter((id: string) => s.mine.includes(id));
    };
    expect(await ids({ path: { modifier: "INCLUDES", value: `t${s.n}/a/` } })).toEqual([s.image("a/wide.jpg"), s.image("a/tall.png")]);
    expect(await ids({ orientation: { value: ["PORTRAIT"] } })).toEqual([s.image("a/tall.png")]);
    expect(await ids({ resolution: { modifier: "EQUALS", value: "STANDARD_HD" }, path: { modifier: "INCLUDES", value: `t${s.n}/` } })).toEqual([s.image("a/wide.jpg"), s.image("a/tall.png")]);
    expect(await ids({ o_counter: { modifier: "GREATER_THAN", value: 1 } })).toEqual([s.image("a/wide.jpg")]);
    expect(await ids({ galleries: { modifier: "INCLUDES", value: [s.album, s.folder] } })).toEqual([s.image("a/tall.png"), s.image("folder/f.jpg")]);
    expect(await ids({ checksum: { modifier: "EQUALS", value: s.md5(1) } })).toEqual([s.image("a/wide.jpg")]);
    expect(await ids({ performer_favorite: false, path: { modifier: "INCLUDES", value: `t${s.n}/a/` } })).toEqual([s.image("a/wide.jpg"), s.image("a/tall.png")]);
    expect(await ids({ file_count: { modifier: "EQUALS", value: 2 } })).toEqual([s.image("b/one.jpg")]);
    expect(await ids(null, `t${s.n}/b`)).toEqual([s.image("b/one.jpg")]);
    expect(await ids({ galleries_filter: { title: { modifier: "EQUALS", value: `Album ${s.n}` } } })).toEqual([s.image("a/tall.png")]);
    const totals = (await gqlData(stash(), Q, { f: { path: { modifier: "INCLUDES", value: `t${s.n}/b/` } } })).findImages;
    // Both files of the two-file image match, but equal (megapixels, size) rows count once.
    expect(totals).toMatchObject({ count: 1, megapixels: 0.25, filesize: 500 });
  });

  test("sorting: filesize, path, title falls back to the file name, o_counter, random_<seed>", async () => {
    const s = await seed();
    const sorted = async (sort: string, direction = "ASC") =>
      (await gqlData(stash(), Q, { f: { path: { modifier: "INCLUDES", value: `t${s.n}/` } }, ff: { sort, direction, per_page: -1 } })).findImages.images.map((i: any) => i.id);
    const [wide, tall, two, inFolder] = [s.image("a/wide.jpg"), s.image("a/tall.png"), s.image("b/one.jpg"), s.image("folder/f.jpg")];
    expect(await sorted("filesize", "DESC")).toEqual([wide, tall, two, inFolder]);
    expect(await sorted("path")).toEqual([tall, wide, two, inFolder]);
    // "tall.png" (no title) sorts among the titles "In folder", "Two files", "Wide".
    expect(await sorted("title")).toEqual([inFolder, tall, two, wide]);
    expect((await sorted("o_counter", "DESC"))[0]).toBe(wide);
    expect(await sorted("random_7")).toEqual(await sorted("random_7"));
    expect(errorOf(await gql(stash(), Q, { ff: { sort: "bogus" } }))).toBe("invalid sort: bogus");
  });
});

describe("metadataScan of disk images", () => {
  test("new files become images, an MD5 twin joins its image, zips and (when configured) folders get galleries", async () => {
    const s = await seed();
    const dir = `/img/scan${s.n}`;
    const zipped = await stash().seed({ galleries: [{ zip: { path: `${dir}/z.zip`, size: 1 } }] });
    await stash().seed({
      disk_images: [
        { path: `${dir}/new.jpg`, size: 5, width: 10, height: 20, md5: "f".repeat(32) },
        { path: `${dir}/copy.jpg`, size: 5, width: 10, height: 20, md5: s.md5(1) },
        { path: `${dir}/z.zip/in.png`, size: 5, width: 10, height: 10 },
        { path: `${dir}/album/p.jpg`, size: 5, width: 10, height: 10 },
      ],
    });
    await gqlData(stash(), `mutation { configureGeneral(input: { createGalleriesFromFolders: true }) { createGalleriesFromFolders } }`);
    try {
      await gqlData(stash(), `mutation($paths: [String!]) { metadataScan(input: { paths: $paths }) }`, { paths: [dir] });
      await stash().jobs.runUntilIdle();
    } finally {
      await gqlData(stash(), `mutation { configureGeneral(input: { createGalleriesFromFolders: false }) { createGalleriesFromFolders } }`);
    }
    const byPath = async (path: string) =>
      (await gqlData(stash(), `query($f: ImageFilterType) { findImages(image_filter: $f) { images { id title files { path } galleries { id folder { path } } } } }`, {
        f: { path: { modifier: "EQUALS", value: path } },
      })).findImages.images;
    const [fresh] = await byPath(`${dir}/new.jpg`);
    // createGalleriesFromFolders is on: the image's folder gets a gallery too.
    expect(fresh).toMatchObject({ title: "", files: [{ path: `${dir}/new.jpg` }], galleries: [{ folder: { path: dir } }] });
    const [twin] = await byPath(`${dir}/copy.jpg`);
    expect(twin.id).toBe(s.image("a/wide.jpg"));
    expect(twin.files.map((f: any) => f.path)).toEqual([`${s.dir}/a/wide.jpg`, `${dir}/copy.jpg`]);
    expect((await byPath(`${dir}/z.zip/in.png`))[0].galleries).toEqual([{ id: zipped.galleries[0], folder: null }]);
    expect((await byPath(`${dir}/album/p.jpg`))[0].galleries[0].folder).toEqual({ path: `${dir}/album` });
    expect(stash().logs.entries.map((e) => e.message)).toContain(`${dir}/new.jpg doesn't exist. Creating new image...`);
  });
});

describe("another client's operations", () => {
  test("stashapp-api's ImageFields preset resolves unchanged", async () => {
    const s = await seed();
    const peer = new PeerClient({ url: stash().baseUrl, apiKey: "" });
    const data = await peer.query({ findImages: { __args: { ids: [s.image("a/tall.png")] }, count: true, images: ImageFields } });
    expect(data.findImages.images).toEqual([
      expect.objectContaining({ id: s.image("a/tall.png"), title: "", o_counter: 0, urls: [], studio: null, tags: [], performers: [{ id: expect.any(String), name: `Fav ${s.n}`, gender: null }] }),
    ]);
  });
});

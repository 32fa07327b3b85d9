import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../src/testing/index";
import { gqlData, gqlError, withStandIn } from "./helpers/standin";

const stash = withStandIn();
let seeded: SeedResult;

const video = (path: string, size: number, duration: number, extra: Record<string, unknown> = {}) => ({ path, size, duration, width: 1920, height: 1080, ...extra });

beforeAll(async () => {
  seeded = await stash().seed({
    scenes: [
      {
        title: "Two files",
        files: [video("/media/videos/a.mp4", 1000, 60, { md5: "a".repeat(32), oshash: "1".repeat(16) }), video("/media/videos/a-alt.mp4", 500, 30)],
      },
      { title: "Other", files: [video("/media/other/b.mkv", 2000, 90, { phash: "00000000000000ff" })] },
    ],
    folders: ["/media/empty/inner"],
    images: [{ title: "Pic", files: [{ path: "/media/pics/p1.jpg", size: 300, width: 2000, height: 1000 }, { path: "/media/pics/p1-copy.jpg", size: 300, width: 2000, height: 1000 }] }],
  });
});

const errorOf = (query: string, variables?: Record<string, unknown>) => gqlError(stash(), query, variables);

const FILE = `query($id: ID, $path: String) { findFile(id: $id, path: $path) {
  __typename id path basename size fingerprints { type value } parent_folder { path parent_folder { path } } zip_file { id }
  ... on VideoFile { duration } ... on ImageFile { width height } } }`;

describe("stand-in files and folders", () => {
  it("finds a file by id or path (wildcards too), with its folder chain and fingerprints", async () => {
    const id = seeded.files["/media/videos/a.mp4"];
    const byId = await gqlData(stash(), FILE, { id });
    expect(byId.findFile).toEqual({
      __typename: "VideoFile",
      id,
      path: "/media/videos/a.mp4",
      basename: "a.mp4",
      size: 1000,
      fingerprints: [
        { type: "md5", value: "a".repeat(32) },
        { type: "oshash", value: "1".repeat(16) },
      ],
      parent_folder: { path: "/media/videos", parent_folder: { path: "/media" } },
      zip_file: null,
      duration: 60,
    });
    expect((await gqlData(stash(), FILE, { path: "/media/videos/a.mp4" })).findFile.id).toBe(id);
    expect((await gqlData(stash(), FILE, { path: "/media/other/*.mkv" })).findFile.basename).toBe("b.mkv");
    const image = await gqlData(stash(), FILE, { path: "/media/pics/p1.jpg" });
    expect(image.findFile).toMatchObject({ __typename: "ImageFile", width: 2000, height: 1000 });
    expect(await errorOf(FILE, { id: "9999" })).toBe("getting file by id 9999: sql: no rows in result set");
    expect(await errorOf(FILE, { path: "/nowhere/x.mp4" })).toBe("file not found");
    expect(await errorOf(FILE, {})).toBe("either id or path must be provided");
  });

  it("lists files with q, path sort and totals, and by ids", async () => {
    const q = `query($filter: FindFilterType, $ids: [ID!]) { findFiles(filter: $filter, ids: $ids) { count duration size megapixels files { path } } }`;
    const videos = await gqlData(stash(), q, { filter: { q: "/media/videos", sort: "path", direction: "DESC" } });
    expect(videos.findFiles).toEqual({ count: 2, duration: 90, size: 1500, megapixels: 0, files: [{ path: "/media/videos/a.mp4" }, { path: "/media/videos/a-alt.mp4" }] });
    const pics = await gqlData(stash(), q, { filter: { q: "pics", per_page: 1 } });
    expect(pics.findFiles).toMatchObject({ count: 2, megapixels: 4, files: [{ path: "/media/pics/p1.jpg" }] });
    const byIds = await gqlData(stash(), q, { ids: [seeded.files["/media/other/b.mkv"]] });
    expect(byIds.findFiles).toMatchObject({ count: 1, duration: 90, size: 2000 });
    expect(await errorOf(q, { filter: { sort: "size" } })).toBe("invalid sort: size");
  });

  it("finds folders by id, path, q and ids", async () => {
    const byPath = await gqlData(stash(), `query { findFolder(path: "/media/videos") { id path parent_folder { path } zip_file { id } } }`);
    expect(byPath.findFolder).toMatchObject({ path: "/media/videos", parent_folder: { path: "/media" }, zip_file: null });
    const byId = await gqlData(stash(), `query($id: ID) { findFolder(id: $id) { path } }`, { id: byPath.findFolder.id });
    expect(byId.findFolder.path).toBe("/media/videos");
    expect(await errorOf(`query { findFolder(path: "/none") { id } }`)).toBe("folder not found");
    const list = await gqlData(stash(), `query { findFolders(filter: { q: "media", sort: "path", per_page: -1 }) { count folders { path } } }`);
    expect(list.findFolders.folders.map((f: { path: string }) => f.path)).toEqual(["/media", "/media/empty", "/media/empty/inner", "/media/other", "/media/pics", "/media/videos"]);
    expect(seeded.folders["/media/empty/inner"]).toBeDefined();
    const dup = await errorOf(`query($ids: [ID!]) { findFolders(ids: $ids) { count } }`, { ids: [byPath.findFolder.id, byPath.findFolder.id] });
    expect(dup).toBe(`validating ids: duplicate id found: ${byPath.findFolder.id}`);
  });

  it("moves and renames files, creating folders, with Stash's checks", async () => {
    const move = `mutation($input: MoveFilesInput!) { moveFiles(input: $input) }`;
    const alt = seeded.files["/media/videos/a-alt.mp4"];
    await gqlData(stash(), move, { input: { ids: [alt], destination_folder: "/media/archive/2024" } });
    const moved = await gqlData(stash(), FILE, { id: alt });
    expect(moved.findFile).toMatchObject({ path: "/media/archive/2024/a-alt.mp4", parent_folder: { path: "/media/archive/2024", parent_folder: { path: "/media/archive" } } });
    const scene = await gqlData(stash(), `query($id: ID!) { findScene(id: $id) { files { path } } }`, { id: seeded.sceneIdsByTitle["Two files"] });
    expect(scene.findScene.files).toEqual([{ path: "/media/videos/a.mp4" }, { path: "/media/archive/2024/a-alt.mp4" }]);

    const folder = await gqlData(stash(), `query { findFolder(path: "/media/archive/2024") { id } }`);
    await gqlData(stash(), move, { input: { ids: [alt], destination_folder_id: folder.findFolder.id, destination_basename: "renamed.mp4" } });
    expect((await gqlData(stash(), FILE, { id: alt })).findFile.path).toBe("/media/archive/2024/renamed.mp4");

    expect(await errorOf(move, { input: { ids: [alt], destination_folder: "/media/archive/2024", destination_basename: "renamed.txt" } })).toBe(
      "file extension for renamed.txt is inconsistent with old filename renamed.mp4",
    );
    expect(await errorOf(move, { input: { ids: [alt], destination_folder: "/elsewhere" } })).toBe("folder path /elsewhere must be within a stash library path");
    expect(await errorOf(move, { input: { ids: [alt], destination_folder: "/media/videos", destination_basename: "a.mp4" } })).toBe("file /media/videos/a.mp4 already exists");
    expect(await errorOf(move, { input: { ids: [alt, seeded.files["/media/other/b.mkv"]], destination_folder: "/media", destination_basename: "x.mp4" } })).toBe(
      "must specify one file when providing destination path",
    );
    expect(await errorOf(move, { input: { ids: [alt] } })).toBe("must specify destination folder or path");
  });

  it("deletes secondary files only, detaching them from their scene or image", async () => {
    const del = `mutation($ids: [ID!]!) { deleteFiles(ids: $ids) }`;
    expect(await errorOf(del, { ids: [seeded.files["/media/other/b.mkv"]] })).toBe("cannot delete primary file /media/other/b.mkv");
    const copy = await gqlData(stash(), FILE, { path: "/media/pics/p1-copy.jpg" });
    await gqlData(stash(), del, { ids: [copy.findFile.id] });
    expect(await errorOf(FILE, { id: copy.findFile.id })).toBe(`getting file by id ${copy.findFile.id}: sql: no rows in result set`);
    const image = await gqlData(stash(), `query($id: ID!) { findImage(id: $id) { visual_files { ... on ImageFile { path } } } }`, { id: seeded.images[0] });
    expect(image.findImage.visual_files).toEqual([{ path: "/media/pics/p1.jpg" }]);
  });

  it("sets and deletes fingerprints, refusing md5 and oshash", async () => {
    const set = `mutation($input: FileSetFingerprintsInput!) { fileSetFingerprints(input: $input) }`;
    const id = seeded.files["/media/other/b.mkv"];
    await gqlData(stash(), set, { input: { id, fingerprints: [{ type: "phash", value: "ABC" }, { type: "sha256", value: "beef" }] } });
    const after = await gqlData(stash(), `query($id: ID) { findFile(id: $id) { fingerprints { type value } sha: fingerprint(type: "sha256") } }`, { id });
    expect(after.findFile).toEqual({
      fingerprints: [
        { type: "phash", value: "0000000000000abc" },
        { type: "sha256", value: "beef" },
      ],
      sha: "beef",
    });
    await gqlData(stash(), set, { input: { id, fingerprints: [{ type: "phash", value: null }] } });
    const cleared = await gqlData(stash(), `query($id: ID) { findFile(id: $id) { fingerprints { type } } }`, { id });
    expect(cleared.findFile.fingerprints).toEqual([{ type: "sha256" }]);
    expect(await errorOf(set, { input: { id, fingerprints: [{ type: "md5", value: "x" }] } })).toBe("cannot modify md5 fingerprint");
    expect(await errorOf(set, { input: { id, fingerprints: [{ type: "phash", value: "xyz" }] } })).toBe(
      'converting phash xyz: strconv.ParseUint: parsing "xyz": invalid syntax',
    );
  });

  it("filters files and folders with FileFilterType and FolderFilterType", async () => {
    const files = `query($f: FileFilterType) { findFiles(file_filter: $f, filter: { sort: "path", per_page: -1 }) { count files { path } } }`;
    const paths = async (f: Record<string, unknown>) => (await gqlData(stash(), files, { f })).findFiles.files.map((x: { path: string }) => x.path);
    const media = await gqlData(stash(), `query { findFolder(path: "/media") { id } }`);
    const under = await paths({ parent_folder: { value: [media.findFolder.id], modifier: "INCLUDES", depth: -1 }, basename: { value: "b", modifier: "INCLUDES" } });
    expect(under).toEqual(["/media/other/b.mkv"]);
    expect(await paths({ parent_folder: { value: [media.findFolder.id], modifier: "INCLUDES" } })).toEqual([]);
    expect(await paths({ video_file_filter: { duration: { value: 60, modifier: "EQUALS" } } })).toEqual(["/media/videos/a.mp4"]);
    expect(await paths({ scenes_filter: { title: { value: "Other", modifier: "EQUALS" } } })).toEqual(["/media/other/b.mkv"]);
    expect(await paths({ image_count: { value: 1, modifier: "EQUALS" }, OR: { dir: { value: "/media/other", modifier: "EQUALS" } } })).toEqual([
      "/media/other/b.mkv",
      "/media/pics/p1.jpg",
    ]);
    const folders = await gqlData(stash(), `query($f: FolderFilterType) { findFolders(folder_filter: $f, filter: { sort: "path" }) { folders { path } } }`, {
      f: { parent_folder: { value: [media.findFolder.id], modifier: "INCLUDES" }, files_filter: { basename: { value: "\\.mkv$", modifier: "MATCHES_REGEX" } } },
    });
    expect(folders.findFolders.folders).toEqual([{ path: "/media/other" }]);
  });
});

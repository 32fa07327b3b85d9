/**
 * The stand-in judged by stashapp-api, unchanged, for galleries, images,
 * files, folders and markers: GalleryFields and ImageFields plus its typed
 * builders read what the fixture seeded, and its mutations change it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GalleryFields, ImageFields, StashClient as PeerClient } from "stashapp-api";
import { startStandIn, type Fixture, type FixtureImageFile, type SeedResult, type StandIn } from "../src/testing";

const KEY = "peer-media-key";
const SHORE: FixtureImageFile = { path: "/pics/beach/shore.jpg", size: 2048, width: 800, height: 600, md5: "0123456789abcdef0123456789abcdef", phash: "8f8f0f0f8f8f0f0f" };
const DUNES: FixtureImageFile = { path: "/pics/beach/dunes.jpg", size: 1024, width: 600, height: 800 };
const TRIP: FixtureImageFile = { path: "/pics/trip/road.png", size: 512, width: 100, height: 100 };
const ALBUM = {
  title: "Beach Album",
  date: "2024-06-02",
  rating100: 70,
  photographer: "Pat Lens",
  code: "BA-1",
  details: "Sand.",
  urls: ["https://example.com/album"],
  studio: "Cobalt",
  performers: ["Alex Stone"],
  tags: ["Beach"],
  scenes: ["Beach Day"],
  chapters: [
    { title: "Morning", image_index: 1 },
    { title: "Evening", image_index: 2 },
  ],
  cover: DUNES.path,
} as const;
const SHORE_IMAGE = {
  title: "Shore",
  date: "2024-06-01",
  rating100: 60,
  o_counter: 2,
  photographer: "Pat Lens",
  urls: ["https://example.com/shore"],
  tags: ["Beach"],
  performers: ["Alex Stone"],
  studio: "Cobalt",
  galleries: [ALBUM.title],
  files: [SHORE],
} as const;
const BEACH_FILES = [
  { path: "/media/beach.mp4", size: 5_000_000, duration: 120, width: 1920, height: 1080, phash: "c3a1f0e2d4b59687", video_codec: "hevc" },
  { path: "/media/beach-alt.mp4", size: 4_000_000, duration: 120, width: 1280, height: 720 },
];
const FIXTURE: Fixture = {
  folders: ["/media/empty"],
  scenes: [
    {
      title: "Beach Day",
      files: BEACH_FILES,
      markers: [
        { title: "Waves", seconds: 30, end_seconds: 45, primary_tag: "Beach", tags: ["Sunset"] },
        { title: "Gulls", seconds: 60, primary_tag: "Birds" },
      ],
    },
  ],
  galleries: [ALBUM, { folder: "/pics/trip" }],
  images: [SHORE_IMAGE, { title: "Dunes", galleries: [ALBUM.title], files: [DUNES] }, { files: [TRIP] }],
};

let stash: StandIn;
let ids: SeedResult;
let peer: PeerClient;

beforeAll(async () => {
  stash = await startStandIn({ apiKey: KEY });
  ids = await stash.seed(FIXTURE);
  peer = new PeerClient({ url: stash.baseUrl, apiKey: KEY });
});
afterAll(async () => {
  await stash.close();
});

const names = (xs: readonly { name: string }[] | null | undefined) => (xs ?? []).map((x) => x.name).sort();
const imageId = (file: FixtureImageFile) => ids.imageIdsByPath[file.path]!;

describe("stashapp-api reads seeded media", () => {
  it("galleries with GalleryFields: images, chapters, cover, scenes and the folder gallery", async () => {
    const { findGalleries } = await peer.query({
      findGalleries: {
        __args: { filter: { per_page: -1, sort: "id" } },
        count: true,
        galleries: { ...GalleryFields, chapters: { title: true, image_index: true }, cover: { id: true }, scenes: { title: true }, folder: { path: true } },
      },
    });
    expect(findGalleries.count).toBe(2);
    const [album, trip] = findGalleries.galleries;
    expect(album).toMatchObject({
      id: ids.galleries[0],
      title: ALBUM.title,
      date: ALBUM.date,
      rating100: ALBUM.rating100,
      photographer: ALBUM.photographer,
      code: ALBUM.code,
      details: ALBUM.details,
      urls: ALBUM.urls,
      organized: false,
      image_count: 2,
      studio: { name: ALBUM.studio },
      chapters: ALBUM.chapters,
      cover: { id: imageId(DUNES) },
      scenes: [{ title: "Beach Day" }],
      folder: null,
    });
    expect(names(album?.performers)).toEqual(ALBUM.performers);
    expect(names(album?.tags)).toEqual(ALBUM.tags);
    expect(trip).toMatchObject({ title: "", image_count: 1, folder: { path: "/pics/trip" }, cover: { id: imageId(TRIP) } });
  });

  it("images with ImageFields: files, galleries and the o-counter", async () => {
    const { findImage } = await peer.query({
      findImage: {
        __args: { id: imageId(SHORE) },
        ...ImageFields,
        galleries: { title: true },
        visual_files: { on_ImageFile: { path: true, size: true, width: true, height: true, fingerprint: { __args: { type: "phash" } } } },
      },
    });
    const { title, date, rating100, o_counter, photographer, urls } = SHORE_IMAGE;
    expect(findImage).toMatchObject({ title, date, rating100, o_counter, photographer, urls, studio: { name: SHORE_IMAGE.studio }, galleries: [{ title: ALBUM.title }] });
    expect(names(findImage?.performers)).toEqual(SHORE_IMAGE.performers);
    expect(findImage?.visual_files).toEqual([{ path: SHORE.path, size: SHORE.size, width: SHORE.width, height: SHORE.height, fingerprint: SHORE.phash }]);
    const byChecksum = await peer.query({ findImage: { __args: { checksum: SHORE.md5! }, id: true } });
    expect(byChecksum.findImage).toEqual({ id: imageId(SHORE) });
    const { findImages } = await peer.query({ findImages: { __args: { image_filter: { galleries: { value: [ids.galleries[0]!], modifier: "INCLUDES" } }, filter: { sort: "title" } }, count: true, images: { title: true } } });
    expect(findImages).toEqual({ count: 2, images: [{ title: "Dunes" }, { title: "Shore" }] });
  });

  it("files and folders: findFiles, findFile, findFolders and findFolder", async () => {
    const { findFiles } = await peer.query({
      findFiles: {
        __args: { filter: { per_page: -1, sort: "path", direction: "ASC" } },
        count: true,
        files: { path: true, basename: true, size: true, parent_folder: { path: true }, on_VideoFile: { duration: true, width: true, video_codec: true }, on_ImageFile: { width: true, height: true } },
      },
    });
    const every = [...BEACH_FILES.map((f) => f.path), SHORE.path, DUNES.path, TRIP.path].sort();
    expect(findFiles.count).toBe(every.length);
    expect(findFiles.files.map((f) => f.path)).toEqual(every);
    const beach = BEACH_FILES[0]!;
    expect(findFiles.files.find((f) => f.path === beach.path)).toMatchObject({ basename: "beach.mp4", size: beach.size, parent_folder: { path: "/media" }, duration: beach.duration, width: beach.width, video_codec: beach.video_codec });
    expect(findFiles.files.find((f) => f.path === TRIP.path)).toMatchObject({ width: TRIP.width, height: TRIP.height, parent_folder: { path: "/pics/trip" } });
    const { findFile } = await peer.query({ findFile: { __args: { path: SHORE.path }, id: true, fingerprint: { __args: { type: "md5" } } } });
    expect(findFile).toEqual({ id: ids.files[SHORE.path], fingerprint: SHORE.md5 });

    const { findFolders } = await peer.query({ findFolders: { __args: { filter: { per_page: -1, sort: "path", direction: "ASC" } }, count: true, folders: { id: true, path: true, parent_folder: { path: true } } } });
    expect(findFolders.folders.map((f) => f.path)).toEqual(expect.arrayContaining(["/media", "/media/empty", "/pics/beach", "/pics/trip"]));
    expect(findFolders.folders.find((f) => f.path === "/media/empty")).toEqual({ id: ids.folders["/media/empty"], path: "/media/empty", parent_folder: { path: "/media" } });
    const { findFolder } = await peer.query({ findFolder: { __args: { id: ids.folders["/pics/trip"]! }, path: true } });
    expect(findFolder).toEqual({ path: "/pics/trip" });
  });

  it("markers with their scene, tags and times", async () => {
    const { findSceneMarkers } = await peer.query({
      findSceneMarkers: {
        __args: { filter: { sort: "seconds", direction: "ASC" } },
        count: true,
        scene_markers: { id: true, title: true, seconds: true, end_seconds: true, primary_tag: { name: true }, tags: { name: true }, scene: { id: true } },
      },
    });
    expect(findSceneMarkers).toEqual({
      count: 2,
      scene_markers: [
        { id: ids.markers[0], title: "Waves", seconds: 30, end_seconds: 45, primary_tag: { name: "Beach" }, tags: [{ name: "Sunset" }], scene: { id: ids.scenes[0] } },
        { id: ids.markers[1], title: "Gulls", seconds: 60, end_seconds: null, primary_tag: { name: "Birds" }, tags: [], scene: { id: ids.scenes[0] } },
      ],
    });
    // A marker counts for its primary tag and for each of its tags (pkg/sqlite/scene_marker_filter.go tagsCriterionHandler).
    const counted = await peer.query({ findTags: { __args: { filter: { per_page: -1, sort: "name" } }, tags: { name: true, scene_marker_count: true } } });
    expect(counted.findTags.tags).toEqual(["Beach", "Birds", "Sunset"].map((name) => ({ name, scene_marker_count: 1 })));
    const tags = await peer.query({ sceneMarkerTags: { __args: { scene_id: ids.scenes[0]! }, tag: { name: true }, scene_markers: { title: true } } });
    expect(tags.sceneMarkerTags.map((t) => [t.tag.name, t.scene_markers.map((m) => m.title)])).toEqual([
      ["Beach", ["Waves"]],
      ["Birds", ["Gulls"]],
    ]);
  });
});

describe("stashapp-api's mutations on media", () => {
  it("galleries: create, update, bulk update, images in and out, cover, chapters, destroy", async () => {
    const tag = (name: string) => ids.tags[name]!;
    const { galleryCreate } = await peer.mutation({ galleryCreate: { __args: { input: { title: "Picks", tag_ids: [tag("Beach")], rating100: 20 } }, ...GalleryFields } });
    expect(galleryCreate).toMatchObject({ title: "Picks", rating100: 20, image_count: 0, tags: [{ name: "Beach" }] });
    const id = galleryCreate!.id;
    const { galleryUpdate } = await peer.mutation({ galleryUpdate: { __args: { input: { id, details: "chosen" } }, title: true, details: true, rating100: true } });
    expect(galleryUpdate).toEqual({ title: "Picks", details: "chosen", rating100: 20 });
    const { bulkGalleryUpdate } = await peer.mutation({
      bulkGalleryUpdate: {
        __args: { input: { ids: [id], tag_ids: { mode: "ADD", ids: [tag("Sunset")] }, performer_ids: { mode: "SET", ids: [ids.performers["Alex Stone"]!] }, organized: true } },
        ...{ organized: true, tags: { name: true }, performers: { name: true } },
      },
    });
    expect(bulkGalleryUpdate?.map((g) => [g.organized, names(g.tags), names(g.performers)])).toEqual([[true, ["Beach", "Sunset"], ["Alex Stone"]]]);

    expect((await peer.mutation({ addGalleryImages: { __args: { input: { gallery_id: id, image_ids: [imageId(SHORE), imageId(TRIP)] } } } })).addGalleryImages).toBe(true);
    const cover = async () => (await peer.query({ findGallery: { __args: { id }, image_count: true, cover: { id: true } } })).findGallery;
    expect((await cover())?.image_count).toBe(2);
    await peer.mutation({ setGalleryCover: { __args: { input: { gallery_id: id, cover_image_id: imageId(TRIP) } } } });
    expect((await cover())?.cover).toEqual({ id: imageId(TRIP) });
    await peer.mutation({ resetGalleryCover: { __args: { input: { gallery_id: id } } } });
    await peer.mutation({ removeGalleryImages: { __args: { input: { gallery_id: id, image_ids: [imageId(TRIP)] } } } });
    expect(await cover()).toEqual({ image_count: 1, cover: { id: imageId(SHORE) } });

    const { galleryChapterCreate } = await peer.mutation({ galleryChapterCreate: { __args: { input: { gallery_id: id, title: "Opening", image_index: 1 } }, id: true, title: true, image_index: true, gallery: { id: true } } });
    expect(galleryChapterCreate).toMatchObject({ title: "Opening", image_index: 1, gallery: { id } });
    const chapter = galleryChapterCreate!.id;
    const { galleryChapterUpdate } = await peer.mutation({ galleryChapterUpdate: { __args: { input: { id: chapter, title: "Start" } }, title: true, image_index: true } });
    expect(galleryChapterUpdate).toEqual({ title: "Start", image_index: 1 });
    expect((await peer.mutation({ galleryChapterDestroy: { __args: { id: chapter } } })).galleryChapterDestroy).toBe(true);

    const { galleriesUpdate } = await peer.mutation({ galleriesUpdate: { __args: { input: [{ id, code: "P-1" }] }, code: true, title: true } });
    expect(galleriesUpdate).toEqual([{ code: "P-1", title: "Picks" }]);
    expect((await peer.mutation({ galleryDestroy: { __args: { input: { ids: [id] } } } })).galleryDestroy).toBe(true);
    expect((await peer.query({ findGallery: { __args: { id }, id: true } })).findGallery).toBeNull();
    // The gallery's images stay.
    expect((await peer.query({ findImage: { __args: { id: imageId(SHORE) }, galleries: { id: true } } })).findImage?.galleries).toEqual([{ id: ids.galleries[0] }]);
  });

  it("images: the o-counter, update, bulk update with modes, destroy with the file kept", async () => {
    const shore = imageId(SHORE);
    expect((await peer.mutation({ imageIncrementO: { __args: { id: shore } } })).imageIncrementO).toBe(SHORE_IMAGE.o_counter + 1);
    expect((await peer.mutation({ imageDecrementO: { __args: { id: shore } } })).imageDecrementO).toBe(SHORE_IMAGE.o_counter);
    expect((await peer.mutation({ imageResetO: { __args: { id: shore } } })).imageResetO).toBe(0);

    const dunes = imageId(DUNES);
    const { imageUpdate } = await peer.mutation({ imageUpdate: { __args: { input: { id: dunes, rating100: 85 } }, ...ImageFields } });
    expect(imageUpdate).toMatchObject({ title: "Dunes", rating100: 85 });
    const { bulkImageUpdate } = await peer.mutation({
      bulkImageUpdate: {
        __args: { input: { ids: [shore, dunes], tag_ids: { mode: "ADD", ids: [ids.tags.Sunset!] }, gallery_ids: { mode: "REMOVE", ids: [ids.galleries[0]!] }, photographer: "Ray" } },
        id: true,
        photographer: true,
        tags: { name: true },
        galleries: { id: true },
      },
    });
    expect(bulkImageUpdate?.map((i) => [i.id, i.photographer, names(i.tags), i.galleries])).toEqual([
      [shore, "Ray", ["Beach", "Sunset"], []],
      [dunes, "Ray", ["Sunset"], []],
    ]);
    const { imagesUpdate } = await peer.mutation({ imagesUpdate: { __args: { input: [{ id: dunes, gallery_ids: [ids.galleries[0]!] }] }, galleries: { title: true } } });
    expect(imagesUpdate).toEqual([{ galleries: [{ title: ALBUM.title }] }]);

    expect((await peer.mutation({ imageDestroy: { __args: { input: { id: shore } } } })).imageDestroy).toBe(true);
    expect((await peer.query({ findImage: { __args: { id: shore }, id: true } })).findImage).toBeNull();
    expect((await peer.query({ findFiles: { __args: { ids: [ids.files[SHORE.path]!] }, files: { path: true } } })).findFiles.files).toEqual([{ path: SHORE.path }]);
    expect((await peer.mutation({ imagesDestroy: { __args: { input: { ids: [dunes] } } } })).imagesDestroy).toBe(true);
    expect((await peer.query({ findGallery: { __args: { id: ids.galleries[0]! }, image_count: true } })).findGallery).toEqual({ image_count: 0 });
  });

  it("files: move, set fingerprints, delete a secondary file, refuse the primary", async () => {
    const scene = ids.scenes[0]!;
    const [primary, secondary] = BEACH_FILES.map((f) => ids.files[f.path]!) as [string, string];
    expect((await peer.mutation({ moveFiles: { __args: { input: { ids: [primary], destination_folder: "/media/empty", destination_basename: "moved.mp4" } } } })).moveFiles).toBe(true);
    expect((await peer.mutation({ fileSetFingerprints: { __args: { input: { id: primary, fingerprints: [{ type: "phash", value: "1234567890abcdef" }] } } } })).fileSetFingerprints).toBe(true);
    // resolver_mutation_file.go FileSetFingerprints: md5 and oshash belong to the scanner.
    await expect(peer.mutation({ fileSetFingerprints: { __args: { input: { id: primary, fingerprints: [{ type: "oshash", value: "1234567890abcdef" }] } } } })).rejects.toThrow("cannot modify oshash fingerprint");
    const files = async () => (await peer.query({ findScene: { __args: { id: scene }, files: { id: true, path: true, fingerprint: { __args: { type: "phash" } } } } })).findScene?.files;
    expect((await files())?.[0]).toEqual({ id: primary, path: "/media/empty/moved.mp4", fingerprint: "1234567890abcdef" });
    // resolver_mutation_file.go DeleteFiles: a primary file is refused by path.
    await expect(peer.mutation({ deleteFiles: { __args: { ids: [primary] } } })).rejects.toThrow("cannot delete primary file /media/empty/moved.mp4");
    expect((await peer.mutation({ deleteFiles: { __args: { ids: [secondary] } } })).deleteFiles).toBe(true);
    expect((await files())?.map((f) => f.id)).toEqual([primary]);
    // findFiles by ids refuses a missing id (pkg/sqlite/file.go Find).
    await expect(peer.query({ findFiles: { __args: { ids: [secondary] }, count: true } })).rejects.toThrow(`file with id ${secondary} not found`);
  });

  it("markers: create, update, bulk update, destroy one and many", async () => {
    const scene = ids.scenes[0]!;
    const { sceneMarkerCreate } = await peer.mutation({
      sceneMarkerCreate: {
        __args: { input: { scene_id: scene, title: "Sunset", seconds: 90, end_seconds: 100, primary_tag_id: ids.tags.Sunset!, tag_ids: [ids.tags.Beach!] } },
        ...{ id: true, title: true, seconds: true, end_seconds: true, primary_tag: { name: true }, tags: { name: true } },
      },
    });
    expect(sceneMarkerCreate).toMatchObject({ title: "Sunset", seconds: 90, end_seconds: 100, primary_tag: { name: "Sunset" }, tags: [{ name: "Beach" }] });
    const id = sceneMarkerCreate!.id;
    const { sceneMarkerUpdate } = await peer.mutation({ sceneMarkerUpdate: { __args: { input: { id, title: "Dusk" } }, title: true, seconds: true, primary_tag: { name: true } } });
    expect(sceneMarkerUpdate).toEqual({ title: "Dusk", seconds: 90, primary_tag: { name: "Sunset" } });
    const { bulkSceneMarkerUpdate } = await peer.mutation({ bulkSceneMarkerUpdate: { __args: { input: { ids: [id, ids.markers[1]!], tag_ids: { mode: "ADD", ids: [ids.tags.Birds!] } } }, id: true, tags: { name: true } } });
    // Gulls' primary tag is Birds, and a marker's tags never repeat its primary tag (resolver_mutation_scene.go adjustMarkerPartialForTagExclusion).
    expect(bulkSceneMarkerUpdate?.map((m) => [m.id, names(m.tags)])).toEqual([
      [id, ["Beach", "Birds"]],
      [ids.markers[1], []],
    ]);
    const { sceneMarkerCreate: other } = await peer.mutation({ sceneMarkerCreate: { __args: { input: { scene_id: scene, title: "Tide", seconds: 5, primary_tag_id: ids.tags.Beach! } }, id: true } });
    expect((await peer.mutation({ sceneMarkerDestroy: { __args: { id } } })).sceneMarkerDestroy).toBe(true);
    expect((await peer.mutation({ sceneMarkersDestroy: { __args: { ids: [other!.id] } } })).sceneMarkersDestroy).toBe(true);
    const left = await peer.query({ findSceneMarkers: { scene_markers: { id: true } } });
    expect(left.findSceneMarkers.scene_markers.map((m) => m.id).sort()).toEqual([...ids.markers].sort());
  });

  it("tagsMerge moves the sources' marker tags and primary tags onto the destination", async () => {
    const { tagsMerge } = await peer.mutation({
      tagsMerge: { __args: { input: { source: [ids.tags.Sunset!, ids.tags.Birds!], destination: ids.tags.Beach! } }, aliases: true, scene_marker_count: true },
    });
    expect(tagsMerge?.aliases.slice().sort()).toEqual(["Birds", "Sunset"]);
    expect(tagsMerge?.scene_marker_count).toBe(2);
    const { findSceneMarkers } = await peer.query({ findSceneMarkers: { __args: { filter: { sort: "seconds", direction: "ASC" } }, scene_markers: { title: true, primary_tag: { name: true }, tags: { name: true } } } });
    // Marker tags and primary tags are rewritten separately, so Waves ends with Beach in both (pkg/sqlite/tag.go Merge).
    expect(findSceneMarkers.scene_markers).toEqual([
      { title: "Waves", primary_tag: { name: "Beach" }, tags: [{ name: "Beach" }] },
      { title: "Gulls", primary_tag: { name: "Beach" }, tags: [] },
    ]);
  });
});

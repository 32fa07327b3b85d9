/**
 * Seeds a fixture's galleries and images into a store (inside seedStore's
 * transaction). Files, folders and zip folders are created the way Stash's
 * scanner leaves them (pkg/file/scan.go): a zip's contents sit in a folder named after the zip,
 * folder galleries hold the images directly in their folder, zip galleries
 * the images inside their zip.
 */
import type { Fixture, SeedResult } from "./fixture";
import type { FixtureGallery, FixtureImage, FixtureImageFile } from "./fixture-media";
import { normalizeTime } from "./fixture-validate";
import { galleryImages } from "./gallery-images";
import { uniqueIds } from "./ids";
import { setGalleryScenes } from "./gallery-scenes";
import { dirName } from "./present-media-file";
import { blankGallery, type GalleryRecord } from "./records/gallery";
import { blankImage } from "./records/image";
import type { FingerprintRecord, Store } from "./store";

/** Name → id lookups of the surrounding seed (creating unknown entities). */
export interface MediaSeedNames {
  readonly tag: (name: string) => number;
  readonly performer: (name: string) => number;
  readonly studio: (name: string) => number;
}

function fail(path: string, problem: string): never {
  throw new Error(`invalid fixture: ${path} ${problem}`);
}

function time(value: string | undefined, fallback: string): string {
  return value ? (normalizeTime(value) ?? fallback) : fallback;
}

function fingerprints(md5?: string | null, phash?: string | null): FingerprintRecord[] {
  const out: FingerprintRecord[] = [];
  if (md5) out.push({ type: "md5", value: md5.toLowerCase() });
  if (phash) out.push({ type: "phash", value: phash.toLowerCase() });
  return out;
}

function formatOf(file: FixtureImageFile): string {
  if (file.format) return file.format;
  const ext = /\.([^./\\]+)$/.exec(file.path)?.[1]?.toLowerCase() ?? "";
  return ext === "jpg" ? "jpeg" : ext;
}

/** The state of one seed call. */
class MediaSeeder {
  /** Gallery id by title, folder path and zip path. */
  private readonly galleryByName = new Map<string, number>();
  /** Zip galleries: zip path → [zip file id, gallery id]. */
  private readonly zips = new Map<string, { fileId: number; galleryId: number }>();
  /** Folder galleries: folder id → gallery id. */
  private readonly folderGalleries = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly names: MediaSeedNames,
    private readonly result: SeedResult,
    private readonly stamp: string,
  ) {}

  /** The folder of a path, marked as inside `zipId` up to the zip itself (pkg/file zip folders). */
  private zipFolder(path: string, zipPath: string, zipId: number): number {
    const existing = this.store.folderAt(path);
    if (existing) return existing.id;
    const parentFolderId = path === zipPath ? this.store.folderId(dirName(zipPath)) : this.zipFolder(dirName(path), zipPath, zipId);
    const id = this.store.allocateId("folders");
    this.store.put("folders", { id, path, parentFolderId, zipFileId: zipId, modTime: this.stamp, createdAt: this.stamp, updatedAt: this.stamp });
    return id;
  }

  /** The zip gallery a path lies in: one of this fixture's, or one seeded before. */
  private zipContaining(path: string): { zipPath: string; fileId: number; galleryId: number } | null {
    for (let dir = dirName(path); dir !== "" && dir !== dirName(dir); dir = dirName(dir)) {
      const zip = this.zips.get(dir);
      if (zip) return { zipPath: dir, ...zip };
      const zipId = this.store.folderAt(dir)?.zipFileId;
      const earlier = zipId == null ? undefined : this.store.get("galleryFiles", zipId);
      if (earlier && earlier.path === dir && earlier.galleryId !== null) return { zipPath: dir, fileId: earlier.id, galleryId: earlier.galleryId };
    }
    return null;
  }

  /** The gallery of a folder: one of this fixture's, or one seeded before. */
  private folderGallery(folderId: number): number | undefined {
    return this.folderGalleries.get(folderId) ?? [...this.store.referrers("galleryFolder", folderId)][0];
  }

  private sceneId(title: string, at: string): number {
    const seeded = this.result.sceneIdsByTitle[title];
    if (seeded) return Number(seeded);
    for (const scene of this.store.all("scenes")) if (scene.title === title) return scene.id;
    return fail(at, `names no scene titled ${JSON.stringify(title)}`);
  }

  gallery(g: FixtureGallery, at: string): void {
    const { store, stamp } = this;
    const id = store.allocateId("galleries");
    let folderId: number | null = null;
    const fileIds: number[] = [];
    if (g.folder) {
      folderId = store.folderId(g.folder);
      this.folderGalleries.set(folderId, id);
      this.galleryByName.set(g.folder, id);
    }
    if (g.zip) {
      const zip = g.zip;
      const fileId = store.allocateId("galleryFiles");
      store.folderId(dirName(zip.path));
      store.put("galleryFiles", { id: fileId, path: zip.path, size: zip.size, fingerprints: fingerprints(zip.md5), modTime: time(zip.mod_time, stamp), createdAt: stamp, updatedAt: stamp, galleryId: id });
      this.zipFolder(zip.path, zip.path, fileId);
      fileIds.push(fileId);
      this.zips.set(zip.path, { fileId, galleryId: id });
      this.galleryByName.set(zip.path, id);
      this.result.files[zip.path] = String(fileId);
    }
    const title = (g.title ?? "").trim();
    if (title !== "" && !this.galleryByName.has(title)) this.galleryByName.set(title, id);
    const record: GalleryRecord = {
      ...blankGallery(id, title, stamp),
      code: (g.code ?? "").trim(),
      details: (g.details ?? "").trim(),
      photographer: (g.photographer ?? "").trim(),
      urls: (g.urls ?? []).map((u) => u.trim()),
      date: g.date ?? null,
      rating100: g.rating100 ?? null,
      organized: g.organized ?? false,
      studioId: g.studio ? this.names.studio(g.studio) : null,
      tagIds: uniqueIds((g.tags ?? []).map((t) => this.names.tag(t))),
      performerIds: uniqueIds((g.performers ?? []).map((p) => this.names.performer(p))),
      folderId,
      fileIds,
      createdAt: time(g.created_at, stamp),
      updatedAt: time(g.updated_at, stamp),
    };
    store.put("galleries", record);
    setGalleryScenes(store, id, uniqueIds((g.scenes ?? []).map((s, i) => this.sceneId(s, `${at}.scenes[${i}]`))));
    this.result.galleries.push(String(id));
  }

  image(img: FixtureImage, at: string): void {
    const { store, stamp } = this;
    const id = store.allocateId("images");
    const fileIds: number[] = [];
    const galleryIds: number[] = [];
    img.files.forEach((file) => {
      const fileId = store.allocateId("imageFiles");
      const zip = this.zipContaining(file.path);
      if (zip) {
        this.zipFolder(dirName(file.path), zip.zipPath, zip.fileId);
        galleryIds.push(zip.galleryId);
      } else {
        const folderGallery = this.folderGallery(store.folderId(dirName(file.path)));
        if (folderGallery !== undefined) galleryIds.push(folderGallery);
      }
      store.put("imageFiles", {
        id: fileId,
        path: file.path,
        size: file.size,
        width: file.width,
        height: file.height,
        format: formatOf(file),
        fingerprints: fingerprints(file.md5, file.phash),
        modTime: time(file.mod_time, stamp),
        createdAt: stamp,
        updatedAt: stamp,
        imageId: id,
      });
      fileIds.push(fileId);
      this.result.files[file.path] = String(fileId);
      this.result.imageIdsByPath[file.path] = String(id);
    });
    (img.galleries ?? []).forEach((name, i) => {
      const galleryId = this.galleryByName.get(name.trim());
      if (galleryId === undefined) fail(`${at}.galleries[${i}]`, `names no gallery of this fixture: ${JSON.stringify(name)}`);
      galleryIds.push(galleryId);
    });
    store.put("images", {
      ...blankImage(id, (img.title ?? "").trim(), stamp),
      code: (img.code ?? "").trim(),
      details: (img.details ?? "").trim(),
      photographer: (img.photographer ?? "").trim(),
      urls: (img.urls ?? []).map((u) => u.trim()),
      date: img.date ?? null,
      rating100: img.rating100 ?? null,
      organized: img.organized ?? false,
      oCounter: img.o_counter ?? 0,
      studioId: img.studio ? this.names.studio(img.studio) : null,
      tagIds: uniqueIds((img.tags ?? []).map((t) => this.names.tag(t))),
      performerIds: uniqueIds((img.performers ?? []).map((p) => this.names.performer(p))),
      galleryIds: uniqueIds(galleryIds),
      fileIds,
      createdAt: time(img.created_at, stamp),
      updatedAt: time(img.updated_at, stamp),
    });
    this.result.images.push(String(id));
  }

  /** Covers and chapters, once every image is in place. */
  finish(g: FixtureGallery, galleryId: number, at: string): void {
    const { store, stamp } = this;
    if (g.cover) {
      const imageId = Number(this.result.imageIdsByPath[g.cover] ?? Number.NaN);
      if (!store.get("images", imageId)?.galleryIds.includes(galleryId)) fail(`${at}.cover`, `${JSON.stringify(g.cover)} is not the path of an image in this gallery`);
      store.patch("galleries", galleryId, { coverImageId: imageId });
    }
    const count = galleryImages(store, galleryId).length;
    (g.chapters ?? []).forEach((c, i) => {
      if (c.image_index < 1 || c.image_index > count) fail(`${at}.chapters[${i}].image_index`, `must be between 1 and the gallery's ${count} images`);
      store.put("galleryChapters", { id: store.allocateId("galleryChapters"), galleryId, title: c.title, imageIndex: c.image_index, createdAt: stamp, updatedAt: stamp });
    });
  }
}

/** Paths of media files the store already holds, any kind, for the "already exists" check. */
function existingPaths(store: Store): Set<string> {
  const paths = new Set<string>();
  for (const f of store.all("files")) paths.add(f.path);
  for (const f of store.all("imageFiles")) paths.add(f.path);
  for (const f of store.all("galleryFiles")) paths.add(f.path);
  return paths;
}

/** Seeds `fixture.galleries` then `fixture.images`, then covers and chapters; call inside the seed transaction. */
export function seedMedia(store: Store, fixture: Fixture, names: MediaSeedNames, result: SeedResult, stamp: string): void {
  const galleries = fixture.galleries ?? [];
  const images = fixture.images ?? [];
  if (galleries.length === 0 && images.length === 0) return;
  const taken = existingPaths(store);
  const check = (path: string, at: string) => {
    if (taken.has(path)) fail(at, `${JSON.stringify(path)} already exists in the stand-in`);
  };
  galleries.forEach((g, i) => {
    if (g.zip) check(g.zip.path, `galleries[${i}].zip.path`);
  });
  images.forEach((img, i) => img.files.forEach((f, j) => check(f.path, `images[${i}].files[${j}].path`)));
  const seeder = new MediaSeeder(store, names, result, stamp);
  galleries.forEach((g, i) => seeder.gallery(g, `galleries[${i}]`));
  images.forEach((img, i) => seeder.image(img, `images[${i}]`));
  galleries.forEach((g, i) => seeder.finish(g, Number(result.galleries[result.galleries.length - galleries.length + i]), `galleries[${i}]`));
}

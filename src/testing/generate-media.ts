/**
 * Galleries and images for generateLibrary: folder galleries (their images
 * sit in the folder), zip galleries (their images inside the zip) and user
 * galleries (titled collections of images from elsewhere), some with
 * chapters, a chosen cover or scene links, plus a few loose images. Draws
 * from its own random stream, so adding media leaves every other generated
 * value as it was.
 */
import type { FixtureScene } from "./fixture";
import type { FixtureGallery, FixtureImage } from "./fixture-media";

/** What generateMedia needs from the rest of the library. */
export interface MediaPools {
  readonly tags: readonly string[];
  readonly performers: readonly string[];
  readonly studios: readonly string[];
  readonly scenes: readonly FixtureScene[];
}

const THEMES = ["Beach", "Forest", "City", "Studio", "Portrait", "Travel", "Night", "Garden", "Winter", "Backstage"];
const SIZES: readonly (readonly [number, number])[] = [
  [1920, 1080],
  [1080, 1920],
  [4000, 3000],
  [3000, 4000],
  [2048, 2048],
  [800, 600],
];

function hex(rand: () => number, digits: number): string {
  let out = "";
  while (out.length < digits) out += Math.floor(rand() * 0x10000).toString(16).padStart(4, "0");
  return out.slice(0, digits);
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function some<T>(rand: () => number, items: readonly T[], max: number): T[] {
  if (items.length === 0) return [];
  return [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(rand, items)))];
}

/** `galleries` galleries with about `imagesPerGallery` images each, and a few loose images. */
export function generateMedia(rand: () => number, galleries: number, imagesPerGallery: number, pools: MediaPools): { galleries: FixtureGallery[]; images: FixtureImage[] } {
  const outGalleries: FixtureGallery[] = [];
  const images: FixtureImage[] = [];
  const userTitles: string[] = [];
  const image = (path: string, extra: Partial<FixtureImage> = {}): FixtureImage => {
    const [width, height] = pick(rand, SIZES);
    const ext = rand() < 0.8 ? "jpg" : "png";
    return {
      title: rand() < 0.3 ? `${pick(rand, THEMES)} shot` : "",
      rating100: rand() < 0.3 ? 20 * (1 + Math.floor(rand() * 5)) : null,
      organized: rand() < 0.2,
      o_counter: rand() < 0.2 ? 1 + Math.floor(rand() * 5) : 0,
      tags: some(rand, pools.tags, 2),
      performers: some(rand, pools.performers, 2),
      ...extra,
      files: [{ path: `${path}.${ext}`, size: Math.round(width * height * (0.3 + rand() * 0.5)), width, height, md5: hex(rand, 32), phash: hex(rand, 16) }],
    };
  };
  for (let g = 0; g < galleries; g++) {
    const theme = pick(rand, THEMES);
    const year = 2012 + Math.floor(rand() * 14);
    const studio = pools.studios.length > 0 && rand() < 0.6 ? pick(rand, pools.studios) : null;
    const kind = g % 3;
    const count = Math.max(1, Math.round(imagesPerGallery * (0.5 + rand())));
    const slug = `${theme.toLowerCase()}-${String(g + 1).padStart(5, "0")}`;
    const base: FixtureGallery = {
      date: rand() < 0.8 ? `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}` : null,
      rating100: rand() < 0.4 ? 20 * (1 + Math.floor(rand() * 5)) : null,
      organized: rand() < 0.3,
      studio,
      tags: some(rand, pools.tags, 3),
      performers: some(rand, pools.performers, 2),
      photographer: rand() < 0.5 ? `Photographer ${1 + Math.floor(rand() * 12)}` : "",
      scenes: pools.scenes.length > 0 && rand() < 0.2 ? [pools.scenes[Math.floor(rand() * pools.scenes.length)]!.title ?? ""].filter(Boolean) : [],
    };
    if (kind === 2) {
      const title = `${theme} Picks ${g + 1}`;
      userTitles.push(title);
      outGalleries.push({ ...base, title });
      continue;
    }
    const dir = `/data/pictures/${year}/${slug}`;
    const paths = Array.from({ length: count }, (_, i) => (kind === 0 ? `${dir}/${String(i + 1).padStart(4, "0")}` : `${dir}.zip/${String(i + 1).padStart(4, "0")}`));
    for (const path of paths) images.push(image(path, studio ? { studio } : {}));
    const chapters = count >= 6 && rand() < 0.3 ? [{ title: "Part 1", image_index: 1 }, { title: "Part 2", image_index: Math.ceil(count / 2) }] : [];
    const coverPath = rand() < 0.2 ? images[images.length - count + Math.floor(rand() * count)]!.files[0]!.path : undefined;
    outGalleries.push({
      ...base,
      title: rand() < 0.5 ? `${theme} ${year}` : "",
      ...(kind === 0 ? { folder: dir } : { zip: { path: `${dir}.zip`, size: count * 400_000, md5: hex(rand, 32) } }),
      chapters,
      ...(coverPath ? { cover: coverPath } : {}),
    });
  }
  // Loose images, some filed into the user galleries.
  const loose = Math.ceil(galleries * imagesPerGallery * 0.2);
  for (let i = 0; i < loose; i++) {
    const into = userTitles.length > 0 && rand() < 0.7 ? [pick(rand, userTitles)] : [];
    images.push(image(`/data/pictures/loose/${String(i + 1).padStart(6, "0")}`, { galleries: into }));
  }
  return { galleries: outGalleries, images };
}

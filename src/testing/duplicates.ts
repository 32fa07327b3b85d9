/**
 * findDuplicateScenes as Stash computes it. Every file that has a phash takes
 * part, not just primary files. Distance 0 groups equal phashes (SQL GROUP BY,
 * ordered by total size); a larger distance links files of different scenes
 * whose phashes are within that Hamming distance and whose durations are close
 * enough, and takes connected components in file-size order. Finally groups are
 * ordered by their smallest primary path, byte-wise and stable.
 */
import { type PhashBits, parsePhash, phashDistance } from "./query-phash";
import type { SceneRecord, Store } from "./store";

interface PhashRow {
  readonly sceneId: number;
  readonly fileId: number;
  readonly phash: string;
  readonly bits: PhashBits;
  readonly duration: number;
  readonly size: number;
}

function phashRows(store: Store): PhashRow[] {
  const rows: PhashRow[] = [];
  for (const scene of store.all("scenes")) {
    for (const fileId of scene.fileIds) {
      const file = store.get("files", fileId);
      const bits = file?.phash ? parsePhash(file.phash) : null;
      if (file && bits) {
        rows.push({ sceneId: scene.id, fileId, phash: file.phash!, bits, duration: file.duration, size: file.size });
      }
    }
  }
  return rows;
}

/** Distance 0: equal phashes, optionally only files within `durationDiff` of the longest in the group. */
function exactGroups(rows: readonly PhashRow[], durationDiff: number): number[][] {
  const byPhash = new Map<string, PhashRow[]>();
  for (const row of rows) {
    const list = byPhash.get(row.phash);
    if (list) list.push(row);
    else byPhash.set(row.phash, [row]);
  }
  const groups: { ids: number[]; size: number }[] = [];
  for (const list of byPhash.values()) {
    const longest = Math.max(...list.map((r) => r.duration));
    const kept = durationDiff < 0 ? list : list.filter((r) => Math.abs(longest - r.duration) <= durationDiff);
    const ids = [...new Set(kept.map((r) => r.sceneId))];
    if (kept.length > 1 && ids.length > 1) groups.push({ ids, size: kept.reduce((sum, r) => sum + r.size, 0) });
  }
  return groups.sort((a, b) => b.size - a.size).map((g) => g.ids);
}

/** Whether two rows are neighbours: different scenes, close durations (<= 0 counts as unknown), near phashes. */
function linked(a: PhashRow, b: PhashRow, distance: number, durationDiff: number): boolean {
  if (a.sceneId === b.sceneId) return false;
  const apart = a.duration > 0 && b.duration > 0 ? Math.abs(a.duration - b.duration) : 0;
  if (durationDiff >= 0 && apart > durationDiff) return false;
  return phashDistance(a.bits, b.bits) <= distance;
}

/** 16-bit masks with at most `radius` bits set. */
function masksWithin(radius: number): number[] {
  const out: number[] = [];
  for (let m = 0; m < 1 << 16; m++) {
    let bits = 0;
    for (let v = m; v; v &= v - 1) bits++;
    if (bits <= radius) out.push(m);
  }
  return out;
}

/** The four 16-bit blocks of a phash. */
function blocksOf(bits: PhashBits): number[] {
  return [bits.lo & 0xffff, bits.lo >>> 16, bits.hi & 0xffff, bits.hi >>> 16];
}

/**
 * Multi-index hashing: two phashes within distance d differ in at most
 * floor(d / 4) bits in one of their four 16-bit blocks, so probing each block
 * with the masks of that radius finds every pair without comparing all pairs.
 */
function pairsIndexed(rows: readonly PhashRow[], distance: number, durationDiff: number, add: (i: number, j: number) => void): void {
  const blocks = rows.map((r) => blocksOf(r.bits));
  const index = [0, 1, 2, 3].map((b) => {
    const map = new Map<number, number[]>();
    blocks.forEach((bl, i) => {
      const list = map.get(bl[b]!);
      if (list) list.push(i);
      else map.set(bl[b]!, [i]);
    });
    return map;
  });
  const masks = masksWithin(Math.floor(distance / 4));
  const stamp = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, i) => {
    for (let b = 0; b < 4; b++) {
      const own = blocks[i]![b]!;
      for (const mask of masks) {
        for (const j of index[b]!.get(own ^ mask) ?? []) {
          if (j <= i || stamp[j] === i) continue;
          stamp[j] = i;
          if (linked(row, rows[j]!, distance, durationDiff)) add(i, j);
        }
      }
    }
  });
}

/** Neighbour lists in ascending row order, the order Stash's pairwise scan produces. */
function neighbours(rows: readonly PhashRow[], distance: number, durationDiff: number): number[][] {
  const links: number[][] = rows.map(() => []);
  const add = (i: number, j: number) => {
    links[i]!.push(j);
    links[j]!.push(i);
  };
  if (rows.length > 4096 && distance < 12) {
    pairsIndexed(rows, distance, durationDiff, add);
    for (const list of links) list.sort((a, b) => a - b);
  } else {
    // Pairs i < j in order leave every list ascending without sorting.
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) if (linked(rows[i]!, rows[j]!, distance, durationDiff)) add(i, j);
    }
  }
  return links;
}

/** Distance > 0: connected components over near phashes, largest files first. */
function nearGroups(allRows: readonly PhashRow[], distance: number, durationDiff: number): number[][] {
  const rows = [...allRows].sort((a, b) => b.size - a.size || a.sceneId - b.sceneId || a.fileId - b.fileId);
  const links = neighbours(rows, distance, durationDiff);
  const seen = new Uint8Array(rows.length);
  const groups: number[][] = [];
  rows.forEach((row, start) => {
    if (links[start]!.length === 0 || seen[start]) return;
    seen[start] = 1;
    const scenes = [row.sceneId];
    // Depth-first in the same order as Stash's recursion, without its call depth.
    const stack: { list: number[]; at: number }[] = [{ list: links[start]!, at: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.at >= top.list.length) {
        stack.pop();
        continue;
      }
      const next = top.list[top.at++]!;
      if (seen[next]) continue;
      seen[next] = 1;
      if (!scenes.includes(rows[next]!.sceneId)) scenes.push(rows[next]!.sceneId);
      stack.push({ list: links[next]!, at: 0 });
    }
    if (scenes.length > 1) groups.push(scenes);
  });
  return groups;
}

function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Groups of duplicate scenes, in Stash's order. */
export function findDuplicateScenes(store: Store, distance: number, durationDiff: number): SceneRecord[][] {
  if (distance < 0) return [];
  const rows = phashRows(store);
  const idGroups = distance === 0 ? exactGroups(rows, durationDiff) : nearGroups(rows, distance, durationDiff);
  const primaryPath = (scene: SceneRecord) => {
    const id = scene.fileIds[0];
    return (id === undefined ? undefined : store.get("files", id))?.path ?? "";
  };
  const groups = idGroups.map((ids) => {
    const scenes = ids.map((id) => store.get("scenes", id)!).filter(Boolean);
    const first = scenes.map(primaryPath).reduce((min, p, i) => (i === 0 || byteCompare(p, min) < 0 ? p : min), "");
    return { scenes, first };
  });
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  groups.sort((a, b) => byteCompare(a.first, b.first));
  return groups.map((g) => g.scenes);
}

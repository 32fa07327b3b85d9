/**
 * findDuplicateScenes as Stash computes it (pkg/sqlite/scene.go FindDuplicates, pkg/utils/phash.go). Every file that has a phash takes
 * part, not just primary files. Distance 0 groups equal phashes (SQL GROUP BY,
 * ordered by total size); a larger distance links files of different scenes
 * whose phashes are within that Hamming distance and whose durations are close
 * enough, and takes connected components in file-size order. Finally groups are
 * ordered by their smallest primary path, byte-wise and stable.
 */
import { type PhashBits, parsePhash, popcount32 } from "./query-phash";
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

/** Row columns as typed arrays: the pair loops below touch millions of pairs. */
interface Columns {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly scene: Int32Array;
  readonly duration: Float64Array;
}

function columnsOf(rows: readonly PhashRow[]): Columns {
  const n = rows.length;
  const cols = { hi: new Uint32Array(n), lo: new Uint32Array(n), scene: new Int32Array(n), duration: new Float64Array(n) };
  rows.forEach((r, i) => {
    cols.hi[i] = r.bits.hi;
    cols.lo[i] = r.bits.lo;
    cols.scene[i] = r.sceneId;
    cols.duration[i] = r.duration;
  });
  return cols;
}

/** Whether rows i and j are neighbours: different scenes, close durations (<= 0 counts as unknown), near phashes. */
function linked(c: Columns, i: number, j: number, distance: number, durationDiff: number): boolean {
  if (c.scene[i] === c.scene[j]) return false;
  if (durationDiff >= 0) {
    const a = c.duration[i]!;
    const b = c.duration[j]!;
    if (a > 0 && b > 0 && Math.abs(a - b) > durationDiff) return false;
  }
  return popcount32(c.hi[i]! ^ c.hi[j]!) + popcount32(c.lo[i]! ^ c.lo[j]!) <= distance;
}

/** 16-bit masks with at most `radius` bits set. */
function masksWithin(radius: number): number[] {
  const out: number[] = [];
  for (let m = 0; m < 1 << 16; m++) if (popcount32(m) <= radius) out.push(m);
  return out;
}

/** For one 16-bit block of every row: rows grouped by block value (counting sort, no per-key allocation). */
function blockIndex(c: Columns, block: number): { start: Int32Array; rows: Int32Array } {
  const n = c.hi.length;
  const key = (i: number) => ((block < 2 ? c.lo[i]! : c.hi[i]!) >>> (block % 2 === 0 ? 0 : 16)) & 0xffff;
  const start = new Int32Array(65537);
  for (let i = 0; i < n; i++) start[key(i) + 1]!++;
  for (let k = 0; k < 65536; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, 65536);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[fill[key(i)]!++] = i;
  return { start, rows };
}

/**
 * Multi-index hashing: two phashes within distance d differ in at most
 * floor(d / 4) bits in one of their four 16-bit blocks, so probing each block
 * with the masks of that radius finds every pair without comparing all pairs.
 */
function pairsIndexed(c: Columns, distance: number, durationDiff: number, add: (i: number, j: number) => void): void {
  const n = c.hi.length;
  const radius = Math.floor(distance / 4);
  const masks = masksWithin(radius);
  const stamp = new Int32Array(n).fill(-1);
  for (let block = 0; block < 4; block++) {
    const { start, rows } = blockIndex(c, block);
    const word = block < 2 ? c.lo : c.hi;
    const shift = block % 2 === 0 ? 0 : 16;
    for (let i = 0; i < n; i++) {
      const own = (word[i]! >>> shift) & 0xffff;
      for (const mask of masks) {
        const k = own ^ mask;
        for (let at = start[k]!, end = start[k + 1]!; at < end; at++) {
          const j = rows[at]!;
          // A pair found through an earlier block is already recorded.
          if (j <= i || stamp[j] === i + block * n) continue;
          stamp[j] = i + block * n;
          if (!linked(c, i, j, distance, durationDiff)) continue;
          if (!foundEarlier(c, i, j, block, radius)) add(i, j);
        }
      }
    }
  }
}

/** True when the pair also qualifies through a lower block, whose pass has already added it. */
function foundEarlier(c: Columns, i: number, j: number, block: number, radius: number): boolean {
  for (let b = 0; b < block; b++) {
    const word = b < 2 ? c.lo : c.hi;
    const shift = b % 2 === 0 ? 0 : 16;
    if (popcount32(((word[i]! ^ word[j]!) >>> shift) & 0xffff) <= radius) return true;
  }
  return false;
}

/** Neighbour lists in ascending row order, the order Stash's pairwise scan produces. */
function neighbours(rows: readonly PhashRow[], distance: number, durationDiff: number): number[][] {
  const c = columnsOf(rows);
  const links: number[][] = rows.map(() => []);
  const add = (i: number, j: number) => {
    links[i]!.push(j);
    links[j]!.push(i);
  };
  if (rows.length > 2048 && distance < 16) {
    pairsIndexed(c, distance, durationDiff, add);
    for (const list of links) list.sort((a, b) => a - b);
  } else {
    // Pairs i < j in order leave every list ascending without sorting.
    const { hi, lo, scene, duration } = c;
    for (let i = 0; i < rows.length; i++) {
      const [hiI, loI, sceneI, durI] = [hi[i]!, lo[i]!, scene[i]!, duration[i]!];
      for (let j = i + 1; j < rows.length; j++) {
        if (popcount32(hiI ^ hi[j]!) + popcount32(loI ^ lo[j]!) > distance || scene[j] === sceneI) continue;
        const durJ = duration[j]!;
        if (durationDiff >= 0 && durI > 0 && durJ > 0 && Math.abs(durI - durJ) > durationDiff) continue;
        add(i, j);
      }
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

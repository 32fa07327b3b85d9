/**
 * The scene sort names Stash accepts and what each orders by. Text sorts use
 * Stash's NATURAL_CI collation (pkg/sqlite/driver.go) (case-insensitive, digit runs by value); keys
 * that need lookups are computed once per scene per request.
 */
import type { SortSpec, SortValue } from "./find-filter";
import { fullDate, nullIfEmpty } from "./filter/kinds";
import { parsePhash } from "./query-phash";
import type { FileRecord, SceneRecord, Store } from "./store";
import { naturalKey, newest } from "./sorts/natural";

export { naturalKey } from "./sorts/natural";

function splitPath(path: string): [string, string] {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut >= 0 ? [cut === 0 ? path.slice(0, 1) : path.slice(0, cut), path.slice(cut + 1)] : ["", path];
}

/** Orders signed 64-bit phashes as text: flip the sign bit, then hex. */
function phashOrderKey(hex: string): string | null {
  const bits = parsePhash(hex);
  if (!bits) return null;
  return ((bits.hi ^ 0x80000000) >>> 0).toString(16).padStart(8, "0") + bits.lo.toString(16).padStart(8, "0");
}

/**
 * The sort spec for findScenes over `items`. The comparator reads each key
 * once per item (find-filter.ts); text keys become ranks among `items`, so
 * each comparison is a number comparison rather than a string one.
 */
export function sceneSortSpec(store: Store, items: readonly SceneRecord[]): SortSpec<SceneRecord> {
  const primary = (s: SceneRecord): FileRecord | undefined =>
    s.fileIds[0] === undefined ? undefined : store.get("files", s.fileIds[0]);
  const ranked = (read: (s: SceneRecord) => string | null) => {
    let ranks: Map<number, number> | undefined;
    return (s: SceneRecord): SortValue => {
      if (!ranks) {
        const keys = new Map<number, string>();
        for (const it of items) {
          const k = read(it);
          if (k !== null) keys.set(it.id, k);
        }
        const distinct = [...new Set(keys.values())].sort();
        const rankOf = new Map<string, number>();
        distinct.forEach((k, i) => rankOf.set(k, i));
        ranks = new Map();
        for (const [id, k] of keys) ranks.set(id, rankOf.get(k)!);
      }
      return ranks.get(s.id) ?? null;
    };
  };
  const file = (read: (f: FileRecord, s: SceneRecord) => SortValue) => (s: SceneRecord) => {
    const f = primary(s);
    return f ? read(f, s) : null;
  };
  const fileText = (read: (f: FileRecord) => string | null) =>
    ranked((s) => {
      const f = primary(s);
      return f ? read(f) : null;
    });
  return {
    defaultSort: "id",
    keys: {
      bitrate: file((f) => f.bitRate),
      created_at: ranked((s) => s.createdAt),
      code: ranked((s) => nullIfEmpty(s.code)),
      date: ranked((s) => fullDate(s.date)),
      file_count: (s) => s.fileIds.length,
      filesize: file((f) => f.size),
      duration: file((f) => f.duration),
      file_mod_time: fileText((f) => f.modTime),
      framerate: file((f) => f.frameRate),
      group_scene_number: (s) => s.groups[0]?.sceneIndex ?? null,
      id: (s) => s.id,
      interactive: file((_f, s) => (s.interactive ? 1 : 0)),
      interactive_speed: file((_f, s) => s.interactiveSpeed),
      last_o_at: ranked((s) => newest(s.oHistory)),
      last_played_at: ranked((s) => newest(s.playHistory)),
      movie_scene_number: (s) => s.groups[0]?.sceneIndex ?? null,
      o_counter: (s) => s.oHistory.length,
      organized: (s) => (s.organized ? 1 : 0),
      performer_count: (s) => s.performerIds.length,
      play_count: (s) => s.playHistory.length,
      play_duration: (s) => s.playDuration,
      resume_time: (s) => s.resumeTime,
      // Stash concatenates folder and basename without a separator here.
      path: fileText((f) => naturalKey(splitPath(f.path).join(""))),
      // Equal phashes put the bigger file first.
      perceptual_similarity: fileText((f) => {
        const key = f.phash ? phashOrderKey(f.phash) : null;
        return key === null ? null : `${key}:${(Number.MAX_SAFE_INTEGER - f.size).toString().padStart(16, "0")}`;
      }),
      rating: (s) => s.rating100,
      studio: ranked((s) => {
        const studio = s.studioId === null ? undefined : store.get("studios", s.studioId);
        return studio ? naturalKey(studio.name) : null;
      }),
      tag_count: (s) => s.tagIds.length,
      title: ranked((s) => {
        const f = primary(s);
        const [folder, base] = f ? splitPath(f.path) : ["", ""];
        const shown = s.title !== "" ? s.title : f ? base : null;
        return shown === null ? null : `${naturalKey(shown)}\u0000${naturalKey(folder)}`;
      }),
      updated_at: ranked((s) => s.updatedAt),
      // Needs performer birthdates, which the stand-in does not keep: every scene ties.
      performer_age: () => null,
    },
  };
}

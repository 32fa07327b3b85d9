/**
 * Views of scenes, files and markers. A view is a plain object whose costly
 * fields are functions: graphql-js calls them only when a query selects them,
 * so a 100,000-scene page that asks for ids never walks files or markers.
 */
import { performersOf, tagsOf } from "./present-entity-parts";
import { withApiKey, type StandInContext } from "./context";
import type { FileRecord, MarkerRecord, SceneRecord } from "./store";
import { galleryView, groupView, performerView, studioView, tagView } from "./present-entities";
import { basicFileView, containingZip, folderRecordView } from "./present-media-file";
import { sceneStreamEndpoints } from "./streams";

/** History entries newest first, as Stash returns them. */
export function newestFirst(times: readonly string[]): string[] {
  return [...times].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

function dirname(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : "/";
}

/** The fingerprints a scanned file carries, in Stash's order. */
export function fingerprintsOf(file: FileRecord): { type: string; value: string }[] {
  const out: { type: string; value: string }[] = [];
  if (file.md5) out.push({ type: "md5", value: file.md5 });
  if (file.oshash) out.push({ type: "oshash", value: file.oshash });
  if (file.phash) out.push({ type: "phash", value: file.phash });
  for (const other of file.otherFingerprints ?? []) out.push({ type: other.type, value: other.value });
  return out;
}

/** A VideoFile view. */
export function fileView(ctx: StandInContext, file: FileRecord): Record<string, unknown> {
  const folder = dirname(file.path);
  const zip = containingZip(ctx.store, file.path);
  return {
    __typename: "VideoFile",
    id: String(file.id),
    path: file.path,
    basename: basename(file.path),
    parent_folder_id: String(ctx.store.folderId(folder)),
    zip_file_id: zip ? String(zip.id) : null,
    parent_folder: () => folderRecordView(ctx, ctx.store.get("folders", ctx.store.folderId(folder))!),
    zip_file: () => (zip ? basicFileView(ctx, zip) : null),
    mod_time: file.modTime,
    size: file.size,
    fingerprint: (args: { type: string }) =>
      fingerprintsOf(file).find((f) => f.type === args.type)?.value ?? null,
    fingerprints: () => fingerprintsOf(file),
    format: file.format,
    width: file.width,
    height: file.height,
    duration: file.duration,
    video_codec: file.videoCodec,
    audio_codec: file.audioCodec,
    frame_rate: file.frameRate,
    bit_rate: file.bitRate,
    created_at: file.createdAt,
    updated_at: file.updatedAt,
  };
}

/** The media URLs of a scene; the screenshot URL changes with `updated_at` like Stash's cache buster. */
export function scenePaths(ctx: StandInContext, scene: SceneRecord): Record<string, string | null> {
  const root = `${ctx.baseUrl}/scene/${scene.id}`;
  const stamp = Date.parse(scene.updatedAt) / 1000;
  return {
    screenshot: `${root}/screenshot?t=${stamp}`,
    preview: `${root}/preview`,
    stream: withApiKey(ctx, `${root}/stream`),
    webp: `${root}/webp`,
    vtt: `${root}/vtt/chapter`,
    sprite: `${root}/vtt/sprite`,
    funscript: `${root}/funscript`,
    interactive_heatmap: `${root}/interactive_heatmap`,
    caption: `${root}/caption`,
  };
}

/** A Scene view. */
export function sceneView(ctx: StandInContext, scene: SceneRecord): Record<string, unknown> {
  const { store } = ctx;
  const groupLinks = () =>
    scene.groups.flatMap((link) => {
      const group = store.get("groups", link.groupId);
      return group ? [{ group: groupView(ctx, group), scene_index: link.sceneIndex }] : [];
    });
  return {
    __typename: "Scene",
    id: String(scene.id),
    title: scene.title,
    code: scene.code,
    details: scene.details,
    director: scene.director,
    url: scene.urls[0] ?? null,
    urls: scene.urls,
    date: scene.date,
    rating100: scene.rating100,
    organized: scene.organized,
    o_counter: scene.oHistory.length,
    interactive: scene.interactive,
    interactive_speed: scene.interactiveSpeed,
    captions: [],
    created_at: scene.createdAt,
    updated_at: scene.updatedAt,
    last_played_at: () => newestFirst(scene.playHistory)[0] ?? null,
    resume_time: scene.resumeTime,
    play_duration: scene.playDuration,
    play_count: scene.playHistory.length,
    play_history: () => newestFirst(scene.playHistory),
    o_history: () => newestFirst(scene.oHistory),
    files: () => store.sceneFiles(scene).map((file) => fileView(ctx, file)),
    paths: () => scenePaths(ctx, scene),
    scene_markers: () => store.sceneMarkers(scene.id).map((marker) => markerView(ctx, marker)),
    galleries: () => relatedViews(scene.galleryIds, (id) => store.get("galleries", id), (g) => galleryView(ctx, g)),
    studio: () => {
      const studio = scene.studioId === null ? undefined : store.get("studios", scene.studioId);
      return studio ? studioView(ctx, studio) : null;
    },
    groups: groupLinks,
    movies: () => groupLinks().map((link) => ({ movie: link.group, scene_index: link.scene_index })),
    tags: () => tagsOf(store, scene.tagIds).map((t) => tagView(ctx, t)),
    performers: () => performersOf(store, scene.performerIds).map((p) => performerView(ctx, p)),
    stash_ids: scene.stashIds.map((s) => ({ endpoint: s.endpoint, stash_id: s.stashId, updated_at: s.updatedAt })),
    sceneStreams: () => sceneStreamEndpoints(ctx, scene),
  };
}

/** A SceneMarker view. */
export function markerView(ctx: StandInContext, marker: MarkerRecord): Record<string, unknown> {
  const { store } = ctx;
  const root = `${ctx.baseUrl}/scene/${marker.sceneId}/scene_marker/${marker.id}`;
  return {
    __typename: "SceneMarker",
    id: String(marker.id),
    scene: () => {
      const scene = store.get("scenes", marker.sceneId);
      if (!scene) throw new Error(`scene with id ${marker.sceneId} not found`);
      return sceneView(ctx, scene);
    },
    title: marker.title,
    seconds: marker.seconds,
    end_seconds: marker.endSeconds,
    primary_tag: () => {
      const tag = store.get("tags", marker.primaryTagId);
      if (!tag) throw new Error(`tag with id ${marker.primaryTagId} not found`);
      return tagView(ctx, tag);
    },
    // pkg/sqlite/tag.go FindBySceneMarkerID orders by tagTableSort too.
    tags: () => tagsOf(store, marker.tagIds).map((t) => tagView(ctx, t)),
    created_at: marker.createdAt,
    updated_at: marker.updatedAt,
    stream: withApiKey(ctx, `${root}/stream`),
    preview: `${root}/preview`,
    screenshot: `${root}/screenshot`,
  };
}

function relatedViews<R>(
  ids: readonly number[],
  lookup: (id: number) => R | undefined,
  view: (record: R) => Record<string, unknown>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    const record = lookup(id);
    if (record) out.push(view(record));
  }
  return out;
}

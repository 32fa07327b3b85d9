/**
 * Scene stream endpoints as Stash lists them (internal/manager/scene.go): "Direct stream" when the file's
 * audio suits its container, "MKV" for Matroska files, then MP4, WEBM, HLS and
 * DASH transcodes at ORIGINAL plus every standard resolution the primary file
 * reaches (Stash's max transcode size defaults to ORIGINAL, so nothing is capped).
 */
import { withApiKey, type StandInContext } from "./context";
import type { FileRecord, SceneRecord } from "./store";

/** One `SceneStreamEndpoint` as the schema returns it. */
export interface SceneStreamEndpointView {
  readonly url: string;
  readonly mime_type: string | null;
  readonly label: string | null;
}

interface EndpointKind {
  readonly label: string;
  readonly mime: string;
  readonly extension: string;
}

const MP4: EndpointKind = { label: "MP4", mime: "video/mp4", extension: ".mp4" };
const WEBM: EndpointKind = { label: "WEBM", mime: "video/webm", extension: ".webm" };
const HLS: EndpointKind = { label: "HLS", mime: "application/vnd.apple.mpegurl", extension: ".m3u8" };
const DASH: EndpointKind = { label: "DASH", mime: "application/dash+xml", extension: ".mpd" };
const TRANSCODES: readonly EndpointKind[] = [MP4, WEBM, HLS, DASH];

/** Stash's streaming resolutions (internal/manager/scene.go), largest first, with the smaller dimension each needs. */
const RESOLUTIONS: readonly { readonly name: string; readonly minSize: number; readonly suffix: string }[] = [
  { name: "FOUR_K", minSize: 1920, suffix: " 4K (2160p)" },
  { name: "FULL_HD", minSize: 1080, suffix: " Full HD (1080p)" },
  { name: "STANDARD_HD", minSize: 720, suffix: " HD (720p)" },
  { name: "STANDARD", minSize: 480, suffix: " Standard (480p)" },
  { name: "LOW", minSize: 240, suffix: " Low (240p)" },
];

/** Audio codecs each container can carry for direct play; other containers never direct-stream. */
const AUDIO_FOR_CONTAINER: Readonly<Record<string, readonly string[]>> = {
  matroska: ["aac", "mp3", "vorbis", "opus"],
  webm: ["vorbis", "opus"],
  mp4: ["aac", "mp3", "opus"],
};
const KNOWN_AUDIO = new Set(["aac", "mp3", "opus", "vorbis"]);

/** Stash treats a missing or unrecognised audio codec as playable: nothing could fix it anyway. */
function directStreamable(file: FileRecord): boolean {
  const container = file.format.toLowerCase();
  if (container === "mp3") return true;
  const allowed = AUDIO_FOR_CONTAINER[container];
  if (!allowed) return false;
  const audio = file.audioCodec.toLowerCase();
  return !KNOWN_AUDIO.has(audio) || allowed.includes(audio);
}

/** The endpoints for a scene; `[]` when it has no primary file. */
export function sceneStreamEndpoints(ctx: StandInContext, scene: SceneRecord): SceneStreamEndpointView[] {
  const primaryId = scene.fileIds[0];
  const file = primaryId === undefined ? undefined : ctx.store.get("files", primaryId);
  if (!file) return [];
  const direct = `${ctx.baseUrl}/scene/${scene.id}/stream`;
  const out: SceneStreamEndpointView[] = [];
  if (directStreamable(file)) out.push({ url: withApiKey(ctx, direct), mime_type: MP4.mime, label: "Direct stream" });
  // Stash hands MKV out with an mp4 mime type because many players refuse to try mkv (internal/manager/scene.go).
  if (file.format.toLowerCase() === "matroska") out.push({ url: withApiKey(ctx, `${direct}.mkv`), mime_type: MP4.mime, label: "MKV" });
  const size = Math.min(file.width, file.height);
  const fitting = RESOLUTIONS.filter((r) => size === 0 || size >= r.minSize);
  for (const kind of TRANSCODES) {
    out.push({ url: withApiKey(ctx, `${direct}${kind.extension}`, "resolution=ORIGINAL"), mime_type: kind.mime, label: kind.label });
    for (const r of fitting) {
      out.push({
        url: withApiKey(ctx, `${direct}${kind.extension}`, `resolution=${r.name}`),
        mime_type: kind.mime,
        label: kind.label + r.suffix,
      });
    }
  }
  return out;
}

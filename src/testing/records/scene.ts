/** Scene, video file and marker rows of the stand-in's store. */
import type { MediaMetadata } from "./media-metadata";

/** A video file, as Stash creates it by scanning. */
export interface FileRecord {
  readonly id: number;
  readonly path: string;
  readonly size: number;
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly videoCodec: string;
  readonly audioCodec: string;
  readonly frameRate: number;
  readonly bitRate: number;
  /** 16 lower-case hex digits, or null when the file was never hashed. */
  readonly phash: string | null;
  readonly oshash: string | null;
  readonly md5: string | null;
  /** Fingerprints of other types (fileSetFingerprints), in the order set; absent means none. */
  readonly otherFingerprints?: readonly { readonly type: string; readonly value: string }[];
  readonly modTime: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The scene the file belongs to; files survive unattached when a scene goes. */
  readonly sceneId: number | null;
}

/** A scene's link to a group, with its position in the group. */
export interface SceneGroupLink {
  readonly groupId: number;
  readonly sceneIndex: number | null;
}

/** A stash-box identifier (scenes, performers, studios, tags). */
export interface StashIdRecord {
  readonly endpoint: string;
  readonly stashId: string;
  readonly updatedAt: string;
}

/** A scene row with its relationship lists. */
export interface SceneRecord extends MediaMetadata {
  readonly id: number;
  readonly director: string;
  readonly galleryIds: readonly number[];
  readonly groups: readonly SceneGroupLink[];
  readonly stashIds: readonly StashIdRecord[];
  /** Primary file first. */
  readonly fileIds: readonly number[];
  readonly resumeTime: number;
  readonly playDuration: number;
  /** RFC3339 UTC at one-second precision, in insertion order (sorted on output). */
  readonly playHistory: readonly string[];
  readonly oHistory: readonly string[];
  readonly hasCover: boolean;
  readonly interactive: boolean;
  readonly interactiveSpeed: number | null;
}

/** A scene marker. */
export interface MarkerRecord {
  readonly id: number;
  readonly sceneId: number;
  readonly title: string;
  readonly seconds: number;
  readonly endSeconds: number | null;
  readonly primaryTagId: number;
  readonly tagIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

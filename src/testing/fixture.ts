/**
 * The plain-data description of a library that `seed()` loads into a
 * stand-in, and the ids it hands back. Stash creates files only by scanning
 * disk, so a fixture is the only way files (and their fingerprints) appear.
 */
import type { FixturePerformer, FixtureStudio, FixtureTag } from "./fixture-entities";
import type { FixtureGroup, FixtureSavedFilter } from "./fixture-groups";
import type { FixtureGallery, FixtureImage, FixtureImageFile, FixtureMediaMetadata } from "./fixture-media";
import type { StandInPlugin } from "./plugin-defs";

export type { FixtureGallery, FixtureGalleryChapter, FixtureGalleryZip, FixtureImage, FixtureImageFile, FixtureMediaMetadata } from "./fixture-media";
export type { FixtureGroup, FixtureSavedFilter, FixtureSubGroup } from "./fixture-groups";
export type { FixtureGender, FixturePerformer, FixtureStudio, FixtureTag } from "./fixture-entities";

/** A tag, performer, studio or group named by a plain string or an object with `name`. */
export type FixtureNamed = string | { readonly name: string };

/** A scanned video file. Codec, format, frame rate and bit rate get scanner-like defaults. */
export interface FixtureFile {
  readonly path: string;
  /** Bytes. */
  readonly size: number;
  /** Seconds. */
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  /** 16 hex digits; omit or null for a file that was never perceptually hashed. */
  readonly phash?: string | null;
  /** 16 hex digits. */
  readonly oshash?: string | null;
  /** 32 hex digits. */
  readonly md5?: string | null;
  /** Default `mp4`. */
  readonly format?: string;
  /** Default `h264`. */
  readonly video_codec?: string;
  /** Default `aac`. */
  readonly audio_codec?: string;
  /** Default 30. */
  readonly frame_rate?: number;
  /** Bits per second; default computed from size and duration. */
  readonly bit_rate?: number;
  /** Time the file was last modified on disk; default the seeding time. */
  readonly mod_time?: string;
}

/** A scene marker; tag names that do not exist yet are created. */
export interface FixtureMarker {
  readonly title: string;
  readonly seconds: number;
  readonly end_seconds?: number | null;
  readonly primary_tag: string;
  readonly tags?: readonly string[];
}

/** A scene's membership in a group, by group name. */
export type FixtureSceneGroup = string | { readonly name: string; readonly scene_index?: number | null };

/** A scene. */
export interface FixtureScene extends FixtureMediaMetadata {
  readonly director?: string;
  readonly groups?: readonly FixtureSceneGroup[];
  /** Primary file first. */
  readonly files?: readonly FixtureFile[];
  readonly markers?: readonly FixtureMarker[];
  /** Times (RFC3339 or `YYYY-MM-DD HH:MM:SS`, read as UTC). */
  readonly play_history?: readonly string[];
  readonly o_history?: readonly string[];
  readonly resume_time?: number;
  readonly play_duration?: number;
}

/** A whole library to seed. */
export interface Fixture {
  readonly tags?: readonly FixtureTag[];
  readonly performers?: readonly FixturePerformer[];
  readonly studios?: readonly FixtureStudio[];
  /** Groups with their details and sub-groups (scenes may also name groups, created bare). */
  readonly groups?: readonly FixtureGroup[];
  /** Saved filters, in order. */
  readonly saved_filters?: readonly FixtureSavedFilter[];
  /** Folders that exist without files in them (files' folders are created anyway). */
  readonly folders?: readonly string[];
  readonly scenes?: readonly FixtureScene[];
  /** Galleries (seeded before images, so images can name them). */
  readonly galleries?: readonly FixtureGallery[];
  /** Images, with their files. */
  readonly images?: readonly FixtureImage[];
  /** Video files on disk but not yet in the library: `metadataScan` adds them (paths must be new). */
  readonly disk?: readonly FixtureFile[];
  /** Image files on disk but not yet in the library: `metadataScan` adds them as images (paths must be new). */
  readonly disk_images?: readonly FixtureImageFile[];
  /** Installed plugins (as their ymls describe them), added to those the stand-in started with. */
  readonly plugins?: readonly StandInPlugin[];
}

/** The ids `seed()` created or reused (all ids are GraphQL ID strings). */
export interface SeedResult {
  /** Scene ids in fixture order. */
  readonly scenes: string[];
  /** Scene id by title; with repeated titles the first scene wins. */
  readonly sceneIdsByTitle: Record<string, string>;
  /** Scene id by the path of any of its files. */
  readonly sceneIdsByPath: Record<string, string>;
  /** File id by path. */
  readonly files: Record<string, string>;
  readonly tags: Record<string, string>;
  readonly performers: Record<string, string>;
  readonly studios: Record<string, string>;
  readonly groups: Record<string, string>;
  /** Marker ids in fixture order (scene by scene, marker by marker). */
  readonly markers: string[];
  /** Saved filter ids in fixture order. */
  readonly savedFilters: string[];
  /** Folder id by path, for every folder the seed created or found (files' folders included). */
  readonly folders: Record<string, string>;
  /** Gallery ids in fixture order. */
  readonly galleries: string[];
  /** Image ids in fixture order. */
  readonly images: string[];
  /** Image id by the path of any of its files. */
  readonly imageIdsByPath: Record<string, string>;
}

/** Name of an entity given as a string or `{ name }`. */
export function entityName(entry: string | { readonly name: string }): string {
  return typeof entry === "string" ? entry : entry.name;
}

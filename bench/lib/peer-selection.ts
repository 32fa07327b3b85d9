/**
 * The SDK's `SceneData` fragment as a stashapp-api (genql) field selection, so
 * the peer is asked for exactly the fields the SDK's `findScene` returns and
 * the server does the same work for both.
 */

const named = { id: true, name: true } as const;

/** Mirrors operations/fragments/SceneMarkerData.graphql. */
export const markerSelection = {
  id: true,
  title: true,
  seconds: true,
  end_seconds: true,
  primary_tag: named,
  tags: named,
  scene: { id: true },
  created_at: true,
  updated_at: true,
  stream: true,
  preview: true,
  screenshot: true,
} as const;

const videoFileSelection = {
  id: true,
  path: true,
  basename: true,
  size: true,
  duration: true,
  width: true,
  height: true,
  format: true,
  video_codec: true,
  audio_codec: true,
  frame_rate: true,
  bit_rate: true,
  fingerprints: { type: true, value: true },
  mod_time: true,
  created_at: true,
  updated_at: true,
} as const;

/** Mirrors operations/fragments/SceneData.graphql field by field. */
export const sceneDataSelection = {
  id: true,
  title: true,
  code: true,
  details: true,
  director: true,
  urls: true,
  date: true,
  rating100: true,
  organized: true,
  o_counter: true,
  interactive: true,
  interactive_speed: true,
  created_at: true,
  updated_at: true,
  last_played_at: true,
  resume_time: true,
  play_duration: true,
  play_count: true,
  play_history: true,
  o_history: true,
  files: videoFileSelection,
  paths: {
    screenshot: true,
    preview: true,
    stream: true,
    webp: true,
    vtt: true,
    sprite: true,
    funscript: true,
    interactive_heatmap: true,
    caption: true,
  },
  scene_markers: markerSelection,
  galleries: { id: true, title: true },
  studio: named,
  groups: { group: named, scene_index: true },
  tags: named,
  performers: named,
  stash_ids: { endpoint: true, stash_id: true, updated_at: true },
} as const;

/**
 * Scene filter facts from pkg/sqlite/scene_test.go (v0.30.1), over the library
 * of scenes-fixture.ts. Case list: test/conformance/cases/scenes.md.
 */
import type { FilterCase } from "./cases";
import { SCENE_PATHS, SCENE_STASH_ID, SCENE_TITLES, type SceneLibrary } from "./scenes-fixture";
import { int, multi, str } from "./criterion-values";

type Case = FilterCase<SceneLibrary>;

/** Every scene label. */
export const ALL_SCENES = Object.keys(SCENE_TITLES);
const but = (...drop: string[]) => ALL_SCENES.filter((s) => !drop.includes(s));
const RES = ["R0", "R540", "R721", "R1079"];
const qs = (label: string) => ({ q: SCENE_TITLES[label]! });
const S1_URL = "https://example.org/scene_0001_URL";

/** Strings, search, combinators (TestSceneQueryQ … TestSceneIllegalQuery). */
export const STRING_CASES: readonly Case[] = [
  { title: "q matches one title (TestSceneQueryQ)", filter: () => null, find: { q: "two beta" }, exactly: ["S2"] },
  { title: "no q returns every scene (TestSceneQueryQ)", filter: () => null, exactly: ALL_SCENES },
  ...[" zzz    yyy    ", '   "zzz yyy xxx" ', "zzz"].map((q): Case => ({
    title: `q ${JSON.stringify(q)} is trimmed / phrase-matched (TestSceneQueryQTrim)`, filter: () => null, find: { q }, exactly: ["S4"],
  })),
  ...['" zzz    yyy    "', '"zzz    yyy"', '" zzz yyy"', '"zzz yyy  "'].map((q): Case => ({
    title: `q phrase ${q} keeps its inner spaces (TestSceneQueryQTrim)`, filter: () => null, find: { q }, exactly: [],
  })),
  { title: "path EQUALS full path (TestSceneQueryPath)", filter: () => ({ path: str("EQUALS", SCENE_PATHS.S1) }), include: ["S1"], exclude: ["S2"] },
  { title: "path EQUALS with % wildcard (TestSceneQueryPath)", filter: () => ({ path: str("EQUALS", "/lib/scenes/scene_0001_%") }), include: ["S1"], exclude: ["S2"] },
  { title: "path NOT_EQUALS full path (TestSceneQueryPath)", filter: () => ({ path: str("NOT_EQUALS", SCENE_PATHS.S1) }), include: ["S2"], exclude: ["S1"] },
  { title: "path INCLUDES folder (TestSceneQueryPath)", filter: () => ({ path: str("INCLUDES", "/lib/scenes") }), include: ["S1"] },
  { title: "path INCLUDES base name (TestSceneQueryPath)", filter: () => ({ path: str("INCLUDES", "scene_0001_Path.mp4") }), include: ["S1"] },
  { title: "path INCLUDES full path (TestSceneQueryPath)", filter: () => ({ path: str("INCLUDES", SCENE_PATHS.S1) }), include: ["S1"], exclude: ["S2"] },
  { title: "path MATCHES_REGEX (TestSceneQueryPath)", filter: () => ({ path: str("MATCHES_REGEX", "scene_.*1_Path") }), include: ["S1"] },
  { title: "path NOT_MATCHES_REGEX (TestSceneQueryPath)", filter: () => ({ path: str("NOT_MATCHES_REGEX", "scene_.*1_Path") }), exclude: ["S1"] },
  { title: "url EQUALS (TestSceneQueryURL)", filter: () => ({ url: str("EQUALS", S1_URL) }), exactly: ["S1"] },
  {
    title: "url NOT_EQUALS (TestSceneQueryURL)", filter: () => ({ url: str("NOT_EQUALS", S1_URL) }),
    every: { fields: "urls", nonEmpty: true, test: (s) => (s.urls[0] ?? "") !== S1_URL },
  },
  { title: "url MATCHES_REGEX (TestSceneQueryURL)", filter: () => ({ url: str("MATCHES_REGEX", "scene_.*1_URL") }), exactly: ["S1"] },
  {
    title: "url NOT_MATCHES_REGEX (TestSceneQueryURL)", filter: () => ({ url: str("NOT_MATCHES_REGEX", "scene_.*1_URL") }),
    every: { fields: "urls", nonEmpty: true, test: (s) => !/scene_.*1_URL/.test(s.urls[0] ?? "") },
  },
  { title: "url IS_NULL (TestSceneQueryURL)", filter: () => ({ url: str("IS_NULL") }), exactly: but("S1", "S2") },
  { title: "url NOT_NULL (TestSceneQueryURL)", filter: () => ({ url: str("NOT_NULL") }), exactly: ["S1", "S2"] },
  {
    title: "path OR path (TestSceneQueryPathOr)",
    filter: () => ({ path: str("EQUALS", SCENE_PATHS.S1), OR: { path: str("EQUALS", SCENE_PATHS.S2) } }), find: { sort: "path" }, ordered: ["S1", "S2"],
  },
  { title: "path AND rating100 (TestSceneQueryPathAndRating)", filter: () => ({ path: str("EQUALS", SCENE_PATHS.S1), AND: { rating100: int("EQUALS", 60) } }), exactly: ["S1"] },
  { title: "path NOT rating100 = its rating (TestSceneQueryPathNotRating)", filter: () => ({ path: str("MATCHES_REGEX", "scene_.*1_Path"), NOT: { rating100: int("EQUALS", 60) } }), exactly: [] },
  { title: "path NOT rating100 = another rating (TestSceneQueryPathNotRating)", filter: () => ({ path: str("MATCHES_REGEX", "scene_.*1_Path"), NOT: { rating100: int("EQUALS", 80) } }), exactly: ["S1"] },
  ...(["AND+OR", "AND+NOT", "OR+NOT"] as const).map((pair): Case => ({
    title: `${pair} in one filter is an error (TestSceneIllegalQuery)`, rejected: true,
    filter: () => Object.fromEntries(pair.split("+").map((k) => [k, { path: str("EQUALS", SCENE_PATHS.S1) }])),
  })),
];

/** Numbers, resolution, flags (TestSceneQueryRating100 … TestSceneQueryIsMissing*). */
export const NUMBER_CASES: readonly Case[] = [
  { title: "rating100 EQUALS (TestSceneQueryRating100)", filter: () => ({ rating100: int("EQUALS", 60) }), exactly: ["S1"] },
  { title: "rating100 NOT_EQUALS skips unrated (TestSceneQueryRating100)", filter: () => ({ rating100: int("NOT_EQUALS", 60) }), exactly: ["S2", "S4"] },
  { title: "rating100 GREATER_THAN (TestSceneQueryRating100)", filter: () => ({ rating100: int("GREATER_THAN", 60) }), exactly: ["S2"] },
  { title: "rating100 LESS_THAN skips unrated (TestSceneQueryRating100)", filter: () => ({ rating100: int("LESS_THAN", 60) }), exactly: ["S4"] },
  { title: "rating100 IS_NULL (TestSceneQueryRating100)", filter: () => ({ rating100: int("IS_NULL", 0) }), exactly: but("S1", "S2", "S4") },
  { title: "rating100 NOT_NULL (TestSceneQueryRating100)", filter: () => ({ rating100: int("NOT_NULL", 0) }), exactly: ["S1", "S2", "S4"] },
  { title: "o_counter EQUALS (TestSceneQueryOCounter)", filter: () => ({ o_counter: int("EQUALS", 1) }), exactly: ["S1"] },
  { title: "o_counter NOT_EQUALS (TestSceneQueryOCounter)", filter: () => ({ o_counter: int("NOT_EQUALS", 1) }), exactly: but("S1") },
  { title: "o_counter GREATER_THAN (TestSceneQueryOCounter)", filter: () => ({ o_counter: int("GREATER_THAN", 1) }), exactly: ["S2"] },
  { title: "o_counter LESS_THAN (TestSceneQueryOCounter)", filter: () => ({ o_counter: int("LESS_THAN", 1) }), exactly: but("S1", "S2") },
  { title: "duration EQUALS compares whole seconds (TestSceneQueryDuration)", filter: () => ({ duration: int("EQUALS", 200) }), exactly: ["S1"] },
  { title: "duration NOT_EQUALS (TestSceneQueryDuration)", filter: () => ({ duration: int("NOT_EQUALS", 200) }), exactly: but("S1") },
  { title: "duration GREATER_THAN: 200.432 is not > 200 (TestSceneQueryDuration)", filter: () => ({ duration: int("GREATER_THAN", 200) }), exactly: ["S3", "S5"] },
  { title: "duration LESS_THAN (TestSceneQueryDuration)", filter: () => ({ duration: int("LESS_THAN", 200) }), exactly: but("S1", "S3", "S5") },
  { title: "duration IS_NULL (TestSceneQueryDuration)", filter: () => ({ duration: int("IS_NULL", 0) }), exactly: [] },
  { title: "duration NOT_NULL (TestSceneQueryDuration)", filter: () => ({ duration: int("NOT_NULL", 0) }), exactly: ALL_SCENES },
  ...([["LOW", 0, 480, "S4"], ["STANDARD", 480, 720, "S3"], ["STANDARD_HD", 720, 1080, "S1"], ["FULL_HD", 1080, 2160, "S2"], ["FOUR_K", 2160, Infinity, "S5"]] as const).map(
    ([value, lo, hi, member]): Case => ({
      title: `resolution EQUALS ${value} (TestSceneQueryResolution)`, filter: () => ({ resolution: { value, modifier: "EQUALS" } }), include: [member],
      every: { fields: "files { height }", test: (s) => s.files[0].height >= lo && s.files[0].height < hi },
    }),
  ),
  { title: "resolution STANDARD_HD EQUALS (TestSceneQueryResolutionModifiers)", filter: () => ({ resolution: { value: "STANDARD_HD", modifier: "EQUALS" } }), include: ["S1", "R721", "R1079"], exclude: ["R0", "R540", "S6", "S2"] },
  { title: "resolution STANDARD_HD NOT_EQUALS (TestSceneQueryResolutionModifiers)", filter: () => ({ resolution: { value: "STANDARD_HD", modifier: "NOT_EQUALS" } }), include: ["R0", "R540", "S6", "S2"], exclude: ["S1", "R721", "R1079"] },
  { title: "resolution STANDARD_HD GREATER_THAN (TestSceneQueryResolutionModifiers)", filter: () => ({ resolution: { value: "STANDARD_HD", modifier: "GREATER_THAN" } }), include: ["S2"], exclude: ["R0", "R540", "S6", "S1", "R721", "R1079"] },
  { title: "resolution STANDARD_HD LESS_THAN (TestSceneQueryResolutionModifiers)", filter: () => ({ resolution: { value: "STANDARD_HD", modifier: "LESS_THAN" } }), include: ["R0", "R540", "S6"], exclude: ["S2", "S1", "R721", "R1079"] },
  { title: "has_markers true (TestSceneQueryHasMarkers)", filter: () => ({ has_markers: "true" }), find: qs("S3"), exactly: ["S3"] },
  { title: "has_markers false on the scene with markers (TestSceneQueryHasMarkers)", filter: () => ({ has_markers: "false" }), find: qs("S3"), exactly: [] },
  { title: "has_markers false (TestSceneQueryHasMarkers)", filter: () => ({ has_markers: "false" }), exactly: but("S3") },
  { title: "is_missing galleries, searched (TestSceneQueryIsMissingGallery)", needs: ["gallery"], filter: () => ({ is_missing: "galleries" }), find: qs("S1"), exactly: [] },
  { title: "is_missing galleries (TestSceneQueryIsMissingGallery)", needs: ["gallery"], filter: () => ({ is_missing: "galleries" }), exactly: but("S1") },
  { title: "is_missing studio, searched (TestSceneQueryIsMissingStudio)", filter: () => ({ is_missing: "studio" }), find: qs("S1"), exactly: [] },
  { title: "is_missing studio (TestSceneQueryIsMissingStudio)", filter: () => ({ is_missing: "studio" }), exactly: but("S1", "S2") },
  { title: "is_missing movie, searched (TestSceneQueryIsMissingMovies)", filter: () => ({ is_missing: "movie" }), find: qs("S1"), exactly: [] },
  { title: "is_missing movie (TestSceneQueryIsMissingMovies)", filter: () => ({ is_missing: "movie" }), exactly: but("S1", "S3") },
  { title: "is_missing performers, searched (TestSceneQueryIsMissingPerformers)", filter: () => ({ is_missing: "performers" }), find: qs("S1"), exactly: [] },
  { title: "is_missing performers (TestSceneQueryIsMissingPerformers)", filter: () => ({ is_missing: "performers" }), exactly: ["S6", ...RES] },
  { title: "is_missing date (TestSceneQueryIsMissingDate)", filter: () => ({ is_missing: "date" }), exactly: but("S1", "S2", "S4") },
  { title: "is_missing tags, searched (TestSceneQueryIsMissingTags)", filter: () => ({ is_missing: "tags" }), find: qs("S2"), exactly: [] },
  { title: "is_missing tags (TestSceneQueryIsMissingTags)", filter: () => ({ is_missing: "tags" }), exactly: but("S1", "S2", "S3") },
  { title: "is_missing rating (TestSceneQueryIsMissingRating)", filter: () => ({ is_missing: "rating" }), exactly: but("S1", "S2", "S4") },
  { title: "is_missing phash (TestSceneQueryIsMissingPhash)", filter: () => ({ is_missing: "phash" }), exactly: ["S5"] },
  { title: "duplicated phash true (TestSceneQueryPhashDuplicated)", filter: () => ({ duplicated: { duplicated: true } }), exactly: ["S2", "S3"] },
  { title: "duplicated phash false skips scenes without phash (TestSceneQueryPhashDuplicated)", filter: () => ({ duplicated: { duplicated: false } }), exactly: but("S2", "S3", "S5") },
  { title: "resume_time EQUALS (TestSceneQuery)", filter: () => ({ resume_time: int("EQUALS", 30) }), include: ["S1"], exclude: ["S3"] },
  { title: "play_duration EQUALS (TestSceneQuery)", filter: () => ({ play_duration: int("EQUALS", 100) }), include: ["S1"], exclude: ["S3"] },
  { title: "stash_id_endpoint EQUALS (TestSceneQuery)", needs: ["scene.stash_ids"], filter: () => ({ stash_id_endpoint: { ...SCENE_STASH_ID, modifier: "EQUALS" } }), include: ["S1"] },
  { title: "stash_id_endpoint NOT_EQUALS (TestSceneQuery)", needs: ["scene.stash_ids"], filter: () => ({ stash_id_endpoint: { ...SCENE_STASH_ID, modifier: "NOT_EQUALS" } }), exclude: ["S1"] },
  { title: "stash_id_endpoint IS_NULL (TestSceneQuery)", needs: ["scene.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: SCENE_STASH_ID.endpoint, modifier: "IS_NULL" } }), exclude: ["S1"] },
  { title: "stash_id_endpoint NOT_NULL (TestSceneQuery)", needs: ["scene.stash_ids"], filter: () => ({ stash_id_endpoint: { endpoint: SCENE_STASH_ID.endpoint, modifier: "NOT_NULL" } }), include: ["S1"] },
  { title: "tag_count EQUALS (TestSceneQueryTagCount)", filter: () => ({ tag_count: int("EQUALS", 1) }), exactly: ["S1"] },
  { title: "tag_count NOT_EQUALS (TestSceneQueryTagCount)", filter: () => ({ tag_count: int("NOT_EQUALS", 1) }), exactly: but("S1") },
  { title: "tag_count GREATER_THAN (TestSceneQueryTagCount)", filter: () => ({ tag_count: int("GREATER_THAN", 1) }), exactly: ["S2", "S3"] },
  { title: "tag_count LESS_THAN (TestSceneQueryTagCount)", filter: () => ({ tag_count: int("LESS_THAN", 1) }), exactly: but("S1", "S2", "S3") },
  { title: "performer_count EQUALS (TestSceneQueryPerformerCount)", filter: () => ({ performer_count: int("EQUALS", 1) }), exactly: ["S1", "S4", "S5"] },
  { title: "performer_count NOT_EQUALS (TestSceneQueryPerformerCount)", filter: () => ({ performer_count: int("NOT_EQUALS", 1) }), exactly: but("S1", "S4", "S5") },
  { title: "performer_count GREATER_THAN (TestSceneQueryPerformerCount)", filter: () => ({ performer_count: int("GREATER_THAN", 1) }), exactly: ["S2", "S3"] },
  { title: "performer_count LESS_THAN (TestSceneQueryPerformerCount)", filter: () => ({ performer_count: int("LESS_THAN", 1) }), exactly: ["S6", ...RES] },
];


/** Relations (TestSceneQueryPerformers … TestSceneQueryMovies). */
export const RELATION_CASES: readonly Case[] = [
  { title: "performers INCLUDES (TestSceneQueryPerformers)", filter: (l) => ({ performers: multi("INCLUDES", l.performers.ids("perf one", "perf two")) }), include: ["S1", "S2", "S3"], exclude: ["S6"] },
  { title: "performers INCLUDES_ALL (TestSceneQueryPerformers)", filter: (l) => ({ performers: multi("INCLUDES_ALL", l.performers.ids("perf two", "perf four")) }), include: ["S2", "S3"], exclude: ["S1"] },
  { title: "performers EXCLUDES (TestSceneQueryPerformers)", filter: (l) => ({ performers: multi("EXCLUDES", l.performers.ids("perf two")) }), exclude: ["S2", "S3"], include: ["S1", "S6"] },
  { title: "performers IS_NULL (TestSceneQueryPerformers)", filter: () => ({ performers: multi("IS_NULL") }), include: ["S6"], exclude: ["S1", "S2", "S3", "S4", "S5"] },
  { title: "performers NOT_NULL (TestSceneQueryPerformers)", filter: () => ({ performers: multi("NOT_NULL") }), include: ["S1", "S2", "S3", "S4", "S5"], exclude: ["S6"] },
  { title: "performers EQUALS is the exact set (TestSceneQueryPerformers)", filter: (l) => ({ performers: multi("EQUALS", l.performers.ids("perf two", "perf four")) }), include: ["S2"], exclude: ["S3"] },
  { title: "performers NOT_EQUALS is an error (TestSceneQueryPerformers)", rejected: true, filter: (l) => ({ performers: multi("NOT_EQUALS", l.performers.ids("perf two", "perf four")) }) },
  { title: "tags INCLUDES (TestSceneQueryTags)", filter: (l) => ({ tags: multi("INCLUDES", l.tags.ids("tag b", "tag c")) }), include: ["S2", "S3"], exclude: ["S1"] },
  { title: "tags INCLUDES_ALL (TestSceneQueryTags)", filter: (l) => ({ tags: multi("INCLUDES_ALL", l.tags.ids("tag b", "tag c")) }), include: ["S3"], exclude: ["S2"] },
  { title: "tags EXCLUDES (TestSceneQueryTags)", filter: (l) => ({ tags: multi("EXCLUDES", l.tags.ids("tag b")) }), exclude: ["S2", "S3"], include: ["S1", "S4"] },
  { title: "tags IS_NULL (TestSceneQueryTags)", filter: () => ({ tags: multi("IS_NULL") }), include: ["S4"], exclude: ["S1", "S2", "S3"] },
  { title: "tags NOT_NULL (TestSceneQueryTags)", filter: () => ({ tags: multi("NOT_NULL") }), include: ["S1", "S2", "S3"], exclude: ["S4"] },
  { title: "tags EQUALS is the exact set (TestSceneQueryTags)", filter: (l) => ({ tags: multi("EQUALS", l.tags.ids("tag a", "tag b")) }), include: ["S2"], exclude: ["S3"] },
  { title: "tags NOT_EQUALS is an error (TestSceneQueryTags)", rejected: true, filter: (l) => ({ tags: multi("NOT_EQUALS", l.tags.ids("tag a", "tag b")) }) },
  { title: "performer_tags INCLUDES (TestSceneQueryPerformerTags)", filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("tag a", "tag b")) }), include: ["S1", "S2", "S3"], exclude: ["S4", "S6"] },
  { title: "performer_tags INCLUDES sub-tags, depth -1 (TestSceneQueryPerformerTags)", filter: (l) => ({ performer_tags: multi("INCLUDES", l.tags.ids("tag mid"), -1) }), include: ["S4"], exclude: ["S1", "S2", "S3"] },
  { title: "performer_tags INCLUDES_ALL (TestSceneQueryPerformerTags)", filter: (l) => ({ performer_tags: multi("INCLUDES_ALL", l.tags.ids("tag b", "tag c")) }), include: ["S2", "S3"], exclude: ["S1", "S4"] },
  { title: "performer_tags EXCLUDES (TestSceneQueryPerformerTags)", filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("tag c")) }), exclude: ["S2", "S3"], include: ["S1", "S4"] },
  { title: "performer_tags EXCLUDES sub-tags, depth -1 (TestSceneQueryPerformerTags)", filter: (l) => ({ performer_tags: multi("EXCLUDES", l.tags.ids("tag mid"), -1) }), include: ["S1", "S2", "S3", "S5"], exclude: ["S4"] },
  { title: "performer_tags IS_NULL (TestSceneQueryPerformerTags)", filter: () => ({ performer_tags: multi("IS_NULL") }), include: ["S5", "S6"], exclude: ["S1", "S4"] },
  { title: "performer_tags NOT_NULL (TestSceneQueryPerformerTags)", filter: () => ({ performer_tags: multi("NOT_NULL") }), include: ["S1", "S4"], exclude: ["S5", "S6"] },
  { title: "performer_tags EQUALS is an error (TestSceneQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("EQUALS", l.tags.ids("tag b")) }) },
  { title: "performer_tags NOT_EQUALS is an error (TestSceneQueryPerformerTags)", rejected: true, filter: (l) => ({ performer_tags: multi("NOT_EQUALS", l.tags.ids("tag b")) }) },
  { title: "studios INCLUDES (TestSceneQueryStudio)", filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio other")) }), exactly: ["S1"] },
  { title: "studios EXCLUDES (TestSceneQueryStudio)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: qs("S1"), exactly: [] },
  { title: "studios EXCLUDES keeps scenes without a studio (TestSceneQueryStudio)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio other")) }), find: qs("S3"), exactly: ["S3"] },
  { title: "studios EQUALS (TestSceneQueryStudio)", filter: (l) => ({ studios: multi("EQUALS", l.studios.ids("studio other")) }), exactly: ["S1"] },
  { title: "studios NOT_EQUALS (TestSceneQueryStudio)", filter: (l) => ({ studios: multi("NOT_EQUALS", l.studios.ids("studio other")) }), find: qs("S1"), exactly: [] },
  { title: "studios INCLUDES depth 2 reaches a grandchild (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 2) }), exactly: ["S2"] },
  { title: "studios INCLUDES depth 1 stops at children (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio top"), 1) }), exactly: [] },
  { title: "studios INCLUDES child depth 1 (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("INCLUDES", l.studios.ids("studio mid"), 1) }), exactly: ["S2"] },
  { title: "studios EXCLUDES depth 2 (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 2) }), find: qs("S2"), exactly: [] },
  { title: "studios EXCLUDES depth 1 (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio top"), 1) }), find: qs("S2"), exactly: ["S2"] },
  { title: "studios EXCLUDES child depth 1 (TestSceneQueryStudioDepth)", filter: (l) => ({ studios: multi("EXCLUDES", l.studios.ids("studio mid"), 1) }), find: qs("S2"), exactly: [] },
  { title: "studios INCLUDES unknown id 0 with depth -1 is no error (TestSceneQuery)", filter: () => ({ studios: multi("INCLUDES", ["0"], -1) }), exactly: [] },
  { title: "groups INCLUDES (TestSceneGroups)", filter: (l) => ({ groups: multi("INCLUDES", l.groups.ids("group one")) }), include: ["S1"] },
  { title: "groups EXCLUDES (TestSceneGroups)", filter: (l) => ({ groups: multi("EXCLUDES", l.groups.ids("group one")) }), find: qs("S1"), exactly: [] },
  { title: "groups INCLUDES depth 1 reaches sub-groups (TestSceneGroups)", needs: ["group.sub_groups"], filter: (l) => ({ groups: multi("INCLUDES", l.groups.ids("group parent"), 1) }), include: ["S3"] },
  { title: "movies INCLUDES (TestSceneQueryMovies)", filter: (l) => ({ movies: multi("INCLUDES", l.groups.ids("group one")) }), exactly: ["S1"] },
  { title: "movies EXCLUDES (TestSceneQueryMovies)", filter: (l) => ({ movies: multi("EXCLUDES", l.groups.ids("group one")) }), find: qs("S1"), exactly: [] },
];

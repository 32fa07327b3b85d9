/**
 * The configuration a fresh Stash reports, section by section, with the
 * defaults of internal/manager/config/config.go at v0.30.1 (constants and
 * getters; line numbers drift, names don't). Paths are those of the official
 * Docker image's layout under `/root/.stash`, since a stand-in has no disk.
 */

/** A JSON-ish record: the stand-in keeps every section as plain data. */
export type Section = Record<string, unknown>;

/** The five typed sections of `ConfigResult`, plus the free-form maps. */
export interface ConfigData {
  general: Section;
  interface: Section;
  dlna: Section;
  scraping: Section;
  defaults: Section;
  ui: Record<string, unknown>;
  /** Settings by plugin id (`plugins.settings.<id>`). */
  plugins: Record<string, Record<string, unknown>>;
}

/** Partial initial configuration (`StandInOptions.config`): each section is merged over the defaults. */
export interface ConfigOverrides {
  general?: Section;
  interface?: Section;
  dlna?: Section;
  scraping?: Section;
  defaults?: Section;
  ui?: Record<string, unknown>;
  plugins?: Record<string, Record<string, unknown>>;
}

const HOME = "/root/.stash";

/** config.go: `defaultVideoExtensions` etc., `galleryCoverRegexDefault`, preview and log defaults. */
function generalDefaults(stashes: readonly string[]): Section {
  return {
    stashes: stashes.map((path) => ({ path, excludeVideo: false, excludeImage: false })),
    databasePath: `${HOME}/stash-go.sqlite`, // GetDefaultDatabaseFilePath: <config dir>/stash-go.sqlite
    backupDirectoryPath: "",
    deleteTrashPath: "",
    generatedPath: `${HOME}/generated`,
    metadataPath: `${HOME}/metadata`,
    configFilePath: `${HOME}/config.yml`,
    scrapersPath: `${HOME}/scrapers`, // GetDefaultScrapersPath
    pluginsPath: `${HOME}/plugins`, // GetDefaultPluginsPath
    cachePath: `${HOME}/cache`,
    blobsPath: `${HOME}/blobs`,
    blobsStorage: "FILESYSTEM", // what setup picks; GetBlobsStorage falls back to DATABASE only when unset
    ffmpegPath: "",
    ffprobePath: "",
    calculateMD5: false,
    videoFileNamingAlgorithm: "OSHASH", // GetVideoFileNamingAlgorithm default
    parallelTasks: 1, // parallelTasksDefault
    previewAudio: true,
    previewSegments: 12,
    previewSegmentDuration: 0.75,
    previewExcludeStart: "0",
    previewExcludeEnd: "0",
    previewPreset: "slow", // models.PreviewPresetSlow
    transcodeHardwareAcceleration: false,
    maxTranscodeSize: "ORIGINAL", // StreamingResolutionEnumOriginal
    maxStreamingTranscodeSize: "ORIGINAL",
    writeImageThumbnails: true,
    createImageClipsFromVideos: false,
    galleryCoverRegex: "(poster|cover|folder|board)\\.[^\\.]+$",
    apiKey: "",
    username: "",
    password: "",
    maxSessionAge: 3600, // DefaultMaxSessionAge = 1 hour
    logFile: "",
    logOut: true,
    logLevel: "Info",
    logAccess: true,
    logFileMaxSize: 0,
    videoExtensions: ["m4v", "mp4", "mov", "wmv", "avi", "mpg", "mpeg", "rmvb", "rm", "flv", "asf", "mkv", "webm", "f4v"],
    imageExtensions: ["png", "jpg", "jpeg", "gif", "webp", "avif"],
    galleryExtensions: ["zip", "cbz"],
    createGalleriesFromFolders: false,
    excludes: [],
    imageExcludes: [],
    customPerformerImageLocation: "",
    stashBoxes: [],
    pythonPath: "",
    transcodeInputArgs: [],
    transcodeOutputArgs: [],
    liveTranscodeInputArgs: [],
    liveTranscodeOutputArgs: [],
    drawFunscriptHeatmapRange: true,
    // sourceDefaultName/sourceDefaultPath with the *PackageSourcesDefault URLs
    scraperPackageSources: [
      { name: "Community (stable)", url: "https://stashapp.github.io/CommunityScrapers/stable/index.yml", local_path: "community" },
    ],
    pluginPackageSources: [
      { name: "Community (stable)", url: "https://stashapp.github.io/CommunityScripts/stable/index.yml", local_path: "community" },
    ],
  };
}

/** config.go: `defaultMenuItems`, `defaultWallShowTitle`, `showScrubberDefault`, lightbox and dropdown getters. */
function interfaceDefaults(): Section {
  return {
    sfwContentMode: false,
    menuItems: ["scenes", "images", "groups", "markers", "galleries", "performers", "studios", "tags"],
    soundOnPreview: false,
    wallShowTitle: true,
    wallPlayback: "video",
    showScrubber: true,
    maximumLoopDuration: 0,
    noBrowser: false,
    notificationsEnabled: true,
    autostartVideo: false,
    autostartVideoOnPlaySelected: true,
    continuePlaylistDefault: false,
    showStudioAsText: false,
    css: "",
    cssEnabled: false,
    javascript: "",
    javascriptEnabled: false,
    customLocales: "",
    customLocalesEnabled: false,
    language: "",
    imageLightbox: {
      slideshowDelay: 5, // defaultImageLightboxSlideshowDelay
      displayMode: null,
      scaleUp: null,
      resetZoomOnNav: null,
      scrollMode: null,
      scrollAttemptsBeforeChange: 0,
      disableAnimation: null,
    },
    disableDropdownCreate: { performer: false, tag: false, studio: false, movie: false, gallery: false },
    handyKey: "",
    funscriptOffset: 0,
    useStashHostedFunscript: false,
  };
}

/** config.go: DLNA getters (`DLNAPortDefault` 1338, `dlnaVideoSortOrderDefault` "title"). */
function dlnaDefaults(): Section {
  return { serverName: "", enabled: false, port: 1338, whitelistedIPs: [], interfaces: [], videoSortOrder: "title" };
}

/** config.go: GetScraperCertCheck defaults to true; the rest are empty. */
function scrapingDefaults(): Section {
  return { scraperUserAgent: "", scraperCertCheck: true, scraperCDPPath: "", excludeTagPatterns: [] };
}

/** config.go: task defaults are nil until saved; delete_generated defaults to true. */
function defaultSettingsDefaults(): Section {
  return { scan: null, identify: null, autoTag: null, generate: null, deleteFile: false, deleteGenerated: true };
}

/** A fresh configuration; `stashes` are the library folders (default `/media`). */
export function defaultConfig(stashes: readonly string[] = ["/media"]): ConfigData {
  return {
    general: generalDefaults(stashes),
    interface: interfaceDefaults(),
    dlna: dlnaDefaults(),
    scraping: scrapingDefaults(),
    defaults: defaultSettingsDefaults(),
    ui: {},
    plugins: {},
  };
}

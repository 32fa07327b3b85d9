/**
 * One stand-in's configuration store: what `configuration` reports and the
 * `configure*` mutations change, following
 * internal/api/resolver_mutation_configure.go at v0.30.1: only the fields a
 * mutation is given change, applied in Go's order, so a validation error
 * leaves the fields applied before it changed (Go sets them in memory first).
 * Nothing touches a disk: paths are not checked for existence (Go's
 * fsutil.DirExists / EnsureDir) and ffmpeg/ffprobe paths are not validated.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { defaultConfig, type ConfigData, type ConfigOverrides, type Section } from "./config-defaults";

/** Login credentials of a stand-in (`StandInOptions.credentials`). */
export interface Credentials {
  username: string;
  password: string;
}

/** How a store starts. */
export interface ConfigStoreOptions {
  /** Library folders for `general.stashes`; default `["/media"]`. */
  stashes?: readonly string[];
  overrides?: ConfigOverrides;
  credentials?: Credentials;
  apiKey?: string;
  now?: () => Date;
}

/** A `configure*` mutation's input object, as the resolver receives it. */
export type ConfigInput = Record<string, unknown>;


const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** pkg/utils/map.go MergeMaps: nested maps merge, any other value replaces. */
export function mergeMaps(dest: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    const d = dest[k];
    if (isMap(v) && isMap(d)) mergeMaps(d, v);
    else dest[k] = v;
  }
}

/** pkg/utils/map.go NestedMap.Set: a dotted key creates (or replaces non-map) intermediate maps. */
function setNested(map: Record<string, unknown>, key: string, value: unknown): void {
  const fields = key.split(".");
  let current = map;
  for (const f of fields.slice(0, -1)) {
    if (!isMap(current[f])) current[f] = {};
    current = current[f] as Record<string, unknown>;
  }
  current[fields[fields.length - 1]!] = value;
}

/** Stash keeps a bcrypt hash; the stand-in a salted SHA-256, so `password` is never the plain text. */
function hashPassword(password: string): string {
  if (password === "") return ""; // config.go SetPassword: blank stays blank
  const salt = randomBytes(8).toString("hex");
  return `sha256$${salt}$${createHash("sha256").update(salt + password).digest("hex")}`;
}

function checkPassword(hash: string, password: string): boolean {
  const [, salt, digest] = hash.split("$");
  return digest !== undefined && createHash("sha256").update(salt + password).digest("hex") === digest;
}

/** JS stands in for Go's RE2; the message wording is Stash's, the detail is JavaScript's. */
function regexError(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** config.go stashBoxValidate: an absolute URL whose path ends in /graphql. */
function validStashBoxEndpoint(endpoint: string): boolean {
  try {
    const u = new URL(endpoint);
    return u.host !== "" && u.pathname.endsWith("/graphql");
  } catch {
    return false;
  }
}

/** A stand-in's configuration; `configure*` methods throw Stash's error messages. */
export class ConfigStore {
  private readonly data: ConfigData;
  private readonly jwtSecret = randomBytes(32);
  private readonly now: () => Date;
  /** Stashes given by the caller are never replaced by `adoptLibrary`. */
  private stashesConfigured: boolean;
  private adopted = false;

  constructor(options: ConfigStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.data = defaultConfig(options.stashes?.length ? options.stashes : ["/media"]);
    const o = options.overrides ?? {};
    this.stashesConfigured = Boolean(options.stashes?.length || o.general?.stashes);
    for (const key of ["general", "interface", "dlna", "scraping", "defaults", "ui"] as const) {
      if (o[key]) mergeMaps(this.data[key], clone(o[key]!));
    }
    if (o.plugins) this.data.plugins = clone(o.plugins);
    if (options.credentials) {
      this.data.general.username = options.credentials.username;
      this.data.general.password = hashPassword(options.credentials.password);
    } else if (typeof o.general?.password === "string") {
      this.data.general.password = hashPassword(o.general.password);
    }
    if (options.apiKey !== undefined) this.data.general.apiKey = options.apiKey;
  }

  /**
   * Points `general.stashes` at the top-level folders of seeded files, unless
   * stashes were configured (option or `configureGeneral`): a library's files
   * live under its stash paths.
   */
  adoptLibrary(paths: Iterable<string>): void {
    if (this.stashesConfigured) return;
    const roots = new Set<string>(this.adopted ? (this.data.general.stashes as { path: string }[]).map((s) => s.path) : []);
    for (const path of paths) {
      const parts = path.split("/");
      roots.add(path.startsWith("/") && parts.length > 2 ? `/${parts[1]}` : parts.slice(0, -1).join("/") || "/");
    }
    if (roots.size === 0) return;
    this.adopted = true;
    this.data.general.stashes = [...roots].sort().map((path) => ({ path, excludeVideo: false, excludeImage: false }));
  }

  /** The API key Stash accepts now ("" when none). */
  get apiKey(): string {
    return this.data.general.apiKey as string;
  }

  /** Session cookie lifetime in seconds (`maxSessionAge`). */
  get maxSessionAge(): number {
    return this.data.general.maxSessionAge as number;
  }

  /** config.go HasCredentials: both a username and a password hash are set. */
  hasCredentials(): boolean {
    return this.data.general.username !== "" && this.data.general.password !== "";
  }

  /** config.go ValidateCredentials: anything passes when no credentials are saved. */
  validateCredentials(username: string, password: string): boolean {
    if (!this.hasCredentials()) return true;
    return username === this.data.general.username && checkPassword(this.data.general.password as string, password);
  }

  /** A copy of one section, as its result type. */
  section<K extends keyof ConfigData>(key: K): ConfigData[K] {
    return clone(this.data[key]);
  }

  /**
   * Plugin settings, all or those of `include` (resolver_model_config.go Plugins:
   * an empty `include` means all; an included plugin without settings is left out).
   */
  pluginSettings(include?: readonly string[] | null): Record<string, Record<string, unknown>> {
    const all = clone(this.data.plugins);
    if (!include?.length) return all;
    return Object.fromEntries(include.filter((id) => Object.keys(all[id] ?? {}).length > 0).map((id) => [id, all[id]!]));
  }

  /** ConfigureGeneral, in the Go function's order. */
  configureGeneral(input: ConfigInput): Section {
    const g = this.data.general;
    const set = (key: string, value: unknown = input[key]): void => {
      if (value !== undefined && value !== null) g[key] = clone(value);
    };
    // New stash paths must exist in Stash (fsutil.DirExists); the stand-in has no disk to check.
    set("stashes");
    if (input.stashes != null) this.stashesConfigured = true;
    const db = input.databasePath as string | null | undefined;
    if (db != null && db !== g.databasePath) {
      const ext = /\.[^./]*$/.exec(db)?.[0] ?? "";
      if (![".db", ".sqlite", ".sqlite3"].includes(ext)) throw new Error("invalid database path, use extension db, sqlite, or sqlite3");
      g.databasePath = db;
    }
    // Directories are created by Stash (fsutil.EnsureDir); here they are only recorded.
    for (const key of ["backupDirectoryPath", "deleteTrashPath", "generatedPath", "scrapersPath", "pluginsPath", "metadataPath", "cachePath", "blobsPath"]) {
      set(key);
    }
    const storage = input.blobsStorage as string | null | undefined;
    if (storage != null && storage !== g.blobsStorage) {
      if (storage === "FILESYSTEM" && g.blobsPath === "") throw new Error("blobs path must be set when using filesystem storage");
      g.blobsStorage = storage;
    }
    set("ffmpegPath"); // Stash runs ffmpeg.ValidateFFMpeg on a non-empty path; not checked here
    set("ffprobePath");
    const algorithm = input.videoFileNamingAlgorithm as string | null | undefined;
    if (algorithm != null && algorithm !== g.videoFileNamingAlgorithm) {
      const md5 = (input.calculateMD5 as boolean | null | undefined) ?? (g.calculateMD5 as boolean);
      if (!md5 && algorithm === "MD5") throw new Error("calculateMD5 must be true if using MD5");
      g.videoFileNamingAlgorithm = algorithm;
    }
    for (const key of [
      "calculateMD5", "parallelTasks", "previewAudio", "previewSegments", "previewSegmentDuration",
      "previewExcludeStart", "previewExcludeEnd", "previewPreset", "transcodeHardwareAcceleration",
      "maxTranscodeSize", "maxStreamingTranscodeSize", "writeImageThumbnails", "createImageClipsFromVideos",
    ]) {
      set(key);
    }
    const cover = input.galleryCoverRegex as string | null | undefined;
    if (cover != null) {
      const err = regexError(cover);
      if (err) throw new Error(`Gallery cover regex '${cover}' invalid, '${err}'`);
      g.galleryCoverRegex = cover;
    }
    set("username");
    const password = input.password as string | null | undefined;
    // Go compares the input with the stored hash, so echoing `password` back changes nothing.
    if (password != null && password !== g.password) g.password = hashPassword(password);
    for (const key of ["maxSessionAge", "logFile", "logOut", "logAccess", "logLevel", "logFileMaxSize"]) set(key);
    for (const [key, what] of [["excludes", "video"], ["imageExcludes", "image/gallery"]] as const) {
      const patterns = input[key] as string[] | null | undefined;
      if (patterns == null) continue;
      for (const p of patterns) {
        const err = regexError(p);
        if (err) throw new Error(`${what} exclusion pattern '${p}' invalid: ${err}`);
      }
      g[key] = [...patterns];
    }
    for (const key of ["videoExtensions", "imageExtensions", "galleryExtensions", "createGalleriesFromFolders", "customPerformerImageLocation"]) {
      set(key);
    }
    const boxes = input.stashBoxes as ConfigInput[] | null | undefined;
    if (boxes != null) {
      this.validateStashBoxes(boxes);
      g.stashBoxes = boxes.map((b) => ({ ...clone(b), max_requests_per_minute: b.max_requests_per_minute ?? 0 }));
    }
    for (const key of [
      "pythonPath", "transcodeInputArgs", "transcodeOutputArgs", "liveTranscodeInputArgs", "liveTranscodeOutputArgs",
      "drawFunscriptHeatmapRange", "scraperPackageSources", "pluginPackageSources",
    ]) {
      set(key);
    }
    return this.section("general");
  }

  /** config.go ValidateStashBoxes, with StashBoxError's "Stash-box: " prefix. */
  private validateStashBoxes(boxes: readonly ConfigInput[]): void {
    for (const box of boxes) {
      if (!box.api_key) throw new Error("Stash-box: API Key cannot be blank");
      if (!box.endpoint) throw new Error("Stash-box: endpoint cannot be blank");
      if (!validStashBoxEndpoint(box.endpoint as string)) throw new Error("Stash-box: endpoint is invalid");
      if (boxes.length > 1 && !box.name) throw new Error("Stash-box: name cannot be blank");
    }
  }

  /** ConfigureInterface: scalar fields replace; imageLightbox and disableDropdownCreate set only the sub-fields given. */
  configureInterface(input: ConfigInput): Section {
    const s = this.data.interface;
    for (const [key, value] of Object.entries(input)) {
      if (value === null || value === undefined) continue;
      if (key === "imageLightbox" || key === "disableDropdownCreate") {
        const target = s[key] as Record<string, unknown>;
        for (const [sub, v] of Object.entries(value as ConfigInput)) if (v !== null && v !== undefined) target[sub] = v;
      } else s[key] = clone(value);
    }
    return this.section("interface");
  }

  /** ConfigureDlna: each given field replaces. */
  configureDLNA(input: ConfigInput): Section {
    return this.assign("dlna", input);
  }

  /** ConfigureScraping: exclude patterns must compile. */
  configureScraping(input: ConfigInput): Section {
    const s = this.data.scraping;
    for (const key of ["scraperUserAgent", "scraperCDPPath"]) if (input[key] != null) s[key] = input[key];
    const patterns = input.excludeTagPatterns as string[] | null | undefined;
    if (patterns != null) {
      for (const p of patterns) {
        const err = regexError(p);
        if (err) throw new Error(`tag exclusion pattern '${p}' invalid: ${err}`);
      }
      s.excludeTagPatterns = [...patterns];
    }
    if (input.scraperCertCheck != null) s.scraperCertCheck = input.scraperCertCheck;
    return this.section("scraping");
  }

  /** ConfigureDefaults: each task's settings are replaced whole (SetInterface), not merged. */
  configureDefaults(input: ConfigInput): Section {
    const s = this.data.defaults;
    if (input.identify != null) s.identify = identifyOptions(input.identify as ConfigInput);
    if (input.scan != null) s.scan = scanOptions(input.scan as ConfigInput);
    if (input.autoTag != null) s.autoTag = clone(input.autoTag);
    if (input.generate != null) s.generate = clone(input.generate);
    if (input.deleteFile != null) s.deleteFile = input.deleteFile;
    if (input.deleteGenerated != null) s.deleteGenerated = input.deleteGenerated;
    return this.section("defaults");
  }

  /** ConfigureUI: `input` replaces the whole map, then `partial` is merged into it (MergeMaps). */
  configureUI(input?: Record<string, unknown> | null, partial?: Record<string, unknown> | null): Record<string, unknown> {
    if (input != null) this.data.ui = clone(input);
    if (partial != null) mergeMaps(this.data.ui, clone(partial));
    return this.section("ui");
  }

  /** ConfigureUISetting: sets one dotted key (NestedMap.Set), then saves the map as `input`. */
  configureUISetting(key: string, value: unknown): Record<string, unknown> {
    const ui = this.section("ui");
    setNested(ui, key, value ?? null);
    return this.configureUI(ui, null);
  }

  /** ConfigurePlugin: SetPluginConfiguration replaces that plugin's settings ("It will overwrite any existing configuration"). */
  configurePlugin(pluginId: string, input: Record<string, unknown>): Record<string, unknown> {
    this.data.plugins[pluginId] = clone(input);
    return clone(input);
  }

  /**
   * GenerateAPIKey: a JWT for the configured username (internal/manager/apikey.go:
   * claims uid, sub "APIKey", iat; HS256), or "" when there is no username or
   * `clear` is set. The new key replaces the old at once.
   */
  generateAPIKey(clear?: boolean | null): string {
    const username = this.data.general.username as string;
    let key = "";
    if (!clear && username !== "") {
      const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
      const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ uid: username, sub: "APIKey", iat: Math.floor(this.now().getTime() / 1000) })}`;
      key = `${body}.${createHmac("sha256", this.jwtSecret).update(body).digest("base64url")}`;
    }
    this.data.general.apiKey = key;
    return key;
  }

  private assign(key: "dlna", input: ConfigInput): Section {
    for (const [k, v] of Object.entries(input)) if (v !== null && v !== undefined) this.data[key][k] = clone(v);
    return this.section(key);
  }
}

/** config.ScanMetadataOptions as stored: every flag present (the result's fields are non-null). */
function scanOptions(input: ConfigInput): Section {
  const flags = ["rescan", "scanGenerateCovers", "scanGeneratePreviews", "scanGenerateImagePreviews", "scanGenerateSprites", "scanGeneratePhashes", "scanGenerateThumbnails", "scanGenerateClipPreviews"];
  return Object.fromEntries(flags.map((f) => [f, input[f] === true]));
}

/** identify.Options as stored: `sources` is non-null in the result. */
function identifyOptions(input: ConfigInput): Section {
  const sources = ((input.sources as ConfigInput[] | null | undefined) ?? []).map((s) => ({
    source: { scraper_id: null, stash_box_index: null, stash_box_endpoint: null, ...(s.source as ConfigInput) },
    options: s.options ?? null,
  }));
  return { sources, options: input.options ?? null };
}

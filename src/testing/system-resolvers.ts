/**
 * System fields as a set-up Stash in the official Docker image answers them
 * with no network: systemStatus (internal/manager/manager.go GetSystemStatus),
 * directory (resolver_query_configuration.go Directory, over the stand-in's
 * virtual disk), latestversion (the stand-in is its own latest release),
 * setup, migrate (already at the latest schema), downloadFFMpeg (ffmpeg is
 * installed), reloadScrapers and validateStashBoxCredentials.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { dirName } from "./present-media-file";

/** pkg/sqlite/database.go appSchemaVersion at v0.30.1. */
const APP_SCHEMA = 75;
const HOME = "/root";
const FFMPEG = "/usr/bin/ffmpeg";
const FFPROBE = "/usr/bin/ffprobe";

function general(ctx: StandInContext): Record<string, unknown> {
  return ctx.config.section("general") as Record<string, unknown>;
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

const systemStatus: RootResolver = (_args, ctx) => {
  const g = general(ctx);
  return {
    os: "linux",
    workingDir: HOME,
    homeDir: HOME,
    databaseSchema: APP_SCHEMA,
    databasePath: text(g.databasePath, `${HOME}/.stash/stash-go.sqlite`),
    appSchema: APP_SCHEMA,
    status: "OK",
    configPath: text(g.configFilePath, `${HOME}/.stash/config.yml`),
    ffmpegPath: text(g.ffmpegPath, FFMPEG),
    ffprobePath: text(g.ffprobePath, FFPROBE),
  };
};

/** Every directory the stand-in's disk has: folders, the folders of library and disk files, stash paths, and their parents. */
function knownDirectories(ctx: StandInContext): Set<string> {
  const out = new Set<string>(["/", HOME, `${HOME}/.stash`]);
  const add = (path: string) => {
    for (let p = path; p !== "" && !out.has(p); p = dirName(p)) out.add(p);
  };
  for (const folder of ctx.store.all("folders")) add(folder.path);
  for (const table of ["files", "imageFiles", "galleryFiles"] as const) for (const f of ctx.store.all(table)) add(dirName(f.path));
  for (const f of ctx.disk.under([])) add(dirName(f.path));
  const stashes = general(ctx).stashes as { path?: unknown }[] | undefined;
  for (const s of stashes ?? []) if (typeof s.path === "string") add(s.path.replace(/\/+$/, "") || "/");
  return out;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** `path` defaults to the home directory; the parent of `/` is null (getParent). */
const directory: RootResolver = (args, ctx) => {
  const path = typeof args.path === "string" && args.path !== "" ? args.path : HOME;
  const known = knownDirectories(ctx);
  if (!known.has(path)) throw new Error(`open ${path}: no such file or directory`);
  const directories = [...known].filter((d) => d !== path && d !== "/" && dirName(d) === path).sort(collator.compare);
  return { path, parent: path === "/" ? null : dirName(path) || "/", directories };
};

/** A fixed release stamp: the stand-in claims to be the newest release of the version it imitates. */
const latestversion: RootResolver = (_args, ctx) => ({
  version: ctx.version,
  // The build hash `version` reports (entities.ts).
  shorthash: "5a7d1c0e",
  release_date: "2025-12-01",
  url: `https://github.com/stashapp/stash/releases/tag/${ctx.version}`,
});

/** manager.Setup: records the library and storage locations (the stand-in has no files to create). */
const setup: RootResolver = (args, ctx) => {
  const input = args.input as Record<string, unknown>;
  ctx.config.configureGeneral({
    stashes: input.stashes,
    databasePath: input.databaseFile,
    generatedPath: input.generatedLocation,
    cachePath: input.cacheLocation,
    blobsPath: input.blobsLocation,
    blobsStorage: input.storeBlobsInDatabase ? "DATABASE" : "FILESYSTEM",
  });
  return true;
};

/** task.MigrateJob: the database is at the app's schema, so the job only says so. */
const migrate: RootResolver = (_args, ctx) =>
  ctx.jobs.enqueue("Migrating database...", async (job) => {
    job.log("Info", "database is already at the latest schema version");
  });

/** resolver_mutation_configure.go DownloadFFMpeg refuses when both binaries are found. */
const downloadFFMpeg: RootResolver = (_args, ctx) => {
  const g = general(ctx);
  throw new Error(`ffmpeg and ffprobe already installed at ${text(g.ffmpegPath, FFMPEG)} and ${text(g.ffprobePath, FFPROBE)}`);
};

/** The stand-in never reaches a stash-box, which Stash reports as a request failure. */
const validateStashBoxCredentials: RootResolver = () => ({ valid: false, status: "No response from server" });

/** System queries and mutations. */
export const systemResolvers: ResolverModule = {
  Query: { systemStatus, directory, latestversion, validateStashBoxCredentials },
  Mutation: { setup, migrate, downloadFFMpeg, reloadScrapers: () => true },
};

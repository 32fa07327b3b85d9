/**
 * Stash's metadata tasks (scan, generate, auto-tag, identify, clean, export,
 * import, database chores). Each starts a job and returns its id; the
 * `…AndWait` forms also wait for it. `createMetadata` builds `stash.metadata`.
 */
import type { CallOptions, StashCore } from "../core/client";
import { StashValidationError } from "../core/errors";
import { checkBoolean, checkObject } from "../core/validate";
import {
  AnonymiseDatabaseDocument,
  BackupDatabaseDocument,
  MetadataAutoTagDocument,
  MetadataCleanDocument,
  MetadataCleanGeneratedDocument,
  MetadataExportDocument,
  MetadataGenerateDocument,
  MetadataIdentifyDocument,
  MetadataImportDocument,
  MetadataScanDocument,
  MigrateBlobsDocument,
  MigrateHashNamingDocument,
  MigrateSceneScreenshotsDocument,
  OptimiseDatabaseDocument,
  type AnonymiseDatabaseInput,
  type AutoTagMetadataInput,
  type BackupDatabaseInput,
  type CleanGeneratedInput,
  type CleanMetadataInput,
  type GenerateMetadataInput,
  type IdentifyMetadataInput,
  type MigrateBlobsInput,
  type MigrateSceneScreenshotsInput,
  type ScanMetadataInput,
} from "../../generated/graphql";
import { waitForJob, type Job, type WaitForJobOptions } from "../jobs/wait";

/** Checks an optional list of strings, e.g. `paths`, naming the item at fault. */
function checkStrings(value: unknown, argument: string): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw new StashValidationError(argument, "must be an array of strings");
  value.forEach((item, i) => {
    if (typeof item !== "string" || item.trim() === "") {
      throw new StashValidationError(`${argument}[${i}]`, `must be a non-empty string, got ${JSON.stringify(item) ?? typeof item}`);
    }
  });
}

/** A task input: an object whose listed fields, when set, are string lists. */
function checkInput<T>(input: T, argument: string, stringLists: readonly string[]): T {
  const record = checkObject(input, argument);
  for (const field of stringLists) checkStrings(record[field], `${argument}.${field}`);
  return input;
}

/** Starts a scan of `paths` (default: every library path); returns the job id. */
export async function scan(core: StashCore, input: ScanMetadataInput = {}, options?: CallOptions): Promise<string> {
  checkInput(input, "input", ["paths"]);
  return (await core.request(MetadataScanDocument, { input }, options)).metadataScan;
}

/** Starts generating the chosen artefacts (previews, sprites, phashes…); returns the job id. */
export async function generate(core: StashCore, input: GenerateMetadataInput, options?: CallOptions): Promise<string> {
  checkInput(input, "input", []);
  return (await core.request(MetadataGenerateDocument, { input }, options)).metadataGenerate;
}

/** Starts auto-tagging by performer, studio and tag names (`["*"]` means all); returns the job id. */
export async function autoTag(core: StashCore, input: AutoTagMetadataInput, options?: CallOptions): Promise<string> {
  checkInput(input, "input", ["paths", "performers", "studios", "tags"]);
  return (await core.request(MetadataAutoTagDocument, { input }, options)).metadataAutoTag;
}

/** Starts identifying scenes from the given scraper sources; returns the job id. */
export async function identify(core: StashCore, input: IdentifyMetadataInput, options?: CallOptions): Promise<string> {
  checkInput(input, "input", ["paths"]);
  if (!Array.isArray(input.sources) || input.sources.length === 0) throw new StashValidationError("input.sources", "must name at least one source");
  return (await core.request(MetadataIdentifyDocument, { input }, options)).metadataIdentify;
}

/** Starts removing entries whose files are gone (`dryRun: true` only logs them); returns the job id. */
export async function clean(core: StashCore, input: CleanMetadataInput, options?: CallOptions): Promise<string> {
  checkInput(input, "input", ["paths"]);
  checkBoolean(input.dryRun, "input.dryRun");
  return (await core.request(MetadataCleanDocument, { input }, options)).metadataClean;
}

/** Starts removing orphaned generated files; returns the job id. */
export async function cleanGenerated(core: StashCore, input: CleanGeneratedInput = {}, options?: CallOptions): Promise<string> {
  checkInput(input, "input", []);
  return (await core.request(MetadataCleanGeneratedDocument, { input }, options)).metadataCleanGenerated;
}

/** Starts a full export to the metadata directory; returns the job id. */
export async function exportMetadata(core: StashCore, options?: CallOptions): Promise<string> {
  return (await core.request(MetadataExportDocument, {}, options)).metadataExport;
}

/** Starts a full import from the metadata directory (replaces the database); returns the job id. */
export async function importMetadata(core: StashCore, options?: CallOptions): Promise<string> {
  return (await core.request(MetadataImportDocument, {}, options)).metadataImport;
}

/** Starts optimising the database (VACUUM/ANALYZE); returns the job id. */
export async function optimise(core: StashCore, options?: CallOptions): Promise<string> {
  return (await core.request(OptimiseDatabaseDocument, {}, options)).optimiseDatabase;
}

/** Starts renaming generated files after a hash-naming change; returns the job id. */
export async function migrateHashNaming(core: StashCore, options?: CallOptions): Promise<string> {
  return (await core.request(MigrateHashNamingDocument, {}, options)).migrateHashNaming;
}

/** Starts moving scene screenshots into the blob store; returns the job id. */
export async function migrateSceneScreenshots(core: StashCore, input: MigrateSceneScreenshotsInput = {}, options?: CallOptions): Promise<string> {
  checkInput(input, "input", []);
  return (await core.request(MigrateSceneScreenshotsDocument, { input }, options)).migrateSceneScreenshots;
}

/** Starts moving blobs to the configured storage; returns the job id. */
export async function migrateBlobs(core: StashCore, input: MigrateBlobsInput = {}, options?: CallOptions): Promise<string> {
  checkInput(input, "input", []);
  return (await core.request(MigrateBlobsDocument, { input }, options)).migrateBlobs;
}

/** Backs the database up; runs synchronously, no job. With `download: true` resolves with a download URL, else null. */
export async function backup(core: StashCore, input: BackupDatabaseInput = {}, options?: CallOptions): Promise<string | null> {
  checkInput(input, "input", []);
  return (await core.request(BackupDatabaseDocument, { input }, options)).backupDatabase;
}

/** Writes an anonymised copy of the database; runs synchronously, no job. With `download: true`, a download URL. */
export async function anonymise(core: StashCore, input: AnonymiseDatabaseInput = {}, options?: CallOptions): Promise<string | null> {
  checkInput(input, "input", []);
  return (await core.request(AnonymiseDatabaseDocument, { input }, options)).anonymiseDatabase;
}

/** Starts a task and waits for its job; the wait's signal also cancels the start request. */
async function startAndWait(core: StashCore, start: (options: CallOptions) => Promise<string>, wait: WaitForJobOptions = {}, options: CallOptions = {}): Promise<Job> {
  const id = await start(wait.signal && !options.signal ? { ...options, signal: wait.signal } : options);
  return waitForJob(core, id, wait);
}

/** The `stash.metadata` namespace: task starters returning job ids, and `…AndWait` forms resolving with the finished job. */
export interface MetadataNamespace {
  /** Starts a scan; returns the job id. */
  scan(input?: ScanMetadataInput, options?: CallOptions): Promise<string>;
  /** Scans and waits: the FINISHED job, or `StashJobError`. */
  scanAndWait(input?: ScanMetadataInput, wait?: WaitForJobOptions, options?: CallOptions): Promise<Job>;
  /** Starts generating artefacts; returns the job id. */
  generate(input: GenerateMetadataInput, options?: CallOptions): Promise<string>;
  /** Generates and waits. */
  generateAndWait(input: GenerateMetadataInput, wait?: WaitForJobOptions, options?: CallOptions): Promise<Job>;
  /** Starts auto-tagging; returns the job id. */
  autoTag(input: AutoTagMetadataInput, options?: CallOptions): Promise<string>;
  /** Auto-tags and waits. */
  autoTagAndWait(input: AutoTagMetadataInput, wait?: WaitForJobOptions, options?: CallOptions): Promise<Job>;
  /** Starts identifying; returns the job id. */
  identify(input: IdentifyMetadataInput, options?: CallOptions): Promise<string>;
  /** Identifies and waits. */
  identifyAndWait(input: IdentifyMetadataInput, wait?: WaitForJobOptions, options?: CallOptions): Promise<Job>;
  /** Starts a clean; returns the job id. */
  clean(input: CleanMetadataInput, options?: CallOptions): Promise<string>;
  /** Cleans and waits. */
  cleanAndWait(input: CleanMetadataInput, wait?: WaitForJobOptions, options?: CallOptions): Promise<Job>;
  /** Starts removing orphaned generated files; returns the job id. */
  cleanGenerated(input?: CleanGeneratedInput, options?: CallOptions): Promise<string>;
  /** Starts a full export; returns the job id. */
  export(options?: CallOptions): Promise<string>;
  /** Starts a full import; returns the job id. */
  import(options?: CallOptions): Promise<string>;
  /** Starts a database optimisation; returns the job id. */
  optimise(options?: CallOptions): Promise<string>;
  /** Starts a hash-naming migration; returns the job id. */
  migrateHashNaming(options?: CallOptions): Promise<string>;
  /** Starts a screenshot migration; returns the job id. */
  migrateSceneScreenshots(input?: MigrateSceneScreenshotsInput, options?: CallOptions): Promise<string>;
  /** Starts a blob migration; returns the job id. */
  migrateBlobs(input?: MigrateBlobsInput, options?: CallOptions): Promise<string>;
  /** Backs the database up (no job); a download URL with `download: true`, else null. */
  backup(input?: BackupDatabaseInput, options?: CallOptions): Promise<string | null>;
  /** Writes an anonymised database copy (no job); a download URL with `download: true`, else null. */
  anonymise(input?: AnonymiseDatabaseInput, options?: CallOptions): Promise<string | null>;
}

/** Builds the `stash.metadata` namespace over a core. */
export function createMetadata(core: StashCore): MetadataNamespace {
  return {
    scan: (input, options) => scan(core, input, options),
    scanAndWait: (input, wait, options) => startAndWait(core, (o) => scan(core, input, o), wait, options),
    generate: (input, options) => generate(core, input, options),
    generateAndWait: (input, wait, options) => startAndWait(core, (o) => generate(core, input, o), wait, options),
    autoTag: (input, options) => autoTag(core, input, options),
    autoTagAndWait: (input, wait, options) => startAndWait(core, (o) => autoTag(core, input, o), wait, options),
    identify: (input, options) => identify(core, input, options),
    identifyAndWait: (input, wait, options) => startAndWait(core, (o) => identify(core, input, o), wait, options),
    clean: (input, options) => clean(core, input, options),
    cleanAndWait: (input, wait, options) => startAndWait(core, (o) => clean(core, input, o), wait, options),
    cleanGenerated: (input, options) => cleanGenerated(core, input, options),
    export: (options) => exportMetadata(core, options),
    import: (options) => importMetadata(core, options),
    optimise: (options) => optimise(core, options),
    migrateHashNaming: (options) => migrateHashNaming(core, options),
    migrateSceneScreenshots: (input, options) => migrateSceneScreenshots(core, input, options),
    migrateBlobs: (input, options) => migrateBlobs(core, input, options),
    backup: (input, options) => backup(core, input, options),
    anonymise: (input, options) => anonymise(core, input, options),
  };
}

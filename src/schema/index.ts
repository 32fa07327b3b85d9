/** The schema tool's public surface, for the project CLI and scripts. */
export { schemaPullCommand, describeResult, type SchemaPullCommandOptions } from "./command";
export { SchemaPullError, type SchemaPullErrorCode } from "./errors";
export { normalizeEndpoint } from "./endpoint";
export { pullSchema, loadSchema, DEFAULT_OUT, type PullOptions, type PullResult, type LoadedSchema } from "./pull";
export { assertStashSchema, printSnapshot, schemaFromIntrospection, schemaFromSdl, SchemaSourceError } from "./sdl";
export { DEFAULT_BASE_URL, DEFAULT_LIST_URL } from "./upstream";
export { UPSTREAM_TYPE_FILES } from "./upstream-types";
export { metaPathFor, printMeta, writeSnapshot, type SnapshotMeta } from "./write";

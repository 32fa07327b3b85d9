/** The `version` query: the Stash version the instance imitates, with a fixed build hash and time. */
import type { ResolverModule, RootResolver } from "./context";

/** A fixed build hash: the stand-in is always the same "build". */
const BUILD_HASH = "5a7d1c0e";
const BUILD_TIME = "2025-12-01 00:00:00";

const version: RootResolver = (_args, ctx) => ({ version: ctx.version, hash: BUILD_HASH, build_time: BUILD_TIME });

/** The `version` field. */
export const versionResolvers: ResolverModule = { Query: { version } };

/**
 * The SDK's own version. A JSON import works under tsx and is inlined by the
 * bundler into dist/cli.js and dist/cli.cjs, so no file is read at run time.
 */
import pkg from "../../package.json" with { type: "json" };

/** The version of stash-graphql-client, from package.json. */
export const SDK_VERSION: string = pkg.version;
/** The package name, from package.json. */
export const SDK_NAME: string = pkg.name;

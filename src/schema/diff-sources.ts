/**
 * Where `schema:diff` gets its two schemas: a committed release (`v0.29.3`),
 * `current` (schema/stash.graphql), a file or folder of SDL, or a live server.
 */
import { buildSchema, type GraphQLSchema } from "graphql";
import * as documents from "../../generated/graphql";
import { operationCoordinates } from "../../generated/compat";
import { releaseSnapshots, schemaSdl, schemaSdlByVersion } from "../../generated/schemas";
import type { SdkOperation } from "./diff";
import { introspectEndpoint } from "./endpoint";
import { SchemaPullError } from "./errors";
import { loadFromPath } from "./files";

const KINDS = "'current', an SDL file or folder, or a server URL";

/**
 * Resolves one side of the comparison. Errors name the argument as given: the
 * loaders it shares with `schema pull` speak of `--from`/`--endpoint`, flags
 * `schema diff` does not have.
 */
export async function loadDiffSide(spec: string, options: { apiKey?: string; cwd?: string; timeoutMs?: number } = {}): Promise<GraphQLSchema> {
  if (spec === "current") return buildSchema(schemaSdl);
  const release = schemaSdlByVersion[spec];
  if (release) return buildSchema(release);
  const releases = releaseSnapshots.join(", ");
  if (/^v?\d+\.\d+\.\d+$/.test(spec)) {
    throw new SchemaPullError("options", `${spec} is not a release with a schema snapshot; releases: ${releases} (or ${KINDS})`);
  }
  try {
    if (/^https?:\/\//i.test(spec)) {
      const answer = await introspectEndpoint(spec, { ...(options.apiKey ? { apiKey: options.apiKey } : {}), timeoutMs: options.timeoutMs ?? 30_000 });
      return answer.schema;
    }
    return (await loadFromPath(spec, options.cwd ?? process.cwd())).schema;
  } catch (err) {
    if (!(err instanceof SchemaPullError)) throw err;
    let message = err.message.replace(/^--(?:from|endpoint):? /, "");
    if (/ does not exist$/.test(message)) message += `; expected a release (${releases}), ${KINDS}`;
    throw new SchemaPullError(err.code, message, { cause: err });
  }
}

/** Every operation the SDK ships, with the coordinates it uses. */
export function sdkOperations(): SdkOperation[] {
  return Object.entries(documents)
    .filter(([name]) => name.endsWith("Document") && !name.endsWith("FragmentDoc"))
    .map(([name, document]) => {
      const op = name.slice(0, -"Document".length);
      return { name: op, document: document as SdkOperation["document"], coordinates: operationCoordinates[op] ?? [] };
    })
    .filter((op) => op.coordinates.length > 0);
}

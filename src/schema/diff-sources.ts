/**
 * Where `schema:diff` gets its two schemas: a committed release (`v0.29.3`),
 * `current` (schema/stash.graphql), a file or folder of SDL, or a live server.
 */
import { buildSchema, type GraphQLSchema } from "graphql";
import * as documents from "../../generated/graphql";
import { operationCoordinates } from "../../generated/compat";
import { schemaSdl, schemaSdlByVersion } from "../../generated/schemas";
import type { SdkOperation } from "./diff";
import { introspectEndpoint } from "./endpoint";
import { loadFromPath } from "./files";

/** Resolves one side of the comparison. */
export async function loadDiffSide(spec: string, options: { apiKey?: string; cwd?: string; timeoutMs?: number } = {}): Promise<GraphQLSchema> {
  if (spec === "current") return buildSchema(schemaSdl);
  const release = schemaSdlByVersion[spec];
  if (release) return buildSchema(release);
  if (/^https?:\/\//i.test(spec)) {
    const answer = await introspectEndpoint(spec, { ...(options.apiKey ? { apiKey: options.apiKey } : {}), timeoutMs: options.timeoutMs ?? 30_000 });
    return answer.schema;
  }
  return (await loadFromPath(spec, options.cwd ?? process.cwd())).schema;
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

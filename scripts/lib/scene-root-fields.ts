/**
 * Finds the schema's root fields that read or write scenes or scene markers, so a test
 * can require an operation for each one (a new Stash field then fails the test).
 */
import { getNamedType, isUnionType, type GraphQLField, type GraphQLSchema } from "graphql";

/** A scene-related root field of Query or Mutation. */
export interface SceneRootField {
  root: "Query" | "Mutation";
  name: string;
  deprecated: boolean;
}

const sceneName = /scene|marker/i;

/**
 * Scene-related root fields deliberately left without an operation, with the reason.
 * Keep this short: everything else found by `sceneRootFields` needs an operation.
 */
export const excludedSceneRootFields: Readonly<Record<string, string>> = {
  // A maintenance job moving screenshot blobs between storages; it returns a job id, no scene data.
  migrateSceneScreenshots: "storage migration job, not scene data",
  // Talks to a stash-box instance (a separate service); out of this SDK's scene scope.
  submitStashBoxSceneDraft: "stash-box submission",
  // The generic scraper for every content type (returns the ScrapedContent union); scrapeSceneURL covers scenes.
  scrapeURL: "generic scraper; scrapeSceneURL covers scenes",
};

/** Root fields not about scenes that the operations must still cover. */
export const extraCoveredRootFields: readonly string[] = ["version", "listScrapers"];

function involvesScenes(field: GraphQLField<unknown, unknown>): boolean {
  if (sceneName.test(field.name)) return true;
  const type = getNamedType(field.type);
  const names = isUnionType(type) ? type.getTypes().map((t) => t.name) : [type.name];
  return names.some((n) => sceneName.test(n));
}

/** Every Query/Mutation field whose name or (named, or union member) return type mentions Scene or Marker. */
export function sceneRootFields(schema: GraphQLSchema): SceneRootField[] {
  const out: SceneRootField[] = [];
  for (const [root, type] of [
    ["Query", schema.getQueryType()],
    ["Mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (involvesScenes(field)) out.push({ root, name: field.name, deprecated: field.deprecationReason != null });
    }
  }
  return out;
}

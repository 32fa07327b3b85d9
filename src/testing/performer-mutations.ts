/**
 * performerCreate, performerUpdate, bulkPerformerUpdate, performerDestroy and
 * performersDestroy as internal/api/resolver_mutation_performer.go runs them.
 */
import type { RootResolver, StandInContext } from "./context";
import { entityMutations } from "./crud-resolvers";
import {
  applyBulk,
  applyList,
  bulkIdList,
  bulkStrings,
  checkRefs,
  createCustomFields,
  has,
  imageChange,
  optionalBool,
  optionalName,
  setIds,
  setStrings,
  stashIdList,
  text,
  trimmedList,
  uniqueStrings,
  updateCustomFields,
  type BulkList,
  type EntityInput,
} from "./entity-input";
import { dropFromList, PERFORMER_LISTS } from "./entity-links";
import {
  applyLegacyUrls,
  checkNoLegacyUrls,
  ensurePerformerNameUnique,
  LEGACY_SITES,
  performerNameMissing,
  performerScalars,
  urlFromHandle,
  validateDeathDate,
  validatePerformerAliases,
  type PerformerScalars,
} from "./performer-input";
import { performerView } from "./present-performer";
import { blankPerformer } from "./records/performer";
import { convertIdList } from "./scene-input";
import type { PerformerRecord, Store } from "./store";
import { missingRow } from "./missing-row";

const LEGACY_KEYS = ["url", "twitter", "instagram"] as const;

/** The changes of a PerformerUpdateInput or BulkPerformerUpdateInput. */
interface PerformerPartial {
  readonly name?: string;
  readonly scalars: PerformerScalars;
  readonly favorite?: boolean;
  readonly ignoreAutoTag?: boolean;
  readonly aliases: BulkList<string> | null;
  readonly urls: BulkList<string> | null;
  readonly tagIds: BulkList<number> | null;
  readonly stashIds?: PerformerRecord["stashIds"];
  readonly customFields: unknown;
  readonly hasImage?: boolean;
  /** The input, for the deprecated url/twitter/instagram fields read against each performer's URLs. */
  readonly input: EntityInput;
}

function notFound(id: number): Error {
  return new Error(`performer with id ${id} not found`);
}

function createUrls(input: EntityInput): string[] {
  const urls: string[] = [];
  if (input.url != null) urls.push(text(input, "url"));
  for (const key of ["twitter", "instagram"] as const) {
    if (input[key] != null) urls.push(urlFromHandle(text(input, key), LEGACY_SITES[key].site));
  }
  return uniqueStrings([...urls, ...trimmedList(input.urls)]);
}

const create: RootResolver = (args, ctx) => {
  const input = args.input as EntityInput;
  const name = text(input, "name");
  const scalars = performerScalars(input, ctx.version, false);
  const aliases = trimmedList(input.alias_list);
  const tagIds = convertIdList(input.tag_ids, "tag ids");
  const hasImage = imageChange(input) === true;
  const { store } = ctx;
  const record = store.transaction(() => {
    if (name === "") throw performerNameMissing();
    ensurePerformerNameUnique(store, 0, name, scalars.disambiguation ?? "");
    validatePerformerAliases(name, aliases);
    validateDeathDate(scalars.birthdate ?? null, scalars.deathDate ?? null);
    checkRefs(store, "tags", tagIds);
    const stamp = store.nowTime();
    const id = store.allocateId("performers");
    return store.put("performers", {
      ...blankPerformer(id, name, stamp),
      ...scalars,
      aliases,
      urls: createUrls(input),
      favorite: input.favorite === true,
      ignoreAutoTag: input.ignore_auto_tag === true,
      tagIds,
      stashIds: stashIdList(input.stash_ids, stamp),
      customFields: createCustomFields(input.custom_fields),
      hasImage,
    });
  });
  return performerView(ctx, record);
};

/** pkg/performer ValidateUpdate, then the partial write. */
function applyPartial(store: Store, id: number, partial: PerformerPartial): PerformerRecord {
  const existing = store.get("performers", id);
  if (!existing) throw notFound(id);
  const legacy = applyLegacyUrls(existing.urls, partial.input);
  const urls = legacy ?? applyList(existing.urls, partial.urls);
  const name = partial.name ?? existing.name;
  const disambiguation = partial.scalars.disambiguation ?? existing.disambiguation;
  if (partial.name !== undefined || partial.scalars.disambiguation !== undefined) {
    if (name === "") throw performerNameMissing();
    ensurePerformerNameUnique(store, id, name, disambiguation);
  }
  // Checked before de-duplication: a repeated alias is an error, not a silent merge.
  if (partial.name !== undefined || partial.aliases) {
    validatePerformerAliases(name, partial.aliases ? applyBulk(existing.aliases, partial.aliases, (a) => a) : existing.aliases);
  }
  const aliases = applyList(existing.aliases, partial.aliases);
  if (partial.scalars.birthdate !== undefined || partial.scalars.deathDate !== undefined) {
    const birth = partial.scalars.birthdate !== undefined ? partial.scalars.birthdate : existing.birthdate;
    const death = partial.scalars.deathDate !== undefined ? partial.scalars.deathDate : existing.deathDate;
    validateDeathDate(birth, death);
  }
  const tagIds = applyList(existing.tagIds, partial.tagIds);
  if (partial.tagIds?.mode !== "REMOVE") checkRefs(store, "tags", partial.tagIds?.values);
  const customFields = updateCustomFields(existing.customFields, partial.customFields);
  const changes: Partial<PerformerRecord> = { ...partial.scalars, updatedAt: store.nowTime() };
  const set = <K extends keyof PerformerRecord>(key: K, value: PerformerRecord[K] | undefined) => {
    if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
  };
  set("name", partial.name);
  set("favorite", partial.favorite);
  set("ignoreAutoTag", partial.ignoreAutoTag);
  set("stashIds", partial.stashIds);
  set("hasImage", partial.hasImage);
  set("aliases", aliases);
  set("urls", urls);
  set("tagIds", tagIds);
  set("customFields", customFields);
  return store.patch("performers", id, changes);
}

function sharedPartial(input: EntityInput, ctx: StandInContext, bulk: boolean): PerformerPartial {
  checkNoLegacyUrls(input, LEGACY_KEYS);
  const scalars = performerScalars(input, ctx.version, true);
  return {
    name: bulk ? undefined : optionalName(input, "name"),
    scalars,
    favorite: optionalBool(input, "favorite"),
    ignoreAutoTag: optionalBool(input, "ignore_auto_tag"),
    aliases: bulk ? bulkStrings(input, "alias_list") : setStrings(input, "alias_list"),
    urls: bulk ? bulkStrings(input, "urls") : setStrings(input, "urls"),
    tagIds: bulk ? bulkIdList(input, "tag_ids", "tag ids") : setIds(input, "tag_ids", "tag ids"),
    stashIds: !bulk && has(input, "stash_ids") ? stashIdList(input.stash_ids, ctx.store.nowTime()) : undefined,
    customFields: input.custom_fields,
    hasImage: bulk ? undefined : imageChange(input),
    input,
  };
}

/** pkg/sqlite/performer.go Destroy: join rows cascade; scenes, images and galleries stay. */
export function destroyPerformer(store: Store, id: number): void {
  if (!store.has("performers", id)) throw missingRow(id, "performers");
  for (const link of PERFORMER_LISTS) dropFromList(store, link, id);
  store.remove("performers", id);
}

/** The performer mutations. */
export const performerMutations = entityMutations({
  singular: "performer",
  plural: "performers",
  create,
  update: { partial: sharedPartial, apply: applyPartial, view: performerView },
  destroy: destroyPerformer,
});

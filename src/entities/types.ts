/**
 * The public shapes every entity namespace shares: the friendly input types
 * derived from Stash's generated input types, the `findMany` result and the
 * namespace interface itself.
 */
import type { CallOptions } from "../core/client";
import type { ID } from "../core/validate";
import type { BulkUpdateIds, BulkUpdateStrings, FindFilterType } from "../../generated/graphql";
import type { BulkIdsChange, BulkStringsChange, IdLike } from "./bulk-modes";

export type { BulkIdsChange, BulkStringsChange, IdLike };

/** A fetched object's name for a relation → the schema's input field. */
export interface RelationAliasMap {
  tags: "tag_ids";
  performers: "performer_ids";
  galleries: "gallery_ids";
  scenes: "scene_ids";
  images: "image_ids";
  parents: "parent_ids";
  children: "child_ids";
  studio: "studio_id";
  parent_studio: "parent_id";
}

/** How the facade accepts one input field: ids as numbers or objects, lists read-only, bulk relations by mode. */
export type LooseField<K, V> =
  NonNullable<V> extends BulkUpdateIds
    ? BulkIdsChange
    : NonNullable<V> extends BulkUpdateStrings
      ? BulkStringsChange
      : NonNullable<V> extends Array<infer E>
        ? E extends object
          ? readonly (E | Readonly<Record<string, unknown>>)[] | null
          : K extends `${string}_ids` | "ids"
            ? readonly IdLike[] | null
            : readonly E[] | null
        : K extends `${string}_id` | "id"
          ? IdLike | null
          : V;

/** Every field of a schema input type, optional and loosened as `LooseField` says. */
export type Loose<I> = { readonly [K in keyof I]?: LooseField<K, I[K]> };

/** The relation spellings of fetched objects (`tags`, `parents`, …) that input type `I` has. */
export type RelationAliases<I> = {
  readonly [A in keyof RelationAliasMap as RelationAliasMap[A] extends keyof I ? A : never]?: LooseField<RelationAliasMap[A], I[RelationAliasMap[A] & keyof I]>;
};

/** Fields a fetched object carries that an input lacks; accepted and not sent. */
export type ReadOnlyOf<F, I> = { readonly [K in Exclude<keyof F, keyof I | keyof RelationAliasMap>]?: unknown };

/** What `create` accepts for input type `I`. */
export type EntityCreate<I> = Loose<Omit<I, "id">> & RelationAliases<I>;

/** What `update` accepts: an id plus the fields to change, or a modified fetched object `F`. */
export type EntityUpdate<I, F> = { readonly id: ID } & Loose<Omit<I, "id">> & RelationAliases<I> & ReadOnlyOf<F, I>;

/** What `bulkUpdate` accepts: the ids, and changes applied to each (relations name their mode). */
export type EntityBulkUpdate<I> = { readonly ids: readonly ID[] } & Loose<Omit<I, "ids">> & RelationAliases<I>;

/** `findMany`'s arguments; the entity filter goes under Stash's own key (`tag_filter`, …). */
export type FindManyArgs<K extends string, Filter> = {
  /** Paging, sort and search. Without `per_page` Stash returns its default page (25). */
  readonly filter?: FindFilterType;
  /** A search; the same as `filter.q`. */
  readonly q?: string;
  /** Exactly these entities; cannot be combined with filters, which Stash would ignore. An id Stash lacks is its error. */
  readonly ids?: readonly ID[];
} & { readonly [P in K]?: Filter };

/** `iterate`'s arguments: search, sort and entity filter; the iterator owns paging. */
export type IterateArgs<K extends string, Filter, F extends "slim" | "full" = "slim" | "full"> = {
  readonly filter?: Omit<FindFilterType, "page" | "per_page">;
  /** Entities per request, default 100. */
  readonly perPage?: number;
  /** `slim` (default) yields lean objects; `full` the same objects `find` returns. */
  readonly fragment?: F;
} & { readonly [P in K]?: Filter };

/** One page of `findMany`: the total over all matches, the items, and the entity's extra totals. */
export type FindManyResult<T, Extra = object> = { readonly count: number; readonly items: T[] } & Extra;

/** How `destroy` treats files (galleries, images and scenes have them); also the call options. */
export interface DestroyOptions extends CallOptions {
  /** Delete the files from disk too. Default false: files are kept unless asked. */
  readonly delete_file?: boolean;
  /** Delete generated previews and thumbnails. Default true. */
  readonly delete_generated?: boolean;
}

/** Type parameters of one entity namespace. */
export interface EntityTypes {
  /** What `find` returns. */
  readonly item: { readonly id: string };
  /** What `iterate` yields by default. */
  readonly slim: { readonly id: string };
  readonly filterKey: string;
  readonly filter: object;
  readonly create: object;
  readonly update: object;
  readonly bulk: object;
  /** Totals besides `count`, e.g. `{ filesize, megapixels }` for images. */
  readonly extra: object;
}

/** The methods every entity namespace has. */
export interface EntityNamespace<T extends EntityTypes> {
  /** The entity with this id, or `null` when there is none. */
  find(id: ID, options?: CallOptions): Promise<T["item"] | null>;
  /** One page with the total count (and extra totals) over all matches. */
  findMany(args?: FindManyArgs<T["filterKey"], T["filter"]>, options?: CallOptions): Promise<FindManyResult<T["item"], T["extra"]>>;
  /** Every match in id order (by default), one page in memory at a time. */
  iterate<F extends "slim" | "full" = "slim">(
    args?: IterateArgs<T["filterKey"], T["filter"], F>,
    options?: CallOptions,
  ): AsyncIterableIterator<F extends "full" ? T["item"] : T["slim"]>;
  /** Updates the fields that are set: `undefined` keeps, `null` clears, `[]` empties; accepts a modified fetched object. */
  update(input: T["update"], options?: CallOptions): Promise<T["item"]>;
  /** Applies one change to many entities; relations take `{ add }`, `{ remove }` or `{ set }`. */
  bulkUpdate(input: T["bulk"], options?: CallOptions): Promise<T["item"][]>;
  /** Deletes one entity or several (one transaction); files stay on disk unless `delete_file: true`. */
  destroy(idOrIds: ID | readonly ID[], options?: DestroyOptions): Promise<boolean>;
}

/** An entity namespace whose entities can be created through the API (all but images). */
export interface CreatableNamespace<T extends EntityTypes> extends EntityNamespace<T> {
  /** Creates an entity and returns it. */
  create(input: T["create"], options?: CallOptions): Promise<T["item"]>;
}

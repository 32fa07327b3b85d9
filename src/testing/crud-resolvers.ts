/**
 * The update, bulk update and destroy resolvers tags, performers, studios and
 * groups share: ids are converted the way Stash reports a bad one
 * (`converting id: …`, as in internal/api/resolver_mutation_gallery.go), and each call runs in one store transaction, so a bad
 * id in a batch changes nothing.
 */
import type { RootResolver, StandInContext } from "./context";
import type { EntityInput } from "./entity-input";
import { parseId } from "./ids";
import { converting } from "./scene-input";
import type { Store } from "./store";

/** How one entity turns an update input into a change, applies it to a record and presents the result. */
export interface UpdateParts<P, R> {
  /** The change an input asks for; `bulk` is the Bulk*UpdateInput flavour (modes, no name). */
  readonly partial: (input: EntityInput, ctx: StandInContext, bulk: boolean) => P;
  /** Applies the change to one record (inside the transaction), returning what `view` presents. */
  readonly apply: (store: Store, id: number, partial: P) => R;
  readonly view: (ctx: StandInContext, record: R) => unknown;
}

/** `<entity>Update` and `bulk<Entity>Update`: one partial, applied to one id or to each of `ids`. */
export function updateResolvers<P, R>(parts: UpdateParts<P, R>): { update: RootResolver; bulkUpdate: RootResolver } {
  return {
    update: (args, ctx) => {
      const input = args.input as EntityInput;
      const id = converting("id", () => parseId(input.id));
      const partial = parts.partial(input, ctx, false);
      return parts.view(ctx, ctx.store.transaction(() => parts.apply(ctx.store, id, partial)));
    },
    bulkUpdate: (args, ctx) => {
      const input = args.input as EntityInput;
      const ids = converting("ids", () => ((input.ids as unknown[] | null | undefined) ?? []).map(parseId));
      const partial = parts.partial(input, ctx, true);
      const records = ctx.store.transaction(() => ids.map((id) => parts.apply(ctx.store, id, partial)));
      return records.map((r) => parts.view(ctx, r));
    },
  };
}

/** `<entity>Destroy(input: { id })` and `<entities>Destroy(ids)` over one record's destroy. */
export function destroyResolvers(destroyOne: (store: Store, id: number) => void): { destroy: RootResolver; destroyMany: RootResolver } {
  return {
    destroy: (args, ctx) => {
      const id = converting("id", () => parseId((args.input as EntityInput).id));
      ctx.store.transaction(() => destroyOne(ctx.store, id));
      return true;
    },
    destroyMany: (args, ctx) => {
      const ids = converting("ids", () => (args.ids as unknown[]).map(parseId));
      ctx.store.transaction(() => ids.forEach((id) => destroyOne(ctx.store, id)));
      return true;
    },
  };
}

/** What `entityMutations` builds the five mutations of an entity from. */
export interface EntityMutationParts<P, R> {
  /** Lower-case singular and plural names: `performer`, `performers`. */
  readonly singular: string;
  readonly plural: string;
  readonly create: RootResolver;
  readonly update: UpdateParts<P, R>;
  readonly destroy: (store: Store, id: number) => void;
}

/** `<x>Create`, `<x>Update`, `bulk<X>Update`, `<x>Destroy` and `<xs>Destroy` of one entity. */
export function entityMutations<P, R>(parts: EntityMutationParts<P, R>): Record<string, RootResolver> {
  const { update, bulkUpdate } = updateResolvers(parts.update);
  const { destroy, destroyMany } = destroyResolvers(parts.destroy);
  const capital = parts.singular[0]!.toUpperCase() + parts.singular.slice(1);
  return {
    [`${parts.singular}Create`]: parts.create,
    [`${parts.singular}Update`]: update,
    [`bulk${capital}Update`]: bulkUpdate,
    [`${parts.singular}Destroy`]: destroy,
    [`${parts.plural}Destroy`]: destroyMany,
  };
}

/**
 * What the entity machinery (namespace.ts) needs to know about one entity.
 * The specs themselves are generated from the schema into generated/entities.ts.
 */
import type { InputTypeName } from "../core/input-fields";
import type { SortEntity } from "../core/sorts";
import type { TypedDocumentNode } from "../../generated/typed-document";

// Documents are typed per entity at the namespace's interface; inside the machinery they are opaque.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = TypedDocumentNode<any, any>;

/** A root field answered by a document, e.g. `{ document: FindTagDocument, field: "findTag" }`. */
export interface Operation {
  readonly document: Doc;
  readonly field: string;
}

/** A mutation taking one converted input object. */
export interface InputOperation extends Operation {
  readonly input: InputTypeName;
}

/** A destroy mutation: `input` takes `{ input: { id | ids, …flags } }`, `ids` takes `{ ids }`. */
export interface DestroyOperation extends Operation {
  readonly argument: "input" | "ids";
}

/** Everything the machinery needs to know about one entity. */
export interface EntitySpec {
  /** The namespace's name, used in error messages (`tags`). */
  readonly name: string;
  readonly sorts: SortEntity;
  /** Stash's argument name for the entity filter (`tag_filter`). */
  readonly filterKey: string;
  readonly find: Operation;
  /** `list` is the result's list field (`tags`); `slim` a lean variant of the document for `iterate`. */
  readonly findMany: Operation & { readonly list: string; readonly slim?: Doc };
  readonly create?: InputOperation;
  readonly update: InputOperation;
  readonly bulk: InputOperation;
  /** `one` deletes a single id where Stash has such a mutation; `many` deletes any number. */
  readonly destroy: { readonly one?: DestroyOperation; readonly many: DestroyOperation };
  /** The destroy input takes `delete_file` and `delete_generated`. */
  readonly hasFiles?: boolean;
  /** The entity filter has an `id` criterion, so `iterate` can walk with an id cursor. */
  readonly idCursor?: boolean;
}

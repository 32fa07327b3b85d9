/** Tag rows. */
import type { StashIdRecord } from "./scene";

/** A tag; `parentIds` is the tags_relations table seen from the child. */
export interface TagRecord {
  readonly id: number;
  readonly name: string;
  /** Empty when unset (Stash stores NULL; the view answers null). */
  readonly sortName: string;
  readonly description: string;
  readonly aliases: readonly string[];
  readonly parentIds: readonly number[];
  readonly favorite: boolean;
  readonly ignoreAutoTag: boolean;
  readonly stashIds: readonly StashIdRecord[];
  readonly hasImage: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A tag with every optional column empty. */
export function blankTag(id: number, name: string, stamp: string): TagRecord {
  return {
    id,
    name,
    sortName: "",
    description: "",
    aliases: [],
    parentIds: [],
    favorite: false,
    ignoreAutoTag: false,
    stashIds: [],
    hasImage: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

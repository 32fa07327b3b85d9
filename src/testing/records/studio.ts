/** Studio rows. */
import type { StashIdRecord } from "./scene";

/** A studio; `parentId` makes the studio hierarchy. */
export interface StudioRecord {
  readonly id: number;
  readonly name: string;
  readonly parentId: number | null;
  readonly aliases: readonly string[];
  readonly urls: readonly string[];
  readonly details: string;
  readonly rating100: number | null;
  readonly favorite: boolean;
  readonly ignoreAutoTag: boolean;
  readonly tagIds: readonly number[];
  readonly stashIds: readonly StashIdRecord[];
  readonly hasImage: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A studio with every optional column empty. */
export function blankStudio(id: number, name: string, stamp: string): StudioRecord {
  return {
    id,
    name,
    parentId: null,
    aliases: [],
    urls: [],
    details: "",
    rating100: null,
    favorite: false,
    ignoreAutoTag: false,
    tagIds: [],
    stashIds: [],
    hasImage: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

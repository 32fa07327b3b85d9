/** Group (formerly movie) rows. */

/**
 * A group's link to a sub-group (a groups_relations row seen from the
 * containing group), with an optional description. `orderIndex` is Stash's
 * order_index: unique within the containing group, 1-based, and not compacted
 * after removals (pkg/sqlite/group_relationships.go).
 */
export interface SubGroupLink {
  readonly groupId: number;
  readonly description: string;
  readonly orderIndex: number;
}

/** A group; `subGroups` is groups_relations seen from the containing group, sorted by `orderIndex`. */
export interface GroupRecord {
  readonly id: number;
  readonly name: string;
  readonly aliases: string;
  readonly duration: number | null;
  readonly date: string | null;
  readonly rating100: number | null;
  readonly studioId: number | null;
  readonly director: string;
  readonly synopsis: string;
  readonly urls: readonly string[];
  readonly tagIds: readonly number[];
  readonly subGroups: readonly SubGroupLink[];
  readonly hasFrontImage: boolean;
  readonly hasBackImage: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A group with every optional column empty. */
export function blankGroup(id: number, name: string, stamp: string): GroupRecord {
  return {
    id,
    name,
    aliases: "",
    duration: null,
    date: null,
    rating100: null,
    studioId: null,
    director: "",
    synopsis: "",
    urls: [],
    tagIds: [],
    subGroups: [],
    hasFrontImage: false,
    hasBackImage: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

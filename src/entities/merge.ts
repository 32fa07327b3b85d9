/**
 * Arguments of entity merges (`tags.merge`): the sources disappear into the
 * destination. Checked before any request, including the destination being
 * among the sources, which would merge an entity into itself.
 */
import { StashValidationError } from "../core/errors";
import { checkId, checkIds, checkKnownKeys, checkObject, type ID } from "../core/validate";

/** Which entities to merge into which. */
export interface MergeArgs {
  /** The entities that are merged away. */
  readonly source: readonly ID[];
  /** The entity that remains. */
  readonly destination: ID;
}

/** Validates merge arguments and returns them as Stash's `{ source, destination }`. */
export function checkMerge(args: MergeArgs): { source: string[]; destination: string } {
  const input = checkObject(args, "args");
  checkKnownKeys(input, ["source", "destination"], "args");
  if (input["source"] === undefined) throw new StashValidationError("source", "is required: the ids to merge into the destination");
  const source = checkIds(input["source"], "source");
  const destination = checkId(input["destination"], "destination");
  if (source.includes(destination)) throw new StashValidationError("source", `contains the destination ${destination}; an entity cannot be merged into itself`);
  return { source, destination };
}

/**
 * The root fields of tags, performers and studios (queries, mutations and
 * tagsMerge), gathered into one resolver module.
 */
import type { ResolverModule } from "./context";
import { entityQueries } from "./entity-queries";
import { performerMutations } from "./performer-mutations";
import { studioMutations } from "./studio-mutations";
import { tagMergeMutations } from "./tag-merge";
import { tagMutations } from "./tag-mutations";

/** Tag, performer and studio fields. */
export const entityResolvers: ResolverModule = {
  Query: { ...entityQueries },
  Mutation: { ...tagMutations, ...tagMergeMutations, ...performerMutations, ...studioMutations },
};

/** Galleries, gallery chapters and images: their query and mutation modules as one. */
import type { ResolverModule } from "./context";
import { galleryChapterMutations } from "./gallery-chapters";
import { galleryMutations } from "./gallery-mutations";
import { galleryQueries } from "./gallery-queries";
import { imageMutations } from "./image-mutations";
import { imageQueries } from "./image-queries";

/** Every gallery, chapter and image root field. */
export const mediaResolvers: ResolverModule = {
  Query: { ...galleryQueries.Query, ...imageQueries.Query },
  Mutation: { ...galleryMutations.Mutation, ...galleryChapterMutations.Mutation, ...imageMutations.Mutation },
};

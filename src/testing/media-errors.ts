/** The messages Stash gives for a missing gallery or image (resolver_mutation_gallery.go, resolver_mutation_image.go). */

/** `gallery with id N not found`, Stash's message for a missing gallery. */
export function galleryNotFound(id: number): Error {
  return new Error(`gallery with id ${id} not found`);
}

/** `image with id N not found`, Stash's message for a missing image. */
export function imageNotFound(id: number): Error {
  return new Error(`image with id ${id} not found`);
}

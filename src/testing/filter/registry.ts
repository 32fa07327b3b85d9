/**
 * Every entity spec by the input type names it serves. A new entity's spec
 * (GalleryFilterType, ImageFilterType, …) is added here; sub-filters such as
 * `scenes_filter` inside a tag filter find their spec through this map.
 */
import type { GraphQLSchema } from "graphql";
import type { Store } from "../store";
import { FILE_SPEC } from "../file-filter";
import { FOLDER_SPEC } from "../folder-filter";
import { GALLERY_SPEC } from "../gallery-filter";
import { IMAGE_SPEC } from "../image-filter";
import { FilterEnv, type SpecRegistry } from "./env";
import { GROUP_SPEC } from "./specs/group";
import { MARKER_SPEC } from "./specs/marker";
import { PERFORMER_SPEC } from "./specs/performer";
import { SCENE_SPEC } from "./specs/scene";
import { STUDIO_SPEC } from "./specs/studio";
import { TAG_SPEC } from "./specs/tag";
import type { AnySpec } from "./types";

/** Specs keyed by every type name they serve. Built per call: some spec modules import this one, so the list is read only once every module has loaded. */
function registry(): SpecRegistry {
  const specs: readonly AnySpec[] = [SCENE_SPEC, MARKER_SPEC, TAG_SPEC, PERFORMER_SPEC, STUDIO_SPEC, GROUP_SPEC, GALLERY_SPEC, IMAGE_SPEC, FILE_SPEC, FOLDER_SPEC];
  const map = new Map<string, AnySpec>();
  for (const spec of specs) {
    map.set(spec.typeName, spec);
    for (const alias of spec.aliases ?? []) map.set(alias, spec);
  }
  return map;
}

/** A fresh evaluation env for one request. */
export function filterEnv(store: Store, schema: GraphQLSchema): FilterEnv {
  return new FilterEnv(store, schema, registry());
}

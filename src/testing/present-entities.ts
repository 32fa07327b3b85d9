/** The views of the entities scenes point at, one file each. */
export { galleryView } from "./present-gallery";
export { groupView } from "./present-group";
export { performerView } from "./present-performer";
export { studioView } from "./present-studio";
export { tagView } from "./present-tag";

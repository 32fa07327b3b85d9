/**
 * Type-file names under graphql/schema/types/ in upstream Stash releases (the
 * union over v0.25.1 … v0.30.1 and develop). Used only when the file listing
 * cannot be fetched; a name that a release lacks answers 404 and is skipped.
 * scripts/snapshot-versions.ts warns when the reference copies hold a name missing here.
 */
export const UPSTREAM_TYPE_FILES: readonly string[] = [
  "config.graphql",
  "dlna.graphql",
  "file.graphql",
  "filters.graphql",
  "gallery-chapter.graphql",
  "gallery.graphql",
  "group.graphql",
  "image.graphql",
  "job.graphql",
  "logging.graphql",
  "metadata.graphql",
  "migration.graphql",
  "movie.graphql",
  "package.graphql",
  "performer.graphql",
  "plugin.graphql",
  "scalars.graphql",
  "scene-marker-tag.graphql",
  "scene-marker.graphql",
  "scene.graphql",
  "scraped-group.graphql",
  "scraped-movie.graphql",
  "scraped-performer.graphql",
  "scraper.graphql",
  "sql.graphql",
  "stash-box.graphql",
  "stats.graphql",
  "studio.graphql",
  "tag.graphql",
  "version.graphql",
];

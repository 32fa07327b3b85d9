/**
 * Report rendering: the HTML duplicate report, the screenshot inliner that
 * makes it self-contained, and the shared human formats.
 */
export { renderDuplicateReport, type DuplicateReportOptions } from "./duplicates-html";
export { inlineScreenshots, type InlineImagesOptions, type InlineImagesResult, type InlineImageFailure } from "./inline-images";
export { viewGroups, type GroupView, type PlanLike, type ReportFile, type ReportScene, type SceneRole } from "./plan-view";
export { formatBytes, formatDuration, formatResolution } from "./format";

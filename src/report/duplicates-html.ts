/**
 * The duplicate report: one self-contained HTML page (inline CSS, no scripts)
 * with a card per duplicate group and the plan's keeper marked. Pure: it only
 * turns data into a string; downloading screenshots is the caller's business.
 */
import escapeHtml from "escape-html";
import { formatBytes, formatDuration, formatResolution, plural } from "./format";
import { viewGroups, type GroupView, type PlanLike, type ReportScene, type SceneRole } from "./plan-view";
import { REPORT_CSS } from "./report-css";

/** Options of `renderDuplicateReport`. */
export interface DuplicateReportOptions {
  /** Page heading and `<title>`; default "Stash duplicate scenes". */
  title?: string;
  /** Shown in the header; default now. */
  generatedAt?: Date | string;
  /**
   * Image sources by scene id (e.g. `data:` URIs of downloaded screenshots);
   * they win over `paths.screenshot`.
   */
  images?: ReadonlyMap<string, string>;
}

const BADGES: Record<SceneRole, string> = { keep: "Keep", remove: "Merge into keeper", elsewhere: "Not merged here" };

/** Only web and inline-image URLs may reach an `src`; anything else is dropped. */
function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^data:image\/(png|jpe?g|webp|gif|avif);base64,[a-z0-9+/=]+$/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function sceneCard(scene: ReportScene, role: SceneRole, images: ReadonlyMap<string, string> | undefined): string {
  const id = String(scene.id);
  const file = scene.files[0];
  const title = scene.title?.trim() || file?.path.split(/[\\/]/).pop() || `Scene ${id}`;
  const src = safeImageUrl(images?.get(id) ?? scene.paths?.screenshot);
  const shot = src
    ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(`Screenshot of ${title}`)}" width="320" height="180" decoding="async">`
    : `<span>no screenshot</span>`;
  const extra = scene.files.length > 1 ? ` (+${scene.files.length - 1} more file${scene.files.length > 2 ? "s" : ""})` : "";
  return `<article class="scene ${role}" data-scene-id="${escapeHtml(id)}" data-role="${role}">
<div class="shot">${shot}</div>
<span class="badge ${role}">${escapeHtml(BADGES[role])}</span>
<div class="body">
<h3>${escapeHtml(title)} <small>#${escapeHtml(id)}</small></h3>
<p class="path">${escapeHtml(file ? file.path + extra : "no file")}</p>
<dl>
<dt>Resolution</dt><dd>${escapeHtml(formatResolution(file?.width, file?.height))}</dd>
<dt>Duration</dt><dd>${escapeHtml(formatDuration(file?.duration))}</dd>
<dt>Size</dt><dd>${escapeHtml(formatBytes(file?.size))}</dd>
</dl>
</div>
</article>`;
}

function groupCard(view: GroupView, images: ReadonlyMap<string, string> | undefined): string {
  const keeper = view.keepId === null ? "no keeper suggested" : `keep #${view.keepId}`;
  return `<section class="group" id="group-${view.number}" data-group="${view.number}" data-keep="${escapeHtml(view.keepId ?? "")}">
<h2>Group ${view.number} <span class="count">${view.scenes.length} scenes · ${escapeHtml(keeper)}</span></h2>
<p class="reason">${escapeHtml(view.reason)}</p>
<div class="scenes">
${view.scenes.map((s) => sceneCard(s, view.role(s), images)).join("\n")}
</div>
</section>`;
}

/** Renders duplicate groups and their cleanup plan as one self-contained HTML page. */
export function renderDuplicateReport(
  groups: readonly (readonly ReportScene[])[],
  plan: PlanLike,
  options: DuplicateReportOptions = {},
): string {
  const title = options.title ?? "Stash duplicate scenes";
  const at = options.generatedAt ?? new Date();
  const generated = typeof at === "string" ? at : at.toISOString();
  const views = viewGroups(groups, plan);
  const sceneCount = groups.reduce((n, g) => n + g.length, 0);
  const merges = plan.groups.reduce((n, g) => n + g.remove.length, 0);
  const body = views.length
    ? views.map((v) => groupCard(v, options.images)).join("\n")
    : `<p class="empty">No duplicate groups found.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Generated ${escapeHtml(generated)} · ${plural(groups.length, "group")} · ${plural(sceneCount, "scene")} · keep strategy ${escapeHtml(plan.strategy)} · ${plural(merges, "scene")} would be merged into ${plural(plan.groups.length, "keeper")}</p>
<p class="note">Merging moves the other scenes' files, markers and histories to the keeper; no file is deleted.</p>
</header>
<main>
${body}
</main>
<footer>stash-graphql-client duplicate report</footer>
</body>
</html>
`;
}

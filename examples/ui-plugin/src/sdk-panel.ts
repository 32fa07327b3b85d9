/**
 * A Stash UI plugin built on the SDK's browser build: a "Stash SDK" button
 * opens a panel listing unorganized scenes (`findScenes`), each with a button
 * that marks it organized (`updateScene`), a "Scan library" button, and the
 * job queue's events as they happen (`jobUpdates`, over the page's
 * WebSocket). Inside Stash the page is already logged in, so every request
 * carries the session cookie; no API key is needed.
 */
// In your own project: import from "stash-graphql-client/core", "/scenes", "/jobs" and "/operations".
import { createStashCore, StashError, type StashCoreApi } from "../../../src/entries/core";
import { findScenes, updateScene, type SceneDataFragment } from "../../../src/entries/scenes";
import { jobUpdates, type JobUpdate } from "../../../src/entries/jobs";
import { MetadataScanDocument } from "../../../generated/graphql";
import { panelStyle } from "./style";

const PANEL_ID = "sdk-panel";

/** Stash serves its UI (and GraphQL) under `<base href>`, also behind a path prefix. */
function stashCore(): StashCoreApi {
  return createStashCore({ url: new URL(".", document.baseURI).href });
}

/** An element with text content (never HTML: titles come from the library). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = "", attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function describeError(error: unknown): string {
  return error instanceof StashError ? `${error.name}: ${error.message}` : String(error);
}

/** The unorganized scenes, each with a button that marks it organized. */
async function showScenes(core: StashCoreApi, list: HTMLElement, status: HTMLElement): Promise<void> {
  const page = await findScenes(core, { sceneFilter: { organized: false }, filter: { per_page: 10, sort: "title", direction: "ASC" } });
  status.textContent = `${page.count} unorganized scenes`;
  status.dataset["count"] = String(page.count);
  list.replaceChildren(...page.scenes.map((scene) => sceneRow(core, scene, list, status)));
}

function sceneRow(core: StashCoreApi, scene: SceneDataFragment, list: HTMLElement, status: HTMLElement): HTMLElement {
  const row = el("li", scene.title || `Scene ${scene.id}`, { "data-scene-id": scene.id });
  const button = el("button", "Mark organized", { type: "button" });
  button.addEventListener("click", () => {
    button.disabled = true;
    updateScene(core, { id: scene.id, organized: true })
      .then((updated) => {
        status.dataset["updated"] = updated.id;
        return showScenes(core, list, status);
      })
      .catch((error: unknown) => (status.textContent = describeError(error)))
      .finally(() => (button.disabled = false));
  });
  row.append(" ", button);
  return row;
}

/** Appends each job event to `list` until `signal` ends the subscription. */
async function followJobs(core: StashCoreApi, list: HTMLElement, signal: AbortSignal): Promise<void> {
  const render = ({ type, job }: JobUpdate) => {
    const progress = job.progress === null || job.progress === undefined ? "" : ` ${Math.round(job.progress * 100)}%`;
    list.append(el("li", `${type} ${job.description} ${job.status}${progress}`, { "data-type": type, "data-status": job.status, "data-job-id": job.id }));
  };
  try {
    for await (const update of jobUpdates(core, { signal })) render(update);
  } catch (error) {
    if (!signal.aborted) list.append(el("li", describeError(error), { "data-error": "" }));
  }
}

/** Builds the panel once; the button toggles it. */
function mountPanel(): void {
  if (document.getElementById(PANEL_ID)) return;
  const core = stashCore();
  const root = el("div", "", { id: PANEL_ID });
  root.append(el("style", panelStyle(PANEL_ID)));
  const toggle = el("button", "Stash SDK", { type: "button", class: "sdk-toggle" });
  const panel = el("section", "", { class: "sdk-body", hidden: "" });
  const status = el("p", "", { class: "sdk-status" });
  const scenes = el("ul", "", { class: "sdk-scenes" });
  const scan = el("button", "Scan library", { type: "button", class: "sdk-scan" });
  const jobs = el("ul", "", { class: "sdk-jobs" });
  panel.append(el("h3", "Unorganized scenes"), status, scenes, el("h3", "Jobs"), scan, jobs);
  root.append(toggle, panel);
  document.body.append(root);

  let following: AbortController | undefined;
  toggle.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    if (panel.hidden) {
      following?.abort();
      following = undefined;
      return;
    }
    status.textContent = "Loading…";
    showScenes(core, scenes, status).catch((error: unknown) => (status.textContent = describeError(error)));
    following = new AbortController();
    void followJobs(core, jobs, following.signal);
  });
  scan.addEventListener("click", () => {
    core
      .request(MetadataScanDocument, { input: {} })
      .then(({ metadataScan }) => (scan.dataset["jobId"] = metadataScan))
      .catch((error: unknown) => jobs.append(el("li", describeError(error), { "data-error": "" })));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountPanel, { once: true });
else mountPanel();

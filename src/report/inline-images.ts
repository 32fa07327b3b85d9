/**
 * Downloads scene screenshots and turns them into `data:` URIs, so a report
 * is self-contained and works against a server that needs an API key without
 * the key ever being written into the HTML.
 */
import { StashError, StashHttpError } from "../core/errors";
import type { ReportScene } from "./plan-view";

/** Options of `inlineScreenshots`. */
export interface InlineImagesOptions {
  /** Sent as the `ApiKey` header, only to `keyOrigin`. */
  apiKey?: string;
  /** The Stash server's origin (e.g. `http://localhost:9999`); the key goes nowhere else. */
  keyOrigin?: string;
  /** Downloads at once; default 4. */
  concurrency?: number;
  /** Per-image timeout in ms; default 15,000. */
  timeoutMs?: number;
  /** Largest image accepted, in bytes; default 10 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** A screenshot that could not be inlined, and why. */
export interface InlineImageFailure {
  sceneId: string;
  reason: string;
}

/** Data URIs by scene id, and the scenes left without one. */
export interface InlineImagesResult {
  images: Map<string, string>;
  failures: InlineImageFailure[];
}

async function download(url: string, options: InlineImagesOptions): Promise<string> {
  const headers: Record<string, string> = { Accept: "image/*" };
  if (options.apiKey && options.keyOrigin && new URL(url).origin === new URL(options.keyOrigin).origin) {
    headers["ApiKey"] = options.apiKey;
  }
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const res = await (options.fetch ?? fetch)(url, { headers, signal });
  if (!res.ok) {
    await res.body?.cancel();
    throw new StashHttpError(`HTTP ${res.status}`, { status: res.status, bodyExcerpt: "" });
  }
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!/^image\/(png|jpe?g|webp|gif|avif)$/.test(type)) {
    await res.body?.cancel();
    throw new StashHttpError(`not an image (content type "${type || "none"}")`, { status: res.status, bodyExcerpt: "" });
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > (options.maxBytes ?? 10 * 1024 * 1024)) throw new StashError(`image too large (${bytes.length} bytes)`);
  return `data:${type};base64,${bytes.toString("base64")}`;
}

function describe(err: unknown): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) return err.name === "TimeoutError" ? "timed out" : "aborted";
  const cause = (err as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** Downloads each scene's screenshot (once per scene) into a data URI. Never throws for one image. */
export async function inlineScreenshots(scenes: Iterable<ReportScene>, options: InlineImagesOptions = {}): Promise<InlineImagesResult> {
  const jobs = new Map<string, string>();
  const failures: InlineImageFailure[] = [];
  for (const scene of scenes) {
    const id = String(scene.id);
    const url = scene.paths?.screenshot;
    if (jobs.has(id) || failures.some((f) => f.sceneId === id)) continue;
    if (!url || !/^https?:\/\//i.test(url)) failures.push({ sceneId: id, reason: "no screenshot URL" });
    else jobs.set(id, url);
  }
  const images = new Map<string, string>();
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [id, url] = job;
      try {
        images.set(id, await download(url, options));
      } catch (err) {
        failures.push({ sceneId: id, reason: describe(err) });
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { images, failures };
}

/**
 * The image URLs the views hand out (`paths.screenshot`, `paths.image`,
 * `image_path`, `front_image_path`, …), served as small PNGs in the record's
 * colour (images.ts). Like Stash's routes (internal/api/routes_*.go: each
 * `*Ctx` middleware answers 404 for an unknown id, then a missing image falls
 * back to a default one), a known record always gets an image.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { screenshotPng } from "./images";
import type { Store, TableName } from "./store";

/** A media URL resolved to the record it shows. */
export interface MediaRoute {
  readonly table: TableName;
  readonly id: number;
}

/** URL prefix → table and the image routes under `/<prefix>/<id>/`. */
const ROUTES: Readonly<Record<string, { table: TableName; images: readonly string[] }>> = {
  scene: { table: "scenes", images: ["screenshot"] },
  image: { table: "images", images: ["image", "thumbnail"] },
  gallery: { table: "galleries", images: ["cover"] },
  tag: { table: "tags", images: ["image"] },
  performer: { table: "performers", images: ["image"] },
  studio: { table: "studios", images: ["image"] },
  group: { table: "groups", images: ["frontimage", "backimage"] },
  movie: { table: "groups", images: ["frontimage", "backimage"] },
};

/** The record an image URL path names, or null when the path is not one of these routes. */
export function mediaRoute(pathname: string): MediaRoute | null {
  const m = /^\/([a-z]+)\/([^/]+)\/([a-z]+)$/.exec(pathname);
  const route = m ? ROUTES[m[1]!] : undefined;
  if (!m || !route || !route.images.includes(m[3]!)) return null;
  // strconv.Atoi: anything but a decimal id is the 404 of an unknown record.
  return { table: route.table, id: /^\d+$/.test(m[2]!) ? Number(m[2]) : NaN };
}

/** Answers a media route: the record's PNG, or 404 when the record does not exist. */
export function sendMedia(store: Store, route: MediaRoute, req: IncomingMessage, res: ServerResponse): void {
  if (!store.has(route.table, route.id)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not Found\n");
    return;
  }
  const png = screenshotPng(route.id);
  res.writeHead(200, { "Content-Type": "image/png", "Content-Length": String(png.length) });
  res.end(req.method === "HEAD" ? undefined : png);
}

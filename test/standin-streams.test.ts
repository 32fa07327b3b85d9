/**
 * sceneStreams and Scene.sceneStreams over HTTP: Stash's endpoint list for the
 * primary file (direct stream, MKV, then MP4/WEBM/HLS/DASH per resolution).
 */
import { describe, expect, test } from "vitest";
import { startStandIn } from "../src/testing";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const STREAMS = `query($id: ID) { sceneStreams(id: $id) { url mime_type label } }`;

type Endpoint = { url: string; mime_type: string | null; label: string | null };

async function seedOne(file: Record<string, unknown> | null, title = "streams"): Promise<string> {
  const ids = await stash().seed({ scenes: [{ title, files: file ? [file as any] : [] }] });
  return ids.scenes[0]!;
}

const hd = (path: string, extra: Record<string, unknown> = {}) => ({ path, size: 1000, duration: 10, width: 1280, height: 720, ...extra });

describe("sceneStreams", () => {
  test("with an API key configured, stream URLs carry it first in the query, as Stash's do", async () => {
    const keyed = await startStandIn({ apiKey: "k/ey+1" });
    try {
      const ids = await keyed.seed({ scenes: [{ title: "keyed", files: [hd("/streams/keyed.mp4")] }] });
      const headers = { ApiKey: "k/ey+1" };
      const res = await gql<{ sceneStreams: Endpoint[]; findScene: { paths: { stream: string; screenshot: string } } }>(
        keyed,
        `query($id: ID!) { sceneStreams(id: $id) { url label } findScene(id: $id) { paths { stream screenshot } } }`,
        { id: ids.scenes[0] },
        headers,
      );
      const base = `${keyed.baseUrl}/scene/${ids.scenes[0]}/stream`;
      const data = res.body.data!;
      expect(data.sceneStreams[0]?.url).toBe(`${base}?apikey=k%2Fey%2B1`);
      expect(data.sceneStreams.find((e) => e.label === "HLS HD (720p)")?.url).toBe(`${base}.m3u8?apikey=k%2Fey%2B1&resolution=STANDARD_HD`);
      expect(data.findScene.paths.stream).toBe(`${base}?apikey=k%2Fey%2B1`);
      expect(data.findScene.paths.screenshot).not.toContain("apikey");
    } finally {
      await keyed.close();
    }
  });

  test("a 720p mp4 lists the direct stream, then each transcode from ORIGINAL down to 240p", async () => {
    const id = await seedOne(hd("/streams/hd.mp4"));
    const { sceneStreams } = await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id });
    const base = `${new URL(stash().url).origin}/scene/${id}/stream`;
    expect(sceneStreams[0]).toEqual({ url: base, mime_type: "video/mp4", label: "Direct stream" });
    const labels = sceneStreams.slice(1).map((e) => e.label);
    const steps = ["", " HD (720p)", " Standard (480p)", " Low (240p)"];
    expect(labels).toEqual(["MP4", "WEBM", "HLS", "DASH"].flatMap((kind) => steps.map((s) => kind + s)));
    const hls = sceneStreams.find((e) => e.label === "HLS HD (720p)");
    expect(hls).toEqual({ url: `${base}.m3u8?resolution=STANDARD_HD`, mime_type: "application/vnd.apple.mpegurl", label: "HLS HD (720p)" });
    expect(sceneStreams.find((e) => e.label === "DASH")?.url).toBe(`${base}.mpd?resolution=ORIGINAL`);
    expect(sceneStreams.find((e) => e.label === "WEBM Low (240p)")?.mime_type).toBe("video/webm");
  });

  test("resolution steps follow the smaller side, so a portrait 1080x1920 file reaches Full HD but not 4K", async () => {
    const id = await seedOne(hd("/streams/portrait.mp4", { width: 1080, height: 1920 }));
    const { sceneStreams } = await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id });
    const mp4 = sceneStreams.filter((e) => e.label?.startsWith("MP4")).map((e) => e.label);
    expect(mp4).toEqual(["MP4", "MP4 Full HD (1080p)", "MP4 HD (720p)", "MP4 Standard (480p)", "MP4 Low (240p)"]);
  });

  test("a Matroska file adds an MKV entry; an AVI file has no direct stream", async () => {
    const mkv = await seedOne(hd("/streams/movie.mkv", { format: "matroska", audio_codec: "opus" }));
    const mkvStreams = (await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id: mkv })).sceneStreams;
    expect(mkvStreams.slice(0, 2).map((e) => e.label)).toEqual(["Direct stream", "MKV"]);
    expect(mkvStreams[1]?.url.endsWith(`/scene/${mkv}/stream.mkv`)).toBe(true);
    const avi = await seedOne(hd("/streams/old.avi", { format: "avi" }));
    const aviStreams = (await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id: avi })).sceneStreams;
    expect(aviStreams[0]?.label).toBe("MP4");
    expect(aviStreams.some((e) => e.label === "Direct stream")).toBe(false);
  });

  test("webm audio must suit the container for a direct stream", async () => {
    const id = await seedOne(hd("/streams/clip.webm", { format: "webm", audio_codec: "aac" }));
    const { sceneStreams } = await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id });
    expect(sceneStreams[0]?.label).toBe("MP4");
  });

  test("a scene without files has no streams; a missing scene and a bad id are errors", async () => {
    const id = await seedOne(null, "no files");
    expect((await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id })).sceneStreams).toEqual([]);
    const missing = await gql(stash(), STREAMS, { id: "987654" });
    expect(missing.body.errors?.[0]?.message).toBe("scene with id 987654 not found");
    expect(missing.body.errors?.[0]?.path).toEqual(["sceneStreams"]);
    const bad = await gql(stash(), STREAMS, { id: "abc" });
    expect(bad.body.errors?.[0]?.message).toContain('strconv.Atoi: parsing "abc": invalid syntax');
  });

  test("Scene.sceneStreams gives the same list as the root field", async () => {
    const id = await seedOne(hd("/streams/field.mp4"));
    const viaScene = await gqlData<{ findScene: { sceneStreams: Endpoint[] } }>(
      stash(),
      `query($id: ID!) { findScene(id: $id) { sceneStreams { url mime_type label } } }`,
      { id },
    );
    const root = await gqlData<{ sceneStreams: Endpoint[] }>(stash(), STREAMS, { id });
    expect(viaScene.findScene.sceneStreams).toEqual(root.sceneStreams);
    expect(root.sceneStreams.length).toBe(17);
  });
});

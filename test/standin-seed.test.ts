import { describe, expect, it } from "vitest";
import type { Fixture } from "../src/testing/index";
import { gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn({ now: () => new Date("2024-05-06T07:08:09.123Z") });

const FILE = { size: 10_000_000, duration: 100, width: 1920, height: 1080 };

const SCENE_FIELDS = `id title code details director date rating100 organized urls resume_time play_duration
  o_counter play_count play_history o_history created_at
  studio { name } tags { name } performers { name } groups { group { name } scene_index }
  files { path size duration width height format video_codec audio_codec frame_rate bit_rate fingerprints { type value } }
  scene_markers { title seconds end_seconds primary_tag { name } tags { name } }`;

describe("stand-in seed", () => {
  it("creates scenes with files, markers and related entities, and returns their ids", async () => {
    const fixture: Fixture = {
      tags: ["Existing", { name: "With Alias", aliases: ["alias"] }],
      performers: [{ name: "Pat", disambiguation: "II" }],
      studios: [{ name: "Child Studio", parent: "Parent Studio" }],
      groups: ["Saga"],
      scenes: [
        {
          title: "  First  ",
          code: "C-1",
          details: "Some details",
          director: "Dee",
          date: "2021-03",
          rating100: 80,
          organized: true,
          urls: ["https://example.com/1"],
          tags: ["Existing", "New Tag"],
          performers: ["Pat"],
          studio: "Child Studio",
          groups: [{ name: "Saga", scene_index: 2 }],
          files: [
            { path: "/v/first.mp4", ...FILE, phash: "ABCDEF0123456789", oshash: "0011223344556677", md5: "0123456789abcdef0123456789abcdef" },
            { path: "/v/first-alt.mkv", ...FILE, format: "mkv", video_codec: "hevc", frame_rate: 25 },
          ],
          markers: [
            { title: "Later", seconds: 50, primary_tag: "Marker Tag" },
            { title: "Early", seconds: 5, end_seconds: 9.5, primary_tag: "Existing", tags: ["Existing", "Extra"] },
          ],
          play_history: ["2024-01-01T10:00:00Z", "2024-02-01 11:00:00"],
          o_history: ["2024-03-01"],
          resume_time: 12.5,
          play_duration: 300,
        },
        { title: "Second" },
      ],
    };
    const ids = await stash().seed(fixture);
    expect(ids.scenes).toHaveLength(2);
    expect(ids.sceneIdsByTitle).toEqual({ First: ids.scenes[0], Second: ids.scenes[1] });
    expect(ids.sceneIdsByPath).toEqual({ "/v/first.mp4": ids.scenes[0], "/v/first-alt.mkv": ids.scenes[0] });
    expect(Object.keys(ids.files)).toEqual(["/v/first.mp4", "/v/first-alt.mkv"]);
    expect(Object.keys(ids.tags).sort()).toEqual(["Existing", "Extra", "Marker Tag", "New Tag", "With Alias"]);
    expect(Object.keys(ids.studios).sort()).toEqual(["Child Studio", "Parent Studio"]);
    expect(ids.markers).toHaveLength(2);

    const data = await gqlData(stash(), `query($id: ID!) { findScene(id: $id) { ${SCENE_FIELDS} } }`, { id: ids.scenes[0] });
    const scene = data.findScene;
    expect(scene).toMatchObject({
      id: ids.scenes[0],
      title: "First",
      code: "C-1",
      date: "2021-03",
      rating100: 80,
      organized: true,
      urls: ["https://example.com/1"],
      resume_time: 12.5,
      play_duration: 300,
      o_counter: 1,
      play_count: 2,
      play_history: ["2024-02-01T11:00:00Z", "2024-01-01T10:00:00Z"],
      o_history: ["2024-03-01T00:00:00Z"],
      created_at: "2024-05-06T07:08:09Z",
      studio: { name: "Child Studio" },
      tags: [{ name: "Existing" }, { name: "New Tag" }],
      performers: [{ name: "Pat" }],
      groups: [{ group: { name: "Saga" }, scene_index: 2 }],
    });
    expect(scene.files[0]).toMatchObject({
      path: "/v/first.mp4",
      format: "mp4",
      video_codec: "h264",
      audio_codec: "aac",
      frame_rate: 30,
      bit_rate: 800_000,
      fingerprints: [
        { type: "md5", value: "0123456789abcdef0123456789abcdef" },
        { type: "oshash", value: "0011223344556677" },
        { type: "phash", value: "abcdef0123456789" },
      ],
    });
    expect(scene.files[1]).toMatchObject({ path: "/v/first-alt.mkv", format: "mkv", video_codec: "hevc", frame_rate: 25, fingerprints: [] });
    expect(scene.scene_markers).toEqual([
      { title: "Early", seconds: 5, end_seconds: 9.5, primary_tag: { name: "Existing" }, tags: [{ name: "Extra" }] },
      { title: "Later", seconds: 50, end_seconds: null, primary_tag: { name: "Marker Tag" }, tags: [] },
    ]);
    const second = await gqlData(stash(), `query($id: ID!) { findScene(id: $id) { title date rating100 details urls files { id } } }`, {
      id: ids.scenes[1],
    });
    expect(second.findScene).toEqual({ title: "Second", date: null, rating100: null, details: "", urls: [], files: [] });
  });

  it("reuses entities that already exist, matching names case-insensitively", async () => {
    const first = await stash().seed({ tags: ["Reused"], scenes: [{ title: "R1", tags: ["Reused"] }] });
    const second = await stash().seed({ scenes: [{ title: "R2", tags: ["reused"] }] });
    expect(second.tags["reused"]).toBe(first.tags["Reused"]);
    const tags = await gqlData(stash(), `{ findTags(tag_filter: { name: { value: "reused", modifier: EQUALS } }) { count } }`);
    expect(tags.findTags.count).toBe(1);
  });

  it.each([
    [{ scenes: [{ title: "x", files: [{ path: "/p.mp4", ...FILE, phash: "xyz" }] }] }, "scenes[0].files[0].phash must be 16 hex digits"],
    [{ scenes: [{ title: "x" }, { title: "y", date: "2014-02-30" }] }, "scenes[1].date must be YYYY, YYYY-MM or YYYY-MM-DD"],
    [{ scenes: [{}] }, "scenes[0] needs a title or at least one file"],
    [{ scenes: [{ title: "x", markers: [{ title: "m", seconds: 10, end_seconds: 5, primary_tag: "t" }] }] }, "scenes[0].markers[0].end_seconds"],
    [{ scenes: [{ title: "x", files: [{ path: "/dup.mp4", ...FILE }, { path: "/dup.mp4", ...FILE }] }] }, "scenes[0].files[1].path repeats"],
    [{ scenes: [{ title: "x", files: [{ path: "/s.mp4", ...FILE, size: -1 }] }] }, "scenes[0].files[0].size must be at least 0"],
    [{ tags: [""] }, "tags[0] must not be blank"],
    [{ scene: [] }, "scene is not a fixture key"],
  ])("rejects an invalid fixture with the path of the problem (%#)", async (fixture, message) => {
    await expect(stash().seed(fixture as Fixture)).rejects.toThrow(message);
  });

  it("writes nothing when a fixture fails, and refuses paths that already exist", async () => {
    await stash().seed({ scenes: [{ files: [{ path: "/taken.mp4", ...FILE }] }] });
    const before = await gqlData(stash(), `{ findTags(filter: { per_page: 0 }) { count } }`);
    await expect(
      stash().seed({ tags: ["Never Created"], scenes: [{ title: "ok" }, { files: [{ path: "/taken.mp4", ...FILE }] }] }),
    ).rejects.toThrow('scenes[1].files[0].path "/taken.mp4" already exists');
    const after = await gqlData(stash(), `{ findTags(filter: { per_page: 0 }) { count } }`);
    expect(after.findTags.count).toBe(before.findTags.count);
  });
});

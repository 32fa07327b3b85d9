/**
 * parseSceneFilenames over HTTP: pattern fields, name resolution, parser
 * options, paging and Stash's error messages.
 */
import { describe, expect, test } from "vitest";
import type { Fixture, StandIn } from "../src/testing/index";
import { gql, gqlData, usingStandIn } from "./helpers/standin";

const PARSE = `query($filter: FindFilterType, $config: SceneParserInput!) {
  parseSceneFilenames(filter: $filter, config: $config) {
    count
    results { scene { id } title date rating rating100 studio_id performer_ids tag_ids movies { movie_id } code details url gallery_ids }
  }
}`;

const file = (path: string) => ({ path, size: 1, duration: 1, width: 640, height: 480 });

type Result = {
  scene: { id: string };
  title: string | null;
  date: string | null;
  rating: number | null;
  rating100: number | null;
  studio_id: string | null;
  performer_ids: string[] | null;
  tag_ids: string[] | null;
  movies: { movie_id: string }[] | null;
};

async function withScenes(fixture: Fixture, fn: (stash: StandIn, ids: Awaited<ReturnType<StandIn["seed"]>>) => Promise<void>) {
  await usingStandIn({}, async (stash) => fn(stash, await stash.seed(fixture)));
}

async function parse(stash: StandIn, q: string | null, config: Record<string, unknown> = {}, filter: Record<string, unknown> = {}) {
  const data = await gqlData<{ parseSceneFilenames: { count: number; results: Result[] } }>(stash, PARSE, {
    filter: { ...filter, ...(q === null ? {} : { q }) },
    config,
  });
  return data.parseSceneFilenames;
}

describe("parseSceneFilenames", () => {
  test("{title} and {ext} with whitespace characters and capitalisation", async () => {
    await withScenes({ scenes: [{ files: [file("/lib/my.movie_title.mp4")] }] }, async (stash) => {
      const plain = await parse(stash, "{title}.{ext}");
      expect(plain.results[0]?.title).toBe("my.movie_title");
      const cleaned = await parse(stash, "{title}.{ext}", { whitespaceCharacters: "._", capitalizeTitle: true });
      expect(cleaned.results[0]).toMatchObject({ title: "My Movie Title", date: null, rating: null, code: null, details: null });
    });
  });

  test("date parts, performers, studio and tags resolve by name, case-insensitively, with delimiters as spaces", async () => {
    const fixture: Fixture = {
      performers: ["Jane Doe"],
      studios: ["Big Studio"],
      tags: [{ name: "Outdoor", aliases: ["outside"] }],
      scenes: [{ files: [file("/lib/big.studio - 2021.03.04 - jane_doe - outside - A Day Out.mp4")] }],
    };
    await withScenes(fixture, async (stash, ids) => {
      const res = await parse(stash, "{studio} - {yyyy}.{mm}.{dd} - {performer} - {tag} - {title}.{ext}");
      expect(res.count).toBe(1);
      expect(res.results[0]).toMatchObject({
        title: "A Day Out",
        date: "2021-03-04",
        studio_id: ids.studios["Big Studio"],
        performer_ids: [ids.performers["Jane Doe"]],
        tag_ids: [ids.tags["Outdoor"]],
      });
    });
  });

  test("{mmm}, {d}, {i}, {} and ratings", async () => {
    const fixture: Fixture = { scenes: [{ files: [file("/lib/07-Mar-2019_Sunset 1080p_4.mkv")] }] };
    await withScenes(fixture, async (stash) => {
      const res = await parse(stash, "{dd}{d}{mmm}{d}{yyyy}{d}{title} {i}_{rating}.{ext}", { ignoreWords: ["1080p", "720p"] });
      // {rating} takes 1-5 and reports it on the 1-100 scale in `rating`, as Stash does.
      expect(res.results[0]).toMatchObject({ title: "Sunset", date: "2019-03-07", rating: 80, rating100: null });
      const wild = await parse(stash, "{}_{title} {}.{ext}");
      expect(wild.results[0]?.title).toBe("Sunset");
    });
  });

  test("unknown names leave ids unset; an unknown field or a missing pattern is an error", async () => {
    await withScenes({ scenes: [{ files: [file("/lib/nobody - x.mp4")] }] }, async (stash) => {
      const res = await parse(stash, "{performer} - {title}.{ext}");
      expect(res.results[0]).toMatchObject({ title: "x", performer_ids: null, studio_id: null });
      const invalid = await gql(stash, PARSE, { filter: { q: "{title}.{bogus}.{nope}" }, config: {} });
      expect(invalid.body.errors?.[0]?.message).toBe("Invalid fields: {bogus}, {nope}");
      expect(invalid.body.data).toBeNull();
      const missing = await gql(stash, PARSE, { filter: {}, config: {} });
      expect(missing.body.errors?.[0]?.message).toContain("nil pointer dereference");
    });
  });

  test("count covers every scene whose path matches; paging and ignoreOrganized apply", async () => {
    const scenes = ["a", "b", "c"].map((n, i) => ({ organized: i === 0, files: [file(`/lib/clip - ${n}.mp4`)] }));
    await withScenes({ scenes: [...scenes, { files: [file("/lib/other.mp4")] }] }, async (stash, ids) => {
      const page = await parse(stash, "clip - {title}.{ext}", {}, { per_page: 2, page: 2 });
      expect(page.count).toBe(3);
      expect(page.results.map((r) => r.title)).toEqual(["c"]);
      const unorganized = await parse(stash, "clip - {title}.{ext}", { ignoreOrganized: true }, { per_page: -1 });
      expect(unorganized.count).toBe(2);
      expect(unorganized.results.map((r) => r.scene.id)).toEqual([ids.scenes[1], ids.scenes[2]]);
    });
  });

  test("a pattern with a slash is matched against the whole path", async () => {
    await withScenes({ scenes: [{ files: [file("/media/Acme Films/2020-01-02 Opening.mp4")] }] }, async (stash) => {
      const res = await parse(stash, "/{studio}/{date} {title}.{ext}");
      expect(res.results[0]).toMatchObject({ title: "Opening", date: "2020-01-02", studio_id: null });
    });
  });

  test("a yyyymmdd date is proposed only when the scene already has a different date", async () => {
    const fixture: Fixture = {
      scenes: [
        { title: "dated", date: "2000-01-01", files: [file("/lib/20210506 first.mp4")] },
        { title: "undated", files: [file("/lib/20210506 second.mp4")] },
      ],
    };
    await withScenes(fixture, async (stash) => {
      const res = await parse(stash, "{yyyymmdd} {title}.{ext}", {}, { per_page: -1 });
      expect(res.results.map((r) => [r.title, r.date])).toEqual([
        ["first", "2021-05-06"],
        ["second", null],
      ]);
    });
  });
});

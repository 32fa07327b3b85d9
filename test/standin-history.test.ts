/**
 * Play/O histories and activity over HTTP: entries at one-second UTC
 * precision, newest first, counters derived from the histories, Timestamp
 * input forms, and no `updated_at` bump.
 */
import { describe, expect, test } from "vitest";
import { gql, gqlData, withStandIn } from "./helpers/standin";

function clock(start: string): { now: () => Date; advance: (seconds: number) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (seconds) => (t += seconds * 1000) };
}

const time = clock("2025-06-15T12:00:00.750Z");
const stash = withStandIn({ now: time.now });

const ADD_O = `mutation($id: ID!, $times: [Timestamp!]) { sceneAddO(id: $id, times: $times) { count history } }`;
const DELETE_O = `mutation($id: ID!, $times: [Timestamp!]) { sceneDeleteO(id: $id, times: $times) { count history } }`;
const ADD_PLAY = `mutation($id: ID!, $times: [Timestamp!]) { sceneAddPlay(id: $id, times: $times) { count history } }`;
const DELETE_PLAY = `mutation($id: ID!, $times: [Timestamp!]) { sceneDeletePlay(id: $id, times: $times) { count history } }`;
const SCENE = `query($id: ID) { findScene(id: $id) { o_counter play_count last_played_at o_history play_history resume_time play_duration updated_at } }`;

async function newScene(extra: Record<string, unknown> = {}): Promise<string> {
  const ids = await stash().seed({ scenes: [{ title: "History", ...extra }] });
  return ids.scenes[0]!;
}

function record(id: string) {
  return stash().store.get("scenes", Number(id))!;
}

describe("O history", () => {
  test("sceneAddO without times adds one entry at now, truncated to the second", async () => {
    const id = await newScene();
    const res = await gqlData(stash(), ADD_O, { id });
    expect(res.sceneAddO).toEqual({ count: 1, history: ["2025-06-15T12:00:00Z"] });
  });

  test("sceneAddO with times adds one per time and answers newest first; all input forms parse", async () => {
    const id = await newScene();
    const res = await gqlData(stash(), ADD_O, {
      id,
      times: ["2020-01-01", "2021-03-04 05:06:07", "2022-02-02T10:00:00+02:00", "<4h", ">1h30m"],
    });
    expect(res.sceneAddO).toEqual({
      count: 5,
      history: [
        "2025-06-15T13:30:00Z",
        "2025-06-15T08:00:00Z",
        "2022-02-02T08:00:00Z",
        "2021-03-04T05:06:07Z",
        "2020-01-01T00:00:00Z",
      ],
    });
  });

  test("a malformed time is a clear error and adds nothing", async () => {
    const id = await newScene();
    for (const bad of ["yesterday", "<4d", "2014-02-30"]) {
      const res = await gql(stash(), ADD_O, { id, times: ["2020-01-01", bad] });
      expect(res.body.errors?.[0]?.message).toContain(bad.startsWith("<") ? 'unknown unit "d"' : bad);
    }
    expect(record(id).oHistory).toEqual([]);
  });

  test("sceneDeleteO without times removes the newest entry; with times one match per time", async () => {
    const id = await newScene({ o_history: ["2020-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z"] });
    const newest = await gqlData(stash(), DELETE_O, { id });
    expect(newest.sceneDeleteO).toEqual({
      count: 3,
      history: ["2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z"],
    });
    const matching = await gqlData(stash(), DELETE_O, { id, times: ["2021-01-01T00:00:00Z", "1999-01-01"] });
    expect(matching.sceneDeleteO).toEqual({ count: 2, history: ["2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z"] });
  });

  test("deleting from a missing scene answers {0, []}; adding to one is an error", async () => {
    expect((await gqlData(stash(), DELETE_O, { id: "999999" })).sceneDeleteO).toEqual({ count: 0, history: [] });
    const res = await gql(stash(), ADD_O, { id: "999999" });
    expect(res.body.errors?.[0]?.message).toBe("scene with id 999999 not found");
    expect(res.body.data).toBeNull();
  });

  test("sceneResetO clears and answers 0, also for a missing scene; deprecated counters follow the history", async () => {
    const id = await newScene({ o_history: ["2020-01-01T00:00:00Z"] });
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneIncrementO(id: $id) }`, { id })).toEqual({ sceneIncrementO: 2 });
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneDecrementO(id: $id) }`, { id })).toEqual({ sceneDecrementO: 1 });
    expect(record(id).oHistory).toEqual(["2020-01-01T00:00:00Z"]);
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneResetO(id: $id) }`, { id })).toEqual({ sceneResetO: 0 });
    expect(record(id).oHistory).toEqual([]);
    expect(await gqlData(stash(), `mutation { sceneResetO(id: "999999") }`)).toEqual({ sceneResetO: 0 });
  });
});

describe("play history and activity", () => {
  test("plays drive play_count and last_played_at; the scene's histories are newest first", async () => {
    const id = await newScene();
    await gqlData(stash(), ADD_PLAY, { id, times: ["2024-05-01T10:00:00Z", "2024-06-01T10:00:00Z"] });
    await gqlData(stash(), ADD_O, { id, times: ["2024-05-02T00:00:00Z"] });
    const scene = (await gqlData(stash(), SCENE, { id })).findScene;
    expect(scene).toMatchObject({
      play_count: 2,
      o_counter: 1,
      last_played_at: "2024-06-01T10:00:00Z",
      play_history: ["2024-06-01T10:00:00Z", "2024-05-01T10:00:00Z"],
      o_history: ["2024-05-02T00:00:00Z"],
    });
    const deleted = await gqlData(stash(), DELETE_PLAY, { id });
    expect(deleted.sceneDeletePlay).toEqual({ count: 1, history: ["2024-05-01T10:00:00Z"] });
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneIncrementPlayCount(id: $id) }`, { id })).toEqual({
      sceneIncrementPlayCount: 2,
    });
    expect(await gqlData(stash(), `mutation($id: ID!) { sceneResetPlayCount(id: $id) }`, { id })).toEqual({
      sceneResetPlayCount: 0,
    });
    expect((await gqlData(stash(), SCENE, { id })).findScene).toMatchObject({ play_count: 0, last_played_at: null });
  });

  test("sceneSaveActivity replaces resume_time and adds playDuration; sceneResetActivity zeroes flagged fields", async () => {
    const id = await newScene({ resume_time: 3, play_duration: 10 });
    const SAVE = `mutation($id: ID!, $r: Float, $d: Float) { sceneSaveActivity(id: $id, resume_time: $r, playDuration: $d) }`;
    expect(await gqlData(stash(), SAVE, { id, r: 12.5, d: 5 })).toEqual({ sceneSaveActivity: true });
    expect(record(id)).toMatchObject({ resumeTime: 12.5, playDuration: 15 });
    await gqlData(stash(), SAVE, { id, d: 1.5 });
    expect(record(id)).toMatchObject({ resumeTime: 12.5, playDuration: 16.5 });
    const RESET = `mutation($id: ID!, $r: Boolean, $d: Boolean) { sceneResetActivity(id: $id, reset_resume: $r, reset_duration: $d) }`;
    await gqlData(stash(), RESET, { id, r: true });
    expect(record(id)).toMatchObject({ resumeTime: 0, playDuration: 16.5 });
    await gqlData(stash(), RESET, { id, d: true });
    expect(record(id)).toMatchObject({ resumeTime: 0, playDuration: 0 });
    for (const query of [SAVE, RESET]) {
      const res = await gql(stash(), query, { id: "999999" });
      expect(res.body.errors?.[0]?.message).toContain("999999");
      expect(res.body.data).toBeNull();
    }
  });

  test("history and activity mutations do not bump updated_at", async () => {
    const id = await newScene();
    const before = record(id).updatedAt;
    time.advance(3600);
    await gqlData(stash(), ADD_O, { id });
    await gqlData(stash(), ADD_PLAY, { id });
    await gqlData(stash(), DELETE_O, { id });
    await gqlData(stash(), `mutation($id: ID!) { sceneSaveActivity(id: $id, resume_time: 1, playDuration: 2) }`, { id });
    await gqlData(stash(), `mutation($id: ID!) { sceneResetActivity(id: $id, reset_resume: true) }`, { id });
    expect(record(id).updatedAt).toBe(before);
    expect(record(id).playHistory).toHaveLength(1);
  });
});

import { expectInvalid as expectInvalidOn } from "./helpers/expect-invalid";
import { describe, expect, it } from "vitest";
import { StashClient, StashGraphQLError, StashValidationError } from "../src/index";
import { withStandIn } from "./helpers/standin";

const stash = withStandIn();
const client = () => new StashClient({ url: stash().url, retry: false });

async function sceneWith(history: { plays?: string[]; os?: string[]; resume?: number; duration?: number } = {}): Promise<string> {
  const ids = await stash().seed({
    scenes: [
      {
        title: "History",
        play_history: history.plays ?? [],
        o_history: history.os ?? [],
        ...(history.resume === undefined ? {} : { resume_time: history.resume }),
        ...(history.duration === undefined ? {} : { play_duration: history.duration }),
      },
    ],
  });
  return ids.scenes[0]!;
}

function expectInvalid(call: () => Promise<unknown>, argument: string): Promise<StashValidationError> {
  return expectInvalidOn(stash(), call, argument);
}

describe("O history", () => {
  it("sceneAddO adds one entry per time (Dates and strings), newest first", async () => {
    const id = await sceneWith();
    const result = await client().sceneAddO(id, [new Date("2024-01-15T10:30:00.250Z"), "2024-01-16T14:20:00Z"]);
    expect(result.count).toBe(2);
    expect(result.history).toEqual(["2024-01-16T14:20:00Z", "2024-01-15T10:30:00Z"]);
    const now = await client().sceneAddO(id);
    expect(now.count).toBe(3);
  });

  it("sceneAddO validates times and reports a missing scene", async () => {
    await expectInvalid(() => client().sceneAddO("1", ["2024-02-30"]), "times[0]");
    await expectInvalid(() => client().sceneAddO("1", ["yesterday"]), "times[0]");
    await expectInvalid(() => client().sceneAddO("1", [new Date(Number.NaN)]), "times[0]");
    await expectInvalid(() => client().sceneAddO("1", []), "times");
    await expect(client().sceneAddO("987654321")).rejects.toBeInstanceOf(StashGraphQLError);
  });

  it("sceneDeleteO removes the newest entry or the ones named", async () => {
    const id = await sceneWith({ os: ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"] });
    expect((await client().sceneDeleteO(id)).history).toEqual(["2024-02-01T00:00:00Z", "2024-01-01T00:00:00Z"]);
    expect(await client().sceneDeleteO(id, ["2024-01-01T00:00:00Z"])).toEqual({ count: 1, history: ["2024-02-01T00:00:00Z"] });
    await expectInvalid(() => client().sceneDeleteO(id, ["tomorrow"]), "times[0]");
  });

  it("sceneResetO empties the history", async () => {
    const id = await sceneWith({ os: ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"] });
    expect(await client().sceneResetO(id)).toBe(0);
    expect((await client().findScene(id))?.o_counter).toBe(0);
    await expectInvalid(() => client().sceneResetO("x"), "id");
  });
});

describe("play history", () => {
  it("sceneAddPlay accepts relative and date-only times", async () => {
    const id = await sceneWith();
    const result = await client().sceneAddPlay(id, ["<2h", "2024-05-01"]);
    expect(result.count).toBe(2);
    expect(result.history[1]).toBe("2024-05-01T00:00:00Z");
    expect((await client().findScene(id))?.play_count).toBe(2);
    await expectInvalid(() => client().sceneAddPlay(id, ["<2 hours"]), "times[0]");
  });

  it("sceneDeletePlay removes the newest play; a missing scene gives an empty history", async () => {
    const id = await sceneWith({ plays: ["2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z"] });
    expect(await client().sceneDeletePlay(id)).toEqual({ count: 1, history: ["2024-01-01T00:00:00Z"] });
    expect(await client().sceneDeletePlay("987654321")).toEqual({ count: 0, history: [] });
    await expectInvalid(() => client().sceneDeletePlay(id, []), "times");
  });

  it("sceneResetPlayCount empties the play history", async () => {
    const id = await sceneWith({ plays: ["2024-01-01T00:00:00Z"] });
    expect(await client().sceneResetPlayCount(id)).toBe(0);
    expect((await client().findScene(id))?.last_played_at).toBeNull();
    await expectInvalid(() => client().sceneResetPlayCount(""), "id");
  });
});

describe("activity", () => {
  it("sceneSaveActivity replaces the resume point and adds the duration", async () => {
    const id = await sceneWith({ resume: 5, duration: 100 });
    expect(await client().sceneSaveActivity(id, { resumeTime: 120.5, playDuration: 30 })).toBe(true);
    const scene = await client().findScene(id);
    expect(scene?.resume_time).toBe(120.5);
    expect(scene?.play_duration).toBe(130);
    expect(await client().sceneSaveActivity(id, { playDuration: 10 })).toBe(true);
    expect((await client().findScene(id))?.play_duration).toBe(140);
  });

  it("sceneSaveActivity checks its arguments and reports a missing scene", async () => {
    await expectInvalid(() => client().sceneSaveActivity("1", {}), "activity");
    await expectInvalid(() => client().sceneSaveActivity("1", { resume_time: 3 } as never), "activity");
    await expectInvalid(() => client().sceneSaveActivity("1", { resumeTime: -3 }), "activity.resumeTime");
    await expect(client().sceneSaveActivity("987654321", { resumeTime: 1 })).rejects.toBeInstanceOf(StashGraphQLError);
  });

  it("sceneResetActivity zeroes the flagged fields only", async () => {
    const id = await sceneWith({ resume: 50, duration: 300 });
    expect(await client().sceneResetActivity(id, { resetResume: true })).toBe(true);
    const scene = await client().findScene(id);
    expect(scene?.resume_time).toBe(0);
    expect(scene?.play_duration).toBe(300);
    await expectInvalid(() => client().sceneResetActivity(id, {}), "reset");
    await expectInvalid(() => client().sceneResetActivity(id, { resetDuration: "yes" as never }), "reset.resetDuration");
    await expect(client().sceneResetActivity("987654321", { resetDuration: true })).rejects.toBeInstanceOf(StashGraphQLError);
  });
});

/**
 * Fuzzy scene dates and Timestamp parsing: over HTTP against v0.30 and an
 * older stand-in, plus the pure parsers the stand-in uses.
 */
import { describe, expect, test } from "vitest";
import {
  convertSceneDate,
  parseFuzzyDate,
  parseGoDuration,
  parseTimestamp,
  versionAtLeast,
} from "../src/testing/dates";
import { gql, gqlData, usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn();
const UPDATE = `mutation($input: SceneUpdateInput!) { sceneUpdate(input: $input) { id date } }`;
const CREATE = `mutation($input: SceneCreateInput!) { sceneCreate(input: $input) { id date } }`;

async function sceneId(): Promise<string> {
  return (await stash().seed({ scenes: [{ title: "Dated", date: "2001-01-01" }] })).scenes[0]!;
}

describe("scene dates over HTTP (v0.30)", () => {
  test("are returned at the precision given", async () => {
    const id = await sceneId();
    for (const date of ["2014-02-28", "2014-02", "2014", "2016-02-29"]) {
      expect((await gqlData(stash(), UPDATE, { input: { id, date } })).sceneUpdate.date).toBe(date);
    }
  });

  test("times are stored at day precision, in their own offset", async () => {
    const id = await sceneId();
    const cases: [string, string][] = [
      ["2019-07-04T23:30:00-05:00", "2019-07-04"],
      ["2019-07-05T01:02:03Z", "2019-07-05"],
      ["2019-07-06 10:11:12", "2019-07-06"],
    ];
    for (const [date, stored] of cases) {
      expect((await gqlData(stash(), UPDATE, { input: { id, date } })).sceneUpdate.date).toBe(stored);
    }
  });

  test("2014-02-30 and other non-dates are rejected with Stash's message and change nothing", async () => {
    const id = await sceneId();
    for (const date of ["2014-02-30", "2014-13", "2014-00-10", "20140101", "14-01-01", "yesterday", "2014-1-5"]) {
      const res = await gql(stash(), UPDATE, { input: { id, date } });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]?.message).toBe(`converting date: failed to parse date "${date}"`);
      expect(res.body.data?.sceneUpdate).toBeNull();
    }
    expect(stash().store.get("scenes", Number(id))!.date).toBe("2001-01-01");
  });

  test("null and \"\" clear the date; sceneCreate and bulkSceneUpdate parse the same way", async () => {
    const id = await sceneId();
    expect((await gqlData(stash(), UPDATE, { input: { id, date: "" } })).sceneUpdate.date).toBeNull();
    await gqlData(stash(), UPDATE, { input: { id, date: "2010" } });
    expect((await gqlData(stash(), UPDATE, { input: { id, date: null } })).sceneUpdate.date).toBeNull();
    expect((await gqlData(stash(), CREATE, { input: { title: "c", date: "1999-12" } })).sceneCreate.date).toBe("1999-12");
    const bad = await gql(stash(), CREATE, { input: { title: "c", date: "1999-02-29" } });
    expect(bad.body.errors?.[0]?.message).toBe('converting date: failed to parse date "1999-02-29"');
    const bulk = await gqlData(stash(), `mutation($input: BulkSceneUpdateInput!) { bulkSceneUpdate(input: $input) { date } }`, {
      input: { ids: [id], date: "2011-11" },
    });
    expect(bulk.bulkSceneUpdate).toEqual([{ date: "2011-11" }]);
  });
});

describe("older servers", () => {
  test("before v0.30 only full dates are accepted", async () => {
    await usingStandIn({ version: "v0.29.3" }, async (old) => {
      const id = (await old.seed({ scenes: [{ title: "Old" }] })).scenes[0]!;
      expect((await gqlData(old, UPDATE, { input: { id, date: "2015-06-07" } })).sceneUpdate.date).toBe("2015-06-07");
      for (const date of ["2015-06", "2015"]) {
        const res = await gql(old, UPDATE, { input: { id, date } });
        expect(res.body.errors?.[0]?.message).toBe(`converting date: failed to parse date "${date}"`);
      }
    });
  });
});

describe("parsers", () => {
  test("versionAtLeast: dev builds count as their release, empty means newest", () => {
    expect(versionAtLeast("v0.30.1", "v0.30.0")).toBe(true);
    expect(versionAtLeast("v0.30.1-12-gabc1234", "v0.30.1")).toBe(true);
    expect(versionAtLeast("v0.29.3", "v0.30.0")).toBe(false);
    expect(versionAtLeast("", "v0.30.0")).toBe(true);
    expect(versionAtLeast("0.30.0", "v0.30.0")).toBe(true);
  });

  test("parseFuzzyDate validates calendar dates and honours the version", () => {
    expect(parseFuzzyDate("2024-02-29")).toBe("2024-02-29");
    expect(parseFuzzyDate("2023-02-29")).toBeNull();
    expect(parseFuzzyDate("2023-04-31")).toBeNull();
    expect(parseFuzzyDate("2023-12", "v0.30.0")).toBe("2023-12");
    expect(parseFuzzyDate("2023-12", "v0.28.1")).toBeNull();
    expect(() => convertSceneDate("2023-99")).toThrow('converting date: failed to parse date "2023-99"');
  });

  test("parseGoDuration follows Go's grammar and messages", () => {
    expect(parseGoDuration("4h")).toBe(4 * 3_600_000);
    expect(parseGoDuration("1h30m")).toBe(5_400_000);
    expect(parseGoDuration("1.5s")).toBe(1500);
    expect(parseGoDuration("0")).toBe(0);
    expect(() => parseGoDuration("4d")).toThrow('time: unknown unit "d" in duration "4d"');
    expect(() => parseGoDuration("4")).toThrow('time: missing unit in duration "4"');
    expect(() => parseGoDuration("")).toThrow('time: invalid duration ""');
  });

  test("parseTimestamp: RFC3339, dates, date-times and relative forms", () => {
    const now = new Date("2025-01-10T12:00:00Z");
    expect(parseTimestamp("2025-01-01T10:00:00+01:00", now).toISOString()).toBe("2025-01-01T09:00:00.000Z");
    expect(parseTimestamp("2025-01-01", now).toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(parseTimestamp("2025-01-01 01:02:03", now).toISOString()).toBe("2025-01-01T01:02:03.000Z");
    expect(parseTimestamp("<4h", now).toISOString()).toBe("2025-01-10T08:00:00.000Z");
    expect(parseTimestamp(">5m", now).toISOString()).toBe("2025-01-10T12:05:00.000Z");
    expect(() => parseTimestamp("2025-13-01", now)).toThrow("ParseDateStringAsTime failed");
    expect(() => parseTimestamp(42, now)).toThrow("is not a string");
  });
});

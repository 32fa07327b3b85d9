import { describe, expect, it } from "vitest";
import { gql, usingStandIn, withStandIn } from "./helpers/standin";

const locked = withStandIn({ apiKey: "right-key" });
const open = withStandIn();
const QUERY = "{ version { version } }";

describe("stand-in authentication with an API key configured", () => {
  it("refuses a request without a key: 401, empty body, WWW-Authenticate FormBased", async () => {
    const res = await gql(locked(), QUERY);
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    expect(res.headers["www-authenticate"]).toBe("FormBased");
  });

  it("refuses a wrong key the same way", async () => {
    const res = await gql(locked(), QUERY, undefined, { ApiKey: "wrong-key" });
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    expect(res.headers["www-authenticate"]).toBe("FormBased");
  });

  it("accepts the right key in the ApiKey header", async () => {
    const res = await gql(locked(), QUERY, undefined, { ApiKey: "right-key" });
    expect(res.status).toBe(200);
    expect(res.body.data.version.version).toBe("v0.30.1");
  });

  it("accepts the key as ?apikey= on media URLs and refuses media without it", async () => {
    const ids = await locked().seed({ scenes: [{ title: "Locked" }] });
    const without = await fetch(`${locked().baseUrl}/scene/${ids.scenes[0]}/screenshot`);
    expect(without.status).toBe(401);
    const withKey = await fetch(`${locked().baseUrl}/scene/${ids.scenes[0]}/screenshot?apikey=right-key`);
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get("content-type")).toBe("image/png");
  });

  it("counts refused requests", async () => {
    locked().resetStats();
    await gql(locked(), QUERY);
    expect(locked().requests).toBe(1);
  });
});

describe("stand-in authentication without an API key configured", () => {
  it("accepts requests that send no key", async () => {
    const res = await gql(open(), QUERY);
    expect(res.status).toBe(200);
    expect(res.body.data.version.version).toBe("v0.30.1");
  });

  it("refuses any non-empty key with 401", async () => {
    const res = await gql(open(), QUERY, undefined, { ApiKey: "anything" });
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    expect(res.headers["www-authenticate"]).toBe("FormBased");
  });
});

describe("stand-in authentication imitating v0.25", () => {
  it("answers an unexpected key with 500 'unauthorized' as v0.25 did", async () => {
    await usingStandIn({ version: "v0.25.1" }, async (old) => {
      const res = await gql(old, QUERY, undefined, { ApiKey: "anything" });
      expect(res.status).toBe(500);
      expect(res.text.trim()).toBe("unauthorized");
      expect((await gql(old, QUERY)).status).toBe(200);
    });
  });
});

import { request as httpRequest, Agent } from "node:http";
import { describe, expect, it } from "vitest";
import { startStandIn } from "../src/testing/index";
import { gql, gqlGet, postRaw, usingStandIn, withStandIn } from "./helpers/standin";

const stash = withStandIn();

describe("stand-in HTTP server", () => {
  it("listens on 127.0.0.1 and answers POST /graphql", async () => {
    expect(stash().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const res = await gql(stash(), "{ version { version } }");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { version: { version: "v0.30.1" } } });
  });

  it("answers GET /graphql with query, variables and operationName parameters", async () => {
    await gql(stash(), `mutation { tagCreate(input: { name: "GetTag" }) { id } }`);
    const res = await gqlGet(
      stash(),
      "query A { version { version } } query B($q: String) { findTags(filter: { q: $q }) { count tags { name } } }",
      { q: "gettag" },
      {},
      "B",
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ findTags: { count: 1, tags: [{ name: "GetTag" }] } });
  });

  it("refuses a mutation sent with GET", async () => {
    const res = await gqlGet(stash(), `mutation { tagCreate(input: { name: "ViaGet" }) { id } }`);
    expect(res.status).toBe(406);
    expect(res.body.errors?.[0]?.message).toBe("GET requests only allow query operations");
    const check = await gql(stash(), `{ findTags(filter: { q: "ViaGet" }) { count } }`);
    expect(check.body.data.findTags.count).toBe(0);
  });

  it("serves /healthz without authentication", async () => {
    await usingStandIn({ apiKey: "secret" }, async (locked) => {
      const res = await fetch(`${locked.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("ok");
    });
  });

  it("answers 422 GRAPHQL_PARSE_FAILED with data null for a syntax error", async () => {
    const res = await gql(stash(), "{ version { ");
    expect(res.status).toBe(422);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers 422 GRAPHQL_VALIDATION_FAILED for an unknown field", async () => {
    const res = await gql(stash(), "{ version { nope } }");
    expect(res.status).toBe(422);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.body.errors?.[0]?.message).toContain("nope");
  });

  it("answers 422 for a missing required argument and for a bad enum value", async () => {
    const missing = await gql(stash(), "{ findTag { id } }");
    expect(missing.status).toBe(422);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const badEnum = await gql(stash(), "{ findTags(filter: { direction: SIDEWAYS }) { count } }");
    expect(badEnum.status).toBe(422);
    expect(badEnum.body.data).toBeNull();
  });

  it("answers 422 with data null when variables do not coerce", async () => {
    const res = await gql(stash(), "query Q($id: ID!) { findTag(id: $id) { id } }", {});
    expect(res.status).toBe(422);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.body.errors?.[0]?.message).toContain("$id");
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await postRaw(stash(), "{not json");
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain("json request body could not be decoded");
  });

  it("answers 422 when the query is missing", async () => {
    const res = await postRaw(stash(), JSON.stringify({ variables: {} }));
    expect(res.status).toBe(422);
    expect(res.body.data).toBeNull();
  });

  it("turns a resolver error into HTTP 200 with the field path and a null nullable field", async () => {
    const res = await gql(stash(), `{ findTag(id: "abc") { id } }`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ findTag: null });
    expect(res.body.errors?.[0]?.message).toContain('strconv.Atoi: parsing "abc": invalid syntax');
    expect(res.body.errors?.[0]?.path).toEqual(["findTag"]);
  });

  it("makes data null when a non-null root field fails", async () => {
    const res = await gql(stash(), `{ version { version } findTags(filter: { sort: "bogus" }) { count } }`);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]).toMatchObject({ message: "invalid sort: bogus", path: ["findTags"] });
  });

  it("answers fields it does not implement with a 'not supported' error", async () => {
    const res = await gql(stash(), 'mutation { querySQL(sql: "select 1") { columns } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.message).toMatch(/^querySQL is not supported by the stand-in: /);
  });

  it("picks the operation named by operationName in a multi-operation document", async () => {
    const doc = "query One { version { version } } query Two { version { hash } }";
    const two = await gql(stash(), doc, undefined, {}, "Two");
    expect(Object.keys(two.body.data.version)).toEqual(["hash"]);
    const none = await gql(stash(), doc);
    expect(none.status).toBe(422);
    const unknown = await gql(stash(), doc, undefined, {}, "Three");
    expect(unknown.status).toBe(422);
  });

  it("answers application/graphql-response+json only when the client prefers it", async () => {
    const plain = await gql(stash(), "{ version { version } }");
    expect(plain.headers["content-type"]).toMatch(/^application\/json/);
    const preferred = await gql(stash(), "{ version { version } }", undefined, {
      Accept: "application/graphql-response+json, application/json;q=0.9",
    });
    expect(preferred.headers["content-type"]).toMatch(/^application\/graphql-response\+json/);
  });

  it("keeps connections alive across requests", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ports = new Set<number>();
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ query: "{ version { version } }" });
        const req = httpRequest(stash().url, { method: "POST", agent, headers: { "Content-Type": "application/json" } }, (res) => {
          ports.add(req.socket!.localPort!);
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        });
        req.on("error", reject);
        req.end(body);
      });
    const statuses = [await post(), await post(), await post()];
    agent.destroy();
    expect(statuses).toEqual([200, 200, 200]);
    expect(ports.size).toBe(1);
  });

  it("serves a PNG screenshot for an existing scene and 404 for a missing one", async () => {
    const ids = await stash().seed({ scenes: [{ title: "Shot" }] });
    const res = await fetch(`${stash().baseUrl}/scene/${ids.scenes[0]}/screenshot?t=123`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(160); // IHDR width
    const missing = await fetch(`${stash().baseUrl}/scene/999999/screenshot`);
    expect(missing.status).toBe(404);
  });

  it("answers 404 for unknown paths", async () => {
    const res = await fetch(`${stash().baseUrl}/nowhere`);
    expect(res.status).toBe(404);
  });

  it("keeps two instances fully isolated", async () => {
    await usingStandIn({}, async (a) => {
      await usingStandIn({}, async (b) => {
        await gql(a, `mutation { tagCreate(input: { name: "OnlyInA" }) { id } }`);
        const inA = await gql(a, `{ findTags(filter: { q: "OnlyInA" }) { count } }`);
        const inB = await gql(b, `{ findTags(filter: { q: "OnlyInA" }) { count } }`);
        expect(inA.body.data.findTags.count).toBe(1);
        expect(inB.body.data.findTags.count).toBe(0);
        expect(a.port).not.toBe(b.port);
      });
    });
  });
});

describe("stand-in versions", () => {
  it("serves an older snapshot and rejects fields it lacks with 422", async () => {
    await usingStandIn({ version: "v0.27.2" }, async (old) => {
      expect(old.schemaVersion).toBe("v0.27.2");
      const version = await gql(old, "{ version { version } }");
      expect(version.body.data.version.version).toBe("v0.27.2");
      const res = await gql(old, `mutation { sceneMarkersDestroy(ids: ["1"]) }`);
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });
  });

  it("uses the closest snapshot not newer for a release without one", async () => {
    await usingStandIn({ version: "v0.30.0" }, async (s) => {
      expect(s.schemaVersion).toBe("v0.29.3");
      expect((await gql(s, "{ version { version } }")).body.data.version.version).toBe("v0.30.0");
    });
  });

  it("reports empty and development versions verbatim", async () => {
    await usingStandIn({ version: "" }, async (s) => {
      expect(s.schemaVersion).toBe("v0.30.1");
      expect((await gql(s, "{ version { version } }")).body.data.version.version).toBe("");
    });
    await usingStandIn({ version: "v0.30.1-12-gabc1234" }, async (s) => {
      expect(s.schemaVersion).toBe("v0.30.1");
      expect((await gql(s, "{ version { version } }")).body.data.version.version).toBe("v0.30.1-12-gabc1234");
    });
    await usingStandIn({ version: "v0.28.1", reportedVersion: "v0.28.1-3-gdeadbee" }, async (s) => {
      expect(s.schemaVersion).toBe("v0.28.1");
      expect((await gql(s, "{ version { version hash build_time } }")).body.data.version).toMatchObject({
        version: "v0.28.1-3-gdeadbee",
        hash: expect.stringMatching(/^[0-9a-f]+$/),
      });
    });
  });

  it("refuses unknown or garbage versions with a clear error", async () => {
    await expect(startStandIn({ version: "banana" })).rejects.toThrow(/unknown Stash version "banana"/);
    await expect(startStandIn({ version: "v0.12.0" })).rejects.toThrow(/no schema snapshot for Stash v0\.12\.0/);
    await expect(startStandIn({ version: "v0.99.0" })).rejects.toThrow(/no schema snapshot/);
  });
});

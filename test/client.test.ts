import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@urql/core";
import { describe, expect, it } from "vitest";
import { VersionDocument } from "../src/operations";
import {
  DEFAULT_URL,
  StashAbortError,
  StashAuthError,
  StashClient,
  StashHttpError,
  StashUnsupportedError,
  StashValidationError,
  type FetchLike,
} from "../src/index";
import { StashCore } from "../src/core/client";
import { normalizeUrl } from "../src/core/url";
import { normalizeEndpoint } from "../src/schema/endpoint";
import { usingStandIn, withStandIn } from "./helpers/standin";

/** A fetch that records the headers of every request it passes on to the real fetch. */
function recordingFetch(): { fetch: FetchLike; headers: Headers[] } {
  const headers: Headers[] = [];
  return {
    headers,
    fetch: (input, init) => {
      headers.push(new Headers(init?.headers));
      return fetch(input, init);
    },
  };
}

const METHODS = [
  // The ported Python scene API.
  "findScene", "findScenes", "createScene", "updateScene", "findDuplicateScenes", "parseSceneFilenames", "sceneWall",
  "bulkSceneUpdate", "scenesUpdate", "sceneGenerateScreenshot", "findSceneByHash", "sceneDestroy", "scenesDestroy",
  "sceneMerge", "sceneAddO", "sceneDeleteO", "sceneResetO", "sceneSaveActivity", "sceneResetActivity", "sceneAddPlay",
  "sceneDeletePlay", "sceneResetPlayCount", "findScenesByPathRegex", "sceneStreams", "mergeSceneMarkers",
  "findDuplicateScenesWrapper",
  // Markers.
  "findSceneMarkers", "createSceneMarker", "updateSceneMarker", "bulkSceneMarkerUpdate", "destroySceneMarker",
  "destroySceneMarkers", "sceneMarkerTags", "markerWall", "markerStrings",
  // The rest.
  "sceneAssignFile", "scrapeSingleScene", "scrapeMultiScenes", "scrapeSceneURL", "version", "listSceneScrapers",
  "iterateScenes", "iterateSceneMarkers", "planDuplicateCleanup", "applyDuplicateCleanup", "request",
];

describe("StashClient: surface", () => {
  it("has every method of the contract", () => {
    const client = new StashClient();
    const missing = METHODS.filter((name) => typeof (client as unknown as Record<string, unknown>)[name] !== "function");
    expect(missing).toEqual([]);
  });

  it("exports the error classes and enum objects from the package entry", async () => {
    const pkg = (await import("../src/index")) as unknown as Record<string, unknown>;
    const generated = (await import("../generated/graphql")) as unknown as Record<string, unknown>;
    const StashError = pkg["StashError"] as new (...args: never[]) => Error;
    expect(StashError.prototype).toBeInstanceOf(Error);
    for (const name of ["StashGraphQLError", "StashHttpError", "StashAuthError", "StashNetworkError", "StashTimeoutError", "StashAbortError", "StashValidationError", "StashUnsupportedError"]) {
      // One hierarchy: `catch (e) { if (e instanceof StashError) … }` catches every SDK error.
      expect((pkg[name] as { prototype: unknown } | undefined)?.prototype, name).toBeInstanceOf(StashError);
    }
    // The generated run-time enum objects themselves (their values are checked against the schema in codegen.test.ts).
    for (const name of ["BulkUpdateIdMode", "CriterionModifier", "SortDirectionEnum", "ResolutionEnum"]) expect(pkg[name], name).toBe(generated[name]);
  });
});

describe("StashClient: URLs", () => {
  const stash = withStandIn();

  it("defaults to Stash's local endpoint", async () => {
    // Where a client without a URL actually sends its requests: Stash's own default address.
    const urls: string[] = [];
    const fetch: FetchLike = async (input) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ data: { version: { version: "v0.30.1", hash: "h", build_time: "t" } } }), {
        headers: { "content-type": "application/json" },
      });
    };
    const client = new StashClient({ fetch, checkCompatibility: false });
    expect(client.url).toBe(DEFAULT_URL);
    expect((await client.version()).version).toBe("v0.30.1");
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls)).toEqual(new Set(["http://localhost:9999/graphql"]));
  });

  it("appends /graphql to a base URL and answers through it", async () => {
    const client = new StashClient({ url: stash().baseUrl });
    expect(client.url).toBe(stash().url);
    expect((await client.version()).version).toBe(stash().version);
  });

  it("maps 0.0.0.0 (what Stash prints when listening everywhere) to 127.0.0.1", async () => {
    const client = new StashClient({ url: `http://0.0.0.0:${stash().port}` });
    expect(client.url).toBe(`http://127.0.0.1:${stash().port}/graphql`);
    expect((await client.version()).version).toBe(stash().version);
  });

  // Stash always serves GraphQL at <base>/graphql, also under a reverse proxy's path prefix,
  // so any path not ending in /graphql gets it (the client used to keep such paths as given).
  it.each([
    ["http://nas.lan/stash", "http://nas.lan/stash/graphql"],
    ["http://nas.lan/stash/", "http://nas.lan/stash/graphql"],
    ["http://h:9999", "http://h:9999/graphql"],
    ["http://h/graphql/", "http://h/graphql"],
    ["http://0.0.0.0:9999", "http://127.0.0.1:9999/graphql"],
    ["http://[::]:9999/graphql", "http://[::1]:9999/graphql"],
  ])("one rule for the client and the schema tool: %s → %s", (input, expected) => {
    expect(normalizeUrl(input).url).toBe(expected);
    expect(new StashCore({ url: input }).url).toBe(expected);
    expect(normalizeEndpoint(input)).toBe(expected);
  });

  it("sends a base URL with a path prefix to <prefix>/graphql", async () => {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { version: { version: "v0.30.1" } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const core = new StashCore({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stash` });
      expect(await core.request(VersionDocument, {})).toMatchObject({ version: { version: "v0.30.1" } });
      expect(paths).toEqual(["/stash/graphql"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses a URL that is not http(s), before any request", () => {
    expect(() => new StashClient({ url: "ftp://127.0.0.1/graphql" })).toThrow(StashValidationError);
    expect(() => new StashClient({ url: "not a url" })).toThrow(StashValidationError);
  });
});

describe("StashClient: API key", () => {
  it("sends no ApiKey header when no key is set", async () => {
    await usingStandIn({}, async (stash) => {
      const rec = recordingFetch();
      await new StashClient({ url: stash.url, fetch: rec.fetch }).version();
      // The compatibility probe plus the call itself.
      expect(rec.headers).toHaveLength(2);
      expect(rec.headers.some((h) => h.has("ApiKey"))).toBe(false);
    });
  });

  it("works with the right key and raises StashAuthError with a wrong or missing one", async () => {
    await usingStandIn({ apiKey: "right-key" }, async (stash) => {
      const rec = recordingFetch();
      const good = new StashClient({ url: stash.url, apiKey: "right-key", fetch: rec.fetch });
      expect((await good.version()).version).toBe(stash.version);
      expect(rec.headers[0]!.get("ApiKey")).toBe("right-key");

      const wrong = new StashClient({ url: stash.url, apiKey: "wrong-key" });
      const err = await wrong.version().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashAuthError);
      expect((err as StashAuthError).status).toBe(401);
      // The key must never leak into an error.
      expect(JSON.stringify((err as StashAuthError).toJSON())).not.toContain("wrong-key");

      await expect(new StashClient({ url: stash.url }).version()).rejects.toBeInstanceOf(StashAuthError);
    });
  });
});

describe("StashClient: compatibility check", () => {
  it("is on by default: a server older than v0.28 is refused with StashUnsupportedError", async () => {
    await usingStandIn({ version: "v0.27.2" }, async (stash) => {
      await expect(new StashClient({ url: stash.url }).findScene("1")).rejects.toBeInstanceOf(StashUnsupportedError);
      // Without the check the request goes out and the old schema rejects it.
      const unchecked = new StashClient({ url: stash.url, checkCompatibility: false });
      const err = await unchecked.findScene("1").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashHttpError);
      expect((err as StashHttpError).status).toBe(422);
    });
  });
});

describe("StashClient.fromEnv", () => {
  it("reads STASH_URL and STASH_API_KEY", async () => {
    await usingStandIn({ apiKey: "env-key" }, async (stash) => {
      const client = StashClient.fromEnv({ STASH_URL: stash.baseUrl, STASH_API_KEY: "env-key" });
      expect(client.url).toBe(stash.url);
      expect((await client.version()).version).toBe(stash.version);
    });
  });

  it("lets overrides win and ignores empty variables", () => {
    expect(StashClient.fromEnv({ STASH_URL: "http://127.0.0.1:1" }, { url: "http://127.0.0.1:2" }).url).toBe("http://127.0.0.1:2/graphql");
    expect(StashClient.fromEnv({ STASH_URL: "  " }).url).toBe(DEFAULT_URL);
  });

  it("refuses a non-numeric STASH_TIMEOUT_MS", () => {
    const err = (() => {
      try {
        StashClient.fromEnv({ STASH_TIMEOUT_MS: "soon" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StashValidationError);
    expect((err as StashValidationError).argument).toBe("STASH_TIMEOUT_MS");
  });
});

describe("StashClient.request (escape hatch)", () => {
  const stash = withStandIn();

  it("runs a generated document", async () => {
    const client = new StashClient({ url: stash().url });
    const data = await client.request(VersionDocument, {});
    expect(data.version.version).toBe(stash().version);
  });

  it("turns a 422 (field unknown to the server) into StashHttpError", async () => {
    const client = new StashClient({ url: stash().url });
    const bad = parse("query Bad { version { version no_such_field } }") as TypedDocumentNode<unknown, Record<string, never>>;
    const err = await client.request(bad, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StashHttpError);
    expect((err as StashHttpError).status).toBe(422);
    expect((err as StashHttpError).errors.map((e) => e.message).join(" ")).toContain("no_such_field");
  });

  it("aborts a call when its signal fires", async () => {
    const client = new StashClient({ url: stash().url, retry: false });
    stash().faults.set({ hang: true, times: 1 });
    const controller = new AbortController();
    const pending = client.version({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(StashAbortError);
    stash().faults.clear();
    // The client stays usable after an abort.
    expect((await client.version()).version).toBe(stash().version);
  });

  it("throws StashValidationError for a bad id without sending anything", async () => {
    const client = new StashClient({ url: stash().url });
    const before = stash().requests;
    for (const id of ["", "abc", "1.5", -1]) {
      const err = await client.findScene(id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashValidationError);
      expect((err as StashValidationError).argument).toBe("id");
    }
    expect(stash().requests).toBe(before);
  });
});

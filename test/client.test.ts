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
    const pkg = await import("../src/index");
    for (const name of ["StashError", "StashGraphQLError", "StashHttpError", "StashAuthError", "StashNetworkError", "StashTimeoutError", "StashAbortError", "StashValidationError", "StashUnsupportedError"]) {
      expect(typeof (pkg as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(pkg.BulkUpdateIdMode.ADD).toBe("ADD");
    expect(pkg.CriterionModifier.INCLUDES_ALL).toBe("INCLUDES_ALL");
    expect(pkg.SortDirectionEnum.DESC).toBe("DESC");
    expect(pkg.ResolutionEnum).toHaveProperty("FULL_HD");
  });
});

describe("StashClient: URLs", () => {
  const stash = withStandIn();

  it("defaults to Stash's local endpoint", () => {
    expect(new StashClient().url).toBe(DEFAULT_URL);
    expect(DEFAULT_URL).toBe("http://localhost:9999/graphql");
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

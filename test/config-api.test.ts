/**
 * `stash.config` against a stand-in over real HTTP: a typed read, and updates
 * that send only the keys that differ (one read, then only the needed
 * configure* mutations, none when nothing changed).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { StashClient, StashValidationError, type FetchLike, type StashConfig } from "../src/index";
import { startStandIn, type StandIn } from "../src/testing/index";

let standIn: StandIn;
let stash: StashClient;
/** The variables of every mutation sent, by operation name. */
let sent: { operationName: string; variables: Record<string, any> }[] = [];

const recording: FetchLike = async (input, init) => {
  const body = JSON.parse(String(init?.body ?? "{}"));
  const name = /^\s*mutation\s+(\w+)/.exec(body.query ?? "")?.[1];
  if (name) sent.push({ operationName: name, variables: body.variables });
  return fetch(input, init);
};

const mutations = () => standIn.operations.filter((o) => o.operationType === "mutation").map((o) => o.operationName);
const queries = () => standIn.operations.filter((o) => o.operationType === "query").map((o) => o.operationName);

beforeAll(async () => {
  standIn = await startStandIn({ config: { interface: { language: "de-DE" }, ui: { theme: { dark: true }, lang: "de" } } });
  stash = new StashClient({ url: standIn.url, retry: false, fetch: recording });
  await stash.capabilities(); // the probe, out of the way of the request counts
});
afterAll(async () => {
  await stash.close();
  await standIn.close();
});
beforeEach(() => {
  standIn.resetStats();
  sent = [];
});

describe("config.get", () => {
  it("returns the typed configuration", async () => {
    const config = await stash.config.get();
    expectTypeOf(config).toEqualTypeOf<StashConfig>();
    expectTypeOf(config.general.parallelTasks).toEqualTypeOf<number>();
    expect(config.general.parallelTasks).toBe(1);
    expect(config.interface.language).toBe("de-DE");
    expect(config.ui).toEqual({ theme: { dark: true }, lang: "de" });
    expect(queries()).toEqual(["Configuration"]);
  });
});

describe("config.update", () => {
  it("sends only the changed keys of each section, one mutation per changed section", async () => {
    const next = await stash.config.update({
      general: { parallelTasks: 3, previewSegments: 12 }, // previewSegments is already 12
      interface: { language: "de-DE", soundOnPreview: true },
      dlna: { port: 1338 }, // unchanged: no configureDLNA
    });
    expect(queries()).toEqual(["Configuration"]);
    expect(mutations()).toEqual(["ConfigureGeneral", "ConfigureInterface"]);
    expect(sent.map((s) => [s.operationName, s.variables])).toEqual([
      ["ConfigureGeneral", { input: { parallelTasks: 3 } }],
      ["ConfigureInterface", { input: { soundOnPreview: true } }],
    ]);
    expect(next.general.parallelTasks).toBe(3);
    expect(next.interface.soundOnPreview).toBe(true);
    expect(next.interface.language).toBe("de-DE");
    expect(next.dlna.port).toBe(1338);
    expect(next).toEqual(await stash.config.get());
  });

  it("sends nothing when nothing changed", async () => {
    const before = await stash.config.get();
    standIn.resetStats();
    const same = await stash.config.update({
      general: { parallelTasks: 3, stashes: before.general.stashes },
      interface: { imageLightbox: { slideshowDelay: before.interface.imageLightbox.slideshowDelay } },
      ui: { theme: { dark: true } },
    });
    expect(mutations()).toEqual([]);
    expect(queries()).toEqual(["Configuration"]);
    expect(same).toEqual(before);
  });

  it("merges nested interface and ui values, sending only what differs", async () => {
    const next = await stash.config.update({
      interface: { imageLightbox: { scaleUp: true, slideshowDelay: 5 } }, // slideshowDelay is already 5
      ui: { theme: { dark: true, accent: "red" }, lang: "de" },
    });
    expect(sent.map((s) => [s.operationName, s.variables])).toEqual([
      ["ConfigureInterface", { input: { imageLightbox: { scaleUp: true } } }],
      ["ConfigureUI", { partial: { theme: { accent: "red" } } }],
    ]);
    expect(next.interface.imageLightbox).toMatchObject({ scaleUp: true, slideshowDelay: 5 });
    expect(next.ui).toEqual({ theme: { dark: true, accent: "red" }, lang: "de" });
  });

  it("sends a defaults task whole when it differs, and not when it matches", async () => {
    await stash.config.update({ defaults: { scan: { scanGenerateCovers: true } } });
    expect(sent).toEqual([{ operationName: "ConfigureDefaults", variables: { input: { scan: { scanGenerateCovers: true } } } }]);
    sent = [];
    standIn.resetStats();
    const next = await stash.config.update({ defaults: { scan: { scanGenerateCovers: true, rescan: false } } });
    expect(mutations()).toEqual([]);
    expect(next.defaults.scan).toMatchObject({ scanGenerateCovers: true, rescan: false });
  });

  it("refuses unknown sections and keys, naming them, before any request", async () => {
    const refused = async (update: unknown): Promise<StashValidationError> => {
      const err = await stash.config.update(update as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashValidationError);
      return err as StashValidationError;
    };
    expect((await refused({ generel: { parallelTasks: 2 }, plugins: {} })).message).toMatch(/"generel", "plugins"/);
    const key = await refused({ general: { parallelTask: 2 } });
    expect(key.argument).toBe("update.general");
    expect(key.message).toContain('"parallelTask"');
    const nested = await refused({ interface: { imageLightbox: { scaleUpp: true } } });
    expect(nested.argument).toBe("update.interface.imageLightbox");
    expect(nested.message).toContain('"scaleUpp"');
    expect((await refused({ general: { apiKey: "x" } })).message).toContain('"apiKey"'); // a result field, not an input one
    expect((await refused({ dlna: "on" })).argument).toBe("update.dlna");
    expect(standIn.requests).toBe(0);
  });
});

describe("config.update against an older server", () => {
  it("refuses a key the server's release lacks, after the read and before any mutation", async () => {
    const old = await startStandIn({ version: "v0.29.3" });
    const client = new StashClient({ url: old.url, retry: false });
    try {
      const err = await client.config.update({ interface: { sfwContentMode: true } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StashValidationError);
      expect((err as StashValidationError).argument).toBe("update.interface.sfwContentMode");
      expect(old.operations.filter((o) => o.operationType === "mutation")).toEqual([]);
    } finally {
      await client.close();
      await old.close();
    }
  });
});

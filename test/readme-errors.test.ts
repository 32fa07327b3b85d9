/**
 * The README's error table quotes real messages: each `` `call` → `message` ``
 * in "Errors, retries and timeouts" is run on a stand-in and must throw exactly that.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { usingStandIn } from "./helpers/standin";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const section = README.slice(README.indexOf("## Errors, retries and timeouts"), README.indexOf("\n## ", README.indexOf("## Errors, retries and timeouts") + 1));
const examples = [...section.matchAll(/^\| `(\w+)`[^\n]*?`(\w+\([^`]*\))` → `([^`]+)`/gm)].map(([, cls, call, message]) => ({ cls: cls!, call: call!, message: message! }));

describe("README error table", () => {
  it("has examples to check", () => {
    expect(examples.map((e) => e.cls)).toEqual(expect.arrayContaining(["StashValidationError", "StashGraphQLError"]));
  });

  it.each(examples)("$cls: $call throws the quoted message", async ({ cls, call, message }) => {
    await usingStandIn({}, async (server) => {
      await server.seed({ scenes: [{ title: "One", files: [{ path: "/r/one.mp4", size: 1, duration: 1, width: 640, height: 360 }] }] });
      const stash = new StashClient({ url: server.url });
      const run = new Function("stash", `return stash.${call};`) as (s: StashClient) => Promise<unknown>;
      const err = await run(stash).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.name).toBe(cls);
      expect(err?.message).toBe(message);
    });
  });
});

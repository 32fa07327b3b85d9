/**
 * `stash-gql tags|performers|studios|galleries|images list|get`, in-process
 * against a stand-in: the table, --json, --filter-json, --all as JSON lines,
 * `get` for one entity, and a missing id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program";
import { EXIT } from "../src/cli/exit-codes";
import { startStandIn, type StandIn, type SeedResult } from "../src/testing/index";
import { capture } from "./helpers/cli-io";

let standIn: StandIn;
let seeded: SeedResult;

beforeAll(async () => {
  standIn = await startStandIn();
  seeded = await standIn.seed({
    tags: ["Beach", { name: "Sunset", aliases: ["Dusk"], parents: ["Beach"] }, "Indoor"],
    performers: [{ name: "Ann Example", aliases: ["Annie"] }, "Bo Example"],
    studios: ["Acme", { name: "Acme Sub", parent: "Acme" }],
    galleries: [{ title: "Trip" }],
    images: [{ files: [{ path: "/img/trip1.jpg", size: 2048, width: 200, height: 100 }], galleries: ["Trip"] }],
  });
});
afterAll(async () => {
  await standIn.close();
});

async function cli(...args: string[]) {
  const c = capture();
  const code = await runCli([...args, "--url", standIn.url], c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

describe("stash-gql <entity> list", () => {
  it("tags list prints a table with a page summary", async () => {
    const { code, out, err } = await cli("tags", "list");
    expect(code, err).toBe(0);
    expect(out).toMatch(/ID\s+NAME\s+SCENES\s+PARENTS\s+ALIASES/);
    expect(out).toMatch(/Sunset\s+0\s+Beach\s+Dusk/);
    expect(out).toContain("tags 1–3 of 3");
  });

  it("performers list --q searches and --json prints { count, items }", async () => {
    const { code, out } = await cli("performers", "list", "--q", "annie", "--json");
    expect(code).toBe(0);
    const page = JSON.parse(out);
    expect(page.count).toBe(1);
    expect(page.items.map((p: { name: string }) => p.name)).toEqual(["Ann Example"]);
  });

  it("studios list --filter-json passes the studio filter", async () => {
    const { code, out } = await cli("studios", "list", "--json", "--filter-json", JSON.stringify({ name: { value: "Acme Sub", modifier: "EQUALS" } }));
    expect(code).toBe(0);
    expect(JSON.parse(out).items.map((s: { id: string }) => s.id)).toEqual([seeded.studios["Acme Sub"]]);
  });

  it("tags list --all streams JSON lines in id order", async () => {
    const { code, out } = await cli("tags", "list", "--all", "--per-page", "2", "--no-progress");
    expect(code).toBe(0);
    const ids = out.trim().split("\n").map((line) => JSON.parse(line).id);
    expect(ids).toEqual(Object.values(seeded.tags).sort((a, b) => Number(a) - Number(b)));
  });

  it("galleries and images list their items", async () => {
    expect((await cli("galleries", "list")).out).toMatch(/Trip\s+\S*\s*1/);
    const images = await cli("images", "list");
    expect(images.code).toBe(0);
    expect(images.out).toContain("/img/trip1.jpg");
  });

  it("--page with --all is a usage error", async () => {
    const { code } = await cli("tags", "list", "--all", "--page", "2");
    expect(code).toBe(EXIT.usage);
  });
});

describe("stash-gql <entity> get", () => {
  it("shows one entity, or JSON with --json", async () => {
    const shown = await cli("tags", "get", seeded.tags["Sunset"]!);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^Tag ${seeded.tags["Sunset"]}: Sunset`));
    expect(shown.out).toMatch(/parents\s+Beach/);
    const json = await cli("studios", "get", seeded.studios["Acme Sub"]!, "--json");
    expect(JSON.parse(json.out).parent_studio.name).toBe("Acme");
  });

  it("exits 1 for a missing id and refuses a non-numeric one", async () => {
    const missing = await cli("performers", "get", "9999");
    expect(missing.code).toBe(EXIT.failure);
    expect(missing.err).toContain("performer 9999 not found");
    expect((await cli("galleries", "get", "abc")).code).toBe(EXIT.usage);
  });
});

/**
 * The entity namespaces against a stand-in over real HTTP: find/findMany/
 * iterate, update semantics (undefined keeps, null clears, [] empties, a
 * fetched object goes back as is), bulk relation modes, destroy, merge,
 * find-or-create (case, aliases, concurrency, a lost race) and hierarchies.
 */
import { describe, expect, it } from "vitest";
import { StashClient } from "../src/index";
import { standInWithClient } from "./helpers/standin-client";

const live = standInWithClient();
const unique = (() => {
  let n = 0;
  return (prefix: string) => `${prefix} ${++n}`;
})();

describe("tags", () => {
  it("find returns the tag or null; findMany returns { count, items }", async () => {
    const name = unique("Outdoor");
    const tag = await live.stash.tags.create({ name, aliases: [`${name} alias`] });
    expect((await live.stash.tags.find(tag.id))?.name).toBe(name);
    expect(await live.stash.tags.find("987654")).toBeNull();
    const page = await live.stash.tags.findMany({ q: name });
    expect(page.count).toBe(1);
    expect(page.items.map((t) => t.id)).toEqual([tag.id]);
    expect(Object.keys(page).sort()).toEqual(["count", "items"]);
  });

  it("update: undefined keeps, null clears, [] empties, and a modified fetched tag is accepted", async () => {
    const parent = await live.stash.tags.create({ name: unique("Parent") });
    const tag = await live.stash.tags.create({ name: unique("Child"), description: "kept", aliases: ["a1"], parent_ids: [parent.id] });
    const renamed = await live.stash.tags.update({ id: tag.id, name: `${tag.name} renamed` });
    expect(renamed.description).toBe("kept");
    expect(renamed.aliases).toEqual(["a1"]);
    expect(renamed.parents.map((p) => p.id)).toEqual([parent.id]);

    const cleared = await live.stash.tags.update({ id: Number(tag.id), description: null, aliases: [] });
    expect(cleared.description ?? "").toBe("");
    expect(cleared.aliases).toEqual([]);

    const fetched = (await live.stash.tags.find(tag.id))!;
    const back = await live.stash.tags.update({ ...fetched, favorite: true, parents: [] });
    expect(back.favorite).toBe(true);
    expect(back.parents).toEqual([]);
    expect(back.name).toBe(fetched.name);
  });

  it("findOrCreate matches names and aliases case-insensitively and creates only once", async () => {
    const name = unique("Beach");
    const first = await live.stash.tags.findOrCreate(name, { aliases: [`${name} sand`] });
    expect(first.created).toBe(true);
    expect((await live.stash.tags.findOrCreate(name.toUpperCase())).item.id).toBe(first.item.id);
    const byAlias = await live.stash.tags.findOrCreate(`  ${name} SAND `);
    expect(byAlias).toMatchObject({ created: false, item: { id: first.item.id } });
  });

  it("concurrent findOrCreate calls of one client create one tag", async () => {
    const name = unique("Concurrent");
    const results = await Promise.all([name, name.toLowerCase(), name.toUpperCase(), name].map((n) => live.stash.tags.findOrCreate(n)));
    expect(new Set(results.map((r) => r.item.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(live.sent().filter((op) => op === "TagCreate")).toHaveLength(1);
    expect((await live.stash.tags.findMany({ q: name })).count).toBe(1);
  });

  it("a create lost to another client re-reads instead of failing", async () => {
    const name = unique("Raced");
    const other = new StashClient({ url: live.standIn.url, retry: false });
    // The other client creates the tag just before this client's create reaches the server.
    const racing = new StashClient({
      url: live.standIn.url,
      retry: false,
      fetch: async (input, init) => {
        if (typeof init?.body === "string" && init.body.includes("TagCreate")) await other.tags.create({ name });
        return fetch(input, init);
      },
    });
    const result = await racing.tags.findOrCreate(name);
    expect(result.created).toBe(false);
    expect(result.item.name).toBe(name);
    expect((await live.stash.tags.findMany({ q: name })).count).toBe(1);
  });

  it("bulkUpdate with { add } keeps the other parents; { remove } drops one; { set: [] } clears", async () => {
    const [p1, p2] = [await live.stash.tags.create({ name: unique("P") }), await live.stash.tags.create({ name: unique("P") })];
    const child = await live.stash.tags.create({ name: unique("C"), parent_ids: [p1.id] });
    const [added] = await live.stash.tags.bulkUpdate({ ids: [child.id], parent_ids: { add: [p2] } });
    expect(added!.parents.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
    const [removed] = await live.stash.tags.bulkUpdate({ ids: [child.id], parents: { remove: [p1.id] } });
    expect(removed!.parents.map((p) => p.id)).toEqual([p2.id]);
    const [cleared] = await live.stash.tags.bulkUpdate({ ids: [child.id], parent_ids: { set: [] } });
    expect(cleared!.parents).toEqual([]);
  });

  it("iterate walks every tag in id order, one page per request", async () => {
    const prefix = unique("Walk");
    for (let i = 0; i < 7; i++) await live.stash.tags.create({ name: `${prefix} ${i}` });
    live.standIn.resetStats();
    const ids: number[] = [];
    for await (const tag of live.stash.tags.iterate({ filter: { q: prefix }, perPage: 3 })) ids.push(Number(tag.id));
    expect(ids).toHaveLength(7);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(live.sent().filter((op) => op === "FindTagsSlim")).toHaveLength(3);
  });

  it("destroy takes one id or a list", async () => {
    const [a, b, c] = [await live.stash.tags.create({ name: unique("D") }), await live.stash.tags.create({ name: unique("D") }), await live.stash.tags.create({ name: unique("D") })];
    expect(await live.stash.tags.destroy(a.id)).toBe(true);
    expect(await live.stash.tags.destroy([b.id, c.id])).toBe(true);
    for (const tag of [a, b, c]) expect(await live.stash.tags.find(tag.id)).toBeNull();
  });

  it("merge moves the sources into the destination", async () => {
    const source = await live.stash.tags.create({ name: unique("Src") });
    const destination = await live.stash.tags.create({ name: unique("Dst") });
    const merged = await live.stash.tags.merge({ source: [source.id], destination: destination.id });
    expect(merged.id).toBe(destination.id);
    expect(merged.aliases).toContain(source.name);
    expect(await live.stash.tags.find(source.id)).toBeNull();
  });
});

describe("performers and studios", () => {
  it("performers.findOrCreate keeps performers with different disambiguations apart", async () => {
    const name = unique("Jane");
    const plain = await live.stash.performers.findOrCreate(name);
    const other = await live.stash.performers.findOrCreate(name, { disambiguation: "singer" });
    expect(plain.created && other.created).toBe(true);
    expect(other.item.id).not.toBe(plain.item.id);
    expect((await live.stash.performers.findOrCreate(name.toLowerCase())).item.id).toBe(plain.item.id);
    expect((await live.stash.performers.findOrCreate(name, { disambiguation: "SINGER" })).item.id).toBe(other.item.id);
  });

  it("studios.findOrCreate finds by alias, and update accepts a fetched studio", async () => {
    const name = unique("Acme");
    const created = await live.stash.studios.create({ name, aliases: [`${name} Inc`] });
    expect((await live.stash.studios.findOrCreate(`${name} inc`)).item.id).toBe(created.id);
    const fetched = (await live.stash.studios.find(created.id))!;
    const updated = await live.stash.studios.update({ ...fetched, details: "updated" });
    expect(updated.details).toBe("updated");
    expect(updated.aliases).toEqual([`${name} Inc`]);
  });

  it("performers.update sends only what was set", async () => {
    const p = await live.stash.performers.create({ name: unique("Perf"), country: "NL", urls: ["https://example.com/p"] });
    const updated = await live.stash.performers.update({ id: p.id, rating100: 80 });
    expect(updated).toMatchObject({ rating100: 80, country: "NL", urls: ["https://example.com/p"] });
  });
});

describe("groups", () => {
  it("create, find and update with sub-groups given as fetched objects", async () => {
    const sub = await live.stash.groups.create({ name: unique("Sub") });
    const group = await live.stash.groups.create({ name: unique("Group"), sub_groups: [{ group_id: sub.id, description: "part 1" }] });
    expect((await live.stash.groups.find(group.id))?.sub_groups.map((s) => s.group.id)).toEqual([sub.id]);
    const fetched = (await live.stash.groups.find(group.id))!;
    const updated = await live.stash.groups.update({ ...fetched, synopsis: "plot" });
    expect(updated.synopsis).toBe("plot");
    expect(updated.sub_groups.map((s) => [s.group.id, s.description])).toEqual([[sub.id, "part 1"]]);
  });
});

describe("hierarchies", () => {
  it("tags.ancestors and descendants each take one request, at any depth", async () => {
    const root = await live.stash.tags.create({ name: unique("Root") });
    const mid = await live.stash.tags.create({ name: unique("Mid"), parent_ids: [root.id] });
    const leaf = await live.stash.tags.create({ name: unique("Leaf"), parents: [mid] });
    live.standIn.resetStats();
    expect((await live.stash.tags.ancestors(leaf.id)).map((t) => t.id).sort()).toEqual([root.id, mid.id].sort());
    expect((await live.stash.tags.descendants(root.id)).map((t) => t.id).sort()).toEqual([mid.id, leaf.id].sort());
    expect(live.standIn.requests).toBe(2);
  });

  it("studios.parents walks up; children and descendants walk down", async () => {
    const top = await live.stash.studios.create({ name: unique("Top") });
    const mid = await live.stash.studios.create({ name: unique("Mid"), parent_studio: top });
    const low = await live.stash.studios.create({ name: unique("Low"), parent_id: mid.id });
    expect((await live.stash.studios.parents(low.id)).map((s) => s.id)).toEqual([mid.id, top.id]);
    expect((await live.stash.studios.children(top.id)).map((s) => s.id)).toEqual([mid.id]);
    expect((await live.stash.studios.descendants(top.id)).map((s) => s.id)).toEqual([mid.id, low.id]);
  });
});
